/**
 * The backend's page table as struct-of-arrays: one numeric entry id per
 * stored page, its fields in typed arrays (no object per page), cleancache
 * keys (pool, inode, index) in an open-addressing hash table, and the LRU
 * lists, per-inode lists and free list as Int32Array links. About 60 bytes
 * per stored page, all of it in a few large typed arrays.
 */

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

function mixHash(owner: number, object: number, pageIndex: number): number {
  let h = Math.imul(owner ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ (object >>> 0), 0x85ebca6b);
  h = Math.imul(h ^ ((object / 4294967296) | 0), 0xc2b2ae35);
  h = Math.imul(h ^ (pageIndex >>> 0), 0x27d4eb2f);
  h = Math.imul(h ^ ((pageIndex / 4294967296) | 0), 0x165667b1);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Entry fields by id, the cleancache key index, and the links. */
export class EntryTable {
  /** Allocator handle; < 0 for a same-filled page. */
  handle = new Int32Array(INITIAL);
  /** Compressed size (0 for a same-filled page). */
  size = new Uint16Array(INITIAL);
  /** Same-filled word (two 32-bit halves). */
  lo = new Int32Array(INITIAL);
  hi = new Int32Array(INITIAL);
  /** Pool id (cleancache) or `~type` (frontswap: always negative). */
  owner = new Int32Array(INITIAL);
  /** Inode (cleancache) or swap offset (frontswap). */
  object = new Float64Array(INITIAL);
  /** Page index (cleancache); -1 for frontswap. */
  pageIndex = new Float64Array(INITIAL);
  /**
   * When the entry was last pushed or touched: a 32-bit counter shared by all
   * lists (the global LRU age), compared with wrap-around by `olderThan`.
   */
  age = new Int32Array(INITIAL);
  /** LRU links (the free list reuses `next`). */
  prev = new Int32Array(INITIAL);
  next = new Int32Array(INITIAL);
  /** Circular per-inode list links (cleancache only). */
  iprev = new Int32Array(INITIAL);
  inext = new Int32Array(INITIAL);
  /** Open-addressing table of cleancache keys: entry id + 1, 0 = empty. */
  #slots = new Int32Array(INITIAL * 2);
  #keys = 0;
  #free = NIL;
  #top = 0;
  #clock = 0;
  #live = 0;

  /** Entries in use. */
  get live(): number {
    return this.#live;
  }
  /** Entry ids below this may be in use. */
  get top(): number {
    return this.#top;
  }

  /** A fresh entry id. */
  alloc(
    handle: number,
    size: number,
    lo: number,
    hi: number,
    owner: number,
    object: number,
    pageIndex: number,
  ): number {
    let id = this.#free;
    if (id !== NIL) this.#free = this.next[id];
    else {
      id = this.#top++;
      if (id >= this.handle.length) this.#grow();
    }
    this.handle[id] = handle;
    this.size[id] = size;
    this.lo[id] = lo;
    this.hi[id] = hi;
    this.owner[id] = owner;
    this.object[id] = object;
    this.pageIndex[id] = pageIndex;
    this.#live++;
    return id;
  }

  /** Return an id (already unlinked from every list and index). */
  release(id: number): void {
    this.handle[id] = 0;
    this.next[id] = this.#free;
    this.#free = id;
    this.#live--;
  }

  // ---------------- cleancache key index ----------------

  /** The entry keyed (owner, object, pageIndex), or NIL. */
  find(owner: number, object: number, pageIndex: number): number {
    const slots = this.#slots, mask = slots.length - 1;
    let i = mixHash(owner, object, pageIndex) & mask;
    for (;;) {
      const s = slots[i];
      if (s === 0) return NIL;
      const id = s - 1;
      if (
        this.pageIndex[id] === pageIndex && this.object[id] === object && this.owner[id] === owner
      ) return id;
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
    let i = mixHash(this.owner[id], this.object[id], this.pageIndex[id]) & mask;
    while (slots[i] !== id + 1) i = (i + 1) & mask;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const s = slots[j];
      if (s === 0) break;
      const e = s - 1;
      const home = mixHash(this.owner[e], this.object[e], this.pageIndex[e]) & mask;
      // move e back to i if its home is not cyclically in (i, j]
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
    let i = mixHash(this.owner[id], this.object[id], this.pageIndex[id]) & mask;
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
    this.age[id] = this.#clock = (this.#clock + 1) | 0;
    this.prev[id] = l.tail;
    this.next[id] = NIL;
    if (l.tail !== NIL) this.next[l.tail] = id;
    else l.head = id;
    l.tail = id;
    l.size++;
  }

  unlink(l: Lru, id: number): void {
    const p = this.prev[id], n = this.next[id];
    if (p !== NIL) this.next[p] = n;
    else l.head = n;
    if (n !== NIL) this.prev[n] = p;
    else l.tail = p;
    l.size--;
  }

  /** Whether entry x was pushed or touched before entry y (wrap-around safe). */
  olderThan(x: number, y: number): boolean {
    return ((this.age[x] - this.age[y]) | 0) < 0;
  }

  touch(l: Lru, id: number): void {
    if (l.tail === id) return;
    this.unlink(l, id);
    this.push(l, id);
  }

  // ---------------- per-inode circular lists ----------------

  /** Append `id` to the circular list starting at `head` (NIL = new list); returns the head. */
  inodeAppend(head: number, id: number): number {
    if (head === NIL) {
      this.iprev[id] = this.inext[id] = id;
      return id;
    }
    const tail = this.iprev[head];
    this.inext[tail] = id;
    this.iprev[id] = tail;
    this.inext[id] = head;
    this.iprev[head] = id;
    return head;
  }

  /** Remove `id` from the list starting at `head`; returns the new head (NIL = empty). */
  inodeRemove(head: number, id: number): number {
    const n = this.inext[id];
    if (n === id) return NIL;
    const p = this.iprev[id];
    this.inext[p] = n;
    this.iprev[n] = p;
    return head === id ? n : head;
  }

  #grow(): void {
    const n = Math.ceil(this.handle.length * 1.5);
    const g = <T extends Int32Array | Uint16Array | Float64Array>(x: T, make: (n: number) => T) => {
      const y = make(n);
      y.set(x);
      return y;
    };
    const i32 = (k: number) => new Int32Array(k);
    this.handle = g(this.handle, i32);
    this.size = g(this.size, (k) => new Uint16Array(k));
    this.lo = g(this.lo, i32);
    this.hi = g(this.hi, i32);
    this.owner = g(this.owner, i32);
    this.object = g(this.object, (k) => new Float64Array(k));
    this.pageIndex = g(this.pageIndex, (k) => new Float64Array(k));
    this.age = g(this.age, i32);
    this.prev = g(this.prev, i32);
    this.next = g(this.next, i32);
    this.iprev = g(this.iprev, i32);
    this.inext = g(this.inext, i32);
  }
}
