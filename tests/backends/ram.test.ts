/**
 * `ram` (src/backends/ram.ts): the reference backend (ours, no kernel
 * source): everything accepted, uncompressed, one frame per page; a swap
 * type never told `init` is refused.
 */
import assert from "node:assert/strict";
import { createBackend } from "../../src/backends/catalog.ts";
import { CONTENT_CLASSES, samePage } from "../../src/content.ts";
import { Simulation } from "../../src/simulation.ts";
import { out, page, RecordingHost } from "../helpers/backend_host.ts";

Deno.test("ram accepts every page of every class, uncompressed, one frame each", () => {
  const b = createBackend("ram");
  b.attach(new RecordingHost());
  const p = b.cleancache.initFs(4096);
  b.frontswap.init(0);
  CONTENT_CLASSES.forEach((cls, i) => {
    b.cleancache.putPage(p, 1, i, page(cls, i + 1));
    assert.deepEqual(b.lastResult(), { clen: 4096, reason: null }, cls);
    assert.equal(b.frontswap.store(0, i, page(cls, i + 1)), true, cls);
  });
  const n = CONTENT_CLASSES.length;
  assert.equal(b.stats().pool_total_size, 2 * n * 4096);
  CONTENT_CLASSES.forEach((cls, i) => {
    const got = out();
    assert.equal(b.frontswap.load(0, i, got), true);
    assert.ok(samePage(got, page(cls, i + 1)), cls);
  });
  assert.deepEqual(b.audit(), []);
});

Deno.test("ram shares a pool by uuid; private gets are exclusive, shared ones are not", () => {
  const b = createBackend("ram");
  const s1 = b.cleancache.initSharedFs("c1", 4096), s2 = b.cleancache.initSharedFs("c1", 4096);
  assert.equal(s1, s2);
  b.cleancache.putPage(s1, 1, 0, page("text"));
  assert.equal(b.cleancache.getPage(s2, 1, 0, out()), true);
  assert.equal(b.cleancache.getPage(s2, 1, 0, out()), true);
  const p = b.cleancache.initFs(4096);
  b.cleancache.putPage(p, 1, 0, page("text"));
  b.cleancache.getPage(p, 1, 0, out());
  assert.equal(b.cleancache.getPage(p, 1, 0, out()), false);
});

Deno.test("ram refuses a swap type it was never told about: eager shows failed_stores, no loss", () => {
  const b = createBackend("ram");
  assert.equal(b.frontswap.store(0, 1, page("text")), false);
  assert.equal(b.lastResult().reason, "unknown_type");
  b.frontswap.init(0);
  b.frontswap.invalidateArea(0);
  assert.equal(b.frontswap.store(0, 1, page("text")), false, "invalidate_area forgets the type");
  // 3.9 (eager): a swapon before the registration is never told `init`
  const sim = new Simulation({ regime: "eager" });
  sim.swapon(0, 8);
  sim.register("ram");
  assert.equal(sim.store(0, 1, "text"), "rejected");
  assert.equal(sim.snapshot().frontswap.failed_stores, 1);
  assert.equal(sim.load(0, 1), "miss");
  assert.equal(sim.snapshot().integrity.lost_pages, 0);
});
