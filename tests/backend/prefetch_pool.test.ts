/**
 * Compression ahead of time in Web Workers changes nothing but the speed:
 * the same scenario with and without a `SharedCompressorPool` ends in the
 * same snapshot, byte for byte, and the pool's results were really used.
 */
import assert from "node:assert/strict";
import { runCli } from "../helpers/cli.ts";
import { Simulation } from "../../src/simulation.ts";
import { type Precompressor, SharedCompressorPool } from "../../src/backend/prefetch_pool.ts";
import { generatePage } from "../../src/content.ts";
import { createCompressor } from "../../src/backends/compressors.ts";

function scenario(sim: Simulation): string {
  sim.mount("root");
  sim.mount("gfs", { uuid: "c0ffee" });
  sim.swapon(0, 1024);
  sim.startWorkload("pagecache", { rate: 60, cache: 256 });
  sim.startWorkload("swap", { rate: 40, ram: 128 });
  sim.advance(10);
  sim.register("zcache", { limit: 256 });
  sim.advance(60);
  sim.unregister();
  sim.advance(5);
  sim.register("zcache", { limit: 128 });
  sim.advance(30);
  return JSON.stringify(sim.snapshot());
}

/** The pool, but collecting waits for the work in flight (so results are used for sure). */
function waiting(pool: SharedCompressorPool): Precompressor {
  return {
    room: () => pool.room(),
    submit: (pages, kind, level) => pool.submit(pages, kind, level),
    collect: () => pool.collect(true),
    close: () => pool.close(),
  };
}

Deno.test("a scenario with compression in workers ends in exactly the same snapshot", () => {
  const plain = scenario(new Simulation({ seed: 11 }));
  const pool = new SharedCompressorPool(2, 32);
  try {
    const sim = new Simulation({ seed: 11, precompressor: waiting(pool) });
    assert.equal(scenario(sim), plain);
    assert.ok(pool.submitted > 0, "pages were handed to the workers");
    assert.ok(sim.precompressedHits > 0, "the backend used precomputed compressions");
  } finally {
    pool.close();
  }
  const free = new SharedCompressorPool(2, 32);
  try {
    // without waiting: whatever the timing, the same result
    assert.equal(scenario(new Simulation({ seed: 11, precompressor: free })), plain);
  } finally {
    free.close();
  }
});

Deno.test("the pool follows the backend's compressor and level", () => {
  const run = (sim: Simulation) => {
    sim.mount("root");
    sim.startWorkload("pagecache", { rate: 60, cache: 128 });
    sim.register("zcache", { compressor: "deflate-native", level: 6, limit: 64 });
    sim.advance(40);
    return JSON.stringify(sim.snapshot());
  };
  const plain = run(new Simulation({ seed: 4 }));
  const pool = new SharedCompressorPool(1, 16);
  try {
    const sim = new Simulation({ seed: 4, precompressor: waiting(pool) });
    assert.equal(run(sim), plain);
    assert.ok(sim.precompressedHits > 0);
  } finally {
    pool.close();
  }
});

Deno.test("the pool compresses exactly as the backend does", () => {
  const pool = new SharedCompressorPool(1, 8);
  try {
    const pages = [1, 2, 3].map((i) => generatePage(i, "text"));
    assert.equal(pool.room(), 8);
    pool.submit(pages, "deflate-native", 1);
    const [batch] = pool.collect(true);
    assert.equal(batch.kind, "deflate-native");
    assert.equal(batch.level, 1);
    const inline = createCompressor("deflate-native", 1).compress(pages[2]);
    assert.deepEqual(batch.data.subarray(batch.offsets[2], batch.offsets[3]), inline);
    assert.equal(batch.offsets.length, 4);
    assert.equal(pool.room(), 8);
    assert.deepEqual(batch.pages.subarray(4096, 8192), pages[1]);
  } finally {
    pool.close();
  }
});

Deno.test("mod.ts --workers 2 prints exactly what a single-threaded run prints", async () => {
  const script = [
    "mount root",
    "mount gfs shared=u1",
    "swapon 0 slots=1024",
    "workload start pagecache rate=80 cache=256",
    "workload start swap rate=50 ram=128",
    "run 10",
    "register zcache limit=256",
    "run 60",
    "stats",
    "unregister",
    "run 5",
    "stats",
  ].join("\n") + "\n";
  const run = async (extra: string[]) => {
    const r = await runCli(["--json", ...extra], script);
    return { code: r.code, out: r.stdout };
  };

  const plain = await run([]);
  const workers = await run(["--workers", "2"]);
  assert.equal(plain.code, 0);
  assert.equal(workers.code, 0);
  assert.equal(workers.out, plain.out);
  assert.match(plain.out, /"stored_pages"/);
});
