/** src/page_version.ts: a page version (stamp + class or real page) and its bytes. */
import assert from "node:assert/strict";
import { fillVersion, versionOf } from "../src/page_version.ts";
import { generatePage, PAGE_SIZE, samePage } from "../src/content.ts";
import { RealPages } from "../src/real_pages.ts";

const real = new RealPages("t", [{
  path: "a",
  bytes: Uint8Array.from({ length: 2 * PAGE_SIZE }, (_, i) => (i * 13) & 0xff),
}]);

Deno.test("versionOf: a class gives a generated version, a real page a `file` version", () => {
  assert.deepEqual(versionOf(7, "text"), { stamp: 7, cls: "text" });
  const ref = { source: real, page: 1, edited: true };
  assert.deepEqual(versionOf(8, ref), { stamp: 8, cls: "file", real: ref });
});

Deno.test("fillVersion: a generated version holds generatePage(stamp, class)", () => {
  for (const cls of ["text", "heap", "zero", "random"] as const) {
    assert.ok(samePage(fillVersion(versionOf(11, cls)), generatePage(11, cls)), cls);
  }
  const out = new Uint8Array(PAGE_SIZE);
  assert.equal(fillVersion(versionOf(3, "records"), out), out, "fills the buffer given");
  assert.ok(samePage(out, generatePage(3, "records")));
});

Deno.test("fillVersion: a real page as read is the file's bytes; an edited one is edited by its stamp", () => {
  const asRead = fillVersion(versionOf(5, { source: real, page: 1, edited: false }));
  assert.ok(samePage(asRead, real.fill(1, 0)));
  assert.ok(samePage(asRead, fillVersion(versionOf(6, { source: real, page: 1, edited: false }))));
  const edited = fillVersion(versionOf(5, { source: real, page: 1, edited: true }));
  assert.ok(samePage(edited, real.fill(1, 5)));
  assert.ok(!samePage(edited, asRead));
});
