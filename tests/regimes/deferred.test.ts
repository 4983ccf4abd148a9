/**
 * Regime `deferred` (Linux 4.1 cleancache, 4.2 frontswap,
 * src/regimes/deferred.ts): issue #8 behaviour 5, and its parts of 7, 8 and
 * 9, each read from v4.1.15's mm/cleancache.c and v4.2.8's mm/frontswap.c.
 */
import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { createCleancache, createFrontswap } from "../../src/regimes/mod.ts";
import { SpyBackend, superblock } from "../helpers/spy_backend.ts";

Deno.test("behaviour 5 (deferred): a second register stacks for frontswap while its cleancache half is refused", () => {
  // mm/cleancache.c of 4.1 cleancache_register_ops(): -EBUSY; mm/frontswap.c of 4.2
  // frontswap_register_ops(): init() for every active type, then at the head of the list
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("root");
  sim.swapon(0, 8);
  const zc = new SpyBackend("zcache", { swapTypes: "told" });
  sim.registerBackend(zc);
  sim.store(0, 1, "text"); // held by zcache
  const tmem = new SpyBackend("tmem", { swapTypes: "told" });
  const r = sim.registerBackend(tmem);
  assert.deepEqual([r.cleancache, r.frontswap], ["refused", "stacked"]);
  assert.equal(
    r.note,
    "frontswap stacked over zcache; cleancache refused: EBUSY (zcache keeps it)",
  );
  assert.deepEqual(tmem.calls, ["init 0"], "told about every active type, no init_fs");
  assert.equal(sim.backendName, "zcache");
  assert.deepEqual(sim.backendNames, ["tmem", "zcache"]);
  // stores try the backends newest first until one succeeds
  assert.equal(sim.store(0, 2, "text"), "stored");
  assert.ok(tmem.pages.has("s:0:2") && !zc.pages.has("s:0:2"));
  tmem.refuseStores = true;
  assert.equal(sim.store(0, 3, "text"), "stored", "tmem refuses, zcache takes it");
  assert.deepEqual(tmem.calls.slice(-1), ["store 0 3"]);
  assert.ok(zc.pages.has("s:0:3"));
  tmem.refuseStores = false;
  // loads try each backend in order
  assert.equal(sim.load(0, 1), "hit");
  assert.ok(tmem.calls.includes("load 0 1") && zc.calls.includes("load 0 1"));
  // invalidate_page goes to every backend
  sim.free(0, 2);
  assert.ok(tmem.calls.includes("invalidate_page 0 2") && zc.calls.includes("invalidate_page 0 2"));
  // unregister NAME: only that backend's frontswap pages are written back
  sim.unregister("zcache");
  assert.deepEqual(sim.backendNames, ["tmem"]);
  const s = sim.snapshot();
  assert.equal(s.frontswap.written_back_pages, 2, "slots 1 and 3 were zcache's");
  assert.deepEqual(s.cleancache.pending, ["root"], "zcache held cleancache: root waits again");
  assert.equal(sim.load(0, 1), "miss", "written back: from disk");
  assert.equal(sim.load(0, 3), "miss");
  assert.equal(sim.snapshot().integrity.stale_reads, 0);
  assert.deepEqual(sim.audit(), []);
  // the next cleancache registration is accepted again
  const ram = new SpyBackend("ram");
  assert.equal(sim.registerBackend(ram).cleancache, "registered");
  assert.deepEqual(sim.snapshot().cleancache.pending, []);
});

Deno.test("behaviour 5 (deferred): plain unregister takes the newest; its pages only are written back", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.swapon(0, 8);
  const a = new SpyBackend("a"), b = new SpyBackend("b");
  sim.registerBackend(a);
  sim.store(0, 0, "text"); // in a
  sim.registerBackend(b);
  sim.store(0, 1, "text"); // in b
  sim.unregister();
  assert.deepEqual(sim.backendNames, ["a"]);
  assert.equal(sim.snapshot().frontswap.written_back_pages, 1);
  assert.equal(sim.load(0, 0), "hit", "a still holds its page, its bit still set");
  assert.equal(sim.load(0, 1), "miss");
  assert.equal(sim.snapshot().integrity.stale_reads, 0);
});

Deno.test("behaviour 7 (deferred): a failed init leaves the superblock uncached for good", () => {
  // mm/cleancache.c of 4.1 __cleancache_init_fs(): `if (pool_id < 0) pool_id = CLEANCACHE_NO_POOL`
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("root"); // pending (-2)
  const bad = new SpyBackend("bad");
  bad.failInit = true;
  sim.registerBackend(bad);
  const sb = sim.snapshot().superblocks[0];
  assert.deepEqual([sb.poolId, sb.state], [-1, "uncached"]);
  assert.deepEqual(sim.snapshot().cleancache.uncached, ["root"]);
  sim.unregister();
  sim.registerBackend(new SpyBackend("good"));
  assert.equal(sim.snapshot().superblocks[0].state, "uncached", "never retried");
});

Deno.test("behaviour 8 (deferred): init_shared_fs gets the uuid; sharing is the backend's decision", () => {
  // mm/cleancache.c of 4.1 __cleancache_init_shared_fs(): init_shared_fs(sb->s_uuid, PAGE_SIZE)
  for (const [privateShared, samePool] of [[false, true], [true, false]] as const) {
    const f = createCleancache("deferred");
    const n1 = superblock("n1", "c1"), n2 = superblock("n2", "c1");
    f.initFs(n1);
    f.initFs(n2);
    assert.deepEqual([n1.poolId, n2.poolId], [-3, -3]);
    const spy = new SpyBackend("spy", { privateShared });
    f.registerOps(spy);
    assert.deepEqual(spy.calls, ["init_shared_fs c1", "init_shared_fs c1"]);
    assert.equal(n1.poolId === n2.poolId, samePool);
  }
});

Deno.test("behaviour 9 (deferred): a duplicate store clears the bit and invalidates the old copy in every backend first", () => {
  // mm/frontswap.c of 4.2 __frontswap_store(): `if (__frontswap_test(sis, offset)) {
  // __frontswap_clear(sis, offset); for_each_frontswap_ops(ops) ops->invalidate_page(type, offset); }`
  const fs = createFrontswap("deferred");
  const a = new SpyBackend("a"), b = new SpyBackend("b");
  fs.registerOps(a.frontswap);
  fs.registerOps(b.frontswap);
  fs.init(0, 8);
  const page = new Uint8Array(4096).fill(1);
  fs.store(0, 1, page);
  b.refuseStores = true;
  a.refuseStores = true;
  fs.store(0, 1, page.fill(2));
  assert.deepEqual(b.calls.slice(-2), ["invalidate_page 0 1", "store 0 1"]);
  assert.deepEqual(a.calls.slice(-2), ["invalidate_page 0 1", "store 0 1"]);
  assert.equal(a.pages.has("s:0:1") || b.pages.has("s:0:1"), false, "no old copy anywhere");
  assert.equal(fs.area(0)!.pages, 0);
});
