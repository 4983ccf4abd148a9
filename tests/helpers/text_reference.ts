/**
 * The text page generator as first written: one byte at a time, float
 * arithmetic for the word draw. `src/content.ts` must produce exactly these
 * bytes (tests/content.test.ts); the bench measures it as the baseline of
 * text page generation.
 */
import { hash32 } from "../../src/rng.ts";
import { TEXT_WORDS } from "../../src/content.ts";

const ENCODED_WORDS = TEXT_WORDS.map((w) => new TextEncoder().encode(w));

function xs(s: number): number {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return s >>> 0;
}

/** The bytes of text page `stamp`, the slow way. */
export function referenceTextPage(stamp: number, out = new Uint8Array(4096)): Uint8Array {
  let s = hash32(stamp, 3) || 1; // class index of "text" + 1
  let p = 0;
  while (p < 4096) {
    s = xs(s);
    const u = (s & 0xffff) / 65536;
    const word = ENCODED_WORDS[Math.floor(u * u * ENCODED_WORDS.length)];
    for (let i = 0; i < word.length && p < 4096; i++) out[p++] = word[i];
    if (p < 4096) out[p++] = (s >>> 16) % 11 === 0 ? 10 : 32;
  }
  return out;
}
