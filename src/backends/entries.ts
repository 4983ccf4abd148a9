/**
 * The backend's page table: one numeric entry id per stored page, its
 * fields packed in one row of 10 32-bit words (no object per page; one or
 * two cache lines per entry, so a large table costs few cache misses per
 * operation), cleancache keys (pool, inode, index) in an open-addressing
 * hash table, and the LRU lists, per-inode lists and free list as links in
 * the rows. 40 bytes per entry plus the key table.
 *
 * Inodes, page indexes and swap offsets are 32-bit (the simulation's
 * `LIMITS`). A same-filled page keeps its 64-bit word where a stored page
 * keeps its allocator handle, and has size 0: the kernel's `zswap_entry`
 * union of `handle` and `value`, told apart by `length == 0`.
 */

import { grownCapacity } from "../capacity.ts";

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
const MAX_LOAD = 0.5;

/** Largest inode, page index or swap offset an entry holds. */
export const MAX_KEY = 0xffffffff;

function mixHash(owner: number, object: number, pageIndex: number): number {
  let h = Math.imul(owner ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ object, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ pageIndex, 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Word offsets of an entry's fields in its row. */
const HANDLE = 0, HIGH = 1, SIZE = 2, OWNER = 3, OBJECT = 4, PAGE = 5;
const PREV = 6, NEXT = 7, IPREV = 8, INEXT = 9;
const WORDS = 10;

/** Entry fields by id, the cleancache key index, and the links. */
export class EntryTable {
  /** The rows: entry id * WORDS + field. */
  #row = new Int32Array(INITIAL * WORDS);
  #capacity = INITIAL;
  /** Open-addressing table of cleancache keys: entry id + 1, 0 = empty. */
  #slots = new Int32Array(INITIAL * 2);
  #keys = 0;
  #free = NIL;
  #top = 0;
  #live = 0;

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
    return this.#row[id * WORDS + HANDLE];
  }
  /** The high half of a same-filled page's word (0 otherwise). */
  high(id: number): number {
    return this.#row[id * WORDS + HIGH];
  }
  /** Compressed size; 0 for a same-filled page. */
  size(id: number): number {
    return this.#row[id * WORDS + SIZE];
  }
  /** Pool id (cleancache) or `~type` (frontswap: always negative). */
  owner(id: number): number {
    return this.#row[id * WORDS + OWNER];
  }
  /** Inode (cleancache) or swap offset (frontswap). */
  object(id: number): number {
    return this.#row[id * WORDS + OBJECT] >>> 0;
  }
  /** Page index (cleancache); 0 for frontswap. */
  pageIndex(id: number): number {
    return this.#row[id * WORDS + PAGE] >>> 0;
  }
  /** The next entry on its LRU list (towards the tail), or NIL. */
  next(id: number): number {
    return this.#row[id * WORDS + NEXT];
  }
  /** The next entry on its inode's circular list. */
  inext(id: number): number {
    return this.#row[id * WORDS + INEXT];
  }
  /** Whether entry `id` is a same-filled page (no allocation). */
  isSameFilled(id: number): boolean {
    return this.#row[id * WORDS + SIZE] === 0;
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
    if (id !== NIL) this.#free = this.#row[id * WORDS + NEXT];
    else {
      id = this.#top++;
      if (id >= this.#capacity) this.#grow();
    }
    const r = this.#row, o = id * WORDS;
    r[o + HANDLE] = handle;
    r[o + HIGH] = size === 0 ? high : 0;
    r[o + SIZE] = size;
    r[o + OWNER] = owner;
    r[o + OBJECT] = object;
    r[o + PAGE] = pageIndex;
    this.#live++;
    return id;
  }

  /** Return an id (already unlinked from every list and index). */
  release(id: number): void {
    this.#row[id * WORDS + HANDLE] = 0;
    this.#row[id * WORDS + NEXT] = this.#free;
    this.#free = id;
    this.#live--;
  }

  // ---------------- cleancache key index ----------------

  #home(id: number): number {
    const r = this.#row, o = id * WORDS;
    return mixHash(r[o + OWNER], r[o + OBJECT], r[o + PAGE]);
  }

  /** The entry keyed (owner, object, pageIndex), or NIL. */
  find(owner: number, object: number, pageIndex: number): number {
    const slots = this.#slots, mask = slots.length - 1, r = this.#row;
    const ob = object | 0, pg = pageIndex | 0;
    let i = mixHash(owner, ob, pg) & mask;
    for (;;) {
      const s = slots[i];
      if (s === 0) return NIL;
      const o = (s - 1) * WORDS;
      if (r[o + PAGE] === pg && r[o + OBJECT] === ob && r[o + OWNER] === owner) return s - 1;
      i = (i + 1) & mask;
    }
  }

  /** Index entry `id` under its (owner, object, pageIndex) key (not already present). */
  addKey(id: number): void {
    if ((this.#keys + 1) > this.#slots.length * MAX_LOAD) this.#rehash(this.#slots.length * 2);
    this.#insertSlot(id);
    this.#keys++;
  }

  /** Remove entry `id` from the key index (backward-shift deletion). */
  removeKey(id: number): void {
    const slots = this.#slots, mask = slots.length - 1;
    let i = this.#home(id) & mask;
    while (slots[i] !== id + 1) i = (i + 1) & mask;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const s = slots[j];
      if (s === 0) break;
      const home = this.#home(s - 1) & mask;
      // move the entry back to i if its home is not cyclically in (i, j]
      if (i <= j ? home <= i || home > j : home <= i && home > j) {
        slots[i] = s;
        i = j;
      }
    }
    slots[i] = 0;
    this.#keys--;
  }

  /** Keys in the index. */
  get indexed(): number {
    return this.#keys;
  }

  #insertSlot(id: number): void {
    const slots = this.#slots, mask = slots.length - 1;
    let i = this.#home(id) & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }

  #rehash(n: number): void {
    const old = this.#slots;
    this.#slots = new Int32Array(n);
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.#insertSlot(old[i] - 1);
  }

  // ---------------- LRU lists ----------------

  push(l: Lru, id: number): void {
    const r = this.#row, o = id * WORDS;
    r[o + PREV] = l.tail;
    r[o + NEXT] = NIL;
    if (l.tail !== NIL) r[l.tail * WORDS + NEXT] = id;
    else l.head = id;
    l.tail = id;
    l.size++;
  }

  unlink(l: Lru, id: number): void {
    const r = this.#row, o = id * WORDS;
    const p = r[o + PREV], n = r[o + NEXT];
    if (p !== NIL) r[p * WORDS + NEXT] = n;
    else l.head = n;
    if (n !== NIL) r[n * WORDS + PREV] = p;
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
    const r = this.#row, o = id * WORDS;
    if (head === NIL) {
      r[o + IPREV] = r[o + INEXT] = id;
      return id;
    }
    const tail = r[head * WORDS + IPREV];
    r[tail * WORDS + INEXT] = id;
    r[o + IPREV] = tail;
    r[o + INEXT] = head;
    r[head * WORDS + IPREV] = id;
    return head;
  }

  /** Remove `id` from the list starting at `head`; returns the new head (NIL = empty). */
  inodeRemove(head: number, id: number): number {
    const r = this.#row, o = id * WORDS;
    const n = r[o + INEXT];
    if (n === id) return NIL;
    const p = r[o + IPREV];
    r[p * WORDS + INEXT] = n;
    r[n * WORDS + IPREV] = p;
    return head === id ? n : head;
  }

  #grow(): void {
    this.#capacity = grownCapacity(this.#capacity, this.#top - 1);
    const bigger = new Int32Array(this.#capacity * WORDS);
    bigger.set(this.#row);
    this.#row = bigger;
  }
}
