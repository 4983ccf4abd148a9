/**
 * Regime `eager` (Linux 3.9, src/regimes/eager.ts): issue #8 behaviours 1-3,
 * and its parts of 6, 7 and 9, each read from v3.9.6's mm/cleancache.c,
 * mm/frontswap.c, include/linux/frontswap.h and mm/swapfile.c.
 */
import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { SpyBackend } from "../helpers/spy_backend.ts";

function events(sim: Simulation): string[] {
  return sim.snapshot().events.map((e) => e.text);
}

Deno.test("behaviour 1 (eager): a second register is accepted; pool ids collide, an old umount destroys a new pool, the first backend's swap pages are lost", () => {
  // mm/cleancache.c cleancache_register_ops(): old = cleancache_ops; cleancache_ops = *ops; return old
  // mm/frontswap.c frontswap_register_ops(): the same, and no init() for any type
  const sim = new Simulation({ regime: "eager" });
  const first = new SpyBackend("first"), second = new SpyBackend("second");
  sim.registerBackend(first);
  sim.mount("home"); // pool 0 of the first backend
  sim.swapon(0, 8); // a map, init(0) to the first backend
  assert.equal(sim.store(0, 1, "text"), "stored");
  const r = sim.registerBackend(second);
  assert.deepEqual([r.cleancache, r.frontswap], ["override", "override"]);
  assert.match(r.note!, /accepted OVER first/);
  assert.equal(second.count("init"), 0, "3.9 tells the new backend about no swap type");
  sim.mount("var"); // the second backend hands out pool 0 again
  const sbs = sim.snapshot().superblocks;
  assert.deepEqual(sbs.map((s) => [s.name, s.poolId, s.state]), [
    ["home", 0, "backed"],
    ["var", 0, "backed"],
  ]);
  // a get can return another filesystem's page
  sim.put("var", 1, 0, "text");
  sim.put("home", 1, 0, "records"); // home's id 0 now reaches the second backend's pool 0
  assert.equal(sim.get("var", 1, 0), "hit");
  let s = sim.snapshot();
  assert.equal(s.integrity.backend_overrides, 1);
  assert.equal(s.integrity.causes.override, 1);
  assert.ok(events(sim).some((t) => /^STALE \(override\): get var 1 0/.test(t)));
  // umount of the old superblock calls the NEW backend's invalidate_fs on its id
  sim.umount("home");
  assert.ok(second.calls.includes("invalidate_fs 0"), "var's pool destroyed by home's umount");
  assert.equal(first.count("invalidate_fs"), 0);
  // frontswap pages held by the first backend can no longer be loaded
  assert.equal(sim.load(0, 1), "miss");
  assert.ok(second.calls.includes("load 0 1"), "the bit sends the load to the second backend");
  s = sim.snapshot();
  assert.equal(s.integrity.lost_pages, 1);
  assert.equal(s.integrity.causes.override, 2);
  assert.equal(s.integrity.causes.unexplained, 0);
  assert.deepEqual(sim.audit(), []);
});

Deno.test("behaviour 2 (eager): a swap type enabled before the first registration has no map; a backend refusing unknown types fails its stores", () => {
  // mm/swapfile.c sys_swapon(): `if (frontswap_enabled) frontswap_map = vzalloc(...)`
  // include/linux/frontswap.h frontswap_store(): `if (frontswap_enabled) __frontswap_store(page)`
  const sim = new Simulation({ regime: "eager" });
  sim.swapon(0, 8);
  const ram = new SpyBackend("ram", { swapTypes: "told" });
  sim.registerBackend(ram);
  assert.equal(sim.store(0, 1, "text"), "rejected");
  assert.ok(ram.calls.includes("store 0 1"), "the store reached the backend");
  const s = sim.snapshot();
  assert.equal(s.frontswap.failed_stores, 1);
  assert.equal(s.swapTypes[0].disk_writes, 1, "the page went to disk");
  assert.equal(sim.load(0, 1), "miss");
  assert.equal(sim.snapshot().integrity.verified_reads, 1);
  assert.deepEqual(sim.audit(), []);
});

Deno.test("behaviour 2 (eager): with a one-pool backend (zcache, Xen tmem) stores fail until a later swapon creates the pool, then a page is lost", () => {
  // drivers/staging/zcache/zcache-main.c of 3.9: zcache_frontswap_init() creates the one pool
  // (zcache_frontswap_poolid) for every type; 3.9 calls it only for a type with a map
  const sim = new Simulation({ regime: "eager" });
  sim.swapon(0, 8); // before any backend: no map
  const zc = new SpyBackend("zcache", { swapTypes: "one-pool" });
  sim.registerBackend(zc);
  assert.equal(sim.store(0, 1, "text"), "rejected", "no pool yet: the store fails");
  assert.equal(sim.snapshot().frontswap.failed_stores, 1);
  sim.swapon(1, 8); // after the registration: a map, init(1) creates the one pool
  assert.ok(zc.calls.includes("init 1"));
  assert.equal(sim.store(0, 2, "heap"), "stored", "now the early type's store succeeds");
  let s = sim.snapshot();
  const t0 = s.swapTypes.find((t) => t.type === 0)!;
  assert.equal(t0.succ_stores, 1);
  assert.equal(t0.pages, 1, "frontswap_pages is incremented with no bit to record it");
  assert.equal(t0.disk_writes, 1, "only the refused store reached the disk");
  assert.equal(s.integrity.lost_pages, 1, "the oracle counts the loss at once");
  assert.ok(
    events(sim).some((t) => /^LOST \(eager_unmapped_swap_store\): store type 0 offset 2 /.test(t)),
  );
  assert.ok(events(sim).some((t) => /KERNEL BUG: swap type 0 has no frontswap map/.test(t)));
  // the next swap-in finds no bit and reads the stale slot
  assert.equal(sim.load(0, 2), "miss");
  assert.equal(zc.count("load 0 2"), 0, "no bit: the backend is never asked");
  s = sim.snapshot();
  assert.equal(s.integrity.stale_reads, 1);
  assert.equal(s.integrity.causes.eager_unmapped_swap_store, 1);
  assert.equal(s.integrity.lost_pages, 1);
  assert.deepEqual(sim.audit(), [], "an explained loss is no audit problem");
});

Deno.test("behaviour 3 (eager): exclusive loads clear the bit without decrementing frontswap_pages (3.7-3.9 bug)", () => {
  // include/linux/frontswap.h of 3.9 frontswap_clear(): clear_bit only;
  // mm/frontswap.c of 3.9 __frontswap_load(): `frontswap_clear(sis, offset)` on an exclusive get
  const sim = new Simulation({ regime: "eager" });
  // staging zcache turns exclusive gets on itself at init
  sim.registerBackend(new SpyBackend("zcache", { exclusiveGets: true }));
  sim.swapon(0, 8);
  sim.store(0, 1, "text");
  sim.store(0, 2, "text");
  assert.equal(sim.load(0, 1), "hit");
  let t = sim.snapshot().swapTypes[0];
  assert.equal(t.pages, 2, "one bit left, frontswap_pages still 2");
  assert.deepEqual(sim.audit(), [], "the reproduced over-count is accounted for");
  assert.ok(
    events(sim).some((e) => /KERNEL BUG: frontswap_pages of swap type 0 over-counts/.test(e)),
  );
  sim.free(0, 1); // bit already clear: no invalidate, nothing decremented
  t = sim.snapshot().swapTypes[0];
  assert.deepEqual([t.pages, t.invalidates], [2, 0]);
  assert.equal(sim.load(0, 2), "hit");
  assert.equal(sim.snapshot().swapTypes[0].pages, 2);
});

Deno.test("behaviour 3: 3.10 fixed the over-count (fake-poolid decrements on an exclusive load)", () => {
  // mm/frontswap.c of 3.10 __frontswap_load(): __frontswap_clear() = clear_bit + atomic_dec
  const sim = new Simulation({ regime: "fake-poolid" });
  sim.registerBackend(new SpyBackend("zcache", { exclusiveGets: true }));
  sim.swapon(0, 8);
  sim.store(0, 1, "text");
  assert.equal(sim.load(0, 1), "hit");
  assert.equal(sim.snapshot().swapTypes[0].pages, 0);
});

Deno.test("behaviour 7 (eager): a failed init_fs stores its negative result: uncached for good", () => {
  // mm/cleancache.c of 3.9 __cleancache_init_fs(): sb->cleancache_poolid = init_fs(PAGE_SIZE)
  const sim = new Simulation({ regime: "eager" });
  const spy = new SpyBackend("spy");
  spy.failInit = true;
  sim.registerBackend(spy);
  sim.mount("root");
  const sb = sim.snapshot().superblocks[0];
  assert.deepEqual([sb.poolId, sb.state], [-1, "uncached"]);
  sim.put("root", 1, 0);
  assert.equal(spy.count("put"), 0);
});

Deno.test("behaviour 9 (eager): a failed duplicate store only clears the bit; the backend keeps the old copy, unreachable", () => {
  // mm/frontswap.c of 3.9 __frontswap_store(): `if (dup) __frontswap_clear(sis, offset)`, no invalidate
  const sim = new Simulation({ regime: "eager" });
  const spy = new SpyBackend("spy");
  sim.registerBackend(spy);
  sim.swapon(0, 8);
  sim.store(0, 1, "text");
  spy.refuseStores = true;
  assert.equal(sim.store(0, 1, "heap"), "rejected");
  assert.equal(spy.count("invalidate_page"), 0, "3.9 tells the backend nothing");
  assert.ok(spy.pages.has("s:0:1"), "the old copy stays in the backend");
  const t = sim.snapshot().swapTypes[0];
  assert.deepEqual([t.pages, t.failed_stores], [0, 1]);
  assert.equal(sim.load(0, 1), "miss", "the bit is clear: the new page comes from disk");
  assert.equal(sim.snapshot().integrity.stale_reads, 0);
});
