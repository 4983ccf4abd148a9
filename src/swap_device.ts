/**
 * A swap device: N slots, each with the digest of the page it should hold
 * (the truth) and of what the disk really holds. A slot's page is safe when
 * the backend holds it (bit set) or the disk holds the same digest.
 */
export class SwapDevice {
  readonly type: number;
  readonly slots: number;
  /** 1 = the slot holds a swapped-out page. */
  readonly inUse: Uint8Array;
  /** Digest of the page the slot must return. */
  readonly truth: Float64Array;
  /** Digest of what the disk holds at the slot (NaN = never written). */
  readonly disk: Float64Array;
  /** 1 = already counted as lost. */
  readonly lost: Uint8Array;
  /** 1 = the page was loaded exclusively and lives, dirty, in the swap cache. */
  readonly swapCached: Uint8Array;
  used = 0;
  diskWrites = 0;
  diskReads = 0;
  #hint = 0;

  constructor(type: number, slots: number) {
    this.type = type;
    this.slots = slots;
    this.inUse = new Uint8Array(slots);
    this.truth = new Float64Array(slots);
    this.disk = new Float64Array(slots).fill(NaN);
    this.lost = new Uint8Array(slots);
    this.swapCached = new Uint8Array(slots);
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

  /** Record a new page for the slot. */
  fill(offset: number, digest: number): void {
    if (this.inUse[offset] === 0) this.used++;
    this.inUse[offset] = 1;
    this.truth[offset] = digest;
    this.lost[offset] = 0;
    this.swapCached[offset] = 0;
  }

  writeDisk(offset: number, digest: number): void {
    this.disk[offset] = digest;
    this.diskWrites++;
  }

  release(offset: number): void {
    if (this.inUse[offset] === 1) this.used--;
    this.inUse[offset] = 0;
    this.lost[offset] = 0;
    this.swapCached[offset] = 0;
  }
}
