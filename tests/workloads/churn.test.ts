import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { REGIMES } from "../../src/regime.ts";
import { ChurnWorkload, WORKLOAD_FACTORIES } from "../../src/workloads/mod.ts";

Deno.test("churn: changes stay within their bounds, first change on the first tick", () => {
  const s = new Simulation({ seed: 8 });
  const w = new ChurnWorkload({
    every: 1,
    minfs: 1,
    maxfs: 3,
    mintypes: 1,
    maxtypes: 2,
    slots: 64,
  });
  w.step(s);
  assert.equal(s.mountedNames().length, 1, "below the minimum: mount first");
  for (let i = 0; i < 200; i++) {
    w.step(s);
    const fs = s.mountedNames().length, types = s.activeTypes().length;
    assert.ok(fs >= 1 && fs <= 3, `fs count ${fs}`);
    assert.ok(types <= 2, `type count ${types}`);
  }
  const c = w.counters;
  assert.ok(c.mounts > 1 && c.umounts > 0 && c.swapons > 1 && c.swapoffs > 0, JSON.stringify(c));
});

Deno.test("churn: `every` spaces the changes", () => {
  const s = new Simulation();
  const w = new ChurnWorkload({ every: 10 });
  for (let i = 0; i < 25; i++) w.step(s);
  const c = w.counters;
  assert.equal(c.mounts + c.umounts + c.swapons + c.swapoffs, 3);
});

/** 3.9 never inits the swap types enabled before the backend: frontswap may stay unused. */
const USES_FRONTSWAP = { eager: false, "fake-poolid": true, deferred: true };

for (const regime of REGIMES) {
  Deno.test(`churn + swap + pagecache (${regime}): swapoff swaps in first, nothing lost`, () => {
    const s = new Simulation({ seed: 11, regime });
    s.startWorkload("churn", { every: 3, slots: 256, maxtypes: 3 });
    s.startWorkload("swap", { rate: 60, ram: 100, procs: 3, size: 100 });
    s.startWorkload("pagecache", { rate: 40, cache: 60, files: 8, pages: 16 });
    s.advance(15);
    s.register("zcache", { limit: 64 });
    s.advance(40);
    s.unregister();
    s.advance(10);
    s.register("ram");
    s.advance(20);
    const snap = s.snapshot();
    const i = snap.integrity;
    // every wrong read is a kernel hazard with its name: staging zcache gives each cluster
    // node a private pool (zcache_cleancache_init_shared_fs), and under 3.9 its one swap
    // pool takes stores to types with no frontswap map (zcache_frontswap_init)
    assert.equal(i.causes.unexplained, 0);
    const named = i.causes.private_pool_for_shared_uuid + i.causes.eager_unmapped_swap_store;
    assert.equal(i.stale_reads, named);
    if (regime !== "eager") assert.equal(i.lost_pages, 0);
    if (USES_FRONTSWAP[regime]) assert.ok(snap.frontswap.loads > 0);
    assert.deepEqual(s.audit(), []);
  });
}

Deno.test("churn: parameters are checked", () => {
  assert.throws(
    () => WORKLOAD_FACTORIES.churn({ minfs: 4, maxfs: 2 }),
    /minfs must not exceed maxfs/,
  );
  assert.throws(() => WORKLOAD_FACTORIES.churn({ names: "a b" }), /comma-separated/);
  assert.throws(() => WORKLOAD_FACTORIES.churn({ every: 0 }), /every must be from 1/);
});
