import assert from "node:assert/strict";
import { TmemBackend } from "../../src/backend/tmem_backend.ts";
import { createCompressor } from "../../src/backend/compressor.ts";
import { type ContentClass, generatePage, samePage } from "../../src/content.ts";

const out = new Uint8Array(4096);

Deno.test("zcache round-trips every content class exactly, with both compressors", () => {
  for (const compressor of ["fflate", "zlib"] as const) {
    const b = new TmemBackend("zcache", { compressor, threshold: 4096 });
    b.init(0);
    const classes: ContentClass[] = ["zero", "same", "text", "records", "heap"];
    classes.forEach((c, i) => assert.ok(b.store(0, i, generatePage(i + 1, c)), c));
    classes.forEach((c, i) => {
      assert.ok(b.load(0, i, out));
      assert.ok(samePage(out, generatePage(i + 1, c)), `${compressor} ${c}`);
    });
    assert.deepEqual(b.audit(), []);
  }
});

Deno.test("compressors: fflate and zlib both deflate, and decompress each other's level", () => {
  const page = generatePage(5, "text");
  for (const kind of ["fflate", "zlib"] as const) {
    const c = createCompressor(kind, 6);
    const z = c.compress(page);
    assert.ok(z.length < 4096 / 2, `${kind} compresses text`);
    const o = new Uint8Array(4096);
    c.decompress(z, o);
    assert.ok(samePage(o, page));
  }
});

Deno.test("ratios: compression ratio from compressed bytes, effective ratio from frames", () => {
  const b = new TmemBackend("zcache");
  b.init(0);
  for (let i = 0; i < 64; i++) b.store(0, i, generatePage(i + 1, "records"));
  const s = b.stats();
  assert.equal(s.stored_pages, 64);
  assert.ok(s.compression_ratio > 2, `compression ratio ${s.compression_ratio}`);
  assert.ok(s.effective_ratio <= 2 + 1e-9, "zbud: at best 2:1 after packing");
  assert.ok(s.effective_ratio <= s.compression_ratio);
  assert.equal(s.pool_total_size % 4096, 0);
  const zs = new TmemBackend("zcache", { allocator: "zsmalloc" });
  zs.init(0);
  for (let i = 0; i < 64; i++) zs.store(0, i, generatePage(i + 1, "records"));
  assert.ok(zs.stats().effective_ratio > 2, "zsmalloc packs denser than zbud");
});

Deno.test("ram backend keeps uncompressed copies: ratio 1, one frame per page", () => {
  const b = new TmemBackend("ram");
  b.init(0);
  for (let i = 0; i < 10; i++) assert.ok(b.store(0, i, generatePage(i + 1, "random")));
  for (let i = 0; i < 2; i++) assert.ok(b.store(0, 10 + i, generatePage(i + 1, "zero")));
  const s = b.stats();
  assert.equal(s.pool_total_size, 12 * 4096);
  assert.equal(s.same_filled_pages, 0);
  assert.equal(s.compression_ratio, 1);
  assert.equal(s.effective_ratio, 1);
  assert.ok(b.load(0, 3, out) && samePage(out, generatePage(4, "random")));
});

Deno.test("threshold is a setting: pages compressing above it are rejected", () => {
  const strict = new TmemBackend("zcache", { threshold: 1500 });
  strict.init(0);
  assert.equal(strict.store(0, 0, generatePage(1, "text")), false);
  assert.equal(strict.stats().reject_compress_poor, 1);
  assert.equal(strict.store(0, 1, generatePage(1, "records")), true);
});

Deno.test("shared pools: one pool per uuid, destroyed with its last user", () => {
  const b = new TmemBackend("zcache");
  const p1 = b.initSharedFs("u", 4096);
  const p2 = b.initSharedFs("u", 4096);
  const p3 = b.initFs(4096);
  assert.equal(p1, p2);
  assert.notEqual(p1, p3);
  b.putPage(p1, 1, 0, generatePage(1, "text"));
  b.invalidateFs(p1);
  assert.ok(b.getPage(p2, 1, 0, out), "the other cluster node still uses the pool");
  b.invalidateFs(p2);
  assert.equal(b.poolUsage(p1), null);
  assert.equal(b.initFs(4096), p1, "pool ids are reused once free");
});

Deno.test("writeback under a pool limit hands the oldest frontswap pages to the host", () => {
  const written: number[] = [];
  const b = new TmemBackend("zcache", { limit: 2, writeback: true });
  b.attach({
    writebackSwapPage: (_t, off, page) => {
      assert.ok(samePage(page, generatePage(off + 1, "heap")));
      written.push(off);
    },
  });
  b.init(0);
  for (let i = 0; i < 12; i++) assert.ok(b.store(0, i, generatePage(i + 1, "heap")));
  assert.ok(written.length > 0);
  assert.deepEqual(written, [...written].sort((x, y) => x - y), "oldest first");
  assert.equal(written[0], 0);
  assert.deepEqual(b.audit(), []);
});

Deno.test("pool full: a frontswap store frees the least recently used page of either frontend", () => {
  const written: number[] = [];
  const b = new TmemBackend("zcache", { limit: 4, writeback: true });
  b.attach({ writebackSwapPage: (_t, off) => void written.push(off) });
  b.init(0);
  const pool = b.initFs(4096);
  // oldest: 4 frontswap pages (2 zbud frames), then 8 cleancache pages for the 2 frames left
  for (let i = 0; i < 4; i++) assert.ok(b.store(0, i, generatePage(i + 1, "heap")));
  for (let i = 0; i < 8; i++) b.putPage(pool, 1, i, generatePage(100 + i, "heap"));
  const before = b.stats();
  assert.equal(before.pool_total_size, 4 * 4096);
  assert.equal(before.evicted_pages, 4, "the cleancache puts evicted cleancache pages only");
  assert.equal(written.length, 0, "a cleancache put never writes frontswap pages back");
  assert.ok(b.store(0, 10, generatePage(50, "heap")));
  assert.ok(written.length > 0 && written[0] === 0, "the oldest page was a frontswap page");
  assert.deepEqual(b.audit(), []);
});

Deno.test("pool full without writeback: frontswap stores evict cleancache pages, then are rejected", () => {
  const b = new TmemBackend("zcache", { limit: 2, writeback: false });
  b.init(0);
  const pool = b.initFs(4096);
  for (let i = 0; i < 4; i++) b.putPage(pool, 1, i, generatePage(10 + i, "heap"));
  let stored = 0;
  for (let i = 0; i < 12; i++) if (b.store(0, i, generatePage(i + 1, "heap"))) stored++;
  const s = b.stats();
  assert.equal(s.cleancache_pages, 0, "cleancache pages made room first");
  assert.ok(stored > 0 && stored < 12);
  assert.ok(s.reject_reclaim_fail > 0);
  assert.equal(s.written_back_pages, 0);
});
