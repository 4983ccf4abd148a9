/**
 * src/backends/uncompressed.ts: the body `ram` and `tmem` share. Checked on
 * both: pools shared by uuid, exclusive private gets, replacement of a key,
 * invalidation, the frame limit evicting the oldest cleancache page, and a
 * frontswap store refused (`pool_full`) when no cleancache page is left.
 */
import assert from "node:assert/strict";
import { createBackend } from "../../src/backends/catalog.ts";
import type { UncompressedBackend } from "../../src/backends/uncompressed.ts";
import { PAGE_SIZE, samePage } from "../../src/content.ts";
import { out, page, RecordingHost } from "../helpers/backend_host.ts";

const KINDS = ["ram", "tmem"] as const;

function backend(kind: (typeof KINDS)[number], limit = 0): UncompressedBackend {
  const b = kind === "ram" ? createBackend("ram", { limit }) : createBackend("tmem", { limit });
  b.attach(new RecordingHost());
  return b;
}

Deno.test("uncompressed: a put replaces the key's copy; gets give the latest bytes", () => {
  for (const kind of KINDS) {
    const b = backend(kind);
    const p = b.cleancache.initSharedFs("u", PAGE_SIZE);
    b.cleancache.putPage(p, 1, 0, page("text", 1));
    b.cleancache.putPage(p, 1, 0, page("text", 2));
    assert.deepEqual(b.lastResult(), { clen: PAGE_SIZE, reason: null }, kind);
    const got = out();
    assert.equal(b.cleancache.getPage(p, 1, 0, got), true, kind);
    assert.ok(samePage(got, page("text", 2)), `${kind}: the latest version`);
    assert.equal(b.stats().cleancache_pages, 1, `${kind}: one copy`);
    assert.deepEqual(b.audit(), [], kind);
  }
});

Deno.test("uncompressed: shared pools by uuid live until their last user's invalidate_fs", () => {
  for (const kind of KINDS) {
    const b = backend(kind);
    const a = b.cleancache.initSharedFs("u", PAGE_SIZE);
    const a2 = b.cleancache.initSharedFs("u", PAGE_SIZE);
    const other = b.cleancache.initSharedFs("v", PAGE_SIZE);
    assert.equal(a, a2, kind);
    assert.notEqual(a, other, kind);
    b.cleancache.putPage(a, 1, 0, page("heap"));
    assert.deepEqual(b.poolUsage(a), { pages: 1, compressedBytes: PAGE_SIZE, shared: true }, kind);
    b.cleancache.invalidateFs(a);
    assert.equal(b.cleancache.getPage(a, 1, 0, out()), true, `${kind}: one user left`);
    b.cleancache.invalidateFs(a);
    assert.equal(b.poolUsage(a), null, `${kind}: destroyed with its last user`);
    assert.equal(b.cleancache.getPage(a, 1, 0, out()), false, kind);
    // the uuid is forgotten: a new mount of it gets a fresh, empty pool
    const again = b.cleancache.initSharedFs("u", PAGE_SIZE);
    assert.equal(b.cleancache.getPage(again, 1, 0, out()), false, kind);
    assert.equal(b.poolUsage(again)!.pages, 0, kind);
    assert.deepEqual(b.audit(), [], kind);
  }
});

Deno.test("uncompressed: invalidate page and inode drop exactly their keys; a put to no pool is refused", () => {
  for (const kind of KINDS) {
    const b = backend(kind);
    const p = b.cleancache.initSharedFs("u", PAGE_SIZE);
    for (let i = 0; i < 3; i++) {
      b.cleancache.putPage(p, 1, i, page("text", i + 1));
      b.cleancache.putPage(p, 2, i, page("text", i + 10));
    }
    b.cleancache.invalidatePage(p, 1, 1);
    b.cleancache.invalidatePage(p + 100, 1, 0); // no such pool: nothing
    b.cleancache.invalidateInode(p, 2);
    b.cleancache.invalidateInode(p + 100, 1);
    const hits = [0, 1, 2].map((i) => b.cleancache.getPage(p, 1, i, out()));
    assert.deepEqual(hits, [true, false, true], kind);
    assert.equal(b.cleancache.getPage(p, 2, 0, out()), false, kind);
    b.cleancache.putPage(p + 100, 1, 0, page("text"));
    assert.deepEqual(b.lastResult(), { clen: null, reason: "no_pool" }, kind);
    assert.deepEqual(b.audit(), [], kind);
  }
});

Deno.test("uncompressed: at the limit the oldest cleancache page is evicted; a shared get refreshes it", () => {
  for (const kind of KINDS) {
    const b = backend(kind, 3);
    const p = b.cleancache.initSharedFs("u", PAGE_SIZE);
    for (let i = 0; i < 3; i++) b.cleancache.putPage(p, 1, i, page("text", i + 1));
    // a get from a shared pool keeps the page and makes it the newest
    assert.equal(b.cleancache.getPage(p, 1, 0, out()), true);
    b.cleancache.putPage(p, 1, 3, page("text", 4));
    const st = b.stats();
    assert.equal(st.pool_limit_hit, 1, kind);
    assert.equal(st.evicted_pages, 1, kind);
    assert.equal(st.pool_total_size, 3 * PAGE_SIZE, `${kind}: never over the limit`);
    const hits = [0, 1, 2, 3].map((i) => b.cleancache.getPage(p, 1, i, out()));
    assert.deepEqual(hits, [true, false, true, true], `${kind}: index 1 was the oldest`);
    assert.deepEqual(b.audit(), [], kind);
  }
});

Deno.test("uncompressed: a frontswap store evicts cleancache pages, and is refused (pool_full) when none is left", () => {
  for (const kind of KINDS) {
    const b = backend(kind, 2);
    const p = b.cleancache.initFs(PAGE_SIZE);
    b.frontswap.init(0);
    b.cleancache.putPage(p, 1, 0, page("text"));
    assert.equal(b.frontswap.store(0, 0, page("heap", 1)), true, kind);
    assert.equal(
      b.frontswap.store(0, 1, page("heap", 2)),
      true,
      `${kind}: evicts the cleancache page`,
    );
    assert.equal(b.cleancache.getPage(p, 1, 0, out()), false, kind);
    assert.equal(b.frontswap.store(0, 2, page("heap", 3)), false, kind);
    assert.deepEqual(b.lastResult(), { clen: null, reason: "pool_full" }, kind);
    // frontswap pages are never evicted: both still load
    for (const off of [0, 1]) {
      const got = out();
      assert.equal(b.frontswap.load(0, off, got), true, kind);
      assert.ok(samePage(got, page("heap", off + 1)), kind);
    }
    assert.equal(b.stats().evicted_pages, 1, kind);
    assert.deepEqual(b.audit(), [], kind);
  }
});

Deno.test("uncompressed: frontswap duplicate stores replace and count; loads keep the page; invalidates drop", () => {
  for (const kind of KINDS) {
    const b = backend(kind);
    b.frontswap.init(0);
    assert.equal(b.frontswap.store(0, 7, page("records", 1)), true);
    assert.equal(b.frontswap.store(0, 7, page("records", 2)), true);
    assert.equal(b.stats().duplicate_entry, 1, kind);
    assert.equal(b.stats().frontswap_pages, 1, kind);
    for (let i = 0; i < 2; i++) {
      const got = out();
      assert.equal(b.frontswap.load(0, 7, got), true, kind);
      assert.ok(samePage(got, page("records", 2)), kind);
    }
    b.frontswap.invalidatePage(0, 7);
    assert.equal(b.frontswap.load(0, 7, out()), false, kind);
    b.frontswap.store(0, 1, page("text"));
    b.frontswap.invalidateArea(0);
    assert.equal(b.peekSwapPage(0, 1, out()), false, kind);
    assert.equal(b.stats().frontswap_pages, 0, kind);
    assert.deepEqual(b.audit(), [], kind);
  }
});

Deno.test("uncompressed: stats name no compressor, the page allocator, whole-page threshold, no writeback", () => {
  for (const kind of KINDS) {
    const st = backend(kind, 9).stats();
    assert.equal(st.name, kind);
    assert.equal(st.kind, kind);
    assert.equal(st.compressor, "none");
    assert.equal(st.allocator, "page");
    assert.equal(st.limit, 9);
    assert.equal(st.threshold, PAGE_SIZE);
    assert.equal(st.writeback, false);
    assert.deepEqual(st.options, { limit: 9 });
  }
});
