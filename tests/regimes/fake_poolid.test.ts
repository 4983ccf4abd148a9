/**
 * Regime `fake-poolid` (Linux 3.10, src/regimes/fake_poolid.ts): issue #8
 * behaviour 4, and its parts of 7, 8 and 9, each read from v3.10.33's
 * mm/cleancache.c, mm/frontswap.c and mm/swapfile.c.
 */
import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { SpyBackend } from "../helpers/spy_backend.ts";

function events(sim: Simulation): string[] {
  return sim.snapshot().events.map((e) => e.text);
}

Deno.test("behaviour 4 (fake-poolid): swapoff never calls the backend's invalidate_area (3.10 bug, fixed in 3.13)", () => {
  // mm/swapfile.c of 3.10 sys_swapoff(): frontswap_map_set(p, NULL) then frontswap_invalidate_area();
  // mm/frontswap.c of 3.10 __frontswap_invalidate_area(): `if (sis->frontswap_map == NULL) return;`
  const sim = new Simulation({ regime: "fake-poolid" });
  const spy = new SpyBackend("spy");
  sim.registerBackend(spy);
  sim.swapon(0, 8);
  sim.store(0, 1, "text");
  sim.store(0, 2, "text");
  sim.swapoff(0);
  assert.equal(spy.count("invalidate_area"), 0, "the backend is never told");
  // try_to_unuse swapped both pages in and freed them first: the backend is empty anyway
  assert.equal(spy.count("load 0"), 2);
  assert.equal(spy.count("invalidate_page 0"), 2);
  assert.ok(
    events(sim).some((t) => /KERNEL BUG: swapoff type 0: the backend's invalidate_area/.test(t)),
  );
  assert.deepEqual(sim.audit(), []);
});

Deno.test("behaviour 4: 4.2 swapoff tells every backend (the order was fixed)", () => {
  // mm/swapfile.c of 4.2 sys_swapoff(): frontswap_invalidate_area() before frontswap_map_set(p, NULL)
  const sim = new Simulation({ regime: "deferred" });
  const spy = new SpyBackend("spy");
  sim.registerBackend(spy);
  sim.swapon(0, 8);
  sim.swapoff(0);
  assert.equal(spy.count("invalidate_area 0"), 1);
});

Deno.test("behaviour 4 (fake-poolid): umount calls the backend's invalidate_fs even with pool id -1", () => {
  // mm/cleancache.c of 3.10 __cleancache_invalidate_fs(): `if (cleancache_ops)
  // cleancache_ops->invalidate_fs(old_poolid)` with no check of old_poolid
  const sim = new Simulation({ regime: "fake-poolid" });
  const spy = new SpyBackend("spy");
  sim.registerBackend(spy);
  for (let i = 0; i < 33; i++) sim.mount(`fs${i}`); // the 33rd has no slot: id -1
  assert.equal(sim.snapshot().superblocks[32].poolId, -1);
  sim.umount("fs32");
  assert.deepEqual(spy.calls.slice(-1), ["invalidate_fs -1"]);
  spy.failInit = true;
  sim.umount("fs0");
  sim.mount("late"); // slot 0, init fails: the slot holds -1
  sim.umount("late");
  assert.deepEqual(spy.calls.slice(-1), ["invalidate_fs -1"]);
  assert.ok(events(sim).some((t) => /KERNEL BUG: umount late: invalidate_fs\(-1\)/.test(t)));
});

Deno.test("behaviour 4 (fake-poolid): a second frontswap backend gets no init for active types, so its stores fail", () => {
  // mm/frontswap.c of 3.10 frontswap_register_ops(): init(i) only for test_and_clear_bit(i, need_init)
  const sim = new Simulation({ regime: "fake-poolid" });
  sim.swapon(0, 8); // need_init bit 0
  const first = new SpyBackend("first", { swapTypes: "told" });
  sim.registerBackend(first);
  assert.deepEqual(first.calls, ["init 0"]);
  const second = new SpyBackend("second", { swapTypes: "told" });
  sim.registerBackend(second);
  assert.equal(second.count("init"), 0, "need_init was cleared by the first registration");
  assert.deepEqual(sim.snapshot().frontswap.uncached, [0]);
  assert.equal(sim.store(0, 1, "text"), "rejected");
  assert.equal(sim.snapshot().frontswap.failed_stores, 1);
  assert.ok(
    events(sim).some((t) => /KERNEL BUG: the new backend is told init for no active/.test(t)),
  );
  sim.swapon(1, 8); // enabled after: told at once
  assert.ok(second.calls.includes("init 1"));
  assert.equal(sim.store(1, 0, "text"), "stored");
});

Deno.test("behaviour 7 (fake-poolid): a failed init leaves -1 in the slot; the next registration retries it", () => {
  // mm/cleancache.c of 3.10 cleancache_register_ops(): `if (fs_poolid_map[i] == FS_NO_BACKEND)
  // fs_poolid_map[i] = ops->init_fs(PAGE_SIZE)` -- a failure returns -1 = FS_NO_BACKEND
  const sim = new Simulation({ regime: "fake-poolid" });
  const bad = new SpyBackend("bad");
  bad.failInit = true;
  sim.registerBackend(bad);
  sim.mount("root");
  let sb = sim.snapshot().superblocks[0];
  assert.deepEqual([sb.poolId, sb.realPoolId, sb.state], [1000, null, "pending"]);
  sim.put("root", 1, 0);
  sim.get("root", 1, 0);
  assert.equal(sim.snapshot().cleancache.failed_gets, 1, "a get on a failed slot still counts");
  const good = new SpyBackend("good");
  sim.registerBackend(good);
  assert.deepEqual(good.calls, ["init_fs"], "retried");
  sb = sim.snapshot().superblocks[0];
  assert.deepEqual([sb.realPoolId, sb.state], [0, "backed"]);
});

Deno.test("behaviour 8 (fake-poolid): the uuid goes to the backend; whether one uuid is one pool is its decision", () => {
  // mm/cleancache.c of 3.10 __cleancache_init_shared_fs(): shared_fs_poolid_map[i] = init_shared_fs(uuid)
  for (const [privateShared, samePool] of [[false, true], [true, false]] as const) {
    const sim = new Simulation({ regime: "fake-poolid" });
    const spy = new SpyBackend("spy", { privateShared });
    sim.registerBackend(spy);
    sim.mount("n1", { uuid: "c1" });
    sim.mount("n2", { uuid: "c1" });
    assert.deepEqual(spy.calls, ["init_shared_fs c1", "init_shared_fs c1"]);
    const [a, b] = sim.snapshot().superblocks;
    assert.deepEqual([a.fakeId, b.fakeId], [2000, 2001], "each mount takes its own slot");
    assert.equal(a.realPoolId === b.realPoolId, samePool);
    // private pools for one uuid: a write through one node leaves the other's copy
    sim.put("n2", 1, 0);
    sim.write("n1", 1, 0);
    sim.get("n2", 1, 0);
    const c = sim.snapshot().integrity.causes;
    assert.equal(c.private_pool_for_shared_uuid, samePool ? 0 : 1);
    assert.equal(c.unexplained, 0);
  }
});

Deno.test("behaviour 9 (fake-poolid): a failed duplicate store only clears the bit; the backend keeps the old copy", () => {
  // mm/frontswap.c of 3.10 __frontswap_store(): `if (dup) __frontswap_clear(sis, offset)`
  const sim = new Simulation({ regime: "fake-poolid" });
  const spy = new SpyBackend("spy");
  sim.registerBackend(spy);
  sim.swapon(0, 8);
  sim.store(0, 1, "text");
  spy.refuseStores = true;
  assert.equal(sim.store(0, 1, "heap"), "rejected");
  assert.equal(spy.count("invalidate_page"), 0);
  assert.ok(spy.pages.has("s:0:1"), "unreachable old copy");
  assert.equal(sim.snapshot().swapTypes[0].pages, 0);
  assert.equal(sim.load(0, 1), "miss");
  assert.equal(sim.snapshot().integrity.stale_reads, 0);
});

Deno.test("issue 12: the 33rd shared mount of a backed uuid is uncached, and its writes leave the shared pool stale: a named cause", () => {
  const sim = new Simulation({ regime: "fake-poolid" });
  sim.registerBackend(new SpyBackend("tmem")); // shares one pool per uuid
  for (let i = 0; i < 32; i++) sim.mount(`s${i}`, { uuid: "c1" });
  sim.mount("late", { uuid: "c1" }); // no shared slot left: -1
  assert.equal(sim.snapshot().superblocks[32].state, "uncached");
  sim.put("s0", 1, 0);
  sim.write("late", 1, 0); // reaches no pool: nothing invalidated
  assert.equal(sim.get("s1", 1, 0), "hit");
  const i = sim.snapshot().integrity;
  assert.equal(i.stale_reads, 1);
  assert.equal(i.causes.uncached_sibling_of_shared_pool, 1);
  assert.deepEqual(sim.audit(), []);
});
