/**
 * The text page generator as first written: one byte at a time, float
 * arithmetic for the word draw. `src/content.ts` must produce exactly these
 * bytes (tests/content.test.ts); the bench measures it as the baseline of
 * text page generation.
 */
import { hash32 } from "../../src/rng.ts";

const WORDS = (
  "the of and to in is that for it as was with be by on not he this are or his from at which " +
  "but have an they you were her all she there would their we him been has when who will more " +
  "no if out so said what up its about into than them can only other new some could time these " +
  "two may then do first any my now such like our over man me even most made after also did many " +
  "before must through back years where much your way well down should because each just those " +
  "people how too little state good very make world still own see men work long get here between " +
  "both life being under never day same another know while last might us great old year off come " +
  "since against go came right used take three page cache swap memory kernel backend pool frontend " +
  "zcache cleancache frontswap superblock inode offset compress register mount"
).split(" ");
const ENCODED_WORDS = WORDS.map((w) => new TextEncoder().encode(w));

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
