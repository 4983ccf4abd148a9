/**
 * Compression in a pool of Web Workers: batches of mix pages stored (and
 * read back) through zcache with their compression precomputed by N
 * workers, pipelined (the workers compress batch k+1 while the main thread
 * stores batch k), against the same batches compressed inline on the main
 * thread (same run, interleaved rounds).
 * The results are identical either way (tests/backend/workers.test.ts).
 */
import { createBackend } from "../src/backends/catalog.ts";
import { CompressorPool } from "../src/backend/worker_pool.ts";
import type { CompressorKind } from "../src/backends/compressors.ts";
import { PAGE_SIZE } from "../src/content.ts";
import { interleavedAsync, ratio } from "./harness.ts";
import type { PageSet } from "./pages.ts";

const BATCH = 256;

export interface WorkersResult {
  workers: number;
  compressor: CompressorKind;
  inline_pages_per_s: number;
  pool_pages_per_s: number;
  /** inline time / pool time: above 1 the pool is faster. */
  speedup: number;
  /** Without pipelining: the main thread waits for each batch. */
  batched_pages_per_s: number;
  batched_speedup: number;
}

export async function benchWorkers(
  set: PageSet,
  workers: number,
  rounds: number,
  compressor: CompressorKind = "deflate",
): Promise<WorkersResult> {
  const batches: Uint8Array[][] = [];
  for (let i = 0; i < set.pages.length; i += BATCH) batches.push(set.pages.slice(i, i + BATCH));
  const pool = new CompressorPool(compressor, 1, workers);
  const make = () => {
    const be = createBackend("zcache", { level: 1, limit: 0, compressor });
    return { be, fs: be.cleancache!.initFs(PAGE_SIZE) };
  };
  const inline = make(), pooled = make();
  const out = new Uint8Array(PAGE_SIZE);
  const storeAll = (z: ReturnType<typeof make>, pages: Uint8Array[]) => {
    for (let i = 0; i < pages.length; i++) {
      z.be.cleancache!.putPage(z.fs, 1 + (i >> 4), i & 15, pages[i]);
    }
    for (let i = 0; i < pages.length; i++) {
      z.be.cleancache!.getPage(z.fs, 1 + (i >> 4), i & 15, out);
    }
    return pages.length;
  };
  try {
    const m = await interleavedAsync(
      {
        inline: () => {
          let n = 0;
          for (const b of batches) n += storeAll(inline, b);
          return Promise.resolve(n);
        },
        batched: async () => {
          let n = 0;
          for (const b of batches) {
            pooled.be.precompressed(await pool.compress(b));
            n += storeAll(pooled, b);
            pooled.be.clearPrecompressed();
          }
          return n;
        },
        pool: async () => {
          let n = 0;
          let next = pool.compress(batches[0]);
          for (let k = 0; k < batches.length; k++) {
            const ready = await next;
            if (k + 1 < batches.length) next = pool.compress(batches[k + 1]);
            pooled.be.precompressed(ready);
            n += storeAll(pooled, batches[k]);
            pooled.be.clearPrecompressed(); // same-filled pages are never asked for
          }
          return n;
        },
      },
      rounds,
      1,
      1,
    );
    return {
      workers,
      compressor,
      inline_pages_per_s: m.inline.perSecond,
      pool_pages_per_s: m.pool.perSecond,
      speedup: ratio(m.inline, m.pool),
      batched_pages_per_s: m.batched.perSecond,
      batched_speedup: ratio(m.inline, m.batched),
    };
  } finally {
    pool.close();
  }
}
