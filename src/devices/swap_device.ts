/**
 * A swap device: N slots, which of them hold a swapped-out page, and what
 * the disk holds at each (a page digest). What each slot SHOULD hold is the
 * oracle's business (`SwapTruth` in src/integrity.ts).
 */
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

  constructor(type: number, slots: number) {
    this.type = type;
    this.slots = slots;
    this.inUse = new Uint8Array(slots);
    this.disk = new Float64Array(slots).fill(NaN);
  }

  /** A free slot, or -1 when full. */
  findFree(): number {
    if (this.used >= this.slots) return -1;
    for (let i = 0; i < this.slots; i++) {
      const s = (this.#hint + i) % this.slots;
      if (this.inUse[s] === 0) {
        this.#hint = (s + 1) % this.slots;
        return s;
      }
    }
    return -1;
  }

  /** The slot now holds a page. */
  fill(offset: number): void {
    if (this.inUse[offset] === 0) this.used++;
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
    if (this.inUse[offset] === 1) this.used--;
    this.inUse[offset] = 0;
  }
}
