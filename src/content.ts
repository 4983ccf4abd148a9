/**
 * Deterministic page contents. A page's bytes are a pure function of its
 * stamp (a number unique to each written version) and its content class, so
 * the integrity oracle can regenerate what a read must return, and the
 * compression ratio the dashboard shows is a real one.
 */
import { hash32 } from "./rng.ts";

/** Bytes per page (`PAGE_SIZE`). */
export const PAGE_SIZE = 4096;

/** What a page looks like inside. */
export type ContentClass = "zero" | "same" | "text" | "records" | "heap" | "random";
export const CONTENT_CLASSES: readonly ContentClass[] = [
  "zero",
  "same",
  "text",
  "records",
  "heap",
  "random",
];

export function isContentClass(s: string): s is ContentClass {
  return (CONTENT_CLASSES as readonly string[]).includes(s);
}

/** The words text pages are made of, most frequent first. */
export const TEXT_WORDS: readonly string[] = (
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
const ENCODED_WORDS = TEXT_WORDS.map((w) => new TextEncoder().encode(w));
const NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"].map((w) =>
  new TextEncoder().encode(w.padEnd(12, "\0"))
);

/**
 * Text pages are words drawn with a squared uniform (frequent words early in
 * the list, Zipf-like), each followed by a space or, one time in 11, a newline.
 * The draw `u * u` and the separator are looked up from the low and high 16
 * bits of the xorshift state, and each word with its separator is written as
 * up to three little-endian 32-bit stores (the next word overwrites the
 * excess): about 4x faster than a byte loop, with the same bytes.
 */
const WORD_OF = new Uint16Array(65536);
/** 1 where the high 16 bits pick a newline. */
const NEWLINE_OF = new Uint8Array(65536);
for (let x = 0; x < 65536; x++) {
  const u = x / 65536;
  WORD_OF[x] = Math.floor(u * u * ENCODED_WORDS.length) * 2;
  NEWLINE_OF[x] = x % 11 === 0 ? 1 : 0;
}
/** Per (word, separator): its bytes as three little-endian words, and its length. */
const WORD_CHUNKS = new Uint32Array(ENCODED_WORDS.length * 2 * 3);
const WORD_SPAN = new Uint8Array(ENCODED_WORDS.length * 2);
for (let w = 0; w < ENCODED_WORDS.length; w++) {
  for (let nl = 0; nl < 2; nl++) {
    const bytes = new Uint8Array(12);
    bytes.set(ENCODED_WORDS[w]);
    bytes[ENCODED_WORDS[w].length] = nl ? 10 : 32;
    const k = w * 2 + nl;
    const dv = new DataView(bytes.buffer);
    for (let j = 0; j < 3; j++) WORD_CHUNKS[k * 3 + j] = dv.getUint32(j * 4, true);
    WORD_SPAN[k] = ENCODED_WORDS[w].length + 1;
  }
}
if (ENCODED_WORDS.some((w) => w.length > 11)) throw new Error("content: a word longer than 11");

/** Fill `out` with a text page from xorshift state `s`; returns the final state. */
function textPage(s: number, out: Uint8Array): number {
  const dv = new DataView(out.buffer, out.byteOffset, PAGE_SIZE);
  let p = 0;
  // fast path: room for a whole 12-byte write
  while (p <= PAGE_SIZE - 12) {
    s = xs(s);
    const k = WORD_OF[s & 0xffff] + NEWLINE_OF[s >>> 16];
    dv.setUint32(p, WORD_CHUNKS[k * 3], true);
    dv.setUint32(p + 4, WORD_CHUNKS[k * 3 + 1], true);
    dv.setUint32(p + 8, WORD_CHUNKS[k * 3 + 2], true);
    p += WORD_SPAN[k];
  }
  while (p < PAGE_SIZE) {
    s = xs(s);
    const word = ENCODED_WORDS[WORD_OF[s & 0xffff] >> 1];
    for (let i = 0; i < word.length && p < PAGE_SIZE; i++) out[p++] = word[i];
    if (p < PAGE_SIZE) out[p++] = (s >>> 16) % 11 === 0 ? 10 : 32;
  }
  return s;
}

/** xorshift32 step; state must be non-zero. */
function xs(s: number): number {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return s >>> 0;
}

function seedOf(stamp: number, cls: ContentClass): number {
  return hash32(stamp, CONTENT_CLASSES.indexOf(cls) + 1) || 1;
}

/** Fill `out` (4096 bytes) with the content of version `stamp` of class `cls`. */
export function generatePage(
  stamp: number,
  cls: ContentClass,
  out: Uint8Array = new Uint8Array(PAGE_SIZE),
): Uint8Array {
  let s = seedOf(stamp, cls);
  switch (cls) {
    case "zero":
      out.fill(0);
      break;
    case "same": {
      const w = new Uint32Array(out.buffer, out.byteOffset, PAGE_SIZE / 4);
      const lo = s, hi = xs(s);
      for (let i = 0; i < w.length; i += 2) {
        w[i] = lo;
        w[i + 1] = hi;
      }
      break;
    }
    case "text":
      s = textPage(s, out);
      break;
    case "records": {
      // 64-byte records: id, timestamp, status, name, amount, zero padding.
      const dv = new DataView(out.buffer, out.byteOffset, PAGE_SIZE);
      out.fill(0);
      const base = stamp * 64;
      let ts = 1_700_000_000 + (stamp % 100000) * 60;
      for (let r = 0; r < PAGE_SIZE / 64; r++) {
        s = xs(s);
        const o = r * 64;
        dv.setUint32(o, base + r, true);
        ts += s & 0x3f;
        dv.setUint32(o + 4, ts, true);
        dv.setUint8(o + 8, (s >>> 8) & 3);
        out.set(NAMES[(s >>> 12) & 7], o + 12);
        dv.setUint32(o + 24, (s >>> 16) % 10000, true);
        dv.setUint16(o + 28, r & 0xff, true);
      }
      break;
    }
    case "heap": {
      // 8-byte slots: pointers into a few arenas, small integers, zeros, short strings.
      const dv = new DataView(out.buffer, out.byteOffset, PAGE_SIZE);
      const arena = 0x7f00 + (stamp & 0x3f);
      for (let o = 0; o < PAGE_SIZE; o += 8) {
        s = xs(s);
        const k = s & 15;
        if (k < 6) {
          dv.setUint32(o, ((s >>> 4) & 0xfffff) << 4, true);
          dv.setUint32(o + 4, arena, true);
        } else if (k < 10) {
          dv.setUint32(o, (s >>> 8) & 0xff, true);
          dv.setUint32(o + 4, 0, true);
        } else if (k < 14) {
          dv.setUint32(o, 0, true);
          dv.setUint32(o + 4, 0, true);
        } else {
          const w = ENCODED_WORDS[(s >>> 8) % ENCODED_WORDS.length];
          for (let i = 0; i < 8; i++) out[o + i] = i < w.length ? w[i] : 0;
        }
      }
      break;
    }
    case "random": {
      const w = new Uint32Array(out.buffer, out.byteOffset, PAGE_SIZE / 4);
      for (let i = 0; i < w.length; i++) {
        s = xs(s);
        w[i] = s;
      }
      break;
    }
  }
  return out;
}

/** Whether two pages hold the same bytes. */
export function samePage(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 && a.length % 4 === 0) {
    const x = new Uint32Array(a.buffer, a.byteOffset, a.length / 4);
    const y = new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A 32-bit view of a page, cached for the last page seen (callers reuse page buffers). */
let viewBuf: ArrayBufferLike | null = null;
let viewOff = -1;
let view32: Uint32Array<ArrayBufferLike> = new Uint32Array(0);

function words(page: Uint8Array): Uint32Array<ArrayBufferLike> {
  if (page.buffer === viewBuf && page.byteOffset === viewOff && view32.length === PAGE_SIZE / 4) {
    return view32;
  }
  if (page.byteOffset % 4 !== 0) return new Uint32Array(page.slice(0, PAGE_SIZE).buffer);
  viewBuf = page.buffer;
  viewOff = page.byteOffset;
  view32 = new Uint32Array(page.buffer, page.byteOffset, PAGE_SIZE / 4);
  return view32;
}

/** The word found by the last `isSameFilled` that returned true: [lo, hi]. */
export const SAME_WORD: Uint32Array = new Uint32Array(2);

/**
 * Whether every 8-byte word of the page is equal (`zswap_is_page_same_filled`);
 * when it is, the word is left in `SAME_WORD`. Allocates nothing.
 */
export function isSameFilled(page: Uint8Array): boolean {
  // the last 8 bytes against the first 8, byte by byte: most pages differ there,
  // and a page rejected here needs no 32-bit view of its own
  for (let i = 0; i < 8; i++) if (page[PAGE_SIZE - 8 + i] !== page[i]) return false;
  const w = words(page);
  const lo = w[0], hi = w[1];
  // the last word first: most pages that are not same-filled differ there
  if (w[PAGE_SIZE / 4 - 2] !== lo || w[PAGE_SIZE / 4 - 1] !== hi) return false;
  for (let i = 2; i < PAGE_SIZE / 4; i += 2) {
    if (w[i] !== lo || w[i + 1] !== hi) return false;
  }
  SAME_WORD[0] = lo;
  SAME_WORD[1] = hi;
  return true;
}

/**
 * If every 8-byte word of the page is equal, return that word as two
 * 32-bit halves [lo, hi]; otherwise null (`zswap_is_page_same_filled`).
 */
export function sameFilledWord(page: Uint8Array): [number, number] | null {
  return isSameFilled(page) ? [SAME_WORD[0], SAME_WORD[1]] : null;
}

/** Fill a page with a repeated 8-byte word. */
export function fillSame(out: Uint8Array, lo: number, hi: number): Uint8Array {
  if (lo === 0 && hi === 0) return out.fill(0);
  const w = words(out);
  for (let i = 0; i < PAGE_SIZE / 4; i += 2) {
    w[i] = lo;
    w[i + 1] = hi;
  }
  if (w.buffer !== out.buffer) out.set(new Uint8Array(w.buffer)); // unaligned page
  return out;
}

/**
 * A 53-bit digest of a page's bytes (two independent 32-bit multiplicative
 * hashes). The integrity oracle compares digests instead of whole pages.
 */
export function pageDigest(page: Uint8Array): number {
  const w = page.byteOffset % 4 === 0
    ? new Uint32Array(page.buffer, page.byteOffset, page.length >> 2)
    : new Uint32Array(page.slice().buffer);
  let h1 = 0x12345678, h2 = 0x9abcdef0;
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    h1 = Math.imul(h1 ^ x, 0x85ebca6b);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 + x, 0xc2b2ae35) ^ (h2 >>> 16);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x7feb352d) >>> 0;
  h2 = Math.imul(h2 ^ (h2 >>> 15), 0x846ca68b) >>> 0;
  return (h1 & 0x1fffff) * 4294967296 + h2;
}
