/** tui/frame.ts: a boxed overlay and placing it over the screen's lines. */
import assert from "node:assert/strict";
import { box, placeOver } from "../../tui/frame.ts";
import { type Line, lineWidth, plain, seg } from "../../tui/line.ts";

const lines = (...t: string[]): Line[] => t.map((x) => [seg(x)]);

Deno.test("box: a titled border around the body, every row the same width", () => {
  const b = box("Help", lines("one", "three"), 40, 10).map(plain);
  assert.deepEqual(b, [
    "┌─ Help ─┐",
    "│ one    │",
    "│ three  │",
    "└────────┘",
  ]);
  const wide = box("T", lines("a".repeat(30)), 40, 10);
  for (const l of wide) assert.equal(lineWidth(l), lineWidth(wide[0]));
});

Deno.test("box: at most maxW x maxH; longer bodies cut to fit, wider lines cut with …", () => {
  const body = lines(...Array.from({ length: 20 }, (_, i) => `line ${i} ` + "x".repeat(50)));
  const b = box("Title", body, 30, 8);
  assert.equal(b.length, 8, "maxH rows including the borders");
  for (const l of b) assert.equal(lineWidth(l), 30, plain(l));
  assert.match(plain(b[1]), /^│ line 0 x+… │$/);
  assert.match(plain(b[0]), /^┌─ Title ─+┐$/);
  assert.match(plain(b.at(-1)!), /^└─+┘$/);
});

Deno.test("placeOver: the box centred horizontally from a row; rows outside the screen dropped", () => {
  const base = lines(...Array.from({ length: 5 }, () => ".".repeat(20)));
  const over = lines("ABCD", "EFGH");
  const out = placeOver(base, over, 20, 1).map(plain);
  assert.deepEqual(out, [
    "....................",
    "........ABCD........",
    "........EFGH........",
    "....................",
    "....................",
  ]);
  assert.equal(plain(base[1]), ".".repeat(20), "the base is not changed");
  const low = placeOver(base, over, 20, 4).map(plain);
  assert.equal(low.length, 5, "no row added below");
  assert.equal(low[4], "........ABCD........");
  assert.deepEqual(placeOver(base, [], 20, 0).map(plain), base.map(plain));
});
