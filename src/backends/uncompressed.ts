/**
 * The shared body of the two backends that keep pages uncompressed, one
 * page frame each: `ram` (ours, the reference) and `tmem` (Xen tmem as a
 * guest saw it). Both share a pool between the superblocks that mount one
 * uuid, drop the copy on a get from a private pool (exclusive) and keep it
 * in a shared one, and with a frame limit make room by evicting the least
 * recently used cleancache page; a frontswap store that finds no cleancache
 * page to evict is refused (`pool_full`). What differs (how frontswap types
 * and pools are made) is given by the subclass.
 */
import { PAGE_SIZE } from "../content.ts";
import { PageAllocator } from "./alloc/page.ts";
import { IdentityCompressor } from "./compressors.ts";
import type {
  Backend,
  BackendHost,
  CleancacheOps,
  FrontswapOps,
  PoolUsage,
  PutResult,
} from "./ops.ts";
import { type CommonCounters, newCommonCounters, NIL, PageStore } from "./store.ts";
import type { BackendStats } from "../snapshot.ts";

export interface UncompressedOptions {
  /** Page frames the backend may hold (0 = no limit). */
  limit: number;
}

/** ram and tmem; see the module comment. */
export abstract class UncompressedBackend implements Backend {
  abstract readonly name: "ram" | "tmem";
  readonly options: UncompressedOptions;
  protected readonly s = new PageStore(new IdentityCompressor(), new PageAllocator());
  protected readonly c: CommonCounters = newCommonCounters();
  /** Shared pools by uuid. */
  readonly #byUuid = new Map<string, number>();

  readonly cleancache: CleancacheOps = {
    initFs: () => this.newPool(null),
    initSharedFs: (uuid) => {
      const id = this.#byUuid.get(uuid);
      if (id === undefined) return this.newPool(uuid);
      this.s.pools.get(id)!.users++;
      return id;
    },
    getPage: (pool, ino, index, out) => {
      const p = this.s.pools.get(pool);
      const e = p ? this.s.ccFind(pool, ino, index) : NIL;
      if (e === NIL) return false;
      this.s.ccDecode(e, out);
      if (p!.uuid === null) this.s.ccDrop(e);
      else this.s.cc.touch(this.s.ccLru, e);
      return true;
    },
    putPage: (pool, ino, index, page) => {
      const p = this.s.pools.get(pool);
      if (!p) {
        this.s.result(null, "no_pool");
        return;
      }
      const old = this.s.ccFind(pool, ino, index);
      if (old !== NIL) this.s.ccDrop(old);
      const h = this.#place(page);
      if (h >= 0) this.s.ccInsert(p, ino, index, h, PAGE_SIZE);
    },
    invalidatePage: (pool, ino, index) => {
      const e = this.s.pools.has(pool) ? this.s.ccFind(pool, ino, index) : NIL;
      if (e !== NIL) this.s.ccDrop(e);
    },
    invalidateInode: (pool, ino) => {
      const p = this.s.pools.get(pool);
      if (p) this.s.ccDropInode(p, ino);
    },
    invalidateFs: (pool) => {
      const p = this.s.pools.get(pool);
      if (!p || !this.isCleancachePool(pool) || --p.users > 0) return;
      this.s.destroyPool(p);
      if (p.uuid !== null) this.#byUuid.delete(p.uuid);
    },
  };

  readonly frontswap: FrontswapOps = {
    init: (type) => this.initType(type),
    store: (type, offset, page) => {
      if (!this.acceptsType(type)) return this.s.result(null, this.rejectType());
      const old = this.s.swFind(type, offset);
      if (old !== NIL) {
        this.s.swDrop(old);
        this.c.duplicate_entry++;
      }
      const h = this.#place(page);
      if (h < 0) return false;
      this.s.swInsert(type, offset, h, PAGE_SIZE);
      return true;
    },
    load: (type, offset, out) => this.peekSwapPage(type, offset, out),
    invalidatePage: (type, offset) => {
      const e = this.s.swFind(type, offset);
      if (e !== NIL) this.s.swDrop(e);
    },
    invalidateArea: (type) => {
      this.s.swDropType(type);
      this.dropType(type);
    },
  };

  constructor(options: UncompressedOptions) {
    this.options = options;
  }

  attach(_host: BackendHost): void {}

  /** Create a pool (negative when the backend refuses). */
  protected newPool(uuid: string | null): number {
    const id = this.s.freePoolId();
    this.s.newPool(id, uuid);
    if (uuid !== null) this.#byUuid.set(uuid, id);
    return id;
  }
  /** Whether `pool` is a cleancache pool (not the frontswap pool). */
  protected isCleancachePool(_pool: number): boolean {
    return true;
  }
  protected abstract initType(type: number): void;
  protected abstract acceptsType(type: number): boolean;
  protected abstract rejectType(): "unknown_type" | "no_pool";
  protected abstract dropType(type: number): void;
  /** Extra debugfs-style counters of the subclass. */
  protected abstract debugfs(): Record<string, number>;

  peekSwapPage(type: number, offset: number, out: Uint8Array): boolean {
    const e = this.s.swFind(type, offset);
    if (e === NIL) return false;
    this.s.swDecode(e, out);
    return true;
  }

  poolUsage(pool: number): PoolUsage | null {
    return this.isCleancachePool(pool) ? this.s.poolUsage(pool) : null;
  }

  lastResult(): PutResult {
    return this.s.last;
  }

  stats(): BackendStats {
    return {
      name: this.name,
      kind: this.name,
      compressor: "none",
      level: 0,
      allocator: "page",
      limit: this.options.limit,
      threshold: PAGE_SIZE,
      writeback: false,
      options: { ...this.options },
      ...this.s.pageStats(),
      ...this.c,
      pools: this.s.pools.size,
      debugfs: this.debugfs(),
    };
  }

  audit(): string[] {
    const problems = this.s.audit();
    const limit = this.options.limit;
    if (limit > 0 && this.s.frames > limit) {
      problems.push(`pool ${this.s.frames} frames over limit ${limit}`);
    }
    return problems;
  }

  /** A frame for the page (copied in), evicting cleancache pages at the limit; -1 when refused. */
  #place(page: Uint8Array): number {
    const alloc = this.s.ccAlloc, limit = this.options.limit;
    let h = alloc.alloc(PAGE_SIZE, limit);
    if (h < 0) this.c.pool_limit_hit++;
    while (h < 0) {
      const victim = this.s.ccLru.head;
      if (victim === NIL) {
        this.s.result(null, "pool_full");
        return -1;
      }
      this.s.ccDrop(victim);
      this.c.evicted_pages++;
      h = alloc.alloc(PAGE_SIZE, limit);
    }
    this.s.write(alloc, h, page);
    this.s.result(PAGE_SIZE, null);
    return h;
  }
}
