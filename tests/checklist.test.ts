/**
 * semantics.md section 8: every checklist line as a named test, in each
 * regime it applies to. Line 22 (random sequences) is tests/property.test.ts.
 */
import assert from "node:assert/strict";
import { Simulation } from "../src/simulation.ts";
import { createCleancache, createFrontswap } from "../src/regimes/mod.ts";
import { STORE_OK } from "../src/frontend/frontswap.ts";
import { REGIMES } from "../src/regime.ts";
import { SpyBackend, superblock } from "./helpers/spy_backend.ts";

const page = new Uint8Array(4096).fill(7);
const out = new Uint8Array(4096);

function cc(sim: Simulation) {
  return sim.snapshot().cleancache;
}
function fs(sim: Simulation) {
  return sim.snapshot().frontswap;
}
function assertIntact(sim: Simulation) {
  const i = sim.snapshot().integrity;
  assert.equal(i.stale_reads, 0, "stale reads");
  assert.equal(i.lost_pages, 0, "lost pages");
  assert.deepEqual(sim.audit(), []);
}

Deno.test("checklist 1 (deferred): mount with no backend is pending; get misses and counts nothing", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("root");
  assert.deepEqual(cc(sim).pending, ["root"]);
  assert.equal(sim.snapshot().superblocks[0].poolId, -2);
  sim.put("root", 1, 0);
  assert.equal(sim.get("root", 1, 0), "miss");
  const c = cc(sim);
  assert.deepEqual([c.succ_gets, c.failed_gets, c.puts, c.invalidates], [0, 0, 0, 0]);
});

Deno.test("checklist 1 (deferred): a shared mount with no backend is pending with pool id -3", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("data", { uuid: "c0ffee" });
  assert.equal(sim.snapshot().superblocks[0].poolId, -3);
  assert.deepEqual(cc(sim).pending, ["data"]);
});

Deno.test("checklist 2 (deferred): register gives every pending superblock exactly one initFs", () => {
  const f = createCleancache("deferred");
  const a = superblock("a"), b = superblock("b"), s = superblock("s", "u1");
  for (const sb of [a, b, s]) f.initFs(sb);
  const spy = new SpyBackend();
  f.registerOps(spy);
  assert.equal(spy.count("init_fs"), 2);
  assert.equal(spy.count("init_shared_fs u1"), 1);
  assert.deepEqual([a.poolId, b.poolId, s.poolId], [0, 1, 2]);
  for (const sb of [a, b, s]) assert.equal(f.state(sb), "backed");

  const sim = new Simulation({ regime: "deferred" });
  sim.mount("a");
  sim.mount("b", { uuid: "u" });
  sim.register("zcache");
  assert.deepEqual(cc(sim).pending, []);
  assert.equal(cc(sim).pools, 2);
});

Deno.test("checklist 3 (deferred): umount before register makes no backend call and is not initialised", () => {
  const f = createCleancache("deferred");
  const a = superblock("a"), b = superblock("b");
  f.initFs(a);
  f.initFs(b);
  f.invalidateFs(a);
  const spy = new SpyBackend();
  f.registerOps(spy);
  assert.deepEqual(spy.calls, ["init_fs"]);
  assert.equal(a.poolId, -1);
  assert.equal(b.poolId, 0);
});

Deno.test("checklist 4 (deferred): second register -> cleancache refused (EBUSY, nothing changes there); frontswap stacks the new backend first", () => {
  // mm/cleancache.c of 4.1 cleancache_register_ops(): cmpxchg(&cleancache_ops, NULL, ops) -> -EBUSY;
  // mm/frontswap.c of 4.2 frontswap_register_ops(): init every active type, ops->next = frontswap_ops
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("root");
  sim.swapon(0, 16);
  sim.register("zcache");
  sim.put("root", 1, 0);
  const before = sim.snapshot();
  const r = sim.register("ram");
  assert.equal(r.cleancache, "refused");
  assert.equal(r.frontswap, "stacked");
  assert.match(r.note!, /frontswap stacked over zcache; cleancache refused: EBUSY/);
  const after = sim.snapshot();
  assert.deepEqual(after.cleancache, before.cleancache);
  assert.deepEqual(after.superblocks, before.superblocks);
  assert.equal(sim.backendName, "zcache", "zcache keeps cleancache");
  assert.deepEqual(sim.backendNames, ["ram", "zcache"], "newest first");
  assert.deepEqual(after.backends.map((b) => b.name), ["ram", "zcache"]);
  assert.equal(
    sim.store(0, 1, "random"),
    "stored",
    "ram, first in the list, takes what zcache refuses",
  );
  assert.equal(sim.load(0, 1), "hit");
  assertIntact(sim);
});

Deno.test("checklist 4 (eager): a second register is accepted (3.9 copies the ops over the old ones)", () => {
  // mm/cleancache.c of 3.9 cleancache_register_ops(): old = cleancache_ops; cleancache_ops = *ops; return old
  const sim = new Simulation({ regime: "eager" });
  sim.register("zcache");
  const r = sim.register("ram");
  assert.deepEqual([r.cleancache, r.frontswap], ["override", "override"]);
  assert.deepEqual(sim.backendNames, ["ram"]);
  assert.equal(sim.snapshot().integrity.backend_overrides, 1);
});

Deno.test("checklist 5 (fake-poolid): mounts get fake ids 1000, 1001...; shared mounts 2000+i", () => {
  const sim = new Simulation({ regime: "fake-poolid" });
  sim.mount("a");
  sim.mount("b");
  sim.mount("s", { uuid: "u1" });
  sim.mount("c");
  const ids = sim.snapshot().superblocks.map((s) => [s.name, s.fakeId, s.poolId]);
  assert.deepEqual(ids, [["a", 1000, 1000], ["b", 1001, 1001], ["s", 2000, 2000], [
    "c",
    1002,
    1002,
  ]]);
  assert.deepEqual(cc(sim).pending, ["a", "b", "s", "c"]);
  sim.register("zcache");
  const real = sim.snapshot().superblocks.map((s) => s.realPoolId);
  assert.deepEqual(real, [0, 2, 1, 3]); // registration walks slot i: fs then shared
  assert.deepEqual(
    sim.snapshot().superblocks.map((s) => s.fakeId),
    [1000, 1001, 2000, 1002],
  );
});

Deno.test("checklist 6 (fake-poolid): the 33rd concurrent mount is never cached, even after register", () => {
  const sim = new Simulation({ regime: "fake-poolid" });
  for (let i = 0; i < 33; i++) sim.mount(`fs${i}`);
  assert.deepEqual(cc(sim).uncached, ["fs32"]);
  assert.equal(cc(sim).pending.length, 32);
  sim.register("ram"); // zcache has 16 pools per client: ram shows the 32 slots alone
  assert.deepEqual(cc(sim).uncached, ["fs32"]);
  assert.equal(cc(sim).pools, 32);
  sim.put("fs32", 1, 0);
  assert.equal(sim.get("fs32", 1, 0), "miss");
  const c = cc(sim);
  assert.equal(c.puts, 0);
  assert.equal(c.failed_gets, 0);
  sim.put("fs0", 1, 0);
  assert.equal(sim.get("fs0", 1, 0), "hit");
});

Deno.test("checklist 7 (fake-poolid): put with no backend counts puts and stores nothing; get counts failed_gets", () => {
  const sim = new Simulation({ regime: "fake-poolid" });
  sim.mount("root");
  sim.put("root", 1, 0);
  sim.put("root", 1, 1);
  assert.equal(cc(sim).puts, 2);
  assert.equal(sim.get("root", 1, 0), "miss");
  assert.equal(cc(sim).failed_gets, 1);
  sim.invalidate("root", 1, 1);
  assert.equal(cc(sim).invalidates, 0);
  sim.register("zcache");
  assert.equal(sim.get("root", 1, 1), "miss", "nothing was stored before registration");
  assert.equal(sim.snapshot().backend!.stored_pages, 0);
});

Deno.test("checklist 8 (fake-poolid): umount frees the slot for the next mount", () => {
  const sim = new Simulation({ regime: "fake-poolid" });
  for (let i = 0; i < 32; i++) sim.mount(`fs${i}`);
  sim.umount("fs5");
  sim.mount("late");
  const late = sim.snapshot().superblocks.find((s) => s.name === "late")!;
  assert.equal(late.fakeId, 1005);
  assert.equal(late.state, "pending");
  // with a backend, umount also destroys the real pool
  const f = createCleancache("fake-poolid");
  const spy = new SpyBackend();
  f.registerOps(spy);
  const a = superblock("a");
  f.initFs(a);
  f.invalidateFs(a);
  assert.deepEqual(spy.calls, ["init_fs", "invalidate_fs 0"]);
});

Deno.test("checklist 9 (eager): a mount before register is never cached after register", () => {
  const sim = new Simulation({ regime: "eager" });
  sim.mount("early");
  assert.deepEqual(cc(sim).uncached, ["early"]);
  sim.register("zcache");
  sim.mount("late");
  assert.deepEqual(cc(sim).uncached, ["early"]);
  sim.put("early", 1, 0);
  sim.put("late", 1, 0);
  assert.equal(sim.get("early", 1, 0), "miss");
  assert.equal(sim.get("late", 1, 0), "hit");
  const c = cc(sim);
  assert.deepEqual([c.puts, c.succ_gets, c.failed_gets], [1, 1, 0]);
});

Deno.test("checklist 13 (eager): a swapon before register has no map, yet its stores reach the backend (failed_stores)", () => {
  // mm/swapfile.c of 3.9 sys_swapon(): a frontswap_map only if frontswap_enabled;
  // include/linux/frontswap.h of 3.9 frontswap_store(): checks frontswap_enabled only
  const sim = new Simulation({ regime: "eager" });
  sim.swapon(0, 8);
  sim.register("ram"); // refuses a swap type it was never told about
  assert.deepEqual(fs(sim).uncached, [0]);
  assert.equal(sim.store(0, 1, "text"), "rejected");
  assert.equal(fs(sim).failed_stores, 1);
  assert.equal(sim.snapshot().swapTypes[0].disk_writes, 1, "the page went to disk");
  assert.equal(sim.load(0, 1), "miss");
  assertIntact(sim);
});

for (const regime of REGIMES) {
  Deno.test(`checklist 10 (${regime}): put A, put B, get -> B; put A, put B refused, get -> miss, never A`, () => {
    const sim = new Simulation({ regime });
    sim.register("ram", { limit: 1 });
    sim.mount("root");
    sim.put("root", 1, 0, "text");
    sim.put("root", 1, 0, "records");
    assert.equal(sim.get("root", 1, 0), "hit");
    sim.mount("other");
    sim.put("root", 2, 0, "text");
    sim.put("other", 2, 0, "text"); // the only frame: root's copy is evicted
    assert.equal(sim.get("root", 2, 0), "miss");
    assertIntact(sim);
    assert.equal(sim.snapshot().integrity.verified_reads, 1);
  });

  // drivers/staging/zcache/zcache-main.c `zcache_put_page` creates the new pampd first and
  // tmem.c `tmem_put` flushes the older copy only once it exists: a refused put keeps A,
  // so the next get returns A (a stale read, caught by the oracle; semantics.md line 10
  // holds for ram and tmem, not for staging zcache).
  Deno.test(`checklist 10 (${regime}, zcache): a refused put leaves the older copy readable`, () => {
    const sim = new Simulation({ regime });
    sim.register("zcache");
    sim.mount("root");
    sim.put("root", 2, 0, "text");
    sim.put("root", 2, 0, "random"); // incompressible: refused
    assert.equal(sim.snapshot().backend!.reject_compress_poor, 1);
    assert.equal(sim.get("root", 2, 0), "hit");
    assert.equal(sim.snapshot().integrity.stale_reads, 1);
    assert.equal(sim.snapshot().integrity.causes.refused_put_kept_older_copy, 1);
    assert.deepEqual(sim.audit(), []);
  });

  Deno.test(`checklist 11 (${regime}): private pool gets are exclusive; shared pool gets are not`, () => {
    const sim = new Simulation({ regime });
    sim.register("tmem"); // drivers/xen/tmem.c shares by uuid (zcache maps to private pools)
    sim.mount("priv");
    sim.mount("node1", { uuid: "cluster" });
    sim.mount("node2", { uuid: "cluster" });
    sim.put("priv", 1, 0);
    assert.equal(sim.get("priv", 1, 0), "hit");
    assert.equal(sim.get("priv", 1, 0), "miss");
    sim.put("node1", 1, 0);
    assert.equal(sim.get("node1", 1, 0), "hit");
    assert.equal(sim.get("node1", 1, 0), "hit");
    assert.equal(sim.get("node2", 1, 0), "hit", "one shared pool for one uuid");
    assertIntact(sim);
  });

  Deno.test(`checklist 12 (${regime}): invalidate page/inode/fs -> misses; only page invalidation counts`, () => {
    const sim = new Simulation({ regime });
    sim.register("zcache");
    sim.mount("root");
    for (let i = 0; i < 4; i++) sim.put("root", 1, i);
    sim.put("root", 2, 0);
    sim.invalidate("root", 1, 0);
    assert.equal(sim.get("root", 1, 0), "miss");
    assert.equal(cc(sim).invalidates, 1);
    sim.invalidate("root", 1);
    for (let i = 1; i < 4; i++) assert.equal(sim.get("root", 1, i), "miss");
    assert.equal(cc(sim).invalidates, 1, "inode invalidation is not counted");
    sim.umount("root");
    sim.mount("root");
    assert.equal(sim.get("root", 2, 0), "miss", "umount dropped the pool");
    assert.equal(cc(sim).invalidates, 1, "fs invalidation is not counted");
    assert.equal(sim.snapshot().backend!.stored_pages, 0);
  });
}

for (const regime of ["fake-poolid", "deferred"] as const) {
  Deno.test(`checklist 13 (${regime}): swapon with no backend is pending; store goes to disk, nothing counted`, () => {
    const sim = new Simulation({ regime });
    sim.swapon(3, 8);
    assert.deepEqual(fs(sim).pending, [3]);
    assert.equal(sim.store(3, 0, "heap"), "rejected");
    const f = fs(sim);
    assert.deepEqual([f.succ_stores, f.failed_stores, f.loads, f.invalidates], [0, 0, 0, 0]);
    assert.equal(sim.snapshot().swapTypes[0].disk_writes, 1);
    assert.equal(sim.load(3, 0), "miss");
    assertIntact(sim);
  });

  Deno.test(`checklist 14 (${regime}): register inits each pending type once; earlier pages still load from disk`, () => {
    const f = createFrontswap(regime);
    f.init(0, 8);
    f.init(5, 8);
    const spy = new SpyBackend();
    f.registerOps(spy.frontswap);
    assert.deepEqual(spy.calls, ["init 0", "init 5"]);

    const sim = new Simulation({ regime });
    sim.swapon(0, 8);
    sim.swapon(1, 8);
    sim.store(0, 2, "records");
    sim.register("zcache");
    assert.deepEqual(fs(sim).pending, []);
    assert.equal(sim.load(0, 2), "miss");
    assert.equal(sim.store(1, 0, "records"), "stored");
    assert.equal(sim.load(1, 0), "hit");
    assertIntact(sim);
    assert.equal(sim.snapshot().integrity.verified_reads, 2);
  });
}

/** Whether a duplicate store reaches the backend over its old copy, per release. */
const DUPLICATE_REACHES_BACKEND = { eager: 1, "fake-poolid": 1, deferred: 0 };

for (const regime of REGIMES) {
  Deno.test(`checklist 15 (${regime}): a refused duplicate store never lets the old copy load`, () => {
    const sim = new Simulation({ regime });
    sim.register("zcache");
    sim.swapon(0, 8);
    assert.equal(sim.store(0, 1, "text"), "stored");
    assert.equal(sim.store(0, 1, "random"), "rejected");
    // zcache-main.c: a refused page never reaches `tmem_put`, so no duplicate is replaced,
    // whether the frontswap of the release hands the duplicate on (3.9/3.10) or
    // invalidates the old copy first (4.2)
    assert.equal(sim.snapshot().backend!.duplicate_entry, 0);
    assert.equal(sim.load(0, 1), "miss");
    assert.equal(fs(sim).pages, 0);
    assertIntact(sim);
    // a duplicate that is stored: tmem.c `tmem_put` flushes the old copy, if it reached zcache
    assert.equal(sim.store(0, 2, "text"), "stored");
    assert.equal(sim.store(0, 2, "records"), "stored");
    assert.equal(sim.snapshot().backend!.duplicate_entry, DUPLICATE_REACHES_BACKEND[regime]);
    assertIntact(sim);
  });

  Deno.test(`checklist 16 (${regime}): a load with the bit clear never calls the backend; loads counts successes`, () => {
    const f = createFrontswap(regime);
    const spy = new SpyBackend();
    f.registerOps(spy.frontswap);
    f.init(0, 8);
    assert.equal(f.load(0, 3, out), false);
    assert.equal(spy.count("load"), 0);
    assert.equal(f.store(0, 3, page), STORE_OK);
    assert.equal(f.load(0, 3, out), true);
    assert.equal(spy.count("load"), 1);
    spy.pages.clear(); // the backend lost it: the bit is set, the load fails
    assert.equal(f.load(0, 3, out), false);
    assert.equal(f.counters.loads, 1);
  });

  Deno.test(`checklist 17 (${regime}): swapoff swaps every used slot in (loads) and frees it (invalidates), then empties the type`, () => {
    // mm/swapfile.c sys_swapoff(): try_to_unuse(type, false, 0) before frontswap_invalidate_area()
    const sim = new Simulation({ regime });
    // without exclusive gets (zcache's nofrontswapexclusivegets): the loads leave the bits
    // set, so the frees invalidate them (zcache-main.c turns exclusive gets on by default)
    sim.register("zcache", { exclusive_gets: false });
    sim.swapon(0, 8);
    sim.store(0, 0, "text");
    sim.store(0, 1, "heap");
    sim.store(0, 2, "random"); // refused: on disk only
    const before = fs(sim);
    sim.swapoff(0);
    const after = fs(sim);
    assert.equal(sim.snapshot().backend!.frontswap_pages, 0);
    assert.deepEqual(
      [after.loads, after.succ_stores, after.failed_stores, after.invalidates],
      [before.loads + 2, before.succ_stores, before.failed_stores, before.invalidates + 2],
    );
    assert.deepEqual(after.active, []);
    assertIntact(sim);
    assert.equal(sim.snapshot().integrity.verified_reads, 3);
  });
}

Deno.test("checklist 17 (fake-poolid): swapoff with no backend clears the need_init bit", () => {
  const f = createFrontswap("fake-poolid");
  f.init(2, 8);
  f.init(4, 8);
  f.invalidateArea(2);
  const spy = new SpyBackend();
  f.registerOps(spy.frontswap);
  assert.deepEqual(spy.calls, ["init 4"]);
});

/** What waits for the next backend after an unregister (ours): 3.9 never inits later. */
const PENDING_AFTER_UNREGISTER = { eager: [], "fake-poolid": [0], deferred: [0] };

for (const regime of REGIMES) {
  Deno.test(`checklist 18 (${regime}): unregister writes back every frontswap page; later loads read the right data`, () => {
    const sim = new Simulation({ regime });
    sim.register("zcache");
    sim.swapon(0, 64);
    const classes = ["zero", "same", "text", "records", "heap"] as const;
    for (let i = 0; i < 40; i++) sim.store(0, i, classes[i % classes.length]);
    const held = fs(sim).pages;
    assert.equal(held, 40);
    sim.unregister();
    const f = fs(sim);
    assert.equal(f.written_back_pages, 40);
    assert.equal(f.pages, 0);
    assert.deepEqual(f.pending, PENDING_AFTER_UNREGISTER[regime]);
    for (let i = 0; i < 40; i++) assert.equal(sim.load(0, i), "miss");
    assert.equal(sim.snapshot().integrity.verified_reads, 40);
    assertIntact(sim);
    assert.equal(sim.snapshot().backend, null);
  });
}

Deno.test("checklist 19: a same-filled page takes no pool bytes and loads back exactly", () => {
  const sim = new Simulation();
  sim.register("zswap"); // mm/zswap.c (4.16+) `zswap_is_page_same_filled`
  sim.swapon(0, 8);
  assert.equal(sim.store(0, 0, "zero"), "stored");
  assert.equal(sim.store(0, 1, "same"), "stored");
  const b = sim.snapshot().backend!;
  assert.equal(b.same_filled_pages, 2);
  assert.equal(b.pool_total_size, 0);
  assert.equal(b.compressed_bytes, 0);
  assert.equal(sim.load(0, 0), "hit");
  assert.equal(sim.load(0, 1), "hit");
  assertIntact(sim);
  assert.equal(sim.snapshot().integrity.verified_reads, 2);
});

Deno.test("checklist 20: an incompressible page is rejected and written to disk", () => {
  const sim = new Simulation();
  sim.register("zcache");
  sim.swapon(0, 8);
  assert.equal(sim.store(0, 0, "random"), "rejected");
  const s = sim.snapshot();
  assert.equal(s.backend!.reject_compress_poor, 1);
  assert.equal(s.frontswap.failed_stores, 1);
  assert.equal(s.swapTypes[0].disk_writes, 1);
  assert.equal(sim.load(0, 0), "miss");
  assertIntact(sim);
});

Deno.test("checklist 21: pool full evicts cleancache pages; later gets miss, data intact", () => {
  const sim = new Simulation();
  sim.register("zcache", { limit: 4 });
  sim.mount("root");
  for (let i = 0; i < 40; i++) sim.put("root", 1, i, "text");
  const b = sim.snapshot().backend!;
  assert.ok(b.pool_total_size <= 4 * 4096);
  assert.ok(b.evicted_pages > 0);
  assert.ok(b.pool_limit_hit > 0);
  assert.equal(sim.get("root", 1, 0), "miss", "oldest evicted");
  assert.equal(sim.get("root", 1, 39), "hit", "newest kept");
  assertIntact(sim);
});

Deno.test("checklist 21: pool full rejects frontswap stores without writeback; the disk has them", () => {
  const sim = new Simulation();
  sim.register("zcache", { limit: 3, writeback: false });
  sim.swapon(0, 64);
  const results = [];
  for (let i = 0; i < 30; i++) results.push(sim.store(0, i, "heap"));
  assert.ok(results.includes("rejected"));
  const b = sim.snapshot().backend!;
  assert.ok(b.pool_limit_hit > 0);
  assert.equal(b.written_back_pages, 0);
  for (let i = 0; i < 30; i++) sim.load(0, i);
  assertIntact(sim);
  assert.equal(sim.snapshot().integrity.verified_reads, 30);
});

Deno.test("checklist 21: pool full with writeback writes the oldest frontswap pages to their slots", () => {
  // mm/zswap.c `zswap_frontswap_store` (4.2): full -> `zpool_shrink` -> `zswap_writeback_entry`
  const sim = new Simulation();
  sim.register("zswap", { limit: 3, full: "reclaim" });
  sim.swapon(0, 64);
  for (let i = 0; i < 30; i++) assert.equal(sim.store(0, i, "heap"), "stored");
  const s = sim.snapshot();
  assert.ok(s.backend!.written_back_pages > 0);
  assert.equal(s.frontswap.written_back_pages, s.backend!.written_back_pages);
  // the kernel never tells frontswap about a writeback: the bits stay set
  assert.equal(s.frontswap.pages, 30);
  assert.equal(s.backend!.frontswap_pages, 30 - s.backend!.written_back_pages);
  assert.equal(sim.load(0, 0), "miss", "the oldest went to disk");
  assert.equal(sim.load(0, 29), "hit");
  for (let i = 1; i < 29; i++) sim.load(0, i);
  assertIntact(sim);
  assert.equal(sim.snapshot().integrity.verified_reads, 30);
});
