/**
 * The open-addressing key table under the backend's page table and the
 * simulated disk: linear probing over a power-of-two array of record ids
 * (id + 1, 0 = empty), kept at most 70% full, with an 8-bit tag of each
 * key's hash beside its slot so that a probe reads a record only when the
 * tags match (about one read in 256 for a slot of another key). Deletion
 * shifts later entries back (no tombstones). The owner hashes its keys and
 * compares them; this holds the slots.
 */
const MAX_LOAD = 0.7;
const INITIAL = 512;

/** The tag of a hash: its top byte (the slot index uses the low bits). */
export function tagOf(hash: number): number {
  return hash >>> 24;
}

export class KeySlots {
  /** Record id + 1 per slot, 0 = empty. Read by the owner's lookup loop. */
  slots = new Int32Array(INITIAL);
  /** `tagOf` of the hash of the key in each slot. */
  tags = new Uint8Array(INITIAL);
  #count = 0;

  /** Keys held. */
  get count(): number {
    return this.#count;
  }

  /**
   * Add record `id` whose key hashes to `hash` (not already present);
   * `hashOf` gives any held record's hash when the table must grow.
   */
  insert(id: number, hash: number, hashOf: (id: number) => number): void {
    if (this.#count + 1 > this.slots.length * MAX_LOAD) this.#rehash(this.slots.length * 2, hashOf);
    this.#place(id, hash);
    this.#count++;
  }

  /** Remove record `id` (held, its key hashing to `hash`): backward-shift deletion. */
  remove(id: number, hash: number, hashOf: (id: number) => number): void {
    const s = this.slots, t = this.tags, mask = s.length - 1;
    let i = hash & mask;
    while (s[i] !== id + 1) i = (i + 1) & mask;
    for (let j = (i + 1) & mask;; j = (j + 1) & mask) {
      const q = s[j];
      if (q === 0) break;
      const home = hashOf(q - 1) & mask;
      // the record at j may move to the hole at i when its home is not cyclically in (i, j]
      if (((j - home) & mask) >= ((j - i) & mask)) {
        s[i] = q;
        t[i] = t[j];
        i = j;
      }
    }
    s[i] = 0;
    this.#count--;
  }

  #place(id: number, hash: number): void {
    const s = this.slots, mask = s.length - 1;
    let i = hash & mask;
    while (s[i] !== 0) i = (i + 1) & mask;
    s[i] = id + 1;
    this.tags[i] = tagOf(hash);
  }

  #rehash(n: number, hashOf: (id: number) => number): void {
    const old = this.slots;
    this.slots = new Int32Array(n);
    this.tags = new Uint8Array(n);
    for (let i = 0; i < old.length; i++) {
      if (old[i] !== 0) this.#place(old[i] - 1, hashOf(old[i] - 1));
    }
  }
}
