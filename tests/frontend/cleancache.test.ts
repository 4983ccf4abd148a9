/** CleancacheFrontend details beyond the checklist: init failures, shared slots, counting. */
import { createCleancache } from "../../src/regimes/mod.ts";
import assert from "node:assert/strict";
import { SpyBackend, superblock } from "../helpers/spy_backend.ts";

const page = new Uint8Array(4096).fill(1);
const out = new Uint8Array(4096);

Deno.test("deferred: a backend init_fs failure leaves -1, never retried", () => {
  const f = createCleancache("deferred");
  const a = superblock("a");
  f.initFs(a);
  const failing = new SpyBackend();
  failing.failInit = true;
  f.registerOps(failing);
  assert.equal(a.poolId, -1);
  assert.equal(f.state(a), "uncached");
  f.putPage(a, 1, 0, page);
  assert.equal(f.getPage(a, 1, 0, out), false);
  assert.deepEqual(f.counters, { succ_gets: 0, failed_gets: 0, puts: 0, invalidates: 0 });
  f.unregisterOps();
  const ok = new SpyBackend();
  f.registerOps(ok);
  assert.equal(ok.count("init_fs"), 0);
  assert.equal(a.poolId, -1);
});

Deno.test("fake-poolid: a failed init leaves the slot at -1, and the next registration retries it", () => {
  const f = createCleancache("fake-poolid");
  const a = superblock("a");
  f.initFs(a);
  const failing = new SpyBackend();
  failing.failInit = true;
  f.registerOps(failing);
  assert.equal(f.state(a), "pending");
  assert.equal(f.getPage(a, 1, 0, out), false);
  assert.equal(f.counters.failed_gets, 1, "3.10 counts a get on an unmapped fake id as failed");
  const ok = new SpyBackend();
  f.registerOps(ok);
  assert.equal(ok.count("init_fs"), 1);
  assert.equal(f.state(a), "backed");
});

Deno.test("fake-poolid: shared mounts of one uuid take their own slots and share one real pool", () => {
  const f = createCleancache("fake-poolid");
  const n1 = superblock("n1", "u"), n2 = superblock("n2", "u");
  f.initFs(n1);
  f.initFs(n2);
  assert.deepEqual([n1.poolId, n2.poolId], [2000, 2001]);
  const spy = new SpyBackend();
  f.registerOps(spy);
  assert.equal(spy.count("init_shared_fs u"), 2);
  assert.equal(f.realPoolId(n1), f.realPoolId(n2));
  f.putPage(n1, 3, 0, page);
  assert.equal(f.getPage(n2, 3, 0, out), true);
  f.invalidateFs(n1);
  const n3 = superblock("n3", "v");
  f.initFs(n3);
  assert.equal(n3.poolId, 2000, "the freed shared slot is reused");
});

Deno.test("invalidate counting: page invalidations reaching a backend only", () => {
  const f = createCleancache("deferred");
  const a = superblock("a");
  f.initFs(a);
  f.invalidatePage(a, 1, 0); // pending: skipped
  const spy = new SpyBackend();
  f.registerOps(spy);
  f.invalidatePage(a, 1, 0);
  f.invalidateInode(a, 1);
  f.invalidateFs(a);
  assert.equal(f.counters.invalidates, 1);
  assert.deepEqual(spy.calls.slice(1), [
    "invalidate_page 0 1 0",
    "invalidate_inode 0 1",
    "invalidate_fs 0",
  ]);
});
