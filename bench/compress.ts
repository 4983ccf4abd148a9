/**
 * Items 2-4: the zcache put+get path against the raw compressor on the same
 * pages, the `ram` backend and a plain 4 KiB copy, and same-filled pages.
 */
import { deflateSync, inflateSync } from "fflate";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { createBackend } from "../src/backends/catalog.ts";
import type { Backend as TmemBackend } from "../src/backends/ops.ts";
import type { CompressorKind } from "../src/backends/compressors.ts";
import { PAGE_SIZE } from "../src/content.ts";
import { interleaved, ratio } from "./harness.ts";
import { type PageSet, pagesOf } from "./pages.ts";

/** put every page into a private cleancache pool, then get every page back (exclusive gets). */
function zcacheRound(be: TmemBackend, pool: number, pages: Uint8Array[], out: Uint8Array): number {
  for (let i = 0; i < pages.length; i++) {
    be.cleancache!.putPage(pool, 1 + (i >> 4), i & 15, pages[i]);
  }
  for (let i = 0; i < pages.length; i++) be.cleancache!.getPage(pool, 1 + (i >> 4), i & 15, out);
  return pages.length;
}

function rawFflateRound(pages: Uint8Array[], out: Uint8Array): number {
  const c: Uint8Array[] = new Array(pages.length);
  for (let i = 0; i < pages.length; i++) c[i] = deflateSync(pages[i], { level: 1 });
  for (let i = 0; i < pages.length; i++) inflateSync(c[i], { out });
  return pages.length;
}

function rawZlibRound(pages: Uint8Array[], out: Uint8Array): number {
  const c: Uint8Array[] = new Array(pages.length);
  for (let i = 0; i < pages.length; i++) c[i] = deflateRawSync(pages[i], { level: 1 });
  for (let i = 0; i < pages.length; i++) {
    const b = inflateRawSync(c[i]);
    out.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  }
  return pages.length;
}

function memcpyRound(pages: Uint8Array[], store: Uint8Array, out: Uint8Array): number {
  for (let i = 0; i < pages.length; i++) store.set(pages[i], i * PAGE_SIZE);
  for (let i = 0; i < pages.length; i++) {
    out.set(store.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE));
  }
  return pages.length;
}

/** store + load of each page through the frontswap ops of a backend. */
function swapRound(be: TmemBackend, pages: Uint8Array[], out: Uint8Array): number {
  for (let i = 0; i < pages.length; i++) {
    be.frontswap!.store(0, i, pages[i]);
    be.frontswap!.load(0, i, out);
  }
  return pages.length;
}

function zcache(compressor: CompressorKind): { be: TmemBackend; pool: number } {
  const be = createBackend("zcache", { level: 1, compressor });
  return { be, pool: be.cleancache!.initFs(PAGE_SIZE) };
}

export interface CompressResult {
  zcache_pages_per_s: number;
  raw_fflate_pages_per_s: number;
  zcache_vs_raw_fflate: number;
  /** Same, on the pages zcache stores compressed (heap, text, records): pure overhead. */
  zcache_vs_raw_fflate_stored: number;
  zlib_pages_per_s: number;
  raw_zlib_pages_per_s: number;
  zcache_zlib_vs_raw_zlib: number;
  ram_pages_per_s: number;
  memcpy_pages_per_s: number;
  same_filled_us: number;
  same_filled_vs_memcpy: number;
}

const SLICE = 64;

function chunk(pages: Uint8Array[]): Uint8Array[][] {
  const out: Uint8Array[][] = [];
  for (let i = 0; i < pages.length; i += SLICE) out.push(pages.slice(i, i + SLICE));
  return out;
}

export function benchCompress(set: PageSet, rounds: number): CompressResult {
  const out = new Uint8Array(PAGE_SIZE);
  const all = chunk(set.pages);
  const slices = all.length;
  // the subsets are repeated to as many slices as the whole mix
  const cycle = (pages: Uint8Array[]) => {
    const c = chunk(pages);
    return Array.from({ length: slices }, (_, i) => c[i % c.length]);
  };
  const stored = cycle(pagesOf(set, ["heap", "text", "records"]));
  const same = cycle(pagesOf(set, ["zero", "same"]));
  const copyStore = new Uint8Array(SLICE * PAGE_SIZE);
  const zf = zcache("deflate"), zf2 = zcache("deflate"), zz = zcache("deflate-native");
  const ram = createBackend("ram");
  const ramPool = ram.cleancache!.initFs(PAGE_SIZE);
  const zs = createBackend("zcache", { level: 1 });
  zs.frontswap!.init(0);
  const m = interleaved(
    {
      zcache: (s) => zcacheRound(zf.be, zf.pool, all[s], out),
      raw: (s) => rawFflateRound(all[s], out),
      zcache_stored: (s) => zcacheRound(zf2.be, zf2.pool, stored[s], out),
      raw_stored: (s) => rawFflateRound(stored[s], out),
      zcache_zlib: (s) => zcacheRound(zz.be, zz.pool, all[s], out),
      raw_zlib: (s) => rawZlibRound(all[s], out),
      ram: (s) => zcacheRound(ram, ramPool, all[s], out),
      memcpy: (s) => memcpyRound(all[s], copyStore, out),
      same: (s) => {
        // repeated so a slice lasts long enough to time
        let n = 0;
        for (let r = 0; r < 20; r++) n += swapRound(zs, same[s], out);
        return n;
      },
      memcpy_same: (s) => {
        let n = 0;
        for (let r = 0; r < 20; r++) n += memcpyRound(same[s], copyStore, out);
        return n;
      },
    },
    rounds,
    1,
    slices,
  );
  return {
    zcache_pages_per_s: m.zcache.perSecond,
    raw_fflate_pages_per_s: m.raw.perSecond,
    zcache_vs_raw_fflate: ratio(m.zcache, m.raw),
    zcache_vs_raw_fflate_stored: ratio(m.zcache_stored, m.raw_stored),
    zlib_pages_per_s: m.zcache_zlib.perSecond,
    raw_zlib_pages_per_s: m.raw_zlib.perSecond,
    zcache_zlib_vs_raw_zlib: ratio(m.zcache_zlib, m.raw_zlib),
    ram_pages_per_s: m.ram.perSecond,
    memcpy_pages_per_s: m.memcpy.perSecond,
    same_filled_us: m.same.nsPerUnit / 1000,
    same_filled_vs_memcpy: ratio(m.same, m.memcpy_same),
  };
}
