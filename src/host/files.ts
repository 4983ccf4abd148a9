/**
 * The files the host view reads, relative to a root (`/` on the live
 * machine, or a copy laid out under `--host-root DIR`), and what a read of
 * one of them gave. Pure data: the reading itself is done at the edge
 * (`cli/host/`).
 *
 * Names come from the kernel sources: `module_param*` in `mm/zswap.c`
 * (3.11 .. 6.x), `zswap_debugfs_init` in `mm/zswap.c`, `init_cleancache`
 * in `mm/cleancache.c` and `init_frontswap` in `mm/frontswap.c` (3.x-5.x).
 */

/** Directory of zswap's module parameters (`/sys/module/zswap/parameters`). */
export const ZSWAP_PARAMS_DIR = "sys/module/zswap/parameters";
/** debugfs directories of zswap, cleancache and frontswap. */
export const DEBUGFS_DIR = "sys/kernel/debug";
export const DEBUGFS_DIRS = {
  zswap: `${DEBUGFS_DIR}/zswap`,
  cleancache: `${DEBUGFS_DIR}/cleancache`,
  frontswap: `${DEBUGFS_DIR}/frontswap`,
} as const;

/**
 * Every zswap parameter some release had (a directory cannot be listed
 * through `cat`, so the live reader asks for each name; a `--host-root`
 * copy is listed and may show more).
 */
export const ZSWAP_PARAM_NAMES = [
  "enabled",
  "compressor",
  "zpool",
  "max_pool_percent",
  "accept_threshold_percent",
  "shrinker_enabled",
  "same_filled_pages_enabled",
  "non_same_filled_pages_enabled",
  "exclusive_loads",
] as const;

/** debugfs counters by directory, over the releases (3.9 .. 6.x). */
export const DEBUGFS_NAMES = {
  zswap: [
    "stored_pages",
    "pool_total_size",
    "same_filled_pages",
    "written_back_pages",
    "pool_limit_hit",
    "duplicate_entry",
    "reject_reclaim_fail",
    "reject_alloc_fail",
    "reject_kmemcache_fail",
    "reject_compress_fail",
    "reject_compress_poor",
    "decompress_fail",
    "stored_incompressible_pages",
  ],
  cleancache: ["succ_gets", "failed_gets", "puts", "invalidates", "flushes"],
  frontswap: ["loads", "succ_stores", "failed_stores", "invalidates"],
} as const;

/** Single files read whole. */
export const PROC_FILES = {
  meminfo: "proc/meminfo",
  vmstat: "proc/vmstat",
  swaps: "proc/swaps",
  mounts: "proc/mounts",
  osrelease: "proc/sys/kernel/osrelease",
} as const;

/** Why a file could not be read. */
export type ReadFailure = "missing" | "denied" | "error";

/** What reading one file gave: its text (NULs stripped), or why not. */
export type FileRead = { text: string } | { failed: ReadFailure; detail: string };

/** Reads by path relative to the root; a path never asked for is absent. */
export type HostFiles = ReadonlyMap<string, FileRead>;

/**
 * Every file the live reader asks for: the whole-file ones, each known
 * parameter and each known debugfs counter.
 */
export function knownHostPaths(): string[] {
  const out: string[] = Object.values(PROC_FILES);
  for (const n of ZSWAP_PARAM_NAMES) out.push(`${ZSWAP_PARAMS_DIR}/${n}`);
  for (const [dir, names] of Object.entries(DEBUGFS_NAMES)) {
    for (const n of names) out.push(`${DEBUGFS_DIRS[dir as keyof typeof DEBUGFS_DIRS]}/${n}`);
  }
  return out;
}

/**
 * Text as read from procfs/sysfs: NUL bytes removed (a copy made with `tar`
 * pads sysfs files with NULs to their 4096-byte size).
 */
export function stripNuls(text: string): string {
  return text.includes("\0") ? text.replaceAll("\0", "") : text;
}
