/**
 * `zcache`: staging zcache ("zcache2"), `drivers/staging/zcache/` of Linux
 * 3.7-3.11, read in v3.10.33 (`zcache-main.c`, `zbud.c`, `tmem.c`) and
 * v3.9.6. One tmem client with up to `MAX_POOLS_PER_CLIENT` (16) pools.
 *
 * cleancache (ephemeral pools):
 * - `zcache_cleancache_init_fs` -> `zcache_new_pool`: the first free of 16
 *   slots, -1 when none is left. `zcache_cleancache_init_shared_fs` does the
 *   same ("shared pools are unsupported and map to private"): two mounts of
 *   one uuid get two private pools.
 * - `zcache_cleancache_get_page` -> `tmem_get` with get_and_free 0: an
 *   ephemeral pool frees the page (exclusive gets).
 * - `zcache_cleancache_flush_fs` -> `zcache_destroy_pool` (no refcount).
 * - `zcache_pampd_eph_create`: a zero-filled page is kept as such (3.10,
 *   `page_is_zero_filled`; 3.9 had no such test: `zero_filled=off`); else
 *   compress, refuse above `zbud_max_buddy_size()` = 4032 - 32 = 4000 bytes
 *   (`compress_poor`), place it beside a buddy (`zbud_match_prep`), in a new
 *   frame, or in the frame of the least recently used ephemeral zbud page,
 *   evicted whole (`zcache_evict_eph_pageframe`: both buddies).
 * - `tmem_put` flushes an older copy of the key only once the new page was
 *   placed: a put that fails leaves the older copy in the pool.
 *
 * frontswap (one persistent pool):
 * - `zcache_frontswap_init` creates `zcache_frontswap_poolid` on the first
 *   call only; stores fail until then (`no_pool`), afterwards a store to any
 *   type is accepted. The pool takes one of the 16 slots.
 * - `zcache_pampd_pers_create`: zero-filled as above; refuse above
 *   `zbud_max_zsize` (3584, `threshold=`), and above `zbud_max_mean_zsize`
 *   (2560) while the mean is over it, a rule that reads counters only
 *   CONFIG_ZCACHE_DEBUG maintains (`debug=on`; off it never fires); then a
 *   buddy, a new frame, or an evicted ephemeral frame (`pers_ate_eph`),
 *   else refuse (`pers_ate_eph_failed`).
 * - `frontswap_tmem_exclusive_gets(true)` at init unless
 *   `nofrontswapexclusivegets` (`exclusive_gets=off`): loads free the copy.
 * - CONFIG_ZCACHE_WRITEBACK (`writeback=on`): when no frame is left, the
 *   least recently used persistent zbud page is written to swap (both
 *   buddies). The kernel does it through `__frontswap_load`, which with
 *   exclusive gets also clears the frontswap bit; here the page goes to its
 *   slot through the host and the bit stays set (a later load misses and
 *   reads the disk: same data).
 *
 * `limit=` is the page frames zcache can get (alloc_page failing beyond).
 */
import { PAGE_SIZE } from "../content.ts";
import { TMEM_HANDLE_SIZE, ZcacheZbudAllocator } from "./alloc/buddy.ts";
import type { Allocator } from "./alloc/allocator.ts";
import { type CompressorKind, createCompressor } from "./compressors.ts";
import type {
  Backend,
  BackendHost,
  CleancacheOps,
  FrontswapOps,
  PoolUsage,
  PutResult,
} from "./ops.ts";
import { newCommonCounters, NIL, PageStore, type Pool } from "./store.ts";
import type { BackendStats } from "../snapshot.ts";

/** `MAX_POOLS_PER_CLIENT` (zcache.h). */
export const MAX_POOLS_PER_CLIENT = 16;
/** `zbud_max_buddy_size()`: a zbud object less its tmem handle. */
export const ZCACHE_MAX_EPH_ZSIZE = 4032 - TMEM_HANDLE_SIZE;
/** `zbud_max_zsize` = (PAGE_SIZE / 8) * 7. */
export const ZCACHE_MAX_ZSIZE = (PAGE_SIZE / 8) * 7;
/** `zbud_max_mean_zsize` = (PAGE_SIZE / 8) * 5. */
export const ZCACHE_MAX_MEAN_ZSIZE = (PAGE_SIZE / 8) * 5;

export interface ZcacheOptions {
  compressor: CompressorKind;
  level: number;
  /** Page frames zcache can allocate (0 = no limit). */
  limit: number;
  /** `zbud_max_zsize`: persistent pages compressing above it are refused. */
  threshold: number;
  /** CONFIG_ZCACHE_DEBUG: the counters the mean-size rule reads are kept. */
  debug: boolean;
  /** 3.10's `page_is_zero_filled` (off: 3.9). */
  zero_filled: boolean;
  /** `frontswap_has_exclusive_gets` (off: boot option `nofrontswapexclusivegets`). */
  exclusive_gets: boolean;
  /** CONFIG_ZCACHE_WRITEBACK. */
  writeback: boolean;
}

/** The `zcache` backend. */
export class ZcacheBackend implements Backend {
  readonly name = "zcache";
  readonly options: ZcacheOptions;
  readonly #eph = new ZcacheZbudAllocator("zbud-eph");
  readonly #pers = new ZcacheZbudAllocator("zbud-pers");
  readonly #s: PageStore;
  readonly #c = newCommonCounters();
  /** zcache's own debugfs counters (drivers/staging/zcache/debug.c names). */
  readonly #d = {
    compress_poor: 0,
    mean_compress_poor: 0,
    zero_filled_pages: 0,
    failed_eph_puts: 0,
    failed_pers_puts: 0,
    failed_getfreepages: 0,
    eph_ate_tail: 0,
    eph_ate_tail_failed: 0,
    pers_ate_eph: 0,
    pers_ate_eph_failed: 0,
    evicted_eph_zpages: 0,
    evicted_eph_pageframes: 0,
    writtenback_pages: 0,
  };
  #swapPool = -1;
  /** Persistent pages and their bytes (`zcache_pers_zpages`, `zcache_pers_zbytes`). */
  #persPages = 0;
  #persBytes = 0;
  #host: BackendHost | null = null;

  readonly cleancache: CleancacheOps = {
    initFs: () => this.#newPool(),
    initSharedFs: () => this.#newPool(),
    getPage: (pool, ino, index, out) => {
      const e = this.#ccPool(pool) ? this.#s.ccFind(pool, ino, index) : NIL;
      if (e === NIL) return false;
      this.#s.ccDecode(e, out);
      this.#s.ccDrop(e);
      return true;
    },
    putPage: (pool, ino, index, page) => {
      const p = this.#ccPool(pool);
      if (!p) {
        // zcache_put_page: zcache_get_pool_by_id finds no pool
        this.#s.result(null, "no_pool");
        return;
      }
      const h = this.#create(page, true);
      if (h === null) {
        this.#d.failed_eph_puts++;
        return;
      }
      const old = this.#s.ccFind(pool, ino, index);
      if (old !== NIL) this.#s.ccDrop(old);
      this.#s.ccInsert(p, ino, index, h, this.#s.last.clen!);
    },
    invalidatePage: (pool, ino, index) => {
      const e = this.#ccPool(pool) ? this.#s.ccFind(pool, ino, index) : NIL;
      if (e !== NIL) this.#s.ccDrop(e);
    },
    invalidateInode: (pool, ino) => {
      const p = this.#ccPool(pool);
      if (p) this.#s.ccDropInode(p, ino);
    },
    invalidateFs: (pool) => {
      const p = this.#ccPool(pool);
      if (p) this.#s.destroyPool(p);
    },
  };

  readonly frontswap: FrontswapOps = {
    init: () => {
      if (this.#swapPool < 0) this.#swapPool = this.#newPool();
    },
    store: (type, offset, page) => {
      if (this.#swapPool < 0) return this.#s.result(null, "no_pool");
      const h = this.#create(page, false);
      if (h === null) {
        this.#d.failed_pers_puts++;
        return false;
      }
      const size = this.#s.last.clen!;
      const old = this.#s.swFind(type, offset);
      if (old !== NIL) {
        this.#c.duplicate_entry++;
        this.#dropSwap(old);
      }
      this.#s.swInsert(type, offset, h, size);
      this.#persPages++;
      this.#persBytes += size;
      return true;
    },
    load: (type, offset, out) => {
      const e = this.#s.swFind(type, offset);
      if (e === NIL) return false;
      this.#s.swDecode(e, out);
      if (this.options.exclusive_gets) this.#dropSwap(e);
      return true;
    },
    invalidatePage: (type, offset) => {
      const e = this.#s.swFind(type, offset);
      if (e !== NIL) this.#dropSwap(e);
    },
    invalidateArea: (type) => {
      const s = this.#s, t = s.sw;
      for (let e = s.swLru.head; e !== NIL;) {
        const n = t.next(e);
        if (s.swType(e) === type) this.#dropSwap(e);
        e = n;
      }
    },
  };

  constructor(options: ZcacheOptions) {
    this.options = options;
    this.#s = new PageStore(
      createCompressor(options.compressor, options.level),
      this.#eph,
      this.#pers,
      TMEM_HANDLE_SIZE,
    );
  }

  attach(host: BackendHost): void {
    this.#host = host;
    // zcache_init: "if (frontswap_has_exclusive_gets) frontswap_tmem_exclusive_gets(true)"
    if (this.options.exclusive_gets) host.setFrontswapExclusiveGets(true);
  }

  peekSwapPage(type: number, offset: number, out: Uint8Array): boolean {
    const e = this.#s.swFind(type, offset);
    if (e === NIL) return false;
    this.#s.swDecode(e, out);
    return true;
  }

  poolUsage(pool: number): PoolUsage | null {
    return this.#ccPool(pool) ? this.#s.poolUsage(pool) : null;
  }

  lastResult(): PutResult {
    return this.#s.last;
  }

  stats(): BackendStats {
    const o = this.options;
    return {
      name: this.name,
      kind: "zcache",
      compressor: o.compressor,
      level: o.level,
      allocator: "zbud",
      limit: o.limit,
      threshold: o.threshold,
      writeback: o.writeback,
      options: { ...o },
      ...this.#s.pageStats(),
      ...this.#c,
      reject_compress_poor: this.#d.compress_poor + this.#d.mean_compress_poor,
      pools: this.#s.pools.size,
      debugfs: {
        ...this.#d,
        eph_pageframes: this.#eph.frames,
        pers_pageframes: this.#pers.frames,
        eph_zpages: this.#s.ccLru.size,
        pers_zpages: this.#s.swLru.size,
        zbud_eph_zbytes: this.#s.compressedBytes - this.#persBytes,
        zbud_pers_zbytes: this.#persBytes,
      },
    };
  }

  audit(): string[] {
    const problems = this.#s.audit();
    const limit = this.options.limit;
    if (limit > 0 && this.#s.frames > limit) {
      problems.push(`pool ${this.#s.frames} frames over limit ${limit}`);
    }
    if (this.#persPages !== this.#s.swLru.size) {
      problems.push(`pers_zpages ${this.#persPages} != ${this.#s.swLru.size}`);
    }
    if (this.#s.pools.size > MAX_POOLS_PER_CLIENT) problems.push("more than 16 pools");
    return problems;
  }

  // ---------------- internals ----------------

  /** `zcache_new_pool`: the first free of 16 slots, -1 when none. */
  #newPool(): number {
    const id = this.#s.freePoolId();
    if (id >= MAX_POOLS_PER_CLIENT) return -1;
    this.#s.newPool(id, null);
    return id;
  }

  /** The ephemeral pool `pool`, or null (the frontswap pool and -1 are not). */
  #ccPool(pool: number): Pool | null {
    if (pool === this.#swapPool) return null;
    return this.#s.pools.get(pool) ?? null;
  }

  /**
   * `zcache_pampd_eph_create` / `zcache_pampd_pers_create`: a handle in the
   * eph or pers zbud (-1 for a zero-filled page), or null when refused;
   * the compressed length is in `lastResult().clen`.
   */
  #create(page: Uint8Array, eph: boolean): number | null {
    const s = this.#s, d = this.#d;
    if (this.options.zero_filled && s.isSame(page, "zero")) {
      d.zero_filled_pages++;
      s.result(0, null);
      return -1;
    }
    const c = s.compress(page);
    const clen = c.length;
    if (eph) {
      if (clen > ZCACHE_MAX_EPH_ZSIZE) {
        d.compress_poor++;
        return this.#refuse(clen, "compress_poor");
      }
    } else {
      if (clen > this.options.threshold) {
        d.compress_poor++;
        return this.#refuse(clen, "compress_poor");
      }
      // only CONFIG_ZCACHE_DEBUG keeps zcache_pers_zpages/zbytes: without it both read 0
      if (this.options.debug && clen > ZCACHE_MAX_MEAN_ZSIZE && this.#persPages > 0) {
        if (this.#persBytes / this.#persPages > ZCACHE_MAX_MEAN_ZSIZE) {
          d.mean_compress_poor++;
          return this.#refuse(clen, "mean_compress_poor");
        }
      }
    }
    const alloc: Allocator = eph ? this.#eph : this.#pers;
    const other: Allocator = eph ? this.#pers : this.#eph;
    const size = clen + TMEM_HANDLE_SIZE;
    const limit = this.options.limit;
    // both zbuds draw on the same frames: a negative room allows no new frame
    const room = () => (limit > 0 ? (limit > other.frames ? limit - other.frames : -1) : 0);
    let h = alloc.alloc(size, room());
    if (h < 0) {
      this.#c.pool_limit_hit++;
      d.failed_getfreepages++;
      // "can't allocate a page, evict an ephemeral page via LRU"
      while (h < 0 && this.#evictEphFrame()) {
        if (eph) d.eph_ate_tail++;
        else d.pers_ate_eph++;
        h = alloc.alloc(size, room());
      }
      while (h < 0 && !eph && this.options.writeback && this.#host && this.#writeBackPersFrame()) {
        h = alloc.alloc(size, room());
      }
      if (h < 0) {
        if (eph) d.eph_ate_tail_failed++;
        else d.pers_ate_eph_failed++;
        return this.#refuse(clen, "pool_full");
      }
    }
    s.write(alloc, h, c);
    s.result(clen, null);
    return h;
  }

  #refuse(clen: number, reason: "compress_poor" | "mean_compress_poor" | "pool_full"): null {
    this.#s.result(clen, reason);
    return null;
  }

  /** `zbud_evict_pageframe_lru(eph)`: drop both buddies of the oldest ephemeral frame. */
  #evictEphFrame(): boolean {
    const handles = this.#eph.reclaimCandidates();
    if (!handles) return false;
    for (const h of handles) {
      this.#s.ccDrop(this.#s.entryOf(this.#eph, h));
      this.#c.evicted_pages++;
      this.#d.evicted_eph_zpages++;
    }
    this.#d.evicted_eph_pageframes++;
    return true;
  }

  /** `zcache_frontswap_writeback`: both buddies of the oldest persistent frame to swap. */
  #writeBackPersFrame(): boolean {
    const handles = this.#pers.reclaimCandidates();
    if (!handles) return false;
    for (const h of handles) {
      const e = this.#s.entryOf(this.#pers, h);
      this.#persPages--;
      this.#persBytes -= this.#s.sw.size(e);
      this.#s.swWriteBack(e, (type, offset, page) => this.#host!.writeSwapSlot(type, offset, page));
      this.#c.written_back_pages++;
      this.#d.writtenback_pages++;
    }
    return true;
  }

  #dropSwap(e: number): void {
    this.#persPages--;
    this.#persBytes -= this.#s.sw.size(e);
    this.#s.swDrop(e);
  }
}
