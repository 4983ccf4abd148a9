/**
 * Compression in a worker pool gives exactly the single-threaded results:
 * the same counters, the same stored bytes, the same pages read back, the
 * same writebacks, in every allocator/compressor combination.
 */
import assert from "node:assert/strict";
import { createBackend } from "../../src/backends/catalog.ts";
import { isPrecompressing } from "../../src/backends/ops.ts";
import type { ZcacheBackend as TmemBackend } from "../../src/backends/zcache.ts";
import { CompressorPool } from "../../src/backend/worker_pool.ts";
import type { CompressorKind } from "../../src/backends/compressors.ts";
import { CONTENT_CLASSES, type ContentClass, generatePage } from "../../src/content.ts";
import { Rng } from "../../src/rng.ts";

interface Op {
  kind: "put" | "get" | "inval" | "store" | "load" | "free";
  a: number;
  b: number;
  stamp: number;
  cls: ContentClass;
}

function ops(seed: number, n: number): Op[] {
  const rng = new Rng(seed);
  const kinds: Op["kind"][] = ["put", "put", "get", "inval", "store", "store", "load", "free"];
  // the second half only swaps: cleancache empties by eviction, then frontswap is written back
  const swapOnly: Op["kind"][] = ["store", "store", "store", "load", "free"];
  return Array.from({ length: n }, (_, i) => ({
    kind: i < n / 2 ? kinds[rng.int(kinds.length)] : swapOnly[rng.int(swapOnly.length)],
    a: rng.int(3),
    b: rng.int(200),
    stamp: i + 1,
    cls: CONTENT_CLASSES[rng.int(CONTENT_CLASSES.length)],
  }));
}

/** Apply ops in batches; with a pool, each batch's pages are compressed ahead by the workers. */
async function run(
  list: Op[],
  opts: { compressor: CompressorKind },
  pool: CompressorPool | null,
) {
  const be: TmemBackend = createBackend("zcache", {
    level: 1,
    limit: 20,
    writeback: true,
    ...opts,
  });
  const trace: string[] = [];
  be.attach({
    setFrontswapExclusiveGets: () => {},
    writeSwapSlot: (t, o, p) => trace.push(`wb ${t} ${o} ${p.join(",").length} ${p[7]}`),
  });
  const pools = [
    be.cleancache!.initFs(4096),
    be.cleancache!.initSharedFs("u", 4096),
    be.cleancache!.initFs(4096),
  ];
  be.frontswap!.init(0);
  const out = new Uint8Array(4096);
  let sameInBatches = 0;
  for (let i = 0; i < list.length; i += 64) {
    const batch = list.slice(i, i + 64);
    if (pool) {
      const pages = batch.filter((o) => o.kind === "put" || o.kind === "store").map((o) =>
        generatePage(o.stamp, o.cls)
      );
      // zcache keeps only zero-filled pages without compressing them (3.10 `page_is_zero_filled`)
      sameInBatches += pages.filter((p) => p.every((b) => b === 0)).length;
      assert.ok(be.precompressed(await pool.compress(pages)));
    }
    for (const o of batch) {
      const page = generatePage(o.stamp, o.cls);
      out.fill(0xee);
      switch (o.kind) {
        case "put":
          be.cleancache!.putPage(pools[o.a], o.b >> 3, o.b & 7, page);
          break;
        case "get":
          trace.push(
            `get ${be.cleancache!.getPage(pools[o.a], o.b >> 3, o.b & 7, out)} ${out.join(",")}`,
          );
          break;
        case "inval":
          be.cleancache!.invalidateInode(pools[o.a], o.b >> 3);
          break;
        case "store":
          trace.push(`store ${be.frontswap!.store(0, o.b, page)}`);
          break;
        case "load":
          trace.push(`load ${be.frontswap!.load(0, o.b, out)} ${out.join(",")}`);
          break;
        case "free":
          be.frontswap!.invalidatePage(0, o.b);
          break;
      }
    }
    if (pool) {
      // every precomputed page was used, except same-filled ones (never compressed)
      assert.equal(be.clearPrecompressed(), sameInBatches);
      sameInBatches = 0;
    }
  }
  assert.deepEqual(be.audit(), []);
  return { stats: be.stats(), trace };
}

for (const seed of [4, 7]) {
  for (const compressor of ["deflate", "deflate-native"] as const) {
    Deno.test(`workers: zcache ${compressor} with 2 workers = single thread (${seed})`, async () => {
      const list = ops(seed * 7 + compressor.length, 640);
      const pool = new CompressorPool(compressor, 1, 2);
      try {
        const single = await run(list, { compressor }, null);
        const pooled = await run(list, { compressor }, pool);
        assert.ok(single.stats.evicted_pages > 0, "the pool limit was reached");
        assert.ok(single.stats.written_back_pages > 0, "frontswap pages were written back");
        assert.ok(single.stats.stored_pages > 0);
        assert.deepEqual(pooled.stats, single.stats);
        assert.equal(pooled.trace.length, single.trace.length);
        for (let i = 0; i < single.trace.length; i++) {
          assert.equal(pooled.trace[i], single.trace[i]);
        }
      } finally {
        pool.close();
      }
    });
  }
}

Deno.test("workers: a batch for another compressor or level is refused", async () => {
  const pool = new CompressorPool("deflate", 6, 0);
  const batch = await pool.compress([generatePage(1, "text")]);
  assert.equal(createBackend("zcache", { level: 1 }).precompressed(batch), false);
  assert.equal(
    createBackend("zcache", { level: 6, compressor: "deflate-native" }).precompressed(batch),
    false,
  );
  assert.equal(isPrecompressing(createBackend("ram")), false);
  assert.equal(createBackend("zcache", { level: 6 }).precompressed(batch), true);
});

Deno.test("workers: a page not in the batch is compressed inline", async () => {
  const pool = new CompressorPool("deflate", 1, 0);
  const a = createBackend("zcache"), b = createBackend("zcache");
  a.frontswap!.init(0);
  b.frontswap!.init(0);
  b.precompressed(await pool.compress([generatePage(1, "text")]));
  for (const be of [a, b]) be.frontswap!.store(0, 0, generatePage(2, "heap"));
  assert.equal(b.clearPrecompressed(), 1);
  assert.deepEqual(b.stats(), a.stats());
  const x = new Uint8Array(4096), y = new Uint8Array(4096);
  assert.ok(a.frontswap!.load(0, 0, x) && b.frontswap!.load(0, 0, y));
  assert.deepEqual(y, x);
});
