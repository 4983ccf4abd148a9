import assert from "node:assert/strict";
import { deflateSync } from "fflate";
import {
  CONTENT_CLASSES,
  generatePage,
  pageDigest,
  sameFilledWord,
  samePage,
} from "../src/content.ts";
import { referenceTextPage } from "./helpers/text_reference.ts";

Deno.test("pages are a pure function of stamp and class", () => {
  for (const c of CONTENT_CLASSES) {
    assert.ok(samePage(generatePage(17, c), generatePage(17, c)), c);
    if (c !== "zero") assert.ok(!samePage(generatePage(17, c), generatePage(18, c)), c);
  }
});

Deno.test("content classes compress as their names promise", () => {
  const ratio = (c: (typeof CONTENT_CLASSES)[number]) => {
    let z = 0;
    for (let i = 1; i <= 20; i++) z += deflateSync(generatePage(i, c), { level: 1 }).length;
    return (20 * 4096) / z;
  };
  assert.ok(ratio("random") < 1.01);
  assert.ok(ratio("text") > 1.8 && ratio("text") < 5, `text ${ratio("text")}`);
  assert.ok(ratio("records") > 3, `records ${ratio("records")}`);
  assert.ok(ratio("heap") > 1.8 && ratio("heap") < 5, `heap ${ratio("heap")}`);
  assert.ok(sameFilledWord(generatePage(1, "zero")));
  assert.ok(sameFilledWord(generatePage(1, "same")));
  assert.equal(sameFilledWord(generatePage(1, "heap")), null);
});

Deno.test("page digests tell versions apart", () => {
  const seen = new Set<number>();
  for (let i = 1; i <= 2000; i++) seen.add(pageDigest(generatePage(i, "heap")));
  assert.equal(seen.size, 2000);
  assert.equal(pageDigest(generatePage(1, "zero")), pageDigest(new Uint8Array(4096)));
});

Deno.test("text pages: the table-driven generator writes the reference byte loop's bytes", () => {
  const out = new Uint8Array(4096);
  for (let stamp = 1; stamp <= 3000; stamp++) {
    assert.ok(samePage(generatePage(stamp, "text", out), referenceTextPage(stamp)), `${stamp}`);
  }
  // an unaligned page view too (DataView writes at any offset)
  const big = new Uint8Array(4096 + 3);
  const view = big.subarray(3);
  assert.ok(samePage(generatePage(77, "text", view), referenceTextPage(77)));
});
