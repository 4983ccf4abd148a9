/** Pages of real bytes: layout, tail fill, and the deterministic edit of written versions. */
import assert from "node:assert/strict";
import { RealPages } from "../src/real_pages.ts";
import { samePage } from "../src/content.ts";

const bytes = (n: number, k: number) => Uint8Array.from({ length: n }, (_, i) => (i * k) & 0xff);

Deno.test("real pages: files cut into pages, the last one zero-filled past the end", () => {
  const r = new RealPages("t", [
    { path: "a", bytes: bytes(5000, 3) },
    { path: "empty", bytes: new Uint8Array(0) },
    { path: "b", bytes: bytes(4096, 5) },
  ]);
  assert.deepEqual(r.files.map((f) => [f.path, f.firstPage, f.pages]), [["a", 0, 2], ["b", 2, 1]]);
  assert.equal(r.pageCount, 3);
  assert.deepEqual(r.fill(0, 0), bytes(4096, 3));
  const tail = r.fill(1, 0);
  assert.deepEqual(tail.subarray(0, 904), bytes(5000, 3).subarray(4096));
  assert.ok(tail.subarray(904).every((b) => b === 0));
  assert.throws(() => r.fill(3, 0), /no page 3/);
  assert.throws(() => new RealPages("e", [{ path: "x", bytes: new Uint8Array(0) }]), /no bytes/);
});

Deno.test("real pages: an edited version is a small, deterministic change, unique per stamp", () => {
  const r = new RealPages("t", [{ path: "a", bytes: bytes(8192, 7) }]);
  const orig = r.fill(1, 0);
  const seen: Uint8Array[] = [];
  for (let stamp = 1; stamp < 200; stamp++) {
    const v = r.fill(1, stamp);
    assert.ok(samePage(v, r.fill(1, stamp)), "same stamp, same bytes");
    let diff = 0;
    for (let i = 0; i < 4096; i++) if (v[i] !== orig[i]) diff++;
    assert.ok(diff > 0 && diff <= 64, `a small edit (${diff} bytes)`);
    assert.ok(seen.every((s) => !samePage(s, v)), "no two versions alike");
    seen.push(v);
  }
});
