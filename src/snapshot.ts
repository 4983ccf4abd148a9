/**
 * The snapshot: one plain, JSON-serialisable object describing the whole
 * simulation at one tick. Field names of the `cleancache`, `frontswap`,
 * `backend` and `integrity` groups follow the kernel's debugfs counters and
 * must not change (scripts and `expect` lines depend on them).
 */
import type { Regime } from "./regime.ts";
import type { ContentClass } from "./content.ts";
import type { IntegrityCounts } from "./integrity.ts";

/** State of a mounted superblock or an enabled swap type with respect to a backend. */
export type BackingState = "backed" | "pending" | "uncached";

/** One mounted filesystem (a `struct super_block` with its `cleancache_poolid`). */
export interface SuperblockSnapshot {
  name: string;
  /** uuid for a shared (cluster) filesystem mounted with `init_shared_fs`. */
  uuid: string | null;
  /** `sb->cleancache_poolid` as the kernel keeps it (fake id under fake-poolid). */
  poolId: number;
  /** The backend pool the operations reach, or null when none. */
  realPoolId: number | null;
  /** Fake pool id (1000+i, shared 2000+i) under fake-poolid, else null. */
  fakeId: number | null;
  state: BackingState;
  /** Pages the backend holds in this pool. */
  pages: number;
  /** Compressed bytes the backend holds for this pool. */
  compressedBytes: number;
  puts: number;
  hits: number;
  misses: number;
  invalidates: number;
  /** Puts and gets that reached no backend pool (pending, uncached, no backend): ours. */
  skipped: number;
}

/** One swap type (`swap_info_struct`) with its frontswap bitmap. */
export interface SwapTypeSnapshot {
  type: number;
  slots: number;
  state: BackingState;
  /** Set bits in the frontswap bitmap (`frontswap_pages`). */
  pages: number;
  /** Slots holding a page (in the backend or on disk). */
  usedSlots: number;
  succ_stores: number;
  failed_stores: number;
  loads: number;
  invalidates: number;
  written_back: number;
  disk_writes: number;
  disk_reads: number;
  /** Stores that reached no backend (pending or uncached): ours. */
  skipped: number;
}

/** Backend counters (zcache/zswap debugfs names). */
export interface BackendSnapshot {
  name: string;
  kind: "zcache" | "ram";
  compressor: string;
  level: number;
  allocator: string;
  /** Pool limit in pages (frames), 0 = none. */
  limit: number;
  threshold: number;
  writeback: boolean;
  stored_pages: number;
  cleancache_pages: number;
  frontswap_pages: number;
  same_filled_pages: number;
  /** Bytes of allocator frames really in use (after packing). */
  pool_total_size: number;
  /** Sum of compressed sizes of the pages held (same-filled count 0). */
  compressed_bytes: number;
  /** Sum of original sizes (4096 each) of the pages held. */
  original_bytes: number;
  /** original_bytes / compressed_bytes (pages that needed pool memory). */
  compression_ratio: number;
  /** original_bytes / pool_total_size: density after packing. */
  effective_ratio: number;
  reject_compress_poor: number;
  reject_alloc_fail: number;
  /** The pool was at its limit and nothing could be evicted or written back. */
  reject_reclaim_fail: number;
  pool_limit_hit: number;
  written_back_pages: number;
  duplicate_entry: number;
  evicted_pages: number;
  pools: number;
}

export interface CleancacheSnapshot {
  succ_gets: number;
  failed_gets: number;
  puts: number;
  invalidates: number;
  /** Number of mounted superblocks with a real backend pool. */
  pools: number;
  /** Names of mounted superblocks waiting for a backend. */
  pending: string[];
  /** Names of mounted superblocks that will never get a pool. */
  uncached: string[];
  /** Puts and gets that reached no backend pool, since the start (ours, not a kernel counter). */
  skipped: number;
}

export interface FrontswapSnapshot {
  loads: number;
  succ_stores: number;
  failed_stores: number;
  invalidates: number;
  /** Total set bits over all types. */
  pages: number;
  active: number[];
  pending: number[];
  uncached: number[];
  /** Pages written back to their swap slots (at unregister or under pool pressure). */
  written_back_pages: number;
  /** Stores that reached no backend, since the start (ours, not a kernel counter). */
  skipped: number;
}

/** The integrity oracle's counts (src/integrity.ts). */
export type IntegritySnapshot = IntegrityCounts;

/** One entry of the bounded event log, newest first in snapshots. */
export interface SimEvent {
  tick: number;
  kind:
    | "register"
    | "unregister"
    | "pool-created"
    | "pool-destroyed"
    | "mount"
    | "umount"
    | "swapon"
    | "swapoff"
    | "writeback"
    | "workload"
    | "error"
    | "info";
  text: string;
  /** Running number of the event in the simulation's log (lets a reader take only new ones). */
  seq?: number;
}

export interface WorkloadSnapshot {
  name: string;
  running: boolean;
  params: Record<string, number | string>;
}

export interface Snapshot {
  tick: number;
  regime: Regime;
  seed: number;
  cleancache: CleancacheSnapshot;
  frontswap: FrontswapSnapshot;
  /** The backend holding cleancache, else the newest registered; null when none. */
  backend: BackendSnapshot | null;
  /** Every registered backend, newest first (4.2 frontswap stacks them). */
  backends: BackendSnapshot[];
  integrity: IntegritySnapshot;
  superblocks: SuperblockSnapshot[];
  swapTypes: SwapTypeSnapshot[];
  workloads: WorkloadSnapshot[];
  /** Newest first, bounded. */
  events: SimEvent[];
  /** Total frontend operations so far (gets, puts, invalidates, stores, loads). */
  ops: number;
}

export type { ContentClass };
