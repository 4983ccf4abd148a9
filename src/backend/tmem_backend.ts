/**
 * The compressing tmem backend (zcache/zswap style) and, with no compression,
 * the `ram` baseline. One store serves both frontends: cleancache pools keyed
 * (pool, inode, index) and frontswap areas keyed (type, offset).
 */
import { fillSame, PAGE_SIZE, sameFilledWord } from "../content.ts";
import type { Allocator } from "../alloc/allocator.ts";
import { PageAllocator, ZbudAllocator, ZsmallocAllocator } from "../alloc/mod.ts";
import type { BackendSnapshot } from "../snapshot.ts";
import { type Compressor, createCompressor, IdentityCompressor } from "./compressor.ts";
import { LruList, type LruNode } from "./lru.ts";
import type { Backend, BackendHost, CleancacheOps, FrontswapOps, PoolUsage } from "./ops.ts";
import { type BackendKind, type BackendOptions, DEFAULT_BACKEND_OPTIONS } from "./options.ts";

/** One stored page. `handle` < 0 marks a same-filled page (word in lo/hi, no pool memory). */
class Entry implements LruNode {
  prev: LruNode | null = null;
  next: LruNode | null = null;
  constructor(
    public handle: number,
    public size: number,
    public lo: number,
    public hi: number,
    /** pool id or swap type */
    public a: number,
    /** inode or offset */
    public b: number,
    /** page index (cleancache) or -1 */
    public c: number,
  ) {}
}

interface Pool {
  id: number;
  uuid: string | null;
  users: number;
  inodes: Map<number, Map<number, Entry>>;
  pages: number;
  bytes: number;
}

interface Stored {
  handle: number;
  size: number;
  lo: number;
  hi: number;
}

/** A tmem backend: `zcache` (compressing) or `ram` (uncompressed copies). */
export class TmemBackend implements Backend, CleancacheOps {
  readonly name: string;
  readonly cleancache: CleancacheOps = this;
  readonly frontswap: FrontswapOps = {
    init: (type) => this.init(type),
    store: (type, offset, page) => this.store(type, offset, page),
    load: (type, offset, out) => this.load(type, offset, out),
    invalidatePage: (type, offset) => this.invalidateSwapPage(type, offset),
    invalidateArea: (type) => this.invalidateArea(type),
  };
  readonly kind: BackendKind;
  readonly options: BackendOptions;
  readonly #compressor: Compressor;
  readonly #alloc: Allocator;
  readonly #detectSame: boolean;
  readonly #pools = new Map<number, Pool>();
  readonly #sharedByUuid = new Map<string, number>();
  readonly #areas = new Map<number, Map<number, Entry>>();
  readonly #ccLru = new LruList<Entry>();
  readonly #fsLru = new LruList<Entry>();
  readonly #scratch = new Uint8Array(PAGE_SIZE);
  #host: BackendHost | null = null;
  #sameFilled = 0;
  #compressedBytes = 0;
  #c = {
    reject_compress_poor: 0,
    reject_alloc_fail: 0,
    reject_reclaim_fail: 0,
    pool_limit_hit: 0,
    written_back_pages: 0,
    duplicate_entry: 0,
    evicted_pages: 0,
  };

  constructor(kind: BackendKind, opts: Partial<BackendOptions> = {}) {
    this.kind = kind;
    this.name = kind;
    this.options = { ...DEFAULT_BACKEND_OPTIONS, ...opts };
    if (kind === "ram") {
      this.#compressor = new IdentityCompressor();
      this.#alloc = new PageAllocator();
      this.#detectSame = false;
      this.options.threshold = PAGE_SIZE;
      this.options.allocator = "zbud";
    } else {
      this.#compressor = createCompressor(this.options.compressor, this.options.level);
      this.#alloc = this.options.allocator === "zsmalloc"
        ? new ZsmallocAllocator()
        : new ZbudAllocator();
      this.#detectSame = true;
    }
  }

  attach(host: BackendHost): void {
    this.#host = host;
  }

  // ---------------- cleancache ----------------

  initFs(_pageSize: number): number {
    const id = this.#freePoolId();
    this.#pools.set(id, { id, uuid: null, users: 1, inodes: new Map(), pages: 0, bytes: 0 });
    return id;
  }

  initSharedFs(uuid: string, _pageSize: number): number {
    const existing = this.#sharedByUuid.get(uuid);
    if (existing !== undefined) {
      this.#pools.get(existing)!.users++;
      return existing;
    }
    const id = this.#freePoolId();
    this.#pools.set(id, { id, uuid, users: 1, inodes: new Map(), pages: 0, bytes: 0 });
    this.#sharedByUuid.set(uuid, id);
    return id;
  }

  getPage(pool: number, ino: number, index: number, out: Uint8Array): boolean {
    const p = this.#pools.get(pool);
    const e = p?.inodes.get(ino)?.get(index);
    if (!p || !e) return false;
    this.#decode(e, out);
    if (p.uuid === null) this.#dropCc(p, e);
    else this.#ccLru.touch(e);
    return true;
  }

  putPage(pool: number, ino: number, index: number, page: Uint8Array): void {
    const p = this.#pools.get(pool);
    if (!p) return;
    const old = p.inodes.get(ino)?.get(index);
    if (old) this.#dropCc(p, old); // put-put-get: the older copy never survives
    const s = this.#storeData(page, false);
    if (!s) return;
    // (re-read: dropping the old copy or evicting may have removed the inode's map)
    let inode = p.inodes.get(ino);
    if (!inode) p.inodes.set(ino, inode = new Map());
    const e = new Entry(s.handle, s.size, s.lo, s.hi, pool, ino, index);
    inode.set(index, e);
    p.pages++;
    p.bytes += s.size;
    this.#ccLru.push(e);
  }

  invalidatePage(pool: number, ino: number, index: number): void {
    const p = this.#pools.get(pool);
    const e = p?.inodes.get(ino)?.get(index);
    if (p && e) this.#dropCc(p, e);
  }

  invalidateInode(pool: number, ino: number): void {
    const p = this.#pools.get(pool);
    const inode = p?.inodes.get(ino);
    if (!p || !inode) return;
    for (const e of [...inode.values()]) this.#dropCc(p, e);
  }

  invalidateFs(pool: number): void {
    const p = this.#pools.get(pool);
    if (!p) return;
    if (--p.users > 0) return;
    for (const inode of [...p.inodes.values()]) {
      for (const e of [...inode.values()]) this.#dropCc(p, e);
    }
    this.#pools.delete(pool);
    if (p.uuid !== null) this.#sharedByUuid.delete(p.uuid);
  }

  // ---------------- frontswap ----------------

  init(type: number): void {
    if (!this.#areas.has(type)) this.#areas.set(type, new Map());
  }

  store(type: number, offset: number, page: Uint8Array): boolean {
    const area = this.#areas.get(type);
    if (!area) return false;
    const old = area.get(offset);
    if (old) {
      // zswap: the duplicate is dropped before the new copy is tried
      this.#c.duplicate_entry++;
      this.#dropFs(area, old);
    }
    const s = this.#storeData(page, true);
    if (!s) return false;
    const e = new Entry(s.handle, s.size, s.lo, s.hi, type, offset, -1);
    area.set(offset, e);
    this.#fsLru.push(e);
    return true;
  }

  load(type: number, offset: number, out: Uint8Array): boolean {
    return this.peekSwapPage(type, offset, out);
  }

  peekSwapPage(type: number, offset: number, out: Uint8Array): boolean {
    const e = this.#areas.get(type)?.get(offset);
    if (!e) return false;
    this.#decode(e, out);
    return true;
  }

  /** frontswap `invalidate_page`. */
  invalidateSwapPage(type: number, offset: number): void {
    const area = this.#areas.get(type);
    const e = area?.get(offset);
    if (area && e) this.#dropFs(area, e);
  }

  invalidateArea(type: number): void {
    const area = this.#areas.get(type);
    if (!area) return;
    for (const e of [...area.values()]) this.#dropFs(area, e);
    this.#areas.delete(type);
  }

  // ---------------- reporting ----------------

  poolUsage(pool: number): PoolUsage | null {
    const p = this.#pools.get(pool);
    return p ? { pages: p.pages, compressedBytes: p.bytes, shared: p.uuid !== null } : null;
  }

  stats(): BackendSnapshot {
    const stored = this.#ccLru.size + this.#fsLru.size;
    const pooled = stored - this.#sameFilled;
    const poolBytes = this.#alloc.frames * PAGE_SIZE;
    return {
      name: this.name,
      kind: this.kind,
      compressor: this.#compressor.name,
      level: this.options.level,
      allocator: this.#alloc.name,
      limit: this.options.limit,
      threshold: this.options.threshold,
      writeback: this.options.writeback,
      stored_pages: stored,
      cleancache_pages: this.#ccLru.size,
      frontswap_pages: this.#fsLru.size,
      same_filled_pages: this.#sameFilled,
      pool_total_size: poolBytes,
      compressed_bytes: this.#compressedBytes,
      original_bytes: stored * PAGE_SIZE,
      compression_ratio: this.#compressedBytes > 0
        ? (pooled * PAGE_SIZE) / this.#compressedBytes
        : 0,
      effective_ratio: poolBytes > 0 ? (pooled * PAGE_SIZE) / poolBytes : 0,
      ...this.#c,
      pools: this.#pools.size,
    };
  }

  audit(): string[] {
    const problems: string[] = [];
    let cc = 0, fs = 0, bytes = 0, same = 0;
    for (const p of this.#pools.values()) {
      let pages = 0, pbytes = 0;
      for (const inode of p.inodes.values()) {
        for (const e of inode.values()) {
          pages++;
          pbytes += e.size;
          if (e.handle < 0) same++;
        }
      }
      if (pages !== p.pages || pbytes !== p.bytes) {
        problems.push(`pool ${p.id}: counted ${p.pages}/${p.bytes}, holds ${pages}/${pbytes}`);
      }
      cc += pages;
      bytes += pbytes;
    }
    for (const area of this.#areas.values()) {
      for (const e of area.values()) {
        fs++;
        bytes += e.size;
        if (e.handle < 0) same++;
      }
    }
    if (cc !== this.#ccLru.size) problems.push(`cleancache LRU ${this.#ccLru.size} != ${cc}`);
    if (fs !== this.#fsLru.size) problems.push(`frontswap LRU ${this.#fsLru.size} != ${fs}`);
    if (bytes !== this.#compressedBytes) {
      problems.push(`compressed_bytes ${this.#compressedBytes} != ${bytes}`);
    }
    if (same !== this.#sameFilled) problems.push(`same_filled ${this.#sameFilled} != ${same}`);
    if (this.#alloc.frames * PAGE_SIZE < bytes) problems.push("pool smaller than its contents");
    const limit = this.options.limit;
    if (limit > 0 && this.#alloc.frames > limit) {
      problems.push(`pool ${this.#alloc.frames} frames over limit ${limit}`);
    }
    return problems;
  }

  // ---------------- internals ----------------

  #freePoolId(): number {
    let id = 0;
    while (this.#pools.has(id)) id++;
    return id;
  }

  #storeData(page: Uint8Array, forSwap: boolean): Stored | null {
    if (this.#detectSame) {
      const w = sameFilledWord(page);
      if (w) {
        this.#sameFilled++;
        return { handle: -1, size: 0, lo: w[0], hi: w[1] };
      }
    }
    const c = this.#compressor.compress(page);
    const size = c.length;
    if (size > this.options.threshold) {
      this.#c.reject_compress_poor++;
      return null;
    }
    if (size > this.#alloc.maxSize) {
      this.#c.reject_alloc_fail++;
      return null;
    }
    let h = this.#alloc.alloc(size, this.options.limit);
    if (h < 0) {
      this.#c.pool_limit_hit++;
      h = this.#makeRoom(size, forSwap);
      if (h < 0) {
        this.#c.reject_reclaim_fail++;
        return null;
      }
    }
    this.#alloc.view(h, size).set(c);
    this.#compressedBytes += size;
    return { handle: h, size, lo: 0, hi: 0 };
  }

  /** Evict cleancache pages (oldest first), then write back frontswap pages if allowed. */
  #makeRoom(size: number, forSwap: boolean): number {
    for (;;) {
      const victim = this.#ccLru.oldest();
      if (victim) {
        this.#dropCc(this.#pools.get(victim.a)!, victim);
        this.#c.evicted_pages++;
      } else if (forSwap && this.options.writeback && this.#host && this.#fsLru.size > 0) {
        this.#writeback(this.#fsLru.oldest()!);
      } else {
        return -1;
      }
      const h = this.#alloc.alloc(size, this.options.limit);
      if (h >= 0) return h;
    }
  }

  #writeback(e: Entry): void {
    const area = this.#areas.get(e.a)!;
    this.#decode(e, this.#scratch);
    this.#dropFs(area, e);
    this.#c.written_back_pages++;
    this.#host!.writebackSwapPage(e.a, e.b, this.#scratch);
  }

  #decode(e: Entry, out: Uint8Array): void {
    if (e.handle < 0) fillSame(out, e.lo, e.hi);
    else this.#compressor.decompress(this.#alloc.view(e.handle, e.size), out);
  }

  #release(e: Entry): void {
    if (e.handle < 0) this.#sameFilled--;
    else {
      this.#alloc.free(e.handle, e.size);
      this.#compressedBytes -= e.size;
    }
  }

  #dropCc(p: Pool, e: Entry): void {
    const inode = p.inodes.get(e.b)!;
    inode.delete(e.c);
    if (inode.size === 0) p.inodes.delete(e.b);
    p.pages--;
    p.bytes -= e.size;
    this.#ccLru.remove(e);
    this.#release(e);
  }

  #dropFs(area: Map<number, Entry>, e: Entry): void {
    area.delete(e.b);
    this.#fsLru.remove(e);
    this.#release(e);
  }
}

/** Build a backend of a given kind. */
export function createBackend(kind: BackendKind, opts: Partial<BackendOptions> = {}): TmemBackend {
  return new TmemBackend(kind, opts);
}
