/**
 * The backend operations, shaped like the kernel's ops tables
 * (`struct cleancache_ops`, `struct frontswap_ops`). Pool ids are
 * non-negative on success; a negative id means failure.
 */
import type { BackendSnapshot } from "../snapshot.ts";

/** `struct cleancache_ops`. */
export interface CleancacheOps {
  /** `init_fs`: create a private pool. */
  initFs(pageSize: number): number;
  /** `init_shared_fs`: same uuid, same pool. */
  initSharedFs(uuid: string, pageSize: number): number;
  /** `get_page`: decompress into `out`; a private pool drops its copy (exclusive). */
  getPage(pool: number, ino: number, index: number, out: Uint8Array): boolean;
  /** `put_page`: may be dropped at any time; replaces any older copy. */
  putPage(pool: number, ino: number, index: number, page: Uint8Array): void;
  invalidatePage(pool: number, ino: number, index: number): void;
  invalidateInode(pool: number, ino: number): void;
  /** `invalidate_fs`: destroy the pool (a shared pool when its last user goes). */
  invalidateFs(pool: number): void;
}

/** `struct frontswap_ops`. */
export interface FrontswapOps {
  init(type: number): void;
  /** `store`: true when the backend took the page. A store over an existing copy replaces it. */
  store(type: number, offset: number, page: Uint8Array): boolean;
  load(type: number, offset: number, out: Uint8Array): boolean;
  invalidatePage(type: number, offset: number): void;
  invalidateArea(type: number): void;
}

/** What a backend may ask of the frontswap side: writing a page back to its swap slot. */
export interface BackendHost {
  /** Write a frontswap page back to its swap slot; the frontend clears the bit. */
  writebackSwapPage(type: number, offset: number, page: Uint8Array): void;
}

/** Usage of one cleancache pool. */
export interface PoolUsage {
  pages: number;
  compressedBytes: number;
  shared: boolean;
}

/** A registered backend: both ops tables, counters, and the simulator's extras. */
export interface Backend {
  readonly name: string;
  /** The ops registered with `cleancache_register_ops`. */
  readonly cleancache: CleancacheOps;
  /** The ops registered with `frontswap_register_ops`. */
  readonly frontswap: FrontswapOps;
  /** Called at registration. */
  attach(host: BackendHost): void;
  /** Read a frontswap page without counting or dropping it (writeback at unregister). */
  peekSwapPage(type: number, offset: number, out: Uint8Array): boolean;
  poolUsage(pool: number): PoolUsage | null;
  stats(): BackendSnapshot;
  /** Check internal consistency; returns problems found. */
  audit(): string[];
}
