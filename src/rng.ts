/**
 * A small, fast seeded PRNG (sfc32). Every random choice in the core comes
 * from one of these, so a run is replayed exactly from its seed.
 */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    const a = this.#a, b = this.#b, c = this.#c, d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.#c = (r + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /**
   * Zipf-like rank in [0, n): rank r has weight 1/(r+1)^s. Uses the
   * inverse-CDF of the continuous approximation, O(1) per draw.
   */
  zipf(n: number, s: number): number {
    if (n <= 1) return 0;
    const u = this.next();
    if (Math.abs(s - 1) < 1e-9) {
      const r = Math.floor(Math.exp(u * Math.log(n + 1))) - 1;
      return Math.min(n - 1, Math.max(0, r));
    }
    const e = 1 - s;
    const max = Math.pow(n + 1, e) - 1;
    const r = Math.floor(Math.pow(1 + u * max, 1 / e)) - 1;
    return Math.min(n - 1, Math.max(0, r));
  }
}

/** A 32-bit mix of several integers (for per-page seeds). */
export function hash32(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}
