/**
 * `tmem` (src/backends/tmem.ts): Xen tmem as a guest's cleancache and
 * frontswap saw it, drivers/xen/tmem.c (v4.2.8; the same in 3.9-4.1); one
 * test per point of issue #14, the kernel function cited in each.
 */
import assert from "node:assert/strict";
import { createBackend } from "../../src/backends/catalog.ts";
import { XEN_MAX_POOLS } from "../../src/backends/tmem.ts";
import { samePage } from "../../src/content.ts";
import { out, page, RecordingHost } from "../helpers/backend_host.ts";

function tmem(opts: Record<string, unknown> = {}) {
  const b = createBackend("tmem", opts);
  b.attach(new RecordingHost());
  return { b, cc: b.cleancache, fs: b.frontswap };
}

Deno.test("tmem shares a pool by uuid and its gets keep the page (tmem_cleancache_init_shared_fs, TMEM_POOL_SHARED)", () => {
  const { b, cc } = tmem();
  const a = cc.initSharedFs("c1", 4096), c = cc.initSharedFs("c1", 4096);
  assert.equal(a, c, "one uuid, one pool");
  assert.notEqual(cc.initSharedFs("c2", 4096), a);
  cc.putPage(a, 1, 0, page("text"));
  assert.equal(cc.getPage(c, 1, 0, out()), true);
  assert.equal(cc.getPage(a, 1, 0, out()), true, "a shared pool's get is not exclusive");
  assert.equal(b.poolUsage(a)!.shared, true);
});

Deno.test("tmem private pools are exclusive (tmem_cleancache_init_fs: TMEM_POOL_PRIVATE_UUID)", () => {
  const { cc } = tmem();
  const p = cc.initFs(4096);
  cc.putPage(p, 1, 0, page("text"));
  assert.equal(cc.getPage(p, 1, 0, out()), true);
  assert.equal(cc.getPage(p, 1, 0, out()), false);
});

Deno.test("tmem flush_fs ignores a negative pool; a shared pool goes with its last sharer (tmem_cleancache_flush_fs)", () => {
  const { b, cc } = tmem();
  const a = cc.initSharedFs("c1", 4096);
  cc.initSharedFs("c1", 4096);
  cc.putPage(a, 1, 0, page("text"));
  cc.invalidateFs(-1);
  cc.invalidateFs(a);
  assert.equal(cc.getPage(a, 1, 0, out()), true, "the other sharer still uses it");
  cc.invalidateFs(a);
  assert.equal(b.stats().pools, 0);
});

Deno.test("tmem has one persistent pool for every swap type, made by the first init (tmem_frontswap_init)", () => {
  const { b, fs } = tmem();
  assert.equal(fs.store(0, 1, page("text")), false, "tmem_frontswap_store: pool < 0");
  assert.equal(b.lastResult().reason, "no_pool");
  fs.init(2);
  assert.equal(fs.store(0, 1, page("text")), true, "any type once the pool exists");
  fs.init(3);
  assert.equal(b.stats().pools, 1);
  assert.deepEqual(b.stats().debugfs, { frontswap_poolid: 0, failed_new_pool: 0 });
});

Deno.test("tmem pages are kept uncompressed: a frame each (the hypervisor's side is invisible)", () => {
  const { b, fs } = tmem();
  fs.init(0);
  const p = page("zero");
  fs.store(0, 1, p);
  assert.equal(b.lastResult().clen, 4096);
  const s = b.stats();
  assert.deepEqual([s.compressor, s.pool_total_size, s.same_filled_pages], ["none", 4096, 0]);
  const got = out();
  fs.load(0, 1, got);
  assert.ok(samePage(got, p));
});

Deno.test("tmem: the 17th pool of a domain fails, the frontswap pool included (xen_tmem_new_pool < 0)", () => {
  assert.equal(XEN_MAX_POOLS, 16);
  const { b, cc, fs } = tmem();
  fs.init(0);
  const ids = Array.from({ length: 16 }, () => cc.initFs(4096));
  assert.equal(ids[14], 15);
  assert.equal(ids[15], -1);
  assert.equal(b.stats().debugfs.failed_new_pool, 1);
});

Deno.test("tmem with a frame limit evicts cleancache pages; a persistent put with none to evict fails", () => {
  const { b, cc, fs } = tmem({ limit: 2 });
  const p = cc.initFs(4096);
  cc.putPage(p, 1, 0, page("text", 1));
  cc.putPage(p, 1, 1, page("text", 2));
  cc.putPage(p, 1, 2, page("text", 3)); // evicts the oldest
  assert.equal(cc.getPage(p, 1, 0, out()), false);
  assert.equal(b.stats().evicted_pages, 1);
  fs.init(0);
  assert.equal(fs.store(0, 1, page("heap")), true, "evicts another cleancache page");
  assert.equal(fs.store(0, 2, page("heap")), true);
  assert.equal(fs.store(0, 3, page("heap")), false, "only persistent pages left");
  assert.equal(b.lastResult().reason, "pool_full");
  assert.deepEqual(b.audit(), []);
});
