/**
 * Item 6: JS memory per stored page beyond its bytes, at 100k stored pages of
 * the mix (half cleancache, half frontswap). Measured as the growth of JS
 * heap + external (ArrayBuffer) memory after full GCs, less the pool's frame
 * bytes (`pool_total_size`, the compressed pages and zbud's packing slack).
 * Baseline in the same run: the compressed bytes themselves.
 */
import { createBackend } from "../src/backends/catalog.ts";
import type { CompressorKind } from "../src/backends/compressors.ts";
type AllocatorKind = "zbud" | "zsmalloc";
import { generatePage, PAGE_SIZE } from "../src/content.ts";
import type { BackendSnapshot } from "../src/snapshot.ts";
import { forceGc, memoryNow } from "./harness.ts";
import { MIX } from "./pages.ts";

export interface MemoryResult {
  pages: number;
  gc: boolean;
  /** (heap + external growth - pool_total_size) / stored pages. */
  overhead_bytes_per_page: number;
  /** Heap growth alone / stored pages. */
  heap_bytes_per_page: number;
  compressed_bytes_per_page: number;
  pool_bytes_per_page: number;
  stats: BackendSnapshot;
}

function wheel(): string[] {
  const w: string[] = [];
  for (const [cls, n] of MIX) for (let i = 0; i < n; i++) w.push(cls);
  return w;
}

/** Store mix pages until `n` are held (half cleancache in 16-page files, half frontswap). */
export function fillBackend(
  n: number,
  opts: { allocator?: AllocatorKind; compressor?: CompressorKind } = {},
) {
  // zcache has its own zbud; another allocator is zswap's (frontswap pages only)
  const be = opts.allocator === undefined || opts.allocator === "zbud"
    ? createBackend("zcache", { level: 1, limit: 0, compressor: opts.compressor })
    : createBackend("zswap", {
      level: 1,
      limit: 1 << 24,
      allocator: opts.allocator,
      compressor: opts.compressor,
    });
  const pool = be.cleancache?.initFs(PAGE_SIZE) ?? -1;
  be.frontswap!.init(0);
  const page = new Uint8Array(PAGE_SIZE);
  const w = wheel();
  for (let i = 0; be.stats().stored_pages < n; i++) {
    generatePage(i + 1, w[(i * 37) % w.length] as Parameters<typeof generatePage>[1], page);
    const k = i >> 1;
    if ((i & 1) || !be.cleancache) be.frontswap!.store(0, i, page);
    else be.cleancache.putPage(pool, 1 + (k >> 4), k & 15, page);
  }
  return be;
}

export function benchMemory(n: number): MemoryResult {
  const gc = forceGc();
  const before = memoryNow();
  let be: ReturnType<typeof fillBackend> | null = fillBackend(n);
  forceGc();
  const after = memoryNow();
  const stats = be.stats();
  const stored = stats.stored_pages;
  const grown = after.heap - before.heap + after.external - before.external;
  const result: MemoryResult = {
    pages: stored,
    gc,
    overhead_bytes_per_page: (grown - stats.pool_total_size) / stored,
    heap_bytes_per_page: (after.heap - before.heap) / stored,
    compressed_bytes_per_page: stats.compressed_bytes / stored,
    pool_bytes_per_page: stats.pool_total_size / stored,
    stats,
  };
  be = null;
  forceGc();
  return result;
}
