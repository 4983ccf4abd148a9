/** tui/panels/compression.ts: what the backend holds and how densely, the integrity line, by priority. */
import assert from "node:assert/strict";
import { compression, compressionDesired } from "../../../tui/panels/compression.ts";
import { lineWidth, plain } from "../../../tui/line.ts";
import { bytes, count, ratio } from "../../../tui/format.ts";
import { viewAfter } from "../../helpers/view.ts";

const HOLDING = [
  "mount home",
  "swapon 0",
  "register zswap",
  "workload start swap rate=60",
  "run 30",
];

Deno.test("compression: no backend says nothing is stored, with write-back and integrity", () => {
  const v = viewAfter(["mount home"]);
  const lines = compression(v, 80, 10).map(plain);
  assert.match(lines[0], /^─ Compression no backend/);
  assert.equal(lines[1], " ◌ no backend: nothing is stored (r registers one)");
  assert.match(lines[2], /^ written back +0 {2}frontswap pages to swap slots$/);
  assert.match(lines[3], /^ integrity +✓ verified 0 {2}stale 0 {2}lost 0$/);
  assert.equal(lines.length, compressionDesired(v, 80));
});

Deno.test("compression: the backend's figures, each from the snapshot", () => {
  const v = viewAfter(HOLDING);
  const b = v.snapshot.backend!;
  const text = compression(v, 100, 30).map(plain);
  assert.match(text[0], new RegExp(`zswap: ${b.compressor} level ${b.level}, ${b.allocator}`));
  const row = (label: string) => text.find((l) => l.startsWith(` ${label}`))!;
  assert.match(row("stored pages"), new RegExp(` ${count(b.stored_pages)} {2}cleancache `));
  assert.ok(row("compressed bytes").includes(bytes(b.compressed_bytes)));
  assert.ok(row("pool bytes").includes(`${bytes(b.pool_total_size)}  after packing (zbud)`));
  assert.ok(
    row("compression ratio").includes(
      `${ratio(b.compression_ratio)}  effective ${ratio(b.effective_ratio)}`,
    ),
  );
  assert.ok(row("rejected (poor)").includes(`over ${b.threshold} B`));
  assert.ok(row("pool limit hits").includes(`limit ${count(b.limit)} frames of pool memory`));
  assert.ok(b.stored_pages > 0, "the workload stored pages");
  assert.equal(text.length, compressionDesired(v, 100));
});

Deno.test("compression: short of rows, the highest priorities stay, in their order", () => {
  const v = viewAfter(HOLDING);
  const all = compression(v, 100, 30).map(plain);
  for (let h = 1; h < all.length; h++) {
    const some = compression(v, 100, h).map(plain);
    assert.equal(some.length, h);
    // a subsequence of the full panel
    let j = 0;
    for (const l of some) {
      while (j < all.length && all[j] !== l) j++;
      assert.ok(j < all.length, `h=${h}: ${l} out of order`);
    }
  }
  const three = compression(v, 100, 3).map(plain);
  // the two highest, integrity (10) and stored pages (9), in the panel's order
  assert.match(three[1], /^ stored pages/);
  assert.match(three[2], /^ integrity/);
});

Deno.test("compression: narrow, the labels are shortened and the notes dropped; rows fit", () => {
  const v = viewAfter(HOLDING);
  const text = compression(v, 30, 30);
  for (const l of text.slice(1)) assert.ok(lineWidth(l) <= 30, plain(l));
  const t = text.map(plain);
  assert.ok(t.some((l) => l.startsWith(" ratio ")));
  assert.ok(t.some((l) => l.startsWith(" effective ")));
  assert.ok(t.some((l) => /^ ✓ ok: stale 0 lost 0$/.test(l)));
  assert.ok(!t.some((l) => l.includes("after packing")));
});

Deno.test("compression: stale reads turn the integrity mark red and list their causes", () => {
  const v = viewAfter(HOLDING);
  v.snapshot.integrity.stale_reads = 3;
  v.snapshot.integrity.causes = { ...v.snapshot.integrity.causes, override: 2, unexplained: 1 };
  const lines = compression(v, 100, 30);
  const integrity = lines.find((l) => plain(l).startsWith(" integrity"))!;
  assert.ok(integrity.some((s) => s.text === "✗ " && s.color === "red"));
  const causes = lines.map(plain).find((l) => l.startsWith(" ✗ stale by cause: "));
  assert.equal(causes, " ✗ stale by cause: override 2, unexplained 1");
});
