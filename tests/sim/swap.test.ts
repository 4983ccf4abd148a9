/**
 * The swap side (src/sim/swap.ts): swapoff as `try_to_unuse` (issue #8
 * behaviour 6), the one writeback path, and the oracle's view of swap-ins.
 */
import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { REGIMES } from "../../src/regime.ts";
import { SpyBackend } from "../helpers/spy_backend.ts";

for (const regime of REGIMES) {
  Deno.test(`behaviour 6 (${regime}): swapoff is try_to_unuse first: every used slot swapped in and freed, counted`, () => {
    // mm/swapfile.c sys_swapoff(): try_to_unuse(type, false, 0), then frontswap_invalidate_area()
    const sim = new Simulation({ regime });
    const spy = new SpyBackend("spy");
    sim.registerBackend(spy);
    sim.swapon(0, 8);
    sim.store(0, 0, "text");
    sim.store(0, 5, "heap");
    spy.refuseStores = true;
    sim.store(0, 6, "records"); // on disk only
    const before = sim.snapshot().frontswap;
    sim.swapoff(0);
    const after = sim.snapshot();
    assert.equal(after.frontswap.loads - before.loads, 2, "two frontswap loads");
    assert.equal(after.frontswap.invalidates - before.invalidates, 2, "two bits freed");
    assert.equal(after.integrity.verified_reads, 3, "all three pages swapped in right");
    assert.deepEqual(after.frontswap.active, []);
    assert.ok(
      after.events.some((e) =>
        /try_to_unuse swapped in 2 pages from frontswap, 1 from disk/.test(e.text)
      ),
    );
    assert.deepEqual(sim.audit(), []);
  });

  Deno.test(`behaviour 6 (${regime}): with exclusive loads the load already cleared the bit: no invalidate is counted`, () => {
    const sim = new Simulation({ regime, exclusiveLoads: true });
    sim.registerBackend(new SpyBackend("spy"));
    sim.swapon(0, 8);
    sim.store(0, 0, "text");
    sim.swapoff(0);
    const f = sim.snapshot().frontswap;
    assert.deepEqual([f.loads, f.invalidates], [1, 0]);
  });
}

Deno.test("a backend's writeback goes to the slot through the host; the bit stays set (the kernel never told frontswap)", () => {
  const sim = new Simulation({ regime: "deferred" });
  const spy = new SpyBackend("zswap");
  sim.registerBackend(spy);
  sim.swapon(0, 8);
  sim.store(0, 3, "heap");
  // zswap-style writeback: the page to its slot, the entry freed
  const page = new Uint8Array(4096);
  assert.ok(spy.peekSwapPage(0, 3, page));
  (spy.host as unknown as { writeSwapSlot(t: number, o: number, p: Uint8Array): void })
    .writeSwapSlot(0, 3, page);
  spy.pages.delete("s:0:3");
  const t = sim.snapshot().swapTypes[0];
  assert.deepEqual([t.pages, t.written_back, t.disk_writes], [1, 1, 1]);
  assert.equal(sim.load(0, 3), "miss", "the bit is set, the backend misses, the disk has it");
  assert.equal(sim.snapshot().integrity.verified_reads, 1);
  sim.free(0, 3);
  assert.equal(sim.snapshot().frontswap.invalidates, 1, "free still counts an invalidate");
  assert.deepEqual(sim.audit(), []);
});

Deno.test("store/load/free keep used slots and the disk in step", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.swapon(2, 4);
  assert.equal(sim.slotCount(2), 4);
  assert.equal(sim.slotCount(3), 0);
  assert.deepEqual(sim.allocSlot(), { type: 2, offset: 0 });
  assert.equal(sim.store(2, 0, "text"), "rejected", "no backend: to disk");
  assert.equal(sim.slotInUse(2, 0), true);
  assert.equal(sim.load(2, 0), "miss");
  sim.free(2, 0);
  assert.equal(sim.slotInUse(2, 0), false);
  assert.throws(() => sim.load(2, 0), /holds no page/);
  assert.equal(sim.snapshot().swapTypes[0].disk_writes, 1);
});
