/** tui/sparkline.ts: a series as one row of the eight block characters, scaled. */
import assert from "node:assert/strict";
import { sparkline } from "../../tui/sparkline.ts";

const BLOCKS = "▁▂▃▄▅▆▇█";

Deno.test("sparkline: scaled from the series' minimum to its maximum, one block per value", () => {
  assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8), BLOCKS);
  assert.equal(sparkline([10, 17], 2), "▁█");
  assert.equal(sparkline([7, 6, 5, 4, 3, 2, 1, 0], 8), [...BLOCKS].reverse().join(""));
  // the nearest of the eight levels: 0.5 of the span is between ▄ (3/7) and ▅ (4/7)
  assert.equal(sparkline([0, 50, 100], 3), "▁▅█");
});

Deno.test("sparkline: only the last w values; a shorter series is padded on the left", () => {
  assert.equal(sparkline([0, 0, 0, 7, 0], 2), "█▁");
  assert.equal(sparkline([0, 7], 5), "   ▁█");
  assert.equal(sparkline([], 3), "   ");
  assert.equal(sparkline([1, 2], 0), "");
  assert.equal(sparkline([1, 2], -1), "");
  for (const w of [1, 5, 40]) assert.equal([...sparkline([1, 2, 3, 4, 5, 6], w)].length, w);
});

Deno.test("sparkline: a flat series sits on the bottom row; NaN values are blanks", () => {
  assert.equal(sparkline([5, 5, 5], 3), "▁▁▁");
  assert.equal(sparkline([0, NaN, 7], 3), "▁ █");
  assert.equal(sparkline([NaN, NaN], 2), "  ");
  assert.equal(sparkline([Infinity, 1], 2), " ▁", "a non-finite value is a blank too");
});

Deno.test("sparkline: given min and max fix the scale, values outside are clamped", () => {
  assert.equal(sparkline([5, 5], 2, { min: 0, max: 10 }), "▅▅");
  assert.equal(sparkline([0, 10], 2, { min: 0, max: 100 }), "▁▂");
  assert.equal(sparkline([-5, 200], 2, { min: 0, max: 100 }), "▁█");
  assert.equal(sparkline([3, 4], 2, { min: 0 }), "▆█", "zero-based: 3 of 4 is 6/8 up");
});
