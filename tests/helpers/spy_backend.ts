/**
 * A recording backend for frontend and regime tests: plain copies, every
 * call logged, and the few behaviours of real backends the regimes react to:
 * - `swapTypes`: "any" (accepts every type), "told" (refuses a type it was
 *   never told about, like `ram`), "one-pool" (one pool for every type,
 *   created by the first `init`, like staging zcache and Xen tmem);
 * - `privateShared`: `init_shared_fs` gives a private pool (staging zcache)
 *   instead of one pool per uuid (Xen tmem);
 * - `failInit`: `init_fs`/`init_shared_fs` return -1;
 * - `exclusiveGets`: turns frontswap exclusive gets on at attach, as staging
 *   zcache does at its init (`frontswap_tmem_exclusive_gets(true)`).
 * It implements the whole `Backend` interface, so `Simulation.registerBackend`
 * takes it.
 */
import type { Backend, BackendHost, CleancacheOps, FrontswapOps } from "../../src/backends/ops.ts";
import type { BackendSnapshot } from "../../src/snapshot.ts";

export interface SpyOptions {
  swapTypes?: "any" | "told" | "one-pool";
  privateShared?: boolean;
  exclusiveGets?: boolean;
}

export class SpyBackend implements CleancacheOps, Backend {
  readonly calls: string[] = [];
  readonly pages = new Map<string, Uint8Array>();
  readonly shared = new Map<string, number>();
  /** Pool ids handed out so far (next id = count). */
  nextPool = 0;
  /** Make initFs fail (return -1). */
  failInit = false;
  /** Refuse every frontswap store. */
  refuseStores = false;
  readonly frontswap: FrontswapOps;
  readonly cleancache: CleancacheOps = this;
  readonly name: string;
  readonly swapTypes: "any" | "told" | "one-pool";
  readonly privateShared: boolean;
  readonly exclusiveGets: boolean;
  /** Types told `init`; for "one-pool", whether the pool exists. */
  readonly told = new Set<number>();
  host: BackendHost | null = null;

  constructor(readonly label = "spy", opts: SpyOptions = {}) {
    this.name = label;
    this.swapTypes = opts.swapTypes ?? "any";
    this.privateShared = opts.privateShared ?? false;
    this.exclusiveGets = opts.exclusiveGets ?? false;
    this.frontswap = {
      init: (type) => {
        this.calls.push(`init ${type}`);
        this.told.add(type);
      },
      store: (type, offset, page) => {
        this.calls.push(`store ${type} ${offset}`);
        if (this.refuseStores || !this.#accepts(type)) return false;
        this.pages.set(`s:${type}:${offset}`, page.slice());
        return true;
      },
      load: (type, offset, out) => {
        this.calls.push(`load ${type} ${offset}`);
        const p = this.pages.get(`s:${type}:${offset}`);
        if (p) out.set(p);
        return p !== undefined;
      },
      invalidatePage: (type, offset) => {
        this.calls.push(`invalidate_page ${type} ${offset}`);
        this.pages.delete(`s:${type}:${offset}`);
      },
      invalidateArea: (type) => {
        this.calls.push(`invalidate_area ${type}`);
        for (const k of [...this.pages.keys()]) {
          if (k.startsWith(`s:${type}:`)) this.pages.delete(k);
        }
      },
    };
  }

  #accepts(type: number): boolean {
    if (this.swapTypes === "any") return true;
    if (this.swapTypes === "told") return this.told.has(type);
    return this.told.size > 0; // one pool, created by the first init, for every type
  }

  initFs(): number {
    this.calls.push("init_fs");
    return this.failInit ? -1 : this.nextPool++;
  }
  initSharedFs(uuid: string): number {
    this.calls.push(`init_shared_fs ${uuid}`);
    if (this.failInit) return -1;
    if (this.privateShared) return this.nextPool++;
    const id = this.shared.get(uuid) ?? this.nextPool++;
    this.shared.set(uuid, id);
    return id;
  }
  getPage(pool: number, ino: number, index: number, out: Uint8Array): boolean {
    this.calls.push(`get ${pool} ${ino} ${index}`);
    const p = this.pages.get(`c:${pool}:${ino}:${index}`);
    if (p) out.set(p);
    return p !== undefined;
  }
  putPage(pool: number, ino: number, index: number, page: Uint8Array): void {
    this.calls.push(`put ${pool} ${ino} ${index}`);
    this.pages.set(`c:${pool}:${ino}:${index}`, page.slice());
  }
  invalidatePage(pool: number, ino: number, index: number): void {
    this.calls.push(`invalidate_page ${pool} ${ino} ${index}`);
    this.pages.delete(`c:${pool}:${ino}:${index}`);
  }
  invalidateInode(pool: number, ino: number): void {
    this.calls.push(`invalidate_inode ${pool} ${ino}`);
    for (const k of [...this.pages.keys()]) {
      if (k.startsWith(`c:${pool}:${ino}:`)) this.pages.delete(k);
    }
  }
  invalidateFs(pool: number): void {
    this.calls.push(`invalidate_fs ${pool}`);
    for (const k of [...this.pages.keys()]) if (k.startsWith(`c:${pool}:`)) this.pages.delete(k);
  }

  // ---------------- Backend ----------------

  attach(host: BackendHost): void {
    this.host = host;
    if (this.exclusiveGets) {
      (host as { setFrontswapExclusiveGets?(on: boolean): void }).setFrontswapExclusiveGets?.(true);
    }
  }
  peekSwapPage(type: number, offset: number, out: Uint8Array): boolean {
    const p = this.pages.get(`s:${type}:${offset}`);
    if (p) out.set(p);
    return p !== undefined;
  }
  poolUsage(pool: number) {
    let pages = 0;
    for (const k of this.pages.keys()) if (k.startsWith(`c:${pool}:`)) pages++;
    return { pages, compressedBytes: pages * 4096, shared: false };
  }
  stats(): BackendSnapshot {
    const cc = [...this.pages.keys()].filter((k) => k.startsWith("c:")).length;
    const fs = this.pages.size - cc;
    return {
      ...ZERO_STATS,
      name: this.name,
      stored_pages: this.pages.size,
      cleancache_pages: cc,
      frontswap_pages: fs,
    };
  }
  audit(): string[] {
    return [];
  }
  lastResult(): { clen: number | null; reason: null } {
    return { clen: null, reason: null };
  }

  /** Calls matching a prefix. */
  count(prefix: string): number {
    return this.calls.filter((c) => c.startsWith(prefix)).length;
  }
}

const ZERO_STATS: BackendSnapshot = {
  name: "spy",
  kind: "ram",
  compressor: "none",
  level: 0,
  allocator: "none",
  limit: 0,
  threshold: 4096,
  writeback: false,
  stored_pages: 0,
  cleancache_pages: 0,
  frontswap_pages: 0,
  same_filled_pages: 0,
  pool_total_size: 0,
  compressed_bytes: 0,
  original_bytes: 0,
  compression_ratio: 0,
  effective_ratio: 0,
  reject_compress_poor: 0,
  reject_alloc_fail: 0,
  reject_reclaim_fail: 0,
  pool_limit_hit: 0,
  written_back_pages: 0,
  duplicate_entry: 0,
  evicted_pages: 0,
  pools: 0,
  options: {},
  debugfs: {},
};

/** A fresh superblock object for frontend tests. */
export function superblock(name: string, uuid: string | null = null) {
  return { name, uuid, poolId: -1, puts: 0, hits: 0, misses: 0, invalidates: 0, skipped: 0 };
}
