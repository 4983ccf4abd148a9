/**
 * The page store every backend builds on: two entry tables (cleancache
 * entries keyed (pool, inode, index), frontswap entries found by (type,
 * offset) in a chunked index; entry ids are per table), cleancache pools with
 * their per-inode lists, one LRU per frontend, and the bytes: same-filled
 * words or compressed objects in an allocator. It holds no policy: what is
 * accepted, what is evicted and what is written back is each backend's
 * module (zcache.ts, zswap.ts, tmem.ts, ram.ts), which calls these parts.
 */
import { fillSame, isSameFilled, PAGE_SIZE, SAME_WORD } from "../content.ts";
import type { Allocator } from "./alloc/allocator.ts";
import type { Compressor } from "./compressors.ts";
import { EntryTable, type Lru, newLru, NIL } from "./entries.ts";
import { SwapIndex } from "./swap_index.ts";
import { grownCapacity } from "../capacity.ts";
import type { PoolUsage, PutResult, RejectReason } from "./ops.ts";
import type { BackendStats } from "../snapshot.ts";

export { NIL };

/** A cleancache pool (or a backend's frontswap pool, which holds no inode lists). */
export interface Pool {
  id: number;
  /** uuid of a shared pool, null for a private one. */
  uuid: string | null;
  /** Superblocks using a shared pool. */
  users: number;
  /** Inode -> head of its circular list of entries (insertion order). */
  inodes: Map<number, number>;
  pages: number;
  bytes: number;
}

/**
 * Allocator handle -> entry id, for reclaim by frame: an Int32Array indexed
 * by handle (handles of evictable allocators are small dense numbers: frame
 * * 2 + buddy) holding entry id + 1; allocators reclaim never reads (zsmalloc,
 * whole pages) only count their objects.
 */
class HandleIndex {
  #ids: Int32Array | null;
  /** Objects held. */
  size = 0;
  constructor(indexed: boolean) {
    this.#ids = indexed ? new Int32Array(1024) : null;
  }
  get(h: number): number {
    const ids = this.#ids;
    return ids !== null && h < ids.length ? ids[h] - 1 : NIL;
  }
  set(h: number, e: number): void {
    this.size++;
    let ids = this.#ids;
    if (ids === null) return;
    if (h >= ids.length) {
      const grown = new Int32Array(grownCapacity(ids.length, h));
      grown.set(ids);
      this.#ids = ids = grown;
    }
    ids[h] = e + 1;
  }
  delete(h: number): void {
    this.size--;
    if (this.#ids !== null) this.#ids[h] = 0;
  }
}

/** Which kind of word `isSame` looks for. */
export type SameFilledRule = "none" | "zero" | "word";

/** The counters every backend reports under the common names. */
export interface CommonCounters {
  reject_compress_poor: number;
  reject_alloc_fail: number;
  reject_reclaim_fail: number;
  pool_limit_hit: number;
  evicted_pages: number;
  written_back_pages: number;
  duplicate_entry: number;
}

export function newCommonCounters(): CommonCounters {
  return {
    reject_compress_poor: 0,
    reject_alloc_fail: 0,
    reject_reclaim_fail: 0,
    pool_limit_hit: 0,
    evicted_pages: 0,
    written_back_pages: 0,
    duplicate_entry: 0,
  };
}

/** Entries, pools, LRUs and bytes; see the module comment. */
export class PageStore {
  /** Cleancache entries (keyed by pool, inode, index). */
  readonly cc = new EntryTable("cleancache");
  /** Frontswap entries. */
  readonly sw = new EntryTable("frontswap");
  /** Frontswap entries by (type, offset). */
  readonly #swaps = new SwapIndex();
  /** Cleancache and frontswap entries, oldest first. */
  readonly ccLru: Lru = newLru();
  readonly swLru: Lru = newLru();
  readonly pools = new Map<number, Pool>();
  /**
   * Allocator handle -> entry id of each side (for reclaim by frame); one index when both
   * sides share an allocator.
   */
  readonly #ccHandles: HandleIndex;
  readonly #swHandles: HandleIndex;
  readonly codec: Compressor;
  /** Allocator of cleancache pages and of frontswap pages (the same one except in zcache). */
  readonly ccAlloc: Allocator;
  readonly swAlloc: Allocator;
  /** Bytes stored in front of each object (zcache's tmem handle), not counted as compressed bytes. */
  readonly overhead: number;
  sameFilled = 0;
  compressedBytes = 0;
  /** The outcome of the latest put/store, updated in place (no object per page). */
  readonly last: PutResult = { clen: null, reason: null };
  readonly #scratch = new Uint8Array(PAGE_SIZE);

  constructor(codec: Compressor, ccAlloc: Allocator, swAlloc = ccAlloc, overhead = 0) {
    this.codec = codec;
    this.ccAlloc = ccAlloc;
    this.swAlloc = swAlloc;
    this.overhead = overhead;
    this.#ccHandles = new HandleIndex(ccAlloc.evictable);
    this.#swHandles = swAlloc === ccAlloc ? this.#ccHandles : new HandleIndex(swAlloc.evictable);
  }

  /** Record the outcome of a put/store for `lastResult()`. */
  result(clen: number | null, reason: RejectReason | null): boolean {
    this.last.clen = clen;
    this.last.reason = reason;
    return reason === null;
  }

  // ---------------- encoding ----------------

  /** Whether `page` is same-filled under `rule`; the word is then in SAME_WORD. */
  isSame(page: Uint8Array, rule: SameFilledRule): boolean {
    if (rule === "none" || !isSameFilled(page)) return false;
    return rule === "word" || (SAME_WORD[0] === 0 && SAME_WORD[1] === 0);
  }

  /** Compress a page. */
  compress(page: Uint8Array): Uint8Array {
    return this.codec.compress(page);
  }

  /** Copy compressed bytes into a fresh allocation `h` of `alloc` (after the overhead). */
  write(alloc: Allocator, h: number, c: Uint8Array): void {
    alloc.view(h, c.length + this.overhead).set(c, this.overhead);
  }

  /** Decompress cleancache entry `e` into `out`. */
  ccDecode(e: number, out: Uint8Array): void {
    this.#decode(this.cc, this.ccAlloc, e, out);
  }

  /** Decompress frontswap entry `e` into `out`. */
  swDecode(e: number, out: Uint8Array): void {
    this.#decode(this.sw, this.swAlloc, e, out);
  }

  #decode(t: EntryTable, alloc: Allocator, e: number, out: Uint8Array): void {
    const h = t.handle(e);
    if (t.isSameFilled(e)) {
      fillSame(out, h, t.high(e));
      return;
    }
    const src = alloc.view(h, t.size(e) + this.overhead).subarray(this.overhead);
    this.codec.decompress(src, out);
  }

  /**
   * The entry holding allocator handle `h`, or NIL: a cleancache entry id for
   * `ccAlloc`, a frontswap one for `swAlloc` (only non-evictable allocators,
   * which index no handle, serve both sides).
   */
  entryOf(alloc: Allocator, h: number): number {
    return (alloc === this.ccAlloc ? this.#ccHandles : this.#swHandles).get(h);
  }

  // ---------------- pools ----------------

  /** The lowest pool id not in use, from `from`. */
  freePoolId(from = 0): number {
    let id = from;
    while (this.pools.has(id)) id++;
    return id;
  }

  newPool(id: number, uuid: string | null): Pool {
    const p: Pool = { id, uuid, users: 1, inodes: new Map(), pages: 0, bytes: 0 };
    this.pools.set(id, p);
    return p;
  }

  /** Drop every page of a pool and the pool itself. */
  destroyPool(p: Pool): void {
    for (const head of [...p.inodes.values()]) this.ccDropList(head);
    this.pools.delete(p.id);
  }

  // ---------------- cleancache entries ----------------

  ccFind(pool: number, ino: number, index: number): number {
    return this.cc.find(pool, ino, index);
  }

  /** Add a cleancache entry for bytes already placed (`h` >= 0) or a same-filled word (`h` < 0). */
  ccInsert(p: Pool, ino: number, index: number, h: number, size: number): number {
    const t = this.cc;
    const e = this.#alloc(t, this.#ccHandles, h, size, p.id, ino, index);
    t.addKey(e);
    const head = p.inodes.get(ino);
    const h2 = t.inodeAppend(head ?? NIL, e);
    if (head === undefined) p.inodes.set(ino, h2);
    p.pages++;
    p.bytes += size;
    t.push(this.ccLru, e);
    return e;
  }

  ccDrop(e: number): void {
    const t = this.cc;
    const p = this.pools.get(t.owner(e))!;
    const ino = t.object(e);
    const head = p.inodes.get(ino)!;
    const h2 = t.inodeRemove(head, e);
    if (h2 === NIL) p.inodes.delete(ino);
    else if (h2 !== head) p.inodes.set(ino, h2);
    p.pages--;
    p.bytes -= t.size(e);
    t.removeKey(e);
    t.unlink(this.ccLru, e);
    this.#release(t, this.#ccHandles, this.ccAlloc, e);
  }

  /** Drop every entry of one inode's list. */
  ccDropList(head: number): void {
    const t = this.cc;
    for (let e = head;;) {
      const n = t.inext(e);
      this.ccDrop(e);
      if (n === e) break;
      e = n;
    }
  }

  ccDropInode(p: Pool, ino: number): void {
    const head = p.inodes.get(ino);
    if (head !== undefined) this.ccDropList(head);
  }

  // ---------------- frontswap entries ----------------

  swFind(type: number, offset: number): number {
    return this.#swaps.get(type, offset);
  }

  swInsert(type: number, offset: number, h: number, size: number): number {
    const e = this.#alloc(this.sw, this.#swHandles, h, size, ~type, offset, 0);
    this.#swaps.set(type, offset, e);
    this.sw.push(this.swLru, e);
    return e;
  }

  swDrop(e: number): void {
    this.#swaps.delete(~this.sw.owner(e), this.sw.object(e));
    this.sw.unlink(this.swLru, e);
    this.#release(this.sw, this.#swHandles, this.swAlloc, e);
  }

  /** Swap type of frontswap entry `e`. */
  swType(e: number): number {
    return ~this.sw.owner(e);
  }

  /** Drop every frontswap entry of `type`. */
  swDropType(type: number): void {
    const t = this.sw, key = ~type;
    for (let e = this.swLru.head; e !== NIL;) {
      const n = t.next(e);
      if (t.owner(e) === key) this.swDrop(e);
      e = n;
    }
  }

  /** Decompress frontswap entry `e`, drop it, and hand the page to `write` (writeback). */
  swWriteBack(e: number, write: (type: number, offset: number, page: Uint8Array) => void): void {
    const type = this.swType(e), offset = this.sw.object(e);
    this.swDecode(e, this.#scratch);
    this.swDrop(e);
    write(type, offset, this.#scratch);
  }

  // ---------------- reporting ----------------

  poolUsage(pool: number): PoolUsage | null {
    const p = this.pools.get(pool);
    return p ? { pages: p.pages, compressedBytes: p.bytes, shared: p.uuid !== null } : null;
  }

  /** Frames in use over both allocators. */
  get frames(): number {
    return this.ccAlloc === this.swAlloc
      ? this.ccAlloc.frames
      : this.ccAlloc.frames + this.swAlloc.frames;
  }

  /** The stored-page fields of `BackendStats`. */
  pageStats(): Pick<
    BackendStats,
    | "stored_pages"
    | "cleancache_pages"
    | "frontswap_pages"
    | "same_filled_pages"
    | "pool_total_size"
    | "compressed_bytes"
    | "original_bytes"
    | "compression_ratio"
    | "effective_ratio"
  > {
    const stored = this.ccLru.size + this.swLru.size;
    const pooled = stored - this.sameFilled;
    const poolBytes = this.frames * PAGE_SIZE;
    return {
      stored_pages: stored,
      cleancache_pages: this.ccLru.size,
      frontswap_pages: this.swLru.size,
      same_filled_pages: this.sameFilled,
      pool_total_size: poolBytes,
      compressed_bytes: this.compressedBytes,
      original_bytes: stored * PAGE_SIZE,
      compression_ratio: this.compressedBytes > 0 ? (pooled * PAGE_SIZE) / this.compressedBytes : 0,
      effective_ratio: poolBytes > 0 ? (pooled * PAGE_SIZE) / poolBytes : 0,
    };
  }

  /** Check the entry table, pools, LRUs and byte counts against each other. */
  audit(): string[] {
    const problems: string[] = [];
    const t = this.cc, u = this.sw;
    let cc = 0, sw = 0, bytes = 0, same = 0;
    for (const p of this.pools.values()) {
      let pages = 0, pbytes = 0;
      for (const [ino, head] of p.inodes) {
        let e = head;
        do {
          pages++;
          pbytes += t.size(e);
          if (t.isSameFilled(e)) same++;
          if (t.owner(e) !== p.id || t.object(e) !== ino) {
            problems.push(`pool ${p.id} inode ${ino}: holds an entry of another key`);
          }
          if (t.find(p.id, ino, t.pageIndex(e)) !== e) {
            problems.push(
              `pool ${p.id} inode ${ino} index ${t.pageIndex(e)}: not found by its key`,
            );
          }
          e = t.inext(e);
        } while (e !== head && pages <= t.top);
      }
      if (pages !== p.pages || pbytes !== p.bytes) {
        problems.push(`pool ${p.id}: counted ${p.pages}/${p.bytes}, holds ${pages}/${pbytes}`);
      }
      cc += pages;
      bytes += pbytes;
    }
    for (let e = this.swLru.head, n = 0; e !== NIL && n <= u.top; e = u.next(e), n++) {
      sw++;
      bytes += u.size(e);
      if (u.isSameFilled(e)) same++;
      if (this.#swaps.get(~u.owner(e), u.object(e)) !== e) {
        problems.push(`type ${~u.owner(e)} offset ${u.object(e)}: not found by its key`);
      }
    }
    const ccLinked = this.#countLru(this.ccLru);
    if (cc !== this.ccLru.size || ccLinked !== cc) {
      problems.push(`cleancache LRU ${this.ccLru.size} (${ccLinked} linked) != ${cc}`);
    }
    if (sw !== this.swLru.size) problems.push(`frontswap LRU ${this.swLru.size} != ${sw}`);
    if (t.live !== cc || t.indexed !== cc || u.live !== sw || this.#swaps.size !== sw) {
      problems.push(
        `entry tables: ${t.live} + ${u.live} live, ${t.indexed} + ${this.#swaps.size} indexed, ` +
          `${cc} + ${sw} held`,
      );
    }
    if (bytes !== this.compressedBytes) {
      problems.push(`compressed_bytes ${this.compressedBytes} != ${bytes}`);
    }
    if (same !== this.sameFilled) problems.push(`same_filled ${this.sameFilled} != ${same}`);
    let handles = 0;
    handles += this.#ccHandles.size;
    if (this.#swHandles !== this.#ccHandles) handles += this.#swHandles.size;
    if (handles !== cc + sw - same) {
      problems.push(`${handles} handles for ${cc + sw - same} objects`);
    }
    if (this.frames * PAGE_SIZE < bytes) problems.push("pool smaller than its contents");
    return problems;
  }

  // ---------------- internals ----------------

  #alloc(
    t: EntryTable,
    handles: HandleIndex,
    h: number,
    size: number,
    owner: number,
    object: number,
    index: number,
  ): number {
    if (h < 0) {
      this.sameFilled++;
      return t.alloc(SAME_WORD[0], SAME_WORD[1], 0, owner, object, index);
    }
    this.compressedBytes += size;
    const e = t.alloc(h, 0, size, owner, object, index);
    handles.set(h, e);
    return e;
  }

  #release(t: EntryTable, handles: HandleIndex, alloc: Allocator, e: number): void {
    if (t.isSameFilled(e)) this.sameFilled--;
    else {
      const h = t.handle(e), size = t.size(e);
      alloc.free(h, size + this.overhead);
      handles.delete(h);
      this.compressedBytes -= size;
    }
    t.release(e);
  }

  #countLru(l: Lru): number {
    let n = 0;
    for (let e = l.head; e !== NIL && n <= this.cc.top; e = this.cc.next(e)) n++;
    return n;
  }
}
