/**
 * Every compressor at the levels that matter, the codec alone (no backend):
 * its compression ratio over the whole page mix and over its compressible
 * pages (heap, text, records), and compress + decompress round trips per
 * second of the compressible pages, all cases interleaved in one run.
 * Levels: fflate's deflate 1 (the default), 6 and 9; node:zlib's deflate 1
 * (fixed-Huffman blocks only), 2 (the default) and 6; zstd 1 (the default)
 * and 3; lz4 (no levels). lzo is not here: no package runs it under Deno.
 */
import { type CompressorKind, createCompressor } from "../src/backends/compressors.ts";
import { PAGE_SIZE } from "../src/content.ts";
import { interleaved } from "./harness.ts";
import { type PageSet, pagesOf } from "./pages.ts";

/** The compressors and levels measured, the default compressor first. */
export const CODEC_LEVELS: readonly [CompressorKind, number][] = [
  ["deflate", 1],
  ["deflate", 6],
  ["deflate", 9],
  ["deflate-native", 1],
  ["deflate-native", 2],
  ["deflate-native", 6],
  ["zstd", 1],
  ["zstd", 3],
  ["lz4", 0],
];

export interface CodecRow {
  compressor: CompressorKind;
  /** null: the compressor has no levels. */
  level: number | null;
  /** Original / compressed bytes over every page of the mix. */
  ratio_mix: number;
  /** The same over the compressible pages. */
  ratio_compressible: number;
  /** Compress + decompress per second, compressible pages. */
  round_trips_per_s: number;
  /** µs of one compress and of one decompress, compressible pages. */
  compress_us: number;
  decompress_us: number;
}

const SLICE = 64;

export function benchCodecs(set: PageSet, rounds: number): CodecRow[] {
  const pages = pagesOf(set, ["heap", "text", "records"]);
  const slices = Math.ceil(pages.length / SLICE);
  const slice = (s: number) => pages.slice(s * SLICE, (s + 1) * SLICE);
  const out = new Uint8Array(PAGE_SIZE);
  const cases: Record<string, (s: number) => number> = {};
  const rows: CodecRow[] = [];
  for (const [kind, level] of CODEC_LEVELS) {
    const c = createCompressor(kind, level);
    const size = (ps: Uint8Array[]) => ps.reduce((n, p) => n + c.compress(p).length, 0);
    const kept = pages.map((p) => c.compress(p).slice());
    const name = `${kind}:${level}`;
    cases[`${name}:compress`] = (s) => {
      for (const p of slice(s)) c.compress(p);
      return slice(s).length;
    };
    cases[`${name}:decompress`] = (s) => {
      const ps = kept.slice(s * SLICE, (s + 1) * SLICE);
      for (const z of ps) c.decompress(z, out);
      return ps.length;
    };
    rows.push({
      compressor: kind,
      level: kind === "lz4" ? null : level,
      ratio_mix: (set.pages.length * PAGE_SIZE) / size(set.pages),
      ratio_compressible: (pages.length * PAGE_SIZE) / size(pages),
      round_trips_per_s: 0,
      compress_us: 0,
      decompress_us: 0,
    });
  }
  const m = interleaved(cases, rounds, 1, slices);
  CODEC_LEVELS.forEach(([kind, level], i) => {
    const comp = m[`${kind}:${level}:compress`], dec = m[`${kind}:${level}:decompress`];
    rows[i].compress_us = comp.nsPerUnit / 1000;
    rows[i].decompress_us = dec.nsPerUnit / 1000;
    rows[i].round_trips_per_s = 1e6 / (rows[i].compress_us + rows[i].decompress_us);
  });
  return rows;
}
