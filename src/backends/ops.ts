/**
 * The contract between the frontends and a backend, shaped like the
 * kernel's ops tables (`struct cleancache_ops`, `struct frontswap_ops`),
 * plus what the simulator asks of every backend (counters, audit, the result
 * of the last put/store). Pool ids are non-negative on success; a negative
 * id means failure.
 */
import type { BackendStats } from "../snapshot.ts";

/** `struct cleancache_ops`. */
export interface CleancacheOps {
  /** `init_fs`: create a private pool; negative = failure (the regimes handle it per release). */
  initFs(pageSize: number): number;
  /** `init_shared_fs`: whether one uuid means one pool is the backend's decision. */
  initSharedFs(uuid: string, pageSize: number): number;
  /** `get_page`: decompress into `out`; private pools drop their copy (exclusive). */
  getPage(pool: number, ino: number, index: number, out: Uint8Array): boolean;
  /** `put_page`: may be dropped at any time. */
  putPage(pool: number, ino: number, index: number, page: Uint8Array): void;
  invalidatePage(pool: number, ino: number, index: number): void;
  invalidateInode(pool: number, ino: number): void;
  /** `invalidate_fs`: may be called with -1 (3.10 does): the backend ignores it. */
  invalidateFs(pool: number): void;
}

/** `struct frontswap_ops`. */
export interface FrontswapOps {
  init(type: number): void;
  /** `store`: true when the backend took the page. */
  store(type: number, offset: number, page: Uint8Array): boolean;
  load(type: number, offset: number, out: Uint8Array): boolean;
  invalidatePage(type: number, offset: number): void;
  invalidateArea(type: number): void;
}

/** What a backend may ask of the kernel around it. */
export interface BackendHost {
  /** `frontswap_tmem_exclusive_gets(on)` (staging zcache calls it in its init). */
  setFrontswapExclusiveGets(on: boolean): void;
  /**
   * Write a swap page to its slot on the swap device (zswap writeback,
   * zcache with CONFIG_ZCACHE_WRITEBACK). Frontswap's bit is NOT touched:
   * the kernel never told it.
   */
  writeSwapSlot(type: number, offset: number, page: Uint8Array): void;
}

/** Usage of one cleancache pool. */
export interface PoolUsage {
  pages: number;
  compressedBytes: number;
  shared: boolean;
}

/** Why the last put/store was refused (null: it was taken). */
export type RejectReason =
  | "compress_poor"
  | "mean_compress_poor"
  | "pool_full"
  | "reclaim_fail"
  | "alloc_fail"
  | "unknown_type"
  | "no_pool";

/** The outcome of the last put/store, for `--json` results. */
export interface PutResult {
  /** Compressed length in bytes (0 for a same-filled page), null when nothing was compressed. */
  clen: number | null;
  reason: RejectReason | null;
}

/** A registered backend: its ops tables, counters, and the simulator's extras. */
export interface Backend {
  readonly name: string;
  /** The ops given to `cleancache_register_ops`; null: registers none (zswap). */
  readonly cleancache: CleancacheOps | null;
  /** The ops given to `frontswap_register_ops`; null: registers none. */
  readonly frontswap: FrontswapOps | null;
  /** At registration, before any op. */
  attach(host: BackendHost): void;
  /** Ours (unregister writes every frontswap page back): read without counting or dropping. */
  peekSwapPage(type: number, offset: number, out: Uint8Array): boolean;
  poolUsage(pool: number): PoolUsage | null;
  /**
   * Result of the last putPage/store (compressed length; why it was refused): one object
   * updated by every put and store, so read it (or copy it) before the next one.
   */
  lastResult(): PutResult;
  /** Common fields (one meaning for every backend) plus the backend's own `debugfs` group. */
  stats(): BackendStats;
  /** Check internal consistency; returns problems found. */
  audit(): string[];
}
