/** The snapshot builder (src/sim/snapshot.ts): groups derived from the rows. */
import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";

Deno.test("pending, uncached and pools come from the superblock and swap type rows", () => {
  const sim = new Simulation({ regime: "eager" });
  sim.mount("early");
  sim.swapon(1, 4);
  sim.register("ram");
  sim.mount("late");
  sim.swapon(0, 4);
  const s = sim.snapshot();
  assert.deepEqual(s.cleancache.uncached, ["early"]);
  assert.equal(s.cleancache.pools, 1);
  assert.deepEqual(s.frontswap.active, [0, 1]);
  assert.deepEqual(s.frontswap.uncached, [1]);
  assert.deepEqual(s.frontswap.pending, []);
  assert.equal(s.frontswap.pages, s.swapTypes.reduce((n, t) => n + t.pages, 0));
  assert.deepEqual(Object.keys(s.integrity), [
    "backend_overrides",
    "verified_reads",
    "stale_reads",
    "lost_pages",
    "causes",
    "lost_causes",
  ]);
  assert.equal(JSON.parse(JSON.stringify(s)).backends.length, 1, "plain JSON");
});
