import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { SwapWorkload, WORKLOAD_FACTORIES } from "../../src/workloads/mod.ts";

Deno.test("swap: RAM stays bounded, pages go out and come back, contents intact", () => {
  const s = new Simulation({ seed: 3 });
  s.swapon(0, 1024);
  // without exclusive gets, so that freed slots still have their bit set
  s.register("zcache", { exclusive_gets: false });
  const w = new SwapWorkload({ rate: 100, ram: 200, procs: 3, size: 200 });
  for (let i = 0; i < 40; i++) {
    w.step(s);
    assert.ok(w.residentPages <= 200);
  }
  const snap = s.snapshot();
  assert.ok(w.counters.swapOuts > 0 && w.counters.swapIns > 0);
  assert.ok(snap.frontswap.succ_stores > 0);
  assert.ok(snap.frontswap.failed_stores > 0, "random pages are rejected");
  assert.ok(snap.frontswap.loads > 0);
  assert.ok(snap.frontswap.invalidates > 0, "freed slots are invalidated");
  assert.ok(snap.backend!.same_filled_pages > 0);
  assert.ok(snap.backend!.reject_compress_poor > 0);
  assert.equal(snap.frontswap.pages + w.residentPages > 0, true);
  assert.equal(snap.integrity.lost_pages, 0);
  assert.equal(snap.integrity.stale_reads, 0);
  assert.deepEqual(s.audit(), []);
});

Deno.test("swap: processes exit and free their slots; stop frees everything", () => {
  const s = new Simulation({ seed: 4 });
  s.swapon(0, 2048);
  s.register("zcache");
  const w = new SwapWorkload({ rate: 100, ram: 100, procs: 4, size: 150, life: 5 });
  for (let i = 0; i < 30; i++) w.step(s);
  assert.ok(w.counters.exits > 0);
  assert.ok(w.swappedPages > 0);
  assert.equal(s.snapshot().swapTypes[0].usedSlots, w.swappedPages);
  w.stop(s);
  assert.equal(s.snapshot().swapTypes[0].usedSlots, 0);
  assert.equal(s.snapshot().frontswap.pages, 0);
});

Deno.test("swap: no swap space means no swap-out, and no crash", () => {
  const s = new Simulation({ seed: 5 });
  const w = new SwapWorkload({ rate: 50, ram: 20, procs: 2, size: 100 });
  for (let i = 0; i < 5; i++) w.step(s);
  assert.ok(w.counters.oom > 0);
  assert.ok(w.residentPages <= 20);
  assert.equal(s.snapshot().ops, 0);
});

Deno.test("swap: a type swapped off and on under it (slots dropped) is survived", () => {
  const s = new Simulation({ seed: 6 });
  s.swapon(0, 256);
  s.swapon(1, 256);
  s.register("zcache");
  const w = new SwapWorkload({ rate: 100, ram: 50, procs: 2, size: 150 });
  for (let i = 0; i < 10; i++) w.step(s);
  s.swapoff(0);
  s.swapon(0, 256);
  for (let i = 0; i < 20; i++) w.step(s);
  assert.ok(w.counters.reclaimed > 0, "pages whose slots vanished count as resident");
  assert.equal(s.snapshot().integrity.stale_reads, 0);
  assert.ok(w.residentPages <= 50);
});

Deno.test("swap: parameters are checked", () => {
  assert.throws(() => WORKLOAD_FACTORIES.swap({ ram: 0 }), /ram must be from 1/);
  assert.throws(() => WORKLOAD_FACTORIES.swap({ nope: 1 }), /no parameter 'nope'/);
  assert.equal(WORKLOAD_FACTORIES.swap({ procs: 2 }).params.procs, 2);
});
