/**
 * A swap device: N slots, which of them hold a swapped-out page, and what
 * the disk holds at each (a page digest). What each slot SHOULD hold is the
 * oracle's business (`SwapTruth` in src/integrity.ts).
 *
 * `findFree` hands out the first free slot at or after the last one handed
 * out, wrapping round; a two-level bitmap of free slots (a bit per slot, a
 * bit per 32-slot word) finds it without walking the used ones.
 */

/** Index of the lowest set bit of a non-zero 32-bit word. */
function lowBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}
export class SwapDevice {
  readonly type: number;
  readonly slots: number;
  /** 1 = the slot holds a swapped-out page (`swap_map[offset]` in use). */
  readonly inUse: Uint8Array;
  /** Digest of what the disk holds at the slot (NaN = never written). */
  readonly disk: Float64Array;
  used = 0;
  diskWrites = 0;
  diskReads = 0;
  #hint = 0;
  /** Bit i of word w: slot 32w + i is free. */
  readonly #free: Uint32Array;
  /** Bit j of word k: `#free` word 32k + j has a free slot. */
  readonly #words: Uint32Array;

  constructor(type: number, slots: number) {
    this.type = type;
    this.slots = slots;
    this.inUse = new Uint8Array(slots);
    this.disk = new Float64Array(slots).fill(NaN);
    const nw = (slots + 31) >>> 5;
    this.#free = new Uint32Array(nw).fill(0xffffffff);
    if (slots & 31) this.#free[nw - 1] = (1 << (slots & 31)) - 1;
    this.#words = new Uint32Array((nw + 31) >>> 5).fill(0xffffffff);
    if (nw & 31) this.#words[this.#words.length - 1] = (1 << (nw & 31)) - 1;
  }

  /** A free slot, or -1 when full: the first at or after the last handed out, wrapping round. */
  findFree(): number {
    if (this.used >= this.slots) return -1;
    let s = this.#freeFrom(this.#hint);
    if (s < 0) s = this.#freeFrom(0);
    if (s < 0) return -1;
    this.#hint = (s + 1) % this.slots;
    return s;
  }

  /** The slot now holds a page. */
  fill(offset: number): void {
    if (this.inUse[offset] === 0) {
      this.used++;
      const w = offset >>> 5;
      if ((this.#free[w] &= ~(1 << (offset & 31))) === 0) this.#words[w >>> 5] &= ~(1 << (w & 31));
    }
    this.inUse[offset] = 1;
  }

  writeDisk(offset: number, digest: number): void {
    this.disk[offset] = digest;
    this.diskWrites++;
  }

  /** `swap_readpage` from the disk: the digest there. */
  readDisk(offset: number): number {
    this.diskReads++;
    return this.disk[offset];
  }

  release(offset: number): void {
    if (this.inUse[offset] === 1) {
      this.used--;
      const w = offset >>> 5;
      this.#free[w] |= 1 << (offset & 31);
      this.#words[w >>> 5] |= 1 << (w & 31);
    }
    this.inUse[offset] = 0;
  }

  /** The first free slot at or after `start`, or -1. */
  #freeFrom(start: number): number {
    const free = this.#free, words = this.#words;
    const w = start >>> 5;
    if (w >= free.length) return -1;
    const bits = free[w] & (-1 << (start & 31));
    if (bits !== 0) return (w << 5) + lowBit(bits);
    // the next word with a free slot, through the summary
    let k = (w + 1) >>> 5;
    if (k >= words.length) return -1;
    let summary = words[k] & (-1 << ((w + 1) & 31));
    while (summary === 0) {
      if (++k >= words.length) return -1;
      summary = words[k];
    }
    const w2 = (k << 5) + lowBit(summary);
    return (w2 << 5) + lowBit(free[w2]);
  }
}
