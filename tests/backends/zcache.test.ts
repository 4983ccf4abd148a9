/**
 * `zcache` (src/backends/zcache.ts): staging zcache of 3.10 as
 * drivers/staging/zcache/zcache-main.c, zbud.c and tmem.c (v3.10.33) have it,
 * one test per point of issue #14, the kernel function cited in each.
 */
import assert from "node:assert/strict";
import { createBackend } from "../../src/backends/catalog.ts";
import {
  MAX_POOLS_PER_CLIENT,
  ZCACHE_MAX_EPH_ZSIZE,
  ZCACHE_MAX_MEAN_ZSIZE,
  ZCACHE_MAX_ZSIZE,
} from "../../src/backends/zcache.ts";
import { samePage } from "../../src/content.ts";
import { Simulation } from "../../src/simulation.ts";
import { out, page, RecordingHost } from "../helpers/backend_host.ts";

function zcache(opts: Record<string, unknown> = {}) {
  const b = createBackend("zcache", opts);
  const host = new RecordingHost();
  b.attach(host);
  return { b, host, cc: b.cleancache, fs: b.frontswap };
}

Deno.test("zcache registers both halves; a shared uuid maps to a private pool (zcache_cleancache_init_shared_fs)", () => {
  const { cc } = zcache();
  // "shared pools are unsupported and map to private": two mounts of one uuid, two pools
  const a = cc.initSharedFs("c1", 4096), b = cc.initSharedFs("c1", 4096);
  assert.deepEqual([a, b], [0, 1]);
  cc.putPage(a, 1, 0, page("text"));
  assert.equal(cc.getPage(b, 1, 0, out()), false, "the other mount's pool is another pool");
});

Deno.test("zcache cleancache gets are exclusive (zcache_cleancache_get_page -> tmem_get, ephemeral pool frees)", () => {
  const { b, cc } = zcache();
  const p = cc.initFs(4096);
  const want = page("text");
  cc.putPage(p, 1, 0, want);
  const got = out();
  assert.equal(cc.getPage(p, 1, 0, got), true);
  assert.ok(samePage(got, want));
  assert.equal(cc.getPage(p, 1, 0, out()), false, "the get freed the copy");
  assert.equal(b.stats().cleancache_pages, 0);
});

Deno.test("zcache flush_fs destroys the pool whatever else uses it (zcache_cleancache_flush_fs -> zcache_destroy_pool)", () => {
  const { b, cc } = zcache();
  const p = cc.initFs(4096);
  cc.putPage(p, 1, 0, page("text"));
  cc.invalidateFs(p);
  assert.equal(b.stats().pools, 0);
  assert.equal(b.poolUsage(p), null);
  cc.invalidateFs(-1); // 3.10's cleancache calls it with -1: ignored
  assert.equal(cc.initFs(4096), 0, "the slot is free again");
});

Deno.test("zcache has 16 pools; with the frontswap pool the 16th init_fs fails (zcache_new_pool, MAX_POOLS_PER_CLIENT)", () => {
  assert.equal(MAX_POOLS_PER_CLIENT, 16);
  const { cc, fs } = zcache();
  fs.init(0); // zcache_frontswap_init: the persistent pool takes slot 0
  const ids = Array.from({ length: 16 }, () => cc.initFs(4096));
  assert.deepEqual(ids.slice(0, 15), Array.from({ length: 15 }, (_, i) => i + 1));
  assert.equal(ids[15], -1, "the 16th init_fs finds no free slot");
  const { cc: cc2 } = zcache();
  const all = Array.from({ length: 17 }, () => cc2.initFs(4096));
  assert.equal(all[15], 15, "without swap the 16th succeeds");
  assert.equal(all[16], -1);
});

Deno.test("zcache frontswap: one pool, made by the first init; stores fail before, any type after (zcache_frontswap_init)", () => {
  const { b, fs } = zcache();
  assert.equal(fs.store(0, 1, page("text")), false, "no pool yet");
  assert.equal(b.lastResult().reason, "no_pool");
  fs.init(3);
  assert.equal(
    fs.store(0, 1, page("text")),
    true,
    "type 0 was never inited: accepted all the same",
  );
  assert.equal(fs.store(7, 1, page("text")), true);
  fs.init(4); // a later init creates nothing more
  assert.equal(b.stats().pools, 1);
  assert.equal(b.stats().frontswap_pages, 2);
});

Deno.test("zcache switches frontswap exclusive gets on at init unless nofrontswapexclusivegets (zcache_init)", () => {
  const on = zcache();
  assert.deepEqual(on.host.exclusiveGets, [true]);
  on.fs.init(0);
  on.fs.store(0, 1, page("heap"));
  assert.equal(on.fs.load(0, 1, out()), true);
  assert.equal(on.fs.load(0, 1, out()), false, "the load freed zcache's copy");
  const off = zcache({ exclusive_gets: false });
  assert.deepEqual(off.host.exclusiveGets, []);
  off.fs.init(0);
  off.fs.store(0, 1, page("heap"));
  off.fs.load(0, 1, out());
  assert.equal(off.fs.load(0, 1, out()), true, "the copy stays");
  // through the frontend: the bit is cleared by frontswap's exclusive load
  const sim = new Simulation({ regime: "deferred" });
  sim.swapon(0, 8);
  sim.register("zcache");
  sim.store(0, 1, "text");
  assert.equal(sim.load(0, 1), "hit");
  assert.equal(sim.snapshot().frontswap.pages, 0);
});

Deno.test("zcache ephemeral pages compressing above 4000 bytes are refused (zcache_pampd_eph_create, zbud_max_buddy_size)", () => {
  assert.equal(ZCACHE_MAX_EPH_ZSIZE, 4000);
  const { b, cc } = zcache();
  const p = cc.initFs(4096);
  cc.putPage(p, 1, 0, page("random"));
  assert.equal(b.lastResult().reason, "compress_poor");
  assert.ok(b.lastResult().clen! > 4000);
  assert.equal(b.stats().debugfs.failed_eph_puts, 1);
  assert.equal(b.stats().cleancache_pages, 0);
});

Deno.test("zcache persistent pages above zbud_max_zsize (3584) are refused; the mean rule needs CONFIG_ZCACHE_DEBUG (zcache_pampd_pers_create)", () => {
  assert.equal(ZCACHE_MAX_ZSIZE, 3584);
  assert.equal(ZCACHE_MAX_MEAN_ZSIZE, 2560);
  const small = zcache({ threshold: 1000 });
  small.fs.init(0);
  assert.equal(small.fs.store(0, 1, page("text")), false, "a 1700-byte page over threshold=1000");
  assert.equal(small.b.lastResult().reason, "compress_poor");
  // a page compressing to 2560..3584 bytes: the mean rule refuses it only in a debug build
  const mid = new Uint8Array(4096);
  const rnd = page("random");
  mid.set(rnd.subarray(0, 2900));
  for (const debug of [false, true]) {
    const z = zcache({ debug });
    z.fs.init(0);
    assert.equal(z.fs.store(0, 1, mid), true, "the first page sets the mean");
    const clen = z.b.lastResult().clen!;
    assert.ok(clen > 2560 && clen <= 3584, `clen ${clen}`);
    const ok = z.fs.store(0, 2, mid);
    // zcache_pers_zpages/zbytes are kept only by CONFIG_ZCACHE_DEBUG: without it they read 0
    assert.equal(ok, !debug, debug ? "mean over 2560: refused" : "default build: accepted");
    if (debug) assert.equal(z.b.lastResult().reason, "mean_compress_poor");
  }
});

Deno.test("zcache keeps a zero page as such in 3.10 and has no other same-filled test (page_is_zero_filled)", () => {
  const z = zcache();
  const p = z.cc.initFs(4096);
  z.cc.putPage(p, 1, 0, page("zero"));
  assert.equal(z.b.lastResult().clen, 0);
  assert.equal(z.b.stats().debugfs.zero_filled_pages, 1);
  z.cc.putPage(p, 1, 1, page("same"));
  assert.ok(z.b.lastResult().clen! > 0, "a same-filled non-zero page is compressed");
  const v39 = zcache({ zero_filled: false }); // 3.9 had no such test
  const q = v39.cc.initFs(4096);
  v39.cc.putPage(q, 1, 0, page("zero"));
  assert.ok(v39.b.lastResult().clen! > 0);
});

Deno.test("zcache: a persistent put eats ephemeral frames when none is left (zbud_evict_pageframe_lru, pers_ate_eph)", () => {
  const z = zcache({ limit: 2 });
  const p = z.cc.initFs(4096);
  for (let i = 0; i < 4; i++) z.cc.putPage(p, 1, i, page("text", i + 1)); // 2 frames, 4 buddies
  assert.equal(z.b.stats().pool_total_size, 8192);
  z.fs.init(0);
  assert.equal(z.fs.store(0, 1, page("text", 9)), true);
  const d = z.b.stats().debugfs;
  assert.equal(d.pers_ate_eph, 1);
  assert.equal(d.evicted_eph_pageframes, 1);
  assert.equal(z.b.stats().evicted_pages, 2, "both buddies of the frame");
  assert.equal(z.b.stats().pool_total_size, 8192);
});

Deno.test("zcache writes persistent pages back only with CONFIG_ZCACHE_WRITEBACK (zcache_frontswap_writeback)", () => {
  for (const writeback of [false, true]) {
    const z = zcache({ limit: 1, writeback });
    z.fs.init(0);
    z.fs.store(0, 1, page("text", 1));
    z.fs.store(0, 2, page("text", 2));
    const third = z.fs.store(0, 3, page("text", 3));
    assert.equal(third, writeback);
    assert.equal(z.host.slots.size, writeback ? 2 : 0, "both buddies of the oldest frame");
    if (writeback) {
      assert.ok(samePage(z.host.slots.get("0:1")!, page("text", 1)));
      assert.equal(z.fs.load(0, 1, out()), false, "written back: zcache no longer has it");
      assert.equal(z.b.stats().written_back_pages, 2);
    } else assert.equal(z.b.lastResult().reason, "pool_full");
  }
});

Deno.test("zcache: a refused put leaves the older copy (tmem_put flushes it only for a new pampd)", () => {
  const { cc } = zcache();
  const p = cc.initFs(4096);
  const a = page("text");
  cc.putPage(p, 1, 0, a);
  cc.putPage(p, 1, 0, page("random")); // refused: tmem_put never called
  const got = out();
  assert.equal(cc.getPage(p, 1, 0, got), true);
  assert.ok(samePage(got, a));
});

Deno.test("zcache counts under its debugfs names and audits clean", () => {
  const { b, cc, fs } = zcache();
  fs.init(0);
  const p = cc.initFs(4096);
  cc.putPage(p, 1, 0, page("text"));
  fs.store(0, 1, page("heap"));
  const s = b.stats();
  for (
    const k of ["eph_pageframes", "pers_pageframes", "eph_zpages", "pers_zpages", "compress_poor"]
  ) assert.ok(k in s.debugfs, k);
  assert.deepEqual([s.debugfs.eph_zpages, s.debugfs.pers_zpages], [1, 1]);
  assert.deepEqual(b.audit(), []);
});
