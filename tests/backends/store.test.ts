/**
 * src/backends/store.ts: the page store under every backend. Entries keyed by
 * (pool, inode, index) and (type, offset), pools with inode lists, one LRU per
 * frontend, the bytes (same-filled words or compressed objects), and an audit
 * that catches any of these disagreeing.
 */
import assert from "node:assert/strict";
import { NIL, PageStore, type Pool } from "../../src/backends/store.ts";
import { ZbudAllocator, ZcacheZbudAllocator } from "../../src/backends/alloc/buddy.ts";
import { PageAllocator } from "../../src/backends/alloc/page.ts";
import type { Allocator } from "../../src/backends/alloc/allocator.ts";
import { FflateCompressor, IdentityCompressor } from "../../src/backends/compressors.ts";
import { fillSame, generatePage, PAGE_SIZE, samePage } from "../../src/content.ts";

/** Compress `page` into `alloc` and return [handle, size] (or a same-filled word: [-1, 0]). */
function place(s: PageStore, alloc: Allocator, page: Uint8Array): [number, number] {
  if (s.isSame(page, "word")) return [-1, 0];
  const c = s.compress(page);
  const h = alloc.alloc(c.length + s.overhead, 0);
  assert.ok(h >= 0);
  s.write(alloc, h, c);
  return [h, c.length];
}

function ccPut(s: PageStore, p: Pool, ino: number, index: number, page: Uint8Array): number {
  const [h, size] = place(s, s.ccAlloc, page);
  return s.ccInsert(p, ino, index, h, size);
}

function swPut(s: PageStore, type: number, offset: number, page: Uint8Array): number {
  const [h, size] = place(s, s.swAlloc, page);
  return s.swInsert(type, offset, h, size);
}

/** A cleancache ("cc") or frontswap ("sw") entry's page, decoded. */
function decoded(s: PageStore, e: number, side: "cc" | "sw" = "cc"): Uint8Array {
  const out = new Uint8Array(PAGE_SIZE);
  if (side === "cc") s.ccDecode(e, out);
  else s.swDecode(e, out);
  return out;
}

function lruOrder(s: PageStore, which: "ccLru" | "swLru"): number[] {
  const out: number[] = [];
  const t = which === "ccLru" ? s.cc : s.sw;
  for (let e = s[which].head; e !== NIL; e = t.next(e)) out.push(e);
  return out;
}

const zbudStore = () => new PageStore(new FflateCompressor(1), new ZbudAllocator());

Deno.test("isSame: `none` never, `zero` only the zero word, `word` any repeated 8-byte word", () => {
  const s = zbudStore();
  const zero = new Uint8Array(PAGE_SIZE);
  const word = fillSame(new Uint8Array(PAGE_SIZE), 0xdeadbeef, 7);
  const text = generatePage(1, "text");
  assert.deepEqual([s.isSame(zero, "none"), s.isSame(zero, "zero"), s.isSame(zero, "word")], [
    false,
    true,
    true,
  ]);
  assert.deepEqual([s.isSame(word, "none"), s.isSame(word, "zero"), s.isSame(word, "word")], [
    false,
    false,
    true,
  ]);
  assert.deepEqual([s.isSame(text, "zero"), s.isSame(text, "word")], [false, false]);
});

Deno.test("cleancache entries: found by key, decoded byte for byte, counted in the pool and the stats", () => {
  const s = zbudStore();
  const p = s.newPool(0, null);
  const pages = [1, 2, 3].map((i) => generatePage(i, i === 2 ? "records" : "text"));
  const e = pages.map((pg, i) => ccPut(s, p, 10, i, pg));
  const word = fillSame(new Uint8Array(PAGE_SIZE), 5, 6);
  const same = ccPut(s, p, 11, 0, word);
  for (let i = 0; i < 3; i++) {
    assert.equal(s.ccFind(0, 10, i), e[i]);
    assert.ok(samePage(decoded(s, e[i]), pages[i]), `page ${i} reads back`);
  }
  assert.ok(samePage(decoded(s, same), word), "a same-filled word reads back");
  assert.equal(s.ccFind(0, 10, 3), NIL);
  assert.equal(s.ccFind(1, 10, 0), NIL, "another pool's key");
  const sizes = e.map((x) => s.cc.size(x));
  assert.equal(p.pages, 4);
  assert.equal(p.bytes, sizes[0] + sizes[1] + sizes[2]);
  assert.deepEqual(s.poolUsage(0), { pages: 4, compressedBytes: p.bytes, shared: false });
  assert.equal(s.poolUsage(7), null);
  assert.deepEqual(lruOrder(s, "ccLru"), [...e, same], "LRU oldest first");
  const st = s.pageStats();
  assert.equal(st.stored_pages, 4);
  assert.equal(st.cleancache_pages, 4);
  assert.equal(st.frontswap_pages, 0);
  assert.equal(st.same_filled_pages, 1);
  assert.equal(st.compressed_bytes, p.bytes);
  assert.equal(st.original_bytes, 4 * PAGE_SIZE);
  assert.equal(st.pool_total_size, s.frames * PAGE_SIZE);
  assert.equal(
    st.compression_ratio,
    (3 * PAGE_SIZE) / p.bytes,
    "same-filled pages not in the ratio",
  );
  assert.equal(st.effective_ratio, (3 * PAGE_SIZE) / st.pool_total_size);
  assert.deepEqual(s.audit(), []);
});

Deno.test("entryOf: the entry of an allocator handle, NIL once dropped", () => {
  const s = zbudStore();
  const p = s.newPool(0, null);
  const page = generatePage(4, "text");
  const [h, size] = place(s, s.ccAlloc, page);
  const e = s.ccInsert(p, 1, 1, h, size);
  assert.equal(s.entryOf(s.ccAlloc, h), e);
  s.ccDrop(e);
  assert.equal(s.entryOf(s.ccAlloc, h), NIL);
  assert.equal(s.ccFind(0, 1, 1), NIL);
  assert.equal(s.ccAlloc.frames, 0, "the object's frame is freed");
  assert.deepEqual(s.audit(), []);
});

Deno.test("dropping an inode drops only its pages; destroying a pool drops all and the pool", () => {
  const s = zbudStore();
  const p = s.newPool(0, "uuid-1");
  const q = s.newPool(s.freePoolId(), null);
  assert.equal(q.id, 1);
  for (let i = 0; i < 5; i++) ccPut(s, p, 1, i, generatePage(10 + i, "text"));
  for (let i = 0; i < 3; i++) ccPut(s, p, 2, i, generatePage(20 + i, "heap"));
  const kept = ccPut(s, q, 1, 0, generatePage(30, "text"));
  assert.equal(s.poolUsage(0)!.shared, true);
  s.ccDropInode(p, 1);
  assert.equal(p.pages, 3);
  assert.ok(!p.inodes.has(1));
  for (let i = 0; i < 5; i++) assert.equal(s.ccFind(0, 1, i), NIL);
  for (let i = 0; i < 3; i++) assert.notEqual(s.ccFind(0, 2, i), NIL);
  s.ccDropInode(p, 99); // no such inode: nothing happens
  assert.deepEqual(s.audit(), []);
  s.destroyPool(p);
  assert.ok(!s.pools.has(0));
  assert.equal(s.freePoolId(), 0, "the lowest free id again");
  assert.equal(s.freePoolId(1), 2);
  assert.equal(s.pageStats().stored_pages, 1);
  assert.equal(s.ccFind(1, 1, 0), kept);
  assert.deepEqual(s.audit(), []);
});

Deno.test("frontswap entries: keyed by (type, offset), dropped per type, written back decoded", () => {
  const s = zbudStore();
  const pages = new Map<string, Uint8Array>();
  for (const type of [0, 3]) {
    for (let off = 0; off < 4; off++) {
      const pg = generatePage(100 + type * 10 + off, off === 2 ? "zero" : "heap");
      pages.set(`${type}:${off}`, pg);
      swPut(s, type, off, pg);
    }
  }
  const e = s.swFind(3, 1);
  assert.notEqual(e, NIL);
  assert.equal(s.swType(e), 3);
  assert.equal(s.swFind(1, 1), NIL);
  assert.ok(samePage(decoded(s, e, "sw"), pages.get("3:1")!));
  const written: [number, number, Uint8Array][] = [];
  s.swWriteBack(e, (type, offset, page) => written.push([type, offset, page.slice()]));
  assert.equal(written.length, 1);
  assert.deepEqual(written[0].slice(0, 2), [3, 1]);
  assert.ok(samePage(written[0][2], pages.get("3:1")!), "the page written is the one stored");
  assert.equal(s.swFind(3, 1), NIL, "written back: gone from the store");
  s.swDropType(0);
  for (let off = 0; off < 4; off++) assert.equal(s.swFind(0, off), NIL);
  assert.deepEqual([2, 3].map((o) => s.swFind(3, o) !== NIL), [true, true]);
  assert.equal(s.pageStats().frontswap_pages, 3);
  assert.equal(s.pageStats().same_filled_pages, 1);
  assert.deepEqual(s.audit(), []);
});

Deno.test("two allocators (zcache): frontswap bytes in the second, frames summed, overhead skipped", () => {
  const cc = new ZcacheZbudAllocator(), sw = new ZcacheZbudAllocator("sw");
  const s = new PageStore(new FflateCompressor(1), cc, sw, 32);
  const p = s.newPool(0, null);
  const a = generatePage(1, "text"), b = generatePage(2, "records");
  const ea = ccPut(s, p, 1, 1, a);
  const eb = swPut(s, 0, 5, b);
  assert.equal(cc.frames, 1);
  assert.equal(sw.frames, 1);
  assert.equal(s.frames, 2);
  assert.ok(samePage(decoded(s, ea), a));
  assert.ok(samePage(decoded(s, eb, "sw"), b));
  // the overhead bytes are in front of the object and not counted as compressed bytes
  assert.equal(s.pageStats().compressed_bytes, s.cc.size(ea) + s.sw.size(eb));
  assert.deepEqual(s.audit(), []);
  s.swDrop(eb);
  assert.equal(sw.frames, 0);
  assert.equal(s.frames, 1);
});

Deno.test("uncompressed store (IdentityCompressor, whole pages): one frame a page", () => {
  const s = new PageStore(new IdentityCompressor(), new PageAllocator());
  const p = s.newPool(0, null);
  for (let i = 0; i < 3; i++) ccPut(s, p, 1, i, generatePage(i + 1, "random"));
  assert.equal(s.frames, 3);
  assert.equal(s.pageStats().compression_ratio, 1);
  assert.equal(s.pageStats().effective_ratio, 1);
});

Deno.test("result records the last put's outcome; true only without a reason", () => {
  const s = zbudStore();
  assert.equal(s.result(812, null), true);
  assert.deepEqual(s.last, { clen: 812, reason: null });
  assert.equal(s.result(null, "compress_poor"), false);
  assert.deepEqual(s.last, { clen: null, reason: "compress_poor" });
});

Deno.test("audit: names a disagreement between counters, lists and the table", () => {
  const s = zbudStore();
  const p = s.newPool(0, null);
  for (let i = 0; i < 3; i++) ccPut(s, p, 1, i, generatePage(i + 1, "text"));
  swPut(s, 0, 0, generatePage(9, "heap"));
  assert.deepEqual(s.audit(), []);
  s.compressedBytes += 1;
  assert.ok(s.audit().some((m) => /^compressed_bytes /.test(m)), s.audit().join("; "));
  s.compressedBytes -= 1;
  p.pages++;
  assert.ok(s.audit().some((m) => m.startsWith("pool 0: counted 4/")), s.audit().join("; "));
  p.pages--;
  s.sameFilled++;
  assert.ok(s.audit().some((m) => m.startsWith("same_filled 1 != 0")));
  s.sameFilled--;
  s.ccLru.size++;
  assert.ok(s.audit().some((m) => m.startsWith("cleancache LRU 4 ")));
  s.ccLru.size--;
  assert.deepEqual(s.audit(), []);
});
