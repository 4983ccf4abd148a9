/**
 * The zcache path against its codec, work-matched, for every compressor:
 * zcache `putPage` + `getPage` of the compressible pages of the mix (heap,
 * text, records: each compressed once and decompressed once on both sides),
 * against the same compressor object's `compress` of the same pages, each
 * result copied out (zcache copies it into its frame), then `decompress` of
 * each, in the same order (`zcache_vs_raw`, 1.00 = no overhead). Also pages/s of zcache over
 * the whole mix (same-filled pages skip the codec, random ones are rejected
 * and never read back: not comparable with the codec's figure, so labelled
 * `mix`), same-filled store+load through zswap against a 4 KiB copy, and the
 * codec's ratio.
 */
import { type CompressorKind, createCompressor } from "../src/backends/compressors.ts";
import { createBackend } from "../src/backends/catalog.ts";
import type { ZcacheBackend as TmemBackend } from "../src/backends/zcache.ts";
import { PAGE_SIZE } from "../src/content.ts";
import { interleaved, ratio } from "./harness.ts";
import { type PageSet, pagesOf } from "./pages.ts";

export interface CodecFigures {
  /** zcache put+get / raw compress+decompress, compressible pages. */
  zcache_vs_raw: number;
  /** Round trips per second, compressible pages. */
  zcache_compressible_pages_per_s: number;
  raw_compressible_pages_per_s: number;
  /** zcache put+get per second over the whole mix. */
  zcache_mix_pages_per_s: number;
  /** Original / compressed bytes over the compressible pages. */
  ratio: number;
}

export interface CompressResult {
  codecs: Record<string, CodecFigures>;
  same_filled_us: number;
  same_filled_vs_memcpy: number;
}

const SLICE = 64;

function chunk(pages: Uint8Array[], slices: number): Uint8Array[][] {
  const c: Uint8Array[][] = [];
  for (let i = 0; i < pages.length; i += SLICE) c.push(pages.slice(i, i + SLICE));
  return Array.from({ length: slices }, (_, i) => c[i % c.length]);
}

/** put every page into a private cleancache pool, then get every page back (exclusive gets). */
function zcacheRound(be: TmemBackend, pool: number, pages: Uint8Array[], out: Uint8Array): number {
  const cc = be.cleancache;
  for (let i = 0; i < pages.length; i++) cc.putPage(pool, 1 + (i >> 4), i & 15, pages[i]);
  for (let i = 0; i < pages.length; i++) cc.getPage(pool, 1 + (i >> 4), i & 15, out);
  return pages.length;
}

function zcache(compressor: CompressorKind): { be: TmemBackend; pool: number } {
  const be = createBackend("zcache", { compressor, limit: 0 });
  return { be, pool: be.cleancache.initFs(PAGE_SIZE) };
}

function memcpyRound(pages: Uint8Array[], store: Uint8Array, out: Uint8Array): number {
  for (let i = 0; i < pages.length; i++) {
    store.set(pages[i], i * PAGE_SIZE);
    out.set(store.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE));
  }
  return pages.length;
}

export function benchCompress(
  set: PageSet,
  rounds: number,
  kinds: readonly CompressorKind[],
): CompressResult {
  const out = new Uint8Array(PAGE_SIZE);
  const slices = Math.ceil(set.pages.length / SLICE);
  const all = chunk(set.pages, slices);
  const compressible = chunk(pagesOf(set, ["heap", "text", "records"]), slices);
  const same = chunk(pagesOf(set, ["zero", "same"]), slices);
  const copyStore = new Uint8Array(SLICE * PAGE_SIZE);
  const codecs: Record<string, CodecFigures> = {};
  for (const k of kinds) {
    // each compressor's zcache and raw cases alone, side by side (no other codec between them)
    const cases: Record<string, (s: number) => number> = {};
    const z = zcache(k), zm = zcache(k);
    const c = createCompressor(k, z.be.options.level);
    let orig = 0, comp = 0;
    for (const p of compressible.flat()) (orig += PAGE_SIZE, comp += c.compress(p).length);
    cases[`${k}:zcache`] = (s) => zcacheRound(z.be, z.pool, compressible[s], out);
    // the same order as zcache: every page compressed and its bytes kept, then every one read back
    const kept: Uint8Array[] = [];
    cases[`${k}:raw`] = (s) => {
      const pages = compressible[s];
      for (let i = 0; i < pages.length; i++) kept[i] = c.compress(pages[i]).slice();
      for (let i = 0; i < pages.length; i++) c.decompress(kept[i], out);
      return pages.length;
    };
    const m = interleaved(cases, rounds, 1, slices);
    const mix = interleaved(
      { mix: (s) => zcacheRound(zm.be, zm.pool, all[s], out) },
      rounds,
      1,
      slices,
    );
    codecs[k] = {
      zcache_vs_raw: ratio(m[`${k}:zcache`], m[`${k}:raw`]),
      zcache_compressible_pages_per_s: m[`${k}:zcache`].perSecond,
      raw_compressible_pages_per_s: m[`${k}:raw`].perSecond,
      zcache_mix_pages_per_s: mix.mix.perSecond,
      ratio: orig / comp,
    };
  }
  const cases: Record<string, (s: number) => number> = {};
  // zswap (4.16+) keeps every same-filled page as one word; zcache only zero-filled ones
  const zs = createBackend("zswap", { same_filled: true });
  zs.frontswap!.init(0);
  cases.same = (s) => {
    let n = 0;
    for (let r = 0; r < 20; r++) {
      for (let i = 0; i < same[s].length; i++) {
        zs.frontswap!.store(0, i, same[s][i]);
        zs.frontswap!.load(0, i, out);
      }
      n += same[s].length;
    }
    return n;
  };
  cases.memcpy_same = (s) => {
    let n = 0;
    for (let r = 0; r < 20; r++) n += memcpyRound(same[s], copyStore, out);
    return n;
  };
  const m = interleaved(cases, rounds, 1, slices);
  return {
    codecs,
    same_filled_us: m.same.nsPerUnit / 1000,
    same_filled_vs_memcpy: ratio(m.same, m.memcpy_same),
  };
}
