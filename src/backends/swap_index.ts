/**
 * Frontswap entries by (swap type, offset): per type a two-level array of
 * 4096-offset chunks holding entry id + 1 (0 = none), the role zswap's
 * per-type `zswap_tree` (an rbtree keyed by offset) and tmem's per-object
 * radix tree play in the kernel. A lookup is one array read; a chunk is
 * freed when its last entry goes, so memory follows the offsets in use.
 */
const CHUNK_SHIFT = 12;
const CHUNK = 1 << CHUNK_SHIFT;
const MASK = CHUNK - 1;

/** One swap type's chunks and how many entries each holds. */
interface TypeIndex {
  chunks: (Int32Array | undefined)[];
  counts: number[];
}

export class SwapIndex {
  readonly #types: (TypeIndex | undefined)[] = [];
  #size = 0;
  #chunks = 0;

  /** Entries indexed. */
  get size(): number {
    return this.#size;
  }

  /** Chunks allocated (4096 offsets each). */
  get chunks(): number {
    return this.#chunks;
  }

  /** The entry at (type, offset), or -1. */
  get(type: number, offset: number): number {
    const chunk = this.#types[type]?.chunks[offset >>> CHUNK_SHIFT];
    return chunk === undefined ? -1 : chunk[offset & MASK] - 1;
  }

  /** Index entry `id` at (type, offset), which holds none. */
  set(type: number, offset: number, id: number): void {
    const t = this.#types[type] ??= { chunks: [], counts: [] };
    const c = offset >>> CHUNK_SHIFT;
    let chunk = t.chunks[c];
    if (chunk === undefined) {
      chunk = t.chunks[c] = new Int32Array(CHUNK);
      this.#chunks++;
    }
    if (chunk[offset & MASK] !== 0) throw new Error(`swap index: ${type}/${offset} is taken`);
    chunk[offset & MASK] = id + 1;
    t.counts[c] = (t.counts[c] ?? 0) + 1;
    this.#size++;
  }

  /** Forget the entry at (type, offset), which holds one. */
  delete(type: number, offset: number): void {
    const t = this.#types[type];
    const c = offset >>> CHUNK_SHIFT;
    const chunk = t?.chunks[c];
    if (t === undefined || chunk === undefined || chunk[offset & MASK] === 0) {
      throw new Error(`swap index: ${type}/${offset} holds nothing`);
    }
    chunk[offset & MASK] = 0;
    this.#size--;
    if (--t.counts[c] === 0) {
      t.chunks[c] = undefined;
      this.#chunks--;
    }
  }
}
