/**
 * The compressing tmem backend (zcache/zswap style) and, with no compression,
 * the `ram` baseline. One store serves both frontends: cleancache pools keyed
 * (pool, inode, index) and frontswap areas keyed (type, offset).
 */
import { fillSame, isSameFilled, PAGE_SIZE, SAME_WORD } from "../content.ts";
import type { Allocator } from "../alloc/allocator.ts";
import { PageAllocator, ZbudAllocator, ZsmallocAllocator } from "../alloc/mod.ts";
import type { BackendSnapshot } from "../snapshot.ts";
import { type Compressor, createCompressor, IdentityCompressor } from "./compressor.ts";
import { EntryTable, type Lru, newLru, NIL } from "./entries.ts";
import type { Backend, BackendHost, CleancacheOps, FrontswapOps, PoolUsage } from "./ops.ts";
import { type BackendKind, type BackendOptions, DEFAULT_BACKEND_OPTIONS } from "./options.ts";

interface Pool {
  id: number;
  uuid: string | null;
  users: number;
  /** Inode -> head of its circular list of entries (insertion order). */
  inodes: Map<number, number>;
  pages: number;
  bytes: number;
}

/** Frontswap entries are keyed (~type, offset, -1) in the same index as cleancache keys. */
const SWAP_INDEX = -1;

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
  /** Frontswap types told `init`. */
  readonly #areas = new Set<number>();
  /** Every stored page: fields, key index, links. */
  readonly #t = new EntryTable();
  readonly #ccLru: Lru = newLru();
  readonly #fsLru: Lru = newLru();
  readonly #scratch = new Uint8Array(PAGE_SIZE);
  #host: BackendHost | null = null;
  /** The last #storeData result (no object per store). */
  #sHandle = 0;
  #sSize = 0;
  #sLo = 0;
  #sHi = 0;
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
    if (!p) return false;
    const e = this.#t.find(pool, ino, index);
    if (e === NIL) return false;
    this.#decode(e, out);
    if (p.uuid === null) this.#dropCc(p, e);
    else this.#t.touch(this.#ccLru, e);
    return true;
  }

  putPage(pool: number, ino: number, index: number, page: Uint8Array): void {
    const p = this.#pools.get(pool);
    if (!p) return;
    const t = this.#t;
    const old = t.find(pool, ino, index);
    if (old !== NIL) this.#dropCc(p, old); // put-put-get: the older copy never survives
    if (!this.#storeData(page, false)) return;
    const e = t.alloc(this.#sHandle, this.#sSize, this.#sLo, this.#sHi, pool, ino, index);
    t.index(e);
    const head = p.inodes.get(ino);
    const h2 = t.inodeAppend(head ?? NIL, e);
    if (head === undefined) p.inodes.set(ino, h2);
    p.pages++;
    p.bytes += this.#sSize;
    t.push(this.#ccLru, e);
  }

  invalidatePage(pool: number, ino: number, index: number): void {
    const p = this.#pools.get(pool);
    if (!p) return;
    const e = this.#t.find(pool, ino, index);
    if (e !== NIL) this.#dropCc(p, e);
  }

  invalidateInode(pool: number, ino: number): void {
    const p = this.#pools.get(pool);
    const head = p?.inodes.get(ino);
    if (!p || head === undefined) return;
    this.#dropList(p, head);
  }

  invalidateFs(pool: number): void {
    const p = this.#pools.get(pool);
    if (!p) return;
    if (--p.users > 0) return;
    for (const head of [...p.inodes.values()]) this.#dropList(p, head);
    this.#pools.delete(pool);
    if (p.uuid !== null) this.#sharedByUuid.delete(p.uuid);
  }

  // ---------------- frontswap ----------------

  init(type: number): void {
    this.#areas.add(type);
  }

  store(type: number, offset: number, page: Uint8Array): boolean {
    if (!this.#areas.has(type)) return false;
    const t = this.#t;
    const old = t.find(~type, offset, SWAP_INDEX);
    if (old !== NIL) {
      // zswap: the duplicate is dropped before the new copy is tried
      this.#c.duplicate_entry++;
      this.#dropFs(old);
    }
    if (!this.#storeData(page, true)) return false;
    const e = t.alloc(this.#sHandle, this.#sSize, this.#sLo, this.#sHi, ~type, offset, SWAP_INDEX);
    t.index(e);
    t.push(this.#fsLru, e);
    return true;
  }

  load(type: number, offset: number, out: Uint8Array): boolean {
    return this.peekSwapPage(type, offset, out);
  }

  peekSwapPage(type: number, offset: number, out: Uint8Array): boolean {
    if (!this.#areas.has(type)) return false;
    const e = this.#t.find(~type, offset, SWAP_INDEX);
    if (e === NIL) return false;
    this.#decode(e, out);
    return true;
  }

  /** frontswap `invalidate_page`. */
  invalidateSwapPage(type: number, offset: number): void {
    if (!this.#areas.has(type)) return;
    const e = this.#t.find(~type, offset, SWAP_INDEX);
    if (e !== NIL) this.#dropFs(e);
  }

  invalidateArea(type: number): void {
    if (!this.#areas.has(type)) return;
    // the frontswap LRU is in store order (loads do not touch it)
    const t = this.#t, key = ~type;
    for (let e = this.#fsLru.head; e !== NIL;) {
      const n = t.next[e];
      if (t.a[e] === key) this.#dropFs(e);
      e = n;
    }
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
    const t = this.#t;
    let cc = 0, fs = 0, bytes = 0, same = 0;
    for (const p of this.#pools.values()) {
      let pages = 0, pbytes = 0;
      for (const [ino, head] of p.inodes) {
        let e = head;
        do {
          pages++;
          pbytes += t.size[e];
          if (t.handle[e] < 0) same++;
          if (t.a[e] !== p.id || t.b[e] !== ino) {
            problems.push(`pool ${p.id} inode ${ino}: holds an entry of another key`);
          }
          if (t.find(p.id, ino, t.c[e]) !== e) {
            problems.push(`pool ${p.id} inode ${ino} index ${t.c[e]}: not found by its key`);
          }
          e = t.inext[e];
        } while (e !== head && pages <= t.top);
      }
      if (pages !== p.pages || pbytes !== p.bytes) {
        problems.push(`pool ${p.id}: counted ${p.pages}/${p.bytes}, holds ${pages}/${pbytes}`);
      }
      cc += pages;
      bytes += pbytes;
    }
    for (let e = this.#fsLru.head, n = 0; e !== NIL && n <= t.top; e = t.next[e], n++) {
      fs++;
      bytes += t.size[e];
      if (t.handle[e] < 0) same++;
      const type = ~t.a[e];
      if (!this.#areas.has(type)) problems.push(`frontswap page of type ${type} without an area`);
      if (t.find(t.a[e], t.b[e], SWAP_INDEX) !== e) {
        problems.push(`type ${type} offset ${t.b[e]}: not found by its key`);
      }
    }
    const ccLinked = this.#countLru(this.#ccLru);
    if (cc !== this.#ccLru.size || ccLinked !== cc) {
      problems.push(`cleancache LRU ${this.#ccLru.size} (${ccLinked} linked) != ${cc}`);
    }
    if (fs !== this.#fsLru.size) problems.push(`frontswap LRU ${this.#fsLru.size} != ${fs}`);
    if (t.live !== cc + fs || t.indexed !== cc + fs) {
      problems.push(`entry table: ${t.live} live, ${t.indexed} indexed, ${cc + fs} held`);
    }
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

  #countLru(l: Lru): number {
    let n = 0;
    for (let e = l.head; e !== NIL && n <= this.#t.top; e = this.#t.next[e]) n++;
    return n;
  }

  #freePoolId(): number {
    let id = 0;
    while (this.#pools.has(id)) id++;
    return id;
  }

  /** Compress and place a page; on success the result is in #sHandle/#sSize/#sLo/#sHi. */
  #storeData(page: Uint8Array, forSwap: boolean): boolean {
    if (this.#detectSame && isSameFilled(page)) {
      this.#sameFilled++;
      this.#sHandle = -1;
      this.#sSize = 0;
      this.#sLo = SAME_WORD[0];
      this.#sHi = SAME_WORD[1];
      return true;
    }
    const c = this.#compressor.compress(page);
    const size = c.length;
    if (size > this.options.threshold) {
      this.#c.reject_compress_poor++;
      return false;
    }
    if (size > this.#alloc.maxSize) {
      this.#c.reject_alloc_fail++;
      return false;
    }
    let h = this.#alloc.alloc(size, this.options.limit);
    if (h < 0) {
      this.#c.pool_limit_hit++;
      h = this.#makeRoom(size, forSwap);
      if (h < 0) {
        this.#c.reject_reclaim_fail++;
        return false;
      }
    }
    this.#alloc.view(h, size).set(c);
    this.#compressedBytes += size;
    this.#sHandle = h;
    this.#sSize = size;
    this.#sLo = this.#sHi = 0;
    return true;
  }

  /**
   * Make room when the pool is at its limit. A cleancache put evicts
   * cleancache pages, oldest first (ephemeral: the frontend is never told).
   * A frontswap store takes the least recently used page of the pool: a
   * cleancache page is evicted, a frontswap page is written back to its swap
   * slot (only with writeback on; without it, only cleancache pages can
   * make room and the store is rejected when none is left).
   */
  #makeRoom(size: number, forSwap: boolean): number {
    const t = this.#t;
    for (;;) {
      const cc = this.#ccLru.head;
      const fs = forSwap && this.options.writeback && this.#host ? this.#fsLru.head : NIL;
      if (cc !== NIL && (fs === NIL || t.olderThan(cc, fs))) {
        this.#dropCc(this.#pools.get(t.a[cc])!, cc);
        this.#c.evicted_pages++;
      } else if (fs !== NIL) {
        this.#writeback(fs);
      } else {
        return -1;
      }
      const h = this.#alloc.alloc(size, this.options.limit);
      if (h >= 0) return h;
    }
  }

  #writeback(e: number): void {
    const type = ~this.#t.a[e], offset = this.#t.b[e];
    this.#decode(e, this.#scratch);
    this.#dropFs(e);
    this.#c.written_back_pages++;
    this.#host!.writebackSwapPage(type, offset, this.#scratch);
  }

  #decode(e: number, out: Uint8Array): void {
    const t = this.#t;
    const h = t.handle[e];
    if (h < 0) fillSame(out, t.lo[e], t.hi[e]);
    else this.#compressor.decompress(this.#alloc.view(h, t.size[e]), out);
  }

  #release(e: number): void {
    const t = this.#t;
    const h = t.handle[e];
    if (h < 0) this.#sameFilled--;
    else {
      this.#alloc.free(h, t.size[e]);
      this.#compressedBytes -= t.size[e];
    }
    t.release(e);
  }

  #dropCc(p: Pool, e: number): void {
    const t = this.#t;
    const ino = t.b[e];
    const head = p.inodes.get(ino)!;
    const h2 = t.inodeRemove(head, e);
    if (h2 === NIL) p.inodes.delete(ino);
    else if (h2 !== head) p.inodes.set(ino, h2);
    p.pages--;
    p.bytes -= t.size[e];
    t.unindex(e);
    t.unlink(this.#ccLru, e);
    this.#release(e);
  }

  /** Drop every entry of one inode's list, in insertion order. */
  #dropList(p: Pool, head: number): void {
    const t = this.#t;
    // always drop the current head: the last one left links to itself
    for (let e = head;;) {
      const n = t.inext[e];
      this.#dropCc(p, e);
      if (n === e) break;
      e = n;
    }
  }

  #dropFs(e: number): void {
    const t = this.#t;
    t.unindex(e);
    t.unlink(this.#fsLru, e);
    this.#release(e);
  }
}

/** Build a backend of a given kind. */
export function createBackend(kind: BackendKind, opts: Partial<BackendOptions> = {}): TmemBackend {
  return new TmemBackend(kind, opts);
}
