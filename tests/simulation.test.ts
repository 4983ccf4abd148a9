/** The Simulation facade: refused calls, register/unregister cycles, snapshots. */
import assert from "node:assert/strict";
import { Simulation } from "../src/simulation.ts";
import { SimError } from "../src/errors.ts";
import { REGIMES } from "../src/regime.ts";
import type { ContentClass } from "../src/content.ts";

function frozen(sim: Simulation): string {
  return JSON.stringify({ ...sim.snapshot(), events: [] });
}

function refused(sim: Simulation, call: () => unknown, message: RegExp): void {
  const before = frozen(sim);
  assert.throws(call, (e) => e instanceof SimError && message.test(e.message));
  assert.equal(frozen(sim), before, "a refused call must not change the state");
}

Deno.test("bad calls get a clear error and leave the state unchanged", () => {
  const sim = new Simulation();
  sim.mount("root");
  sim.swapon(1, 16);
  sim.register("zcache");
  sim.put("root", 1, 0);
  refused(sim, () => sim.umount("nope"), /umount: no filesystem named 'nope' is mounted/);
  refused(sim, () => sim.mount("root"), /already mounted/);
  refused(sim, () => sim.mount("bad name"), /mount: filesystem name must be/);
  refused(sim, () => sim.swapon(1), /swapon: swap type 1 is already active/);
  refused(sim, () => sim.swapon(32), /swap type must be an integer from 0 to 31/);
  refused(sim, () => sim.swapon(-1), /from 0 to 31/);
  refused(sim, () => sim.swapon(2, 0), /slots must be/);
  refused(sim, () => sim.swapoff(5), /swapoff: swap type 5 is not active/);
  refused(sim, () => sim.unregister("nonesuch"), /no backend named 'nonesuch'/);
  refused(sim, () => sim.register("nonesuch" as "ram"), /unknown backend/);
  refused(sim, () => sim.store(1, 16), /offset must be an integer from 0 to 15/);
  refused(sim, () => sim.store(1, 0, "bogus" as ContentClass), /unknown content class/);
  refused(sim, () => sim.load(1, 3), /holds no page/);
  refused(sim, () => sim.get("root", -1, 0), /inode must be an integer from 0 to 4294967295/);
  refused(sim, () => sim.put("root", 2 ** 32, 0), /inode must be an integer from 0 to 4294967295/);
  refused(sim, () => sim.get("root", 1, 1.5), /page index/);
  refused(sim, () => sim.putClean("root", 9, 9), /has no page 9 on disk/);
  refused(sim, () => sim.setRegime("eager"), /only be changed before/);
  refused(sim, () => sim.advance(-1), /non-negative/);
  refused(sim, () => sim.stopWorkload("swap"), /not running/);
  sim.unregister();
  refused(sim, () => sim.unregister(), /no backend is registered/);
  const fresh = new Simulation();
  refused(
    fresh,
    () => fresh.register("zcache", { level: 12 }),
    /level must be from 0 to 9 for deflate/,
  );
  refused(fresh, () => fresh.register("zcache", { threshold: 0 }), /threshold/);
  refused(
    fresh,
    () => fresh.register("zswap", { allocator: "slab" }),
    /allocator must be zbud\|z3fold\|zsmalloc/,
  );
});

/** Whether what a backend backed waits for the next one after an unregister (3.9 never inits later). */
const WAITS_AFTER_UNREGISTER = { eager: false, "fake-poolid": true, deferred: true };

for (const regime of REGIMES) {
  Deno.test(`${regime}: register and unregister any number of times, in any order, keep data right`, () => {
    const sim = new Simulation({ regime, seed: 3 });
    const classes: ContentClass[] = ["text", "zero", "heap", "records", "same", "random"];
    for (let round = 0; round < 4; round++) {
      sim.mount(`fs${round}`);
      sim.swapon(round, 32);
      for (let i = 0; i < 24; i++) {
        sim.put(`fs${round}`, 1, i, classes[i % classes.length]);
        sim.store(round, i, classes[i % classes.length]);
      }
      sim.register(
        (["zcache", "ram", "tmem", "zswap"] as const)[round],
        round === 3 ? { allocator: "zsmalloc" } : {},
      );
      for (let i = 0; i < 24; i++) {
        sim.put(`fs${round}`, 2, i, classes[i % classes.length]);
        sim.store(round, i, classes[(i + 1) % classes.length]);
        sim.get(`fs${round}`, 2, i);
      }
      sim.unregister();
      const s = sim.snapshot();
      assert.equal(s.frontswap.pages, 0);
      assert.equal(s.cleancache.pools, 0);
      assert.equal(s.integrity.stale_reads, 0, `round ${round}`);
      for (let t = 0; t <= round; t++) for (let i = 0; i < 24; i++) sim.load(t, i);
    }
    const s = sim.snapshot();
    assert.equal(s.integrity.stale_reads, 0);
    assert.equal(s.integrity.lost_pages, 0);
    assert.deepEqual(sim.audit(), []);
    if (!WAITS_AFTER_UNREGISTER[regime]) {
      assert.deepEqual(s.cleancache.pending, []);
      assert.equal(s.cleancache.uncached.length, 4);
    } else {
      assert.equal(s.cleancache.pending.length, 4);
      assert.deepEqual(s.frontswap.pending, [0, 1, 2, 3]);
      sim.register("zcache");
      assert.equal(sim.snapshot().cleancache.pools, 4, "a later registration picks all up again");
    }
  });
}

Deno.test("unregister lists everything as pending again and logs the write-back", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("root");
  sim.mount("data", { uuid: "c1" });
  sim.swapon(0, 16);
  sim.register("zcache");
  for (let i = 0; i < 10; i++) sim.store(0, i, "heap");
  sim.unregister();
  const s = sim.snapshot();
  assert.deepEqual(s.cleancache.pending, ["root", "data"]);
  assert.deepEqual(s.superblocks.map((x) => x.poolId), [-2, -3]);
  assert.deepEqual(s.frontswap.pending, [0]);
  assert.equal(s.frontswap.written_back_pages, 10);
  assert.equal(s.swapTypes[0].written_back, 10);
  assert.match(s.events[0].text, /unregister zcache: 10 frontswap pages written back/);
});

Deno.test("fake-poolid: unregister puts the slots back to -1, keeping the fake ids", () => {
  const sim = new Simulation({ regime: "fake-poolid" });
  sim.register("zcache");
  sim.mount("a");
  sim.mount("s", { uuid: "u" });
  sim.unregister();
  const s = sim.snapshot();
  assert.deepEqual(s.superblocks.map((x) => [x.fakeId, x.realPoolId, x.state]), [
    [1000, null, "pending"],
    [2000, null, "pending"],
  ]);
  sim.register("ram");
  assert.deepEqual(sim.snapshot().superblocks.map((x) => x.state), ["backed", "backed"]);
});

Deno.test("writethrough: a successful store still writes the disk", () => {
  const sim = new Simulation({ writethrough: true });
  sim.register("zcache");
  sim.swapon(0, 8);
  assert.equal(sim.store(0, 0, "text"), "stored");
  assert.equal(sim.snapshot().swapTypes[0].disk_writes, 1);
  assert.equal(sim.load(0, 0), "hit");
  assert.equal(sim.snapshot().integrity.verified_reads, 1);
});

Deno.test("the same operations and seed give the same snapshot", () => {
  const run = () => {
    const sim = new Simulation({ seed: 99 });
    sim.mount("root");
    sim.swapon(0, 64);
    sim.register("zcache", { limit: 6 });
    for (let i = 0; i < 200; i++) {
      const r = sim.rng.int(4);
      if (r === 0) sim.put("root", sim.rng.int(4), sim.rng.int(8), "heap");
      else if (r === 1) sim.get("root", sim.rng.int(4), sim.rng.int(8));
      else if (r === 2) sim.store(0, sim.rng.int(64), "records");
      else if (sim.slotInUse(0, i % 64)) sim.load(0, i % 64);
    }
    return JSON.stringify(sim.snapshot());
  };
  assert.equal(run(), run());
});

Deno.test("snapshot names the kernel counters and the pending lists", () => {
  const sim = new Simulation();
  sim.mount("root");
  sim.swapon(2);
  const s = sim.snapshot();
  assert.deepEqual(Object.keys(s.cleancache).sort(), [
    "failed_gets",
    "invalidates",
    "pending",
    "pools",
    "puts",
    "skipped",
    "succ_gets",
    "uncached",
  ]);
  for (
    const k of [
      "loads",
      "succ_stores",
      "failed_stores",
      "invalidates",
      "pages",
      "active",
      "pending",
    ]
  ) {
    assert.ok(k in s.frontswap, k);
  }
  assert.equal(s.backend, null);
  assert.deepEqual(s.frontswap.pending, [2]);
  sim.register("zcache");
  for (
    const k of [
      "name",
      "stored_pages",
      "same_filled_pages",
      "pool_total_size",
      "compressed_bytes",
      "compression_ratio",
      "effective_ratio",
      "reject_compress_poor",
      "pool_limit_hit",
      "written_back_pages",
      "duplicate_entry",
      "evicted_pages",
    ]
  ) assert.ok(k in sim.snapshot().backend!, k);
});

Deno.test("exclusive loads: a hit drops the backend copy; the swap cache serves the page after", () => {
  const sim = new Simulation({ exclusiveLoads: true });
  sim.register("zcache");
  sim.swapon(0, 8);
  sim.store(0, 0, "heap");
  assert.equal(sim.snapshot().backend!.frontswap_pages, 1);
  assert.equal(sim.load(0, 0), "hit");
  let s = sim.snapshot();
  assert.equal(s.backend!.frontswap_pages, 0);
  assert.equal(s.frontswap.pages, 0);
  assert.equal(s.frontswap.loads, 1);
  assert.equal(sim.load(0, 0), "hit", "from the swap cache");
  assert.equal(sim.snapshot().frontswap.loads, 1, "no second frontswap load");
  sim.store(0, 0, "text");
  sim.unregister();
  assert.equal(sim.load(0, 0), "miss");
  s = sim.snapshot();
  assert.equal(s.integrity.verified_reads, 3);
  assert.equal(s.integrity.stale_reads, 0);
  assert.deepEqual(sim.audit(), []);
});

Deno.test("skipped: puts, gets and stores that reached no backend are counted per superblock and type", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("root");
  sim.swapon(0, 8);
  sim.put("root", 1, 0);
  sim.get("root", 1, 0);
  sim.store(0, 0, "heap");
  let s = sim.snapshot();
  assert.equal(s.superblocks[0].skipped, 2);
  assert.equal(s.cleancache.skipped, 2);
  assert.equal(s.swapTypes[0].skipped, 1);
  assert.equal(s.frontswap.skipped, 1);
  assert.equal(s.cleancache.failed_gets + s.cleancache.puts, 0, "no kernel counter moved");
  sim.register("zcache");
  sim.put("root", 1, 0);
  sim.get("root", 1, 0);
  sim.store(0, 1, "heap");
  s = sim.snapshot();
  assert.equal(s.cleancache.skipped, 2);
  assert.equal(s.frontswap.skipped, 1);
});
