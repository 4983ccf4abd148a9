/**
 * `zswap` (src/backends/zswap.ts): mm/zswap.c of v4.2.8 (`full=reclaim`,
 * the 3.11-5.5 policy) and of 5.10 (`full=reject`, Rtoax/linux-5.10.13),
 * with mm/zbud.c, mm/z3fold.c and zsmalloc; one test per point of issue #14,
 * the kernel function cited in each.
 */
import assert from "node:assert/strict";
import { createBackend } from "../../src/backends/catalog.ts";
import { ZSWAP_HEADER_SIZE } from "../../src/backends/zswap.ts";
import { samePage } from "../../src/content.ts";
import { Simulation } from "../../src/simulation.ts";
import { out, page, RecordingHost } from "../helpers/backend_host.ts";

function zswap(opts: Record<string, unknown> = {}) {
  const b = createBackend("zswap", opts);
  const host = new RecordingHost();
  b.attach(host);
  b.frontswap.init(0);
  return { b, host, fs: b.frontswap };
}

Deno.test("zswap registers frontswap only: under zswap alone superblocks stay pending (init_zswap)", () => {
  assert.equal(createBackend("zswap").cleancache, null);
  for (const regime of ["deferred", "fake-poolid"] as const) {
    const sim = new Simulation({ regime });
    sim.mount("root");
    sim.register("zswap");
    assert.deepEqual(sim.snapshot().cleancache.pending, ["root"], regime);
  }
  const eager = new Simulation({ regime: "eager" });
  eager.register("zswap");
  eager.mount("root"); // 3.9: no cleancache backend at mount time -> uncached for good
  assert.deepEqual(eager.snapshot().cleancache.uncached, ["root"]);
});

Deno.test("zswap refuses a type it has no tree for (zswap_frontswap_store: -ENODEV)", () => {
  const { b, fs } = zswap();
  assert.equal(fs.store(5, 1, page("text")), false);
  assert.equal(b.lastResult().reason, "unknown_type");
  fs.invalidateArea(0); // frees the tree
  assert.equal(fs.store(0, 1, page("text")), false);
});

Deno.test("zswap on zbud: compressed length above 3960 is reject_compress_poor (zbud_alloc -ENOSPC)", () => {
  assert.equal(ZSWAP_HEADER_SIZE, 8);
  const { b, fs } = zswap();
  assert.equal(b.stats().threshold, 3960, "3968-byte zbud objects less the 8-byte zswap_header");
  assert.equal(fs.store(0, 1, page("random")), false);
  assert.equal(b.lastResult().reason, "compress_poor");
  assert.equal(b.stats().reject_compress_poor, 1);
  assert.equal(b.stats().debugfs.reject_compress_poor, 1);
});

Deno.test("zswap on z3fold: three objects a frame, refused only above PAGE_SIZE (z3fold_alloc)", () => {
  const z3 = zswap({ allocator: "z3fold" });
  assert.equal(z3.b.stats().allocator, "z3fold");
  assert.equal(z3.b.stats().threshold, 4096 - 8);
  assert.equal(z3.b.stats().writeback, true, "z3fold is evictable");
  // a page of which 1200 bytes are random compresses to about 1200 bytes: 19 chunks
  const p = new Uint8Array(4096);
  for (let i = 0; i < 3; i++) {
    p.set(page("random", i + 1).subarray(0, 1150));
    assert.equal(z3.fs.store(0, i, p), true);
  }
  assert.equal(z3.b.stats().pool_total_size, 4096, "three buddies in one frame");
  const zb = zswap();
  for (let i = 0; i < 3; i++) {
    p.set(page("random", i + 1).subarray(0, 1150));
    zb.fs.store(0, i, p);
  }
  assert.equal(zb.b.stats().pool_total_size, 8192, "zbud: two");
  const got = out();
  assert.equal(z3.fs.load(0, 2, got), true);
  assert.ok(samePage(got, p));
});

Deno.test("zswap on zsmalloc: no header in 5.10, cannot be shrunk, objects above PAGE_SIZE fail the alloc", () => {
  const z = zswap({ allocator: "zsmalloc", full: "reject" });
  assert.equal(z.b.stats().threshold, 4096, "zpool_evictable() false: hlen 0");
  assert.equal(z.b.stats().writeback, false);
  assert.equal(z.fs.store(0, 1, page("random")), false);
  assert.equal(z.b.lastResult().reason, "alloc_fail");
  assert.equal(z.b.stats().reject_alloc_fail, 1);
});

Deno.test("zswap keeps same-filled swap pages as one word, no pool memory (zswap_is_page_same_filled, 4.16+)", () => {
  const { b, fs } = zswap();
  assert.equal(fs.store(0, 1, page("same")), true);
  assert.equal(b.lastResult().clen, 0);
  const s = b.stats();
  assert.deepEqual([s.same_filled_pages, s.debugfs.same_filled_pages, s.pool_total_size], [
    1,
    1,
    0,
  ]);
  const got = out();
  fs.load(0, 1, got);
  assert.ok(samePage(got, page("same")));
  const old = zswap({ same_filled: false }); // before 4.16
  old.fs.store(0, 1, page("same"));
  assert.ok(old.b.lastResult().clen! > 0);
});

Deno.test("zswap's maximum is max_pool_percent of ram, or limit= (zswap_is_full)", () => {
  assert.equal(createBackend("zswap", { ram: 1000, max_pool_percent: 20 }).stats().limit, 200);
  assert.equal(createBackend("zswap", { ram: 1000, limit: 7 }).stats().limit, 7);
});

Deno.test("full=reclaim: a soft limit, one frame over, then both buddies of the LRU zbud page written back (4.2 zswap_frontswap_store)", () => {
  const { b, host, fs } = zswap({ limit: 1 });
  fs.store(0, 1, page("text", 1));
  fs.store(0, 2, page("text", 2)); // buddied: 1 frame = the maximum
  assert.equal(fs.store(0, 3, page("text", 3)), true, "1 < 1 is false: a second frame");
  assert.equal(b.stats().pool_total_size, 8192);
  assert.equal(b.stats().pool_limit_hit, 0);
  assert.equal(fs.store(0, 4, page("text", 4)), true, "full: reclaim, then store");
  assert.equal(b.stats().pool_limit_hit, 1);
  assert.deepEqual([...host.slots.keys()].sort(), ["0:1", "0:2"], "zbud_reclaim_page: both");
  assert.equal(b.stats().pool_total_size, 4096, "page 4 went beside page 3");
  const zs = zswap({ limit: 1, allocator: "zsmalloc" });
  for (let i = 0; i < 20 && zs.b.stats().reject_reclaim_fail === 0; i++) {
    zs.fs.store(0, i, page("text", i + 1));
  }
  assert.equal(zs.b.stats().reject_reclaim_fail, 1, "zsmalloc cannot shrink: refused");
  assert.equal(zs.b.lastResult().reason, "reclaim_fail");
});

Deno.test("full=reject: rejected from full until below accept_threshold (5.10 zswap_frontswap_store, zswap_can_accept)", () => {
  const { b, fs } = zswap({ limit: 2, full: "reject", accept_threshold: 50 });
  for (let i = 1; i <= 5; i++) assert.equal(fs.store(0, i, page("text", i)), true);
  assert.equal(b.stats().pool_total_size, 3 * 4096, "2 < 2 is false: one over");
  assert.equal(fs.store(0, 6, page("text", 6)), false, "full: rejected, shrink queued");
  assert.equal(b.lastResult().reason, "pool_full");
  assert.equal(b.stats().pool_limit_hit, 1);
  assert.equal(b.stats().written_back_pages, 2, "shrink_worker: one zbud page");
  assert.equal(fs.store(0, 7, page("text", 7)), false, "reached full: 1 > 2 is false");
  assert.equal(b.stats().pool_limit_hit, 1, "no second limit hit, no second shrink");
  fs.invalidatePage(0, 3);
  fs.invalidatePage(0, 4);
  assert.equal(b.stats().pool_total_size, 4096);
  assert.equal(fs.store(0, 7, page("text", 7)), false, "1 page: 1 > 1 is false");
  fs.invalidatePage(0, 5);
  assert.equal(fs.store(0, 7, page("text", 7)), true, "below the threshold: accepted");
});

Deno.test("zswap writeback never tells frontswap: the bit stays, the load misses and reads the disk (zswap_writeback_entry)", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.swapon(0, 16);
  sim.register("zswap", { limit: 1 });
  for (let i = 0; i < 4; i++) sim.store(0, i, "text");
  const s = sim.snapshot();
  assert.equal(s.backend!.written_back_pages, 2);
  assert.equal(s.frontswap.pages, 4, "frontswap_pages over-counts the written-back pages");
  assert.equal(s.backend!.frontswap_pages, 2);
  assert.equal(sim.load(0, 0), "miss", "zswap_frontswap_load: -1, the swap layer reads the disk");
  assert.equal(sim.snapshot().integrity.verified_reads, 1);
  const inv = sim.snapshot().frontswap.invalidates;
  sim.free(0, 0);
  assert.equal(sim.snapshot().frontswap.invalidates, inv + 1, "free still counts an invalidate");
  assert.deepEqual(sim.audit(), []);
});

Deno.test("zswap counts duplicate_entry at insert once the new store succeeded (zswap_rb_insert -EEXIST)", () => {
  const { b, fs } = zswap();
  fs.store(0, 1, page("text", 1));
  fs.store(0, 1, page("random", 2)); // refused before insert: no duplicate counted
  assert.equal(b.stats().duplicate_entry, 0);
  fs.store(0, 1, page("text", 3));
  assert.equal(b.stats().duplicate_entry, 1);
  const got = out();
  fs.load(0, 1, got);
  assert.ok(samePage(got, page("text", 3)));
  // 4.2's __frontswap_store invalidates a duplicate in every backend first: it stays 0
  const sim = new Simulation({ regime: "deferred" });
  sim.swapon(0, 8);
  sim.register("zswap");
  sim.store(0, 1, "text");
  sim.store(0, 1, "text");
  assert.equal(sim.snapshot().backend!.duplicate_entry, 0);
});

Deno.test("zswap exposes its debugfs counters under mm/zswap.c's names; loads keep the entry", () => {
  const { b, fs } = zswap();
  fs.store(0, 1, page("text"));
  fs.load(0, 1, out());
  assert.equal(fs.load(0, 1, out()), true, "zswap asks for no exclusive gets");
  assert.deepEqual(Object.keys(b.stats().debugfs).sort(), [
    "duplicate_entry",
    "pool_limit_hit",
    "pool_total_size",
    "reject_alloc_fail",
    "reject_compress_poor",
    "reject_kmemcache_fail",
    "reject_reclaim_fail",
    "same_filled_pages",
    "stored_pages",
    "written_back_pages",
  ]);
  assert.equal(b.stats().debugfs.stored_pages, 1);
  assert.deepEqual(b.audit(), []);
});
