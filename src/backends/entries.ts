/**
 * A backend's page table: one numeric entry id per stored page, its fields
 * packed in one row of 32-bit words (no object per page; one or two cache
 * lines per entry, so a large table costs few cache misses per operation),
 * and the LRU list, per-inode lists and free list as links in the rows.
 * Two layouts: a cleancache table (10 words, 40 bytes: its keys (pool,
 * inode, index) in an open-addressing hash table, its entries on per-inode
 * lists) and a frontswap table (7 words, 28 bytes: the caller finds its
 * entries by (type, offset)).
 *
 * Inodes, page indexes and swap offsets are 32-bit (the simulation's
 * `LIMITS`). A same-filled page keeps its 64-bit word where a stored page
 * keeps its allocator handle, and has size 0: the kernel's `zswap_entry`
 * union of `handle` and `value`, told apart by `length == 0`.
 */

import { grownCapacity } from "../capacity.ts";
import { KeySlots, tagOf } from "../key_slots.ts";

/** No entry. */
export const NIL = -1;

/** A doubly linked list threaded through an EntryTable (oldest at the head). */
export interface Lru {
  head: number;
  tail: number;
  size: number;
}

export function newLru(): Lru {
  return { head: NIL, tail: NIL, size: 0 };
}

const INITIAL = 1024;

/** Largest inode, page index or swap offset an entry holds. */
export const MAX_KEY = 0xffffffff;

function mixHash(owner: number, object: number, pageIndex: number): number {
  let h = Math.imul(owner ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ object, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ pageIndex, 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Word offsets of an entry's fields in its row; the last three only in a cleancache table. */
const HANDLE = 0, HIGH = 1, SIZE = 2, OWNER = 3, OBJECT = 4, PREV = 5, NEXT = 6;
const PAGE = 7, IPREV = 8, INEXT = 9;
/** Words of a row: cleancache entries (keyed, on inode lists), frontswap entries. */
const CLEANCACHE_WORDS = 10, FRONTSWAP_WORDS = 7;

/** Which frontend's entries a table holds (its row layout). */
export type TableKind = "cleancache" | "frontswap";

/** Entry fields by id, the cleancache key index, and the links. */
export class EntryTable {
  /** Words per row. */
  readonly #words: number;
  /** The rows: entry id * words + field. */
  #row: Int32Array;
  #capacity = INITIAL;
  /** Cleancache keys (a cleancache table only). */
  readonly #keys = new KeySlots();
  readonly #hashOf = (id: number) => this.#home(id);
  #free = NIL;
  #top = 0;
  #live = 0;

  constructor(kind: TableKind) {
    this.#words = kind === "cleancache" ? CLEANCACHE_WORDS : FRONTSWAP_WORDS;
    this.#row = new Int32Array(INITIAL * this.#words);
  }

  /** Entries in use. */
  get live(): number {
    return this.#live;
  }
  /** Entry ids below this may be in use. */
  get top(): number {
    return this.#top;
  }
  /** Entries the rows have room for. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Allocator handle; for a same-filled page (size 0) the low half of its word. */
  handle(id: number): number {
    return this.#row[id * this.#words + HANDLE];
  }
  /** The high half of a same-filled page's word (0 otherwise). */
  high(id: number): number {
    return this.#row[id * this.#words + HIGH];
  }
  /** Compressed size; 0 for a same-filled page. */
  size(id: number): number {
    return this.#row[id * this.#words + SIZE];
  }
  /** Pool id (cleancache) or `~type` (frontswap: always negative). */
  owner(id: number): number {
    return this.#row[id * this.#words + OWNER];
  }
  /** Inode (cleancache) or swap offset (frontswap). */
  object(id: number): number {
    return this.#row[id * this.#words + OBJECT] >>> 0;
  }
  /** Page index (cleancache tables only). */
  pageIndex(id: number): number {
    return this.#row[id * this.#words + PAGE] >>> 0;
  }
  /** The next entry on its LRU list (towards the tail), or NIL. */
  next(id: number): number {
    return this.#row[id * this.#words + NEXT];
  }
  /** The next entry on its inode's circular list. */
  inext(id: number): number {
    return this.#row[id * this.#words + INEXT];
  }
  /** Whether entry `id` is a same-filled page (no allocation). */
  isSameFilled(id: number): boolean {
    return this.#row[id * this.#words + SIZE] === 0;
  }

  /**
   * A fresh entry id: a stored page (`size` > 0, its allocator `handle`) or
   * a same-filled one (`size` 0, its word in `handle`/`high`).
   */
  alloc(
    handle: number,
    high: number,
    size: number,
    owner: number,
    object: number,
    pageIndex: number,
  ): number {
    if (!(object >= 0 && object <= MAX_KEY && pageIndex >= 0 && pageIndex <= MAX_KEY)) {
      throw new RangeError(`entry table: key ${object}/${pageIndex} outside 0..${MAX_KEY}`);
    }
    let id = this.#free;
    if (id !== NIL) this.#free = this.#row[id * this.#words + NEXT];
    else {
      id = this.#top++;
      if (id >= this.#capacity) this.#grow();
    }
    const r = this.#row, o = id * this.#words;
    r[o + HANDLE] = handle;
    r[o + HIGH] = size === 0 ? high : 0;
    r[o + SIZE] = size;
    r[o + OWNER] = owner;
    r[o + OBJECT] = object;
    if (this.#words === CLEANCACHE_WORDS) r[o + PAGE] = pageIndex;
    this.#live++;
    return id;
  }

  /** Return an id (already unlinked from every list and index). */
  release(id: number): void {
    this.#row[id * this.#words + HANDLE] = 0;
    this.#row[id * this.#words + NEXT] = this.#free;
    this.#free = id;
    this.#live--;
  }

  // ---------------- cleancache key index ----------------

  #home(id: number): number {
    const r = this.#row, o = id * this.#words;
    return mixHash(r[o + OWNER], r[o + OBJECT], r[o + PAGE]);
  }

  /** The entry keyed (owner, object, pageIndex), or NIL. */
  find(owner: number, object: number, pageIndex: number): number {
    const k = this.#keys, slots = k.slots, tags = k.tags, mask = slots.length - 1;
    const r = this.#row, w = this.#words;
    const ob = object | 0, pg = pageIndex | 0;
    const h = mixHash(owner, ob, pg), tag = tagOf(h);
    for (let i = h & mask;; i = (i + 1) & mask) {
      const s = slots[i];
      if (s === 0) return NIL;
      if (tags[i] !== tag) continue;
      const o = (s - 1) * w;
      if (r[o + PAGE] === pg && r[o + OBJECT] === ob && r[o + OWNER] === owner) return s - 1;
    }
  }

  /** Index entry `id` under its (owner, object, pageIndex) key (not already present). */
  addKey(id: number): void {
    if (this.#words !== CLEANCACHE_WORDS) {
      throw new Error("entry table: frontswap rows have no key");
    }
    this.#keys.insert(id, this.#home(id), this.#hashOf);
  }

  /** Remove entry `id` from the key index. */
  removeKey(id: number): void {
    this.#keys.remove(id, this.#home(id), this.#hashOf);
  }

  /** Keys in the index. */
  get indexed(): number {
    return this.#keys.count;
  }

  // ---------------- LRU lists ----------------

  push(l: Lru, id: number): void {
    const r = this.#row, o = id * this.#words;
    r[o + PREV] = l.tail;
    r[o + NEXT] = NIL;
    if (l.tail !== NIL) r[l.tail * this.#words + NEXT] = id;
    else l.head = id;
    l.tail = id;
    l.size++;
  }

  unlink(l: Lru, id: number): void {
    const r = this.#row, o = id * this.#words;
    const p = r[o + PREV], n = r[o + NEXT];
    if (p !== NIL) r[p * this.#words + NEXT] = n;
    else l.head = n;
    if (n !== NIL) r[n * this.#words + PREV] = p;
    else l.tail = p;
    l.size--;
  }

  touch(l: Lru, id: number): void {
    if (l.tail === id) return;
    this.unlink(l, id);
    this.push(l, id);
  }

  // ---------------- per-inode circular lists ----------------

  /** Append `id` to the circular list starting at `head` (NIL = new list); returns the head. */
  inodeAppend(head: number, id: number): number {
    const r = this.#row, o = id * this.#words;
    if (head === NIL) {
      r[o + IPREV] = r[o + INEXT] = id;
      return id;
    }
    const tail = r[head * this.#words + IPREV];
    r[tail * this.#words + INEXT] = id;
    r[o + IPREV] = tail;
    r[o + INEXT] = head;
    r[head * this.#words + IPREV] = id;
    return head;
  }

  /** Remove `id` from the list starting at `head`; returns the new head (NIL = empty). */
  inodeRemove(head: number, id: number): number {
    const r = this.#row, o = id * this.#words;
    const n = r[o + INEXT];
    if (n === id) return NIL;
    const p = r[o + IPREV];
    r[p * this.#words + INEXT] = n;
    r[n * this.#words + IPREV] = p;
    return head === id ? n : head;
  }

  #grow(): void {
    this.#capacity = grownCapacity(this.#capacity, this.#top - 1);
    const bigger = new Int32Array(this.#capacity * this.#words);
    bigger.set(this.#row);
    this.#row = bigger;
  }
}
