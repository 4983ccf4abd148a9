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

for (const regime of REGIMES) {
  Deno.test(`churn + swap + pagecache (${regime}): swapoff swaps in first, nothing lost`, () => {
    const s = new Simulation({ seed: 11, regime });
    s.startWorkload("churn", { every: 3, slots: 256, maxtypes: 3 });
    s.startWorkload("swap", { rate: 60, ram: 100, procs: 3, size: 100 });
    s.startWorkload("pagecache", { rate: 40, cache: 60, files: 8, pages: 16 });
    s.advance(15);
    // tmem shares a uuid's pool between churn's cluster nodes; staging zcache gives each
    // node a private pool (zcache_cleancache_init_shared_fs), and the simulator does not
    // invalidate the other nodes' pools on a write (a cluster filesystem would)
    s.register("tmem", { limit: 64 });
    s.advance(40);
    s.unregister();
    s.advance(10);
    s.register("ram");
    s.advance(20);
    const snap = s.snapshot();
    assert.equal(snap.integrity.lost_pages, 0);
    assert.equal(snap.integrity.stale_reads, 0);
    assert.ok(snap.frontswap.loads > 0 || regime === "eager");
    assert.deepEqual(s.audit(), []);
  });
}

Deno.test("churn: parameters are checked", () => {
  const s = new Simulation();
  assert.throws(
    () => WORKLOAD_FACTORIES.churn({ minfs: 4, maxfs: 2 }, s),
    /minfs must not exceed maxfs/,
  );
  assert.throws(() => WORKLOAD_FACTORIES.churn({ names: "a b" }, s), /comma-separated/);
  assert.throws(() => WORKLOAD_FACTORIES.churn({ every: 0 }, s), /every must be from 1/);
});
