/**
 * The host view: the running kernel's compressed-swap state as one plain,
 * JSON-serialisable object, built from the texts of a few procfs, sysfs and
 * debugfs files (read at the edge, `cli/host/`), plus the figures derived
 * from them: compression ratio (`Zswapped`/`Zswap` of /proc/meminfo), pool
 * use against `max_pool_percent` of `MemTotal` (`zswap_is_full` in
 * mm/zswap.c), and rates per second between two samples.
 *
 * A group that cannot be read is `{ unavailable: reason }`, never an error:
 * no zswap module, no permission, debugfs not mounted, an old kernel.
 */
import {
  DEBUGFS_DIR,
  DEBUGFS_DIRS,
  DEBUGFS_NAMES,
  type FileRead,
  type HostFiles,
  PROC_FILES,
  ZSWAP_PARAM_NAMES,
  ZSWAP_PARAMS_DIR,
} from "./files.ts";

/** Why a group is missing. */
export interface Unavailable {
  unavailable: string;
}

/** The /proc/meminfo lines the view uses, in kB (null: the kernel has no such line). */
export interface HostMeminfo {
  MemTotal: number | null;
  Zswap: number | null;
  Zswapped: number | null;
  SwapTotal: number | null;
  SwapFree: number | null;
  SwapCached: number | null;
}

/** The /proc/vmstat zswap events (totals since boot; null: no such line). */
export interface HostVmstat {
  zswpin: number | null;
  zswpout: number | null;
  zswpwb: number | null;
}

/** Events per second between the previous sample and this one. */
export interface HostRates {
  seconds: number;
  zswpin: number | null;
  zswpout: number | null;
  zswpwb: number | null;
}

/** One line of /proc/swaps (sizes in kB). */
export interface HostSwap {
  filename: string;
  type: string;
  size: number;
  used: number;
  priority: number;
}

/** Figures derived from the groups (null when their inputs are unavailable). */
export interface HostDerived {
  /** Original size / compressed size of what zswap holds. */
  ratio: number | null;
  /** Bytes of the compressed pool (meminfo `Zswap`, else debugfs `pool_total_size`). */
  poolBytes: number | null;
  /** `max_pool_percent` of `MemTotal`, in bytes. */
  poolLimitBytes: number | null;
  /** poolBytes / poolLimitBytes. */
  poolUse: number | null;
}

export interface HostSnapshot {
  /** `/` for the live machine, else the `--host-root` directory. */
  root: string;
  /** Kernel release (`/proc/sys/kernel/osrelease`), or null. */
  kernel: string | null;
  /** When the sample was taken (ms, the edge's clock): rates are computed from it. */
  time: number;
  /** zswap module parameters by name, as the kernel prints them. */
  zswap: Record<string, string> | Unavailable;
  meminfo: HostMeminfo | Unavailable;
  vmstat: HostVmstat | Unavailable;
  rates: HostRates | null;
  debugfs: {
    zswap: Record<string, number> | Unavailable;
    cleancache: Record<string, number> | Unavailable;
    frontswap: Record<string, number> | Unavailable;
  };
  swaps: HostSwap[] | Unavailable;
  derived: HostDerived;
}

/** Whether a group is the "not available" marker. */
export function isUnavailable(v: unknown): v is Unavailable {
  return typeof v === "object" && v !== null && "unavailable" in v;
}

/** Words of a read failure, for a reason. */
function failureWords(r: FileRead): string {
  if ("text" in r) return "read";
  return r.failed === "missing"
    ? "absent"
    : r.failed === "denied"
    ? "permission denied"
    : `unreadable: ${r.detail}`;
}

/** Parse `Key:   123 kB` lines into numbers (kB). */
export function parseMeminfo(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z0-9_()]+):\s+([0-9]+)/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

/** Parse `name value` lines (/proc/vmstat). */
export function parseVmstat(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const m = /^([a-z0-9_]+)\s+([0-9]+)\s*$/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

/** Parse /proc/swaps (header line, then `Filename Type Size Used Priority`). */
export function parseSwaps(text: string): HostSwap[] {
  const out: HostSwap[] = [];
  for (const line of text.split("\n").slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const [size, used, priority] = f.slice(-3).map(Number);
    // A file name may hold spaces (the kernel escapes them as \040); it is everything before type.
    out.push({ filename: f.slice(0, -4).join(" "), type: f[f.length - 4], size, used, priority });
  }
  return out;
}

/** Whether /proc/mounts shows debugfs mounted at /sys/kernel/debug (null: unknown). */
export function debugfsMounted(mounts: FileRead | undefined): boolean | null {
  if (!mounts || !("text" in mounts)) return null;
  return mounts.text.split("\n").some((l) => {
    const f = l.split(/\s+/);
    return f[1] === `/${DEBUGFS_DIR}` && f[2] === "debugfs";
  });
}

/** A procfs copy taken with tar holds empty files: say so instead of showing zeros. */
const EMPTY = "empty (procfs copied with tar reads 0 bytes: use the cat-based snapshot)";

/** Text of a file that was read, or undefined. */
function textOf(files: HostFiles, path: string): string | undefined {
  const r = files.get(path);
  return r && "text" in r ? r.text : undefined;
}

/** The reads of every file of a directory (keys relative to the root). */
function readsUnder(files: HostFiles, dir: string): [string, FileRead][] {
  const out: [string, FileRead][] = [];
  for (const [p, r] of files) {
    if (p.startsWith(dir + "/") && !p.slice(dir.length + 1).includes("/")) {
      out.push([p.slice(dir.length + 1), r]);
    }
  }
  return out;
}

function zswapParams(files: HostFiles): Record<string, string> | Unavailable {
  const reads = readsUnder(files, ZSWAP_PARAMS_DIR);
  const out: Record<string, string> = {};
  // Known names first in a fixed order, then whatever else a listed copy had.
  const order = [...ZSWAP_PARAM_NAMES as readonly string[]];
  for (const [n] of reads) if (!order.includes(n)) order.push(n);
  let denied = false;
  for (const n of order) {
    const r = files.get(`${ZSWAP_PARAMS_DIR}/${n}`);
    if (!r) continue;
    if ("text" in r) out[n] = r.text.trim();
    else if (r.failed === "denied") denied = true;
  }
  if (Object.keys(out).length > 0) return out;
  if (denied) return { unavailable: `permission denied reading /${ZSWAP_PARAMS_DIR}` };
  return { unavailable: `no zswap module (/${ZSWAP_PARAMS_DIR} absent)` };
}

function debugfsGroup(
  files: HostFiles,
  which: keyof typeof DEBUGFS_DIRS,
  mounted: boolean | null,
  zswapModule: boolean,
): Record<string, number> | Unavailable {
  const dir = DEBUGFS_DIRS[which];
  const reads = readsUnder(files, dir);
  const out: Record<string, number> = {};
  const order = [...DEBUGFS_NAMES[which] as readonly string[]];
  for (const [n] of reads) if (!order.includes(n)) order.push(n);
  let denied = false;
  for (const n of order) {
    const r = files.get(`${dir}/${n}`);
    if (!r) continue;
    if ("text" in r) {
      const v = Number(r.text.trim());
      if (r.text.trim() !== "" && Number.isFinite(v)) out[n] = v;
    } else if (r.failed === "denied") denied = true;
  }
  if (Object.keys(out).length > 0) return out;
  if (denied) return { unavailable: `permission denied: debugfs is readable by root only` };
  if (mounted === false) {
    return { unavailable: `debugfs not mounted at /${DEBUGFS_DIR}` };
  }
  const why = which === "zswap"
    ? (zswapModule
      ? "zswap not initialised (disabled at boot) or no CONFIG_DEBUG_FS"
      : "no zswap in this kernel")
    : `not in this kernel (cleancache left in 5.17, frontswap later) or no CONFIG_DEBUG_FS`;
  return { unavailable: `/${dir} absent: ${why}` };
}

function meminfoGroup(files: HostFiles): HostMeminfo | Unavailable {
  const t = textOf(files, PROC_FILES.meminfo);
  if (t === undefined) {
    const r = files.get(PROC_FILES.meminfo);
    return { unavailable: `/${PROC_FILES.meminfo} ${r ? failureWords(r) : "not read"}` };
  }
  if (t.trim() === "") return { unavailable: `/${PROC_FILES.meminfo} ${EMPTY}` };
  const m = parseMeminfo(t);
  const g = (k: string) => m.get(k) ?? null;
  return {
    MemTotal: g("MemTotal"),
    Zswap: g("Zswap"),
    Zswapped: g("Zswapped"),
    SwapTotal: g("SwapTotal"),
    SwapFree: g("SwapFree"),
    SwapCached: g("SwapCached"),
  };
}

function vmstatGroup(files: HostFiles): HostVmstat | Unavailable {
  const t = textOf(files, PROC_FILES.vmstat);
  if (t === undefined) {
    const r = files.get(PROC_FILES.vmstat);
    return { unavailable: `/${PROC_FILES.vmstat} ${r ? failureWords(r) : "not read"}` };
  }
  if (t.trim() === "") return { unavailable: `/${PROC_FILES.vmstat} ${EMPTY}` };
  const m = parseVmstat(t);
  return {
    zswpin: m.get("zswpin") ?? null,
    zswpout: m.get("zswpout") ?? null,
    zswpwb: m.get("zswpwb") ?? null,
  };
}

function swapsGroup(files: HostFiles): HostSwap[] | Unavailable {
  const t = textOf(files, PROC_FILES.swaps);
  if (t === undefined) {
    const r = files.get(PROC_FILES.swaps);
    return { unavailable: `/${PROC_FILES.swaps} ${r ? failureWords(r) : "not read"}` };
  }
  if (t.trim() === "") return { unavailable: `/${PROC_FILES.swaps} ${EMPTY}` };
  return parseSwaps(t);
}

/** Ratio, pool bytes and pool use from the groups (see `HostDerived`). */
export function deriveHost(
  s: Pick<HostSnapshot, "zswap" | "meminfo" | "debugfs">,
): HostDerived {
  const mem = isUnavailable(s.meminfo) ? null : s.meminfo;
  const dbg = isUnavailable(s.debugfs.zswap) ? null : s.debugfs.zswap;
  let ratio: number | null = null;
  let poolBytes: number | null = null;
  if (mem?.Zswap != null) {
    poolBytes = mem.Zswap * 1024;
    if (mem.Zswap > 0 && mem.Zswapped != null) ratio = mem.Zswapped / mem.Zswap;
  } else if (dbg?.pool_total_size !== undefined) {
    poolBytes = dbg.pool_total_size;
  }
  if (ratio === null && dbg && dbg.pool_total_size > 0 && dbg.stored_pages !== undefined) {
    // Old kernels: stored pages (same-filled ones take no pool bytes) over the pool size.
    const compressed = dbg.stored_pages - (dbg.same_filled_pages ?? 0);
    ratio = (compressed * 4096) / dbg.pool_total_size;
  }
  const pct = isUnavailable(s.zswap) ? NaN : Number(s.zswap.max_pool_percent);
  const poolLimitBytes = mem?.MemTotal != null && Number.isFinite(pct)
    ? Math.floor(mem.MemTotal * 1024 * pct / 100)
    : null;
  const poolUse = poolBytes !== null && poolLimitBytes ? poolBytes / poolLimitBytes : null;
  return { ratio, poolBytes, poolLimitBytes, poolUse };
}

/** Per-second rates of the vmstat events between two samples (null when no interval). */
export function hostRates(prev: HostSnapshot | null, cur: HostSnapshot): HostRates | null {
  if (!prev || isUnavailable(prev.vmstat) || isUnavailable(cur.vmstat)) return null;
  const seconds = (cur.time - prev.time) / 1000;
  if (!(seconds > 0)) return null;
  const a = prev.vmstat, b = cur.vmstat;
  const rate = (x: number | null, y: number | null) =>
    x === null || y === null || y < x ? null : (y - x) / seconds;
  return {
    seconds,
    zswpin: rate(a.zswpin, b.zswpin),
    zswpout: rate(a.zswpout, b.zswpout),
    zswpwb: rate(a.zswpwb, b.zswpwb),
  };
}

/**
 * Build the host snapshot from the reads of one sample. Returns null when
 * nothing at all was readable (the `host` group of `stats` is then null).
 */
export function buildHostSnapshot(
  files: HostFiles,
  root: string,
  time: number,
  prev: HostSnapshot | null = null,
): HostSnapshot | null {
  const mounted = debugfsMounted(files.get(PROC_FILES.mounts));
  const zswap = zswapParams(files);
  const module = !isUnavailable(zswap);
  const groups = {
    zswap,
    meminfo: meminfoGroup(files),
    vmstat: vmstatGroup(files),
    debugfs: {
      zswap: debugfsGroup(files, "zswap", mounted, module),
      cleancache: debugfsGroup(files, "cleancache", mounted, module),
      frontswap: debugfsGroup(files, "frontswap", mounted, module),
    },
    swaps: swapsGroup(files),
  };
  const all = [
    groups.zswap,
    groups.meminfo,
    groups.vmstat,
    groups.swaps,
    ...Object.values(groups.debugfs),
  ];
  if (all.every(isUnavailable)) return null;
  const kernel = textOf(files, PROC_FILES.osrelease)?.trim() || null;
  const snap: HostSnapshot = {
    root,
    kernel,
    time,
    zswap: groups.zswap,
    meminfo: groups.meminfo,
    vmstat: groups.vmstat,
    rates: null,
    debugfs: groups.debugfs,
    swaps: groups.swaps,
    derived: deriveHost(groups),
  };
  snap.rates = hostRates(prev, snap);
  return snap;
}
