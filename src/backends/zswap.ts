/**
 * `zswap`: `mm/zswap.c`, a compressed cache for swap pages only (3.11+).
 * Read in v4.1.15/v4.2.8 (the `full=reclaim` era, 3.11-5.5) and in 5.10
 * (`Rtoax/linux-5.10.13`, the `full=reject` era, 5.6+).
 *
 * - It registers no cleancache ops: under zswap alone every superblock
 *   stays pending (deferred, fake-poolid) or uncached (eager).
 * - `zswap_frontswap_init` makes a tree per type; a store to a type without
 *   one is refused (-ENODEV: `unknown_type`); `invalidate_area` frees the
 *   tree.
 * - `zswap_frontswap_store`, `full=reclaim` (4.2): if `zswap_is_full()`
 *   (max pages < pool pages, a strict test) count `pool_limit_hit` and
 *   `zpool_shrink` one zbud page (`zbud_reclaim_page`: the least recently
 *   allocated-into frame, both buddies written back), counting
 *   `reject_reclaim_fail` and refusing only if that fails; then store: a
 *   soft limit, overshooting by a frame.
 * - `full=reject` (5.10): a store finding the pool full counts
 *   `pool_limit_hit`, sets `zswap_pool_reached_full`, queues the shrink
 *   worker (one zpool page written back; here it runs at once, before the
 *   next operation) and is refused; while reached-full, stores are refused
 *   until `zswap_can_accept()` (pool below `accept_threshold` percent of the
 *   maximum).
 * - Same-filled pages (4.16+, `same_filled=on`): kept as one word, no pool
 *   memory, `same_filled_pages`.
 * - The object is the compressed page behind an 8-byte `struct
 *   zswap_header` (4.2: always; 5.10: only for evictable zpools, so not for
 *   zsmalloc). zbud refuses objects above 3968 bytes with -ENOSPC:
 *   compressed length above 3960 -> `reject_compress_poor`; z3fold
 *   (`allocator=z3fold`, mm/z3fold.c of 5.10, also for the 4.8-5.5
 *   `full=reclaim` era) takes up to three objects a frame and refuses only
 *   objects above PAGE_SIZE (-ENOSPC: compressed length above 4088); both
 *   are evictable. zsmalloc fails objects above PAGE_SIZE with -1:
 *   `reject_alloc_fail`, and cannot be shrunk.
 * - A duplicate store counts `duplicate_entry` at insert, once the new page
 *   is stored (under the 4.2 frontswap, which invalidates first, it stays 0).
 * - Writeback (`zswap_writeback_entry`) writes the page to its swap slot and
 *   frees zswap's entry; frontswap is never told: its bit stays set, a later
 *   load misses in zswap (-1) and the swap layer reads the disk.
 * - Loads keep the entry (zswap does not ask for exclusive gets).
 */
import type { Allocator } from "./alloc/allocator.ts";
import { ZbudAllocator } from "./alloc/buddy.ts";
import { Z3foldAllocator } from "./alloc/z3fold.ts";
import { ZsmallocAllocator } from "./alloc/zsmalloc.ts";
import { type CompressorKind, createCompressor } from "./compressors.ts";
import type { Backend, BackendHost, FrontswapOps, PoolUsage, PutResult } from "./ops.ts";
import { newCommonCounters, NIL, PageStore } from "./store.ts";
import type { BackendStats } from "../snapshot.ts";

/** `sizeof(struct zswap_header)` (3.11-6.2). */
export const ZSWAP_HEADER_SIZE = 8;

export type ZswapAllocatorKind = "zbud" | "z3fold" | "zsmalloc";

export interface ZswapOptions {
  compressor: CompressorKind;
  level: number;
  allocator: ZswapAllocatorKind;
  /** Simulated RAM in page frames (`totalram_pages`). */
  ram: number;
  /** `max_pool_percent` of `ram`. */
  max_pool_percent: number;
  /** Pool maximum in frames; overrides `max_pool_percent` when > 0. */
  limit: number;
  /** Full-pool policy: 3.11-5.5 reclaim-then-store, 5.6+ reject with hysteresis. */
  full: "reclaim" | "reject";
  /** `accept_threshold_percent` (5.6+). */
  accept_threshold: number;
  /** 4.16+ same-filled page detection. */
  same_filled: boolean;
}

/** The `zswap` backend. */
export class ZswapBackend implements Backend {
  readonly name = "zswap";
  readonly cleancache = null;
  readonly options: ZswapOptions;
  readonly #alloc: Allocator;
  readonly #s: PageStore;
  readonly #c = newCommonCounters();
  /** Types with a tree (`zswap_trees[type]`). */
  readonly #trees = new Set<number>();
  #reachedFull = false;
  #host: BackendHost | null = null;

  readonly frontswap: FrontswapOps = {
    init: (type) => {
      this.#trees.add(type);
    },
    store: (type, offset, page) => this.#store(type, offset, page),
    load: (type, offset, out) => this.peekSwapPage(type, offset, out),
    invalidatePage: (type, offset) => {
      const e = this.#trees.has(type) ? this.#s.swFind(type, offset) : NIL;
      if (e !== NIL) this.#s.swDrop(e);
    },
    invalidateArea: (type) => {
      if (!this.#trees.delete(type)) return;
      this.#s.swDropType(type);
    },
  };

  constructor(options: ZswapOptions) {
    this.options = options;
    this.#alloc = options.allocator === "zsmalloc"
      ? new ZsmallocAllocator()
      : options.allocator === "z3fold"
      ? new Z3foldAllocator()
      : new ZbudAllocator();
    // 4.2 writes the header for every zpool; 5.10 only for evictable ones
    const header = options.full === "reclaim" || options.allocator !== "zsmalloc";
    this.#s = new PageStore(
      createCompressor(options.compressor, options.level),
      this.#alloc,
      this.#alloc,
      header ? ZSWAP_HEADER_SIZE : 0,
    );
  }

  /** The pool's maximum in frames (`totalram_pages * max_pool_percent / 100`, or `limit`). */
  get maxPages(): number {
    const o = this.options;
    return o.limit > 0 ? o.limit : Math.floor((o.ram * o.max_pool_percent) / 100);
  }

  attach(host: BackendHost): void {
    this.#host = host;
  }

  peekSwapPage(type: number, offset: number, out: Uint8Array): boolean {
    const e = this.#trees.has(type) ? this.#s.swFind(type, offset) : NIL;
    if (e === NIL) return false;
    this.#s.swDecode(e, out);
    return true;
  }

  poolUsage(_pool: number): PoolUsage | null {
    return null;
  }

  lastResult(): PutResult {
    return this.#s.last;
  }

  stats(): BackendStats {
    const o = this.options, pages = this.#s.pageStats();
    return {
      name: this.name,
      kind: "zswap",
      compressor: o.compressor,
      level: o.level,
      allocator: this.#alloc.name,
      limit: this.maxPages,
      threshold: this.#alloc.maxSize - this.#s.overhead,
      writeback: o.allocator !== "zsmalloc",
      options: { ...o },
      ...pages,
      ...this.#c,
      pools: 0,
      debugfs: {
        pool_limit_hit: this.#c.pool_limit_hit,
        reject_reclaim_fail: this.#c.reject_reclaim_fail,
        reject_alloc_fail: this.#c.reject_alloc_fail,
        reject_kmemcache_fail: 0,
        reject_compress_poor: this.#c.reject_compress_poor,
        written_back_pages: this.#c.written_back_pages,
        duplicate_entry: this.#c.duplicate_entry,
        pool_total_size: pages.pool_total_size,
        stored_pages: pages.stored_pages,
        same_filled_pages: pages.same_filled_pages,
      },
    };
  }

  audit(): string[] {
    const problems = this.#s.audit();
    for (let e = this.#s.swLru.head; e !== NIL; e = this.#s.sw.next(e)) {
      if (!this.#trees.has(this.#s.swType(e))) {
        problems.push(`entry of type ${this.#s.swType(e)} without a tree`);
        break;
      }
    }
    // the soft limit overshoots by at most one frame per store that found it full
    return problems;
  }

  // ---------------- internals ----------------

  /** `zswap_is_full`: totalram * max_pool_percent / 100 < pool pages. */
  #isFull(): boolean {
    return this.maxPages < this.#alloc.frames;
  }

  /** `zswap_can_accept`: max * accept_threshold_percent / 100 > pool pages. */
  #canAccept(): boolean {
    const o = this.options;
    const max = o.limit > 0
      ? Math.floor((o.limit * o.accept_threshold) / 100)
      : Math.floor((Math.floor((o.ram * o.accept_threshold) / 100) * o.max_pool_percent) / 100);
    return max > this.#alloc.frames;
  }

  #store(type: number, offset: number, page: Uint8Array): boolean {
    const s = this.#s, c = this.#c, o = this.options;
    if (!this.#trees.has(type)) return s.result(null, "unknown_type");
    if (o.full === "reclaim") {
      if (this.#isFull()) {
        c.pool_limit_hit++;
        if (!this.#shrink()) {
          c.reject_reclaim_fail++;
          return s.result(null, "reclaim_fail");
        }
      }
    } else {
      if (this.#isFull()) {
        c.pool_limit_hit++;
        this.#reachedFull = true;
        // queue_work(shrink_wq, &pool->shrink_work): shrink_worker runs before the next store
        if (!this.#shrink()) c.reject_reclaim_fail++;
        return s.result(null, "pool_full");
      }
      if (this.#reachedFull) {
        if (!this.#canAccept()) return s.result(null, "pool_full");
        this.#reachedFull = false;
      }
    }
    let h = -1, clen = 0;
    if (!(o.same_filled && s.isSame(page, "word"))) {
      const comp = s.compress(page);
      clen = comp.length;
      const len = clen + s.overhead;
      if (len > this.#alloc.maxSize) {
        // zbud_alloc: -ENOSPC; zs_malloc: 0 -> -1
        if (o.allocator === "zsmalloc") {
          c.reject_alloc_fail++;
          return s.result(clen, "alloc_fail");
        }
        c.reject_compress_poor++;
        return s.result(clen, "compress_poor");
      }
      h = this.#alloc.alloc(len, 0);
      s.write(this.#alloc, h, comp);
    }
    // zswap_rb_insert: -EEXIST -> duplicate_entry++, the old entry erased
    const old = s.swFind(type, offset);
    if (old !== NIL) {
      c.duplicate_entry++;
      s.swDrop(old);
    }
    s.swInsert(type, offset, h, clen);
    s.result(clen, null);
    return true;
  }

  /** `zpool_shrink(pool, 1)`: write back the entries of one zbud page; false when not evictable. */
  #shrink(): boolean {
    const handles = this.#alloc.reclaimCandidates();
    if (!handles || !this.#host) return false;
    for (const h of handles) {
      const e = this.#s.entryOf(this.#alloc, h);
      this.#s.swWriteBack(e, (type, offset, p) => this.#host!.writeSwapSlot(type, offset, p));
      this.#c.written_back_pages++;
    }
    return true;
  }
}
