/** tui/panels/swap.ts: one row per enabled swap type with its frontswap counters, and counts by state. */
import assert from "node:assert/strict";
import { swap, swapDesired } from "../../../tui/panels/swap.ts";
import { lineWidth, plain } from "../../../tui/line.ts";
import { viewAfter } from "../../helpers/view.ts";

const LINES = [
  "swapon 0",
  "register zcache",
  "swapon 1 slots=64",
  "store 0 3",
  "store 0 4",
  "load 0 3",
];

Deno.test("swap: counts by state (active, pending, off) and a row per type", () => {
  const eager = viewAfter(LINES, { simulation: { regime: "eager" } });
  const lines = swap(eager, 100, 8).map(plain);
  assert.match(lines[0], /^─ Swap types 2 enabled, 1 active, 0 pending, 1 off ─+$/);
  assert.match(
    lines[1],
    /^ {4}type state +used\/slots +fs pages +stores +failed +loads +inval +wrote back$/,
  );
  // 3.9: stores to a type without a map reach the backend, loads never do (regimes/eager.ts)
  assert.match(lines[2], /^› +0 ○ off +2\/4096 +2 +2 +0 +0 +0 +0$/);
  assert.match(lines[3], /^ +1 ● active +0\/64 +0 +0 +0 +0 +0 +0$/);
  assert.equal(lines.length, swapDesired(eager));
  const deferred = swap(viewAfter(["swapon 0"]), 100, 8).map(plain);
  assert.match(deferred[0], /1 enabled, 0 active, 1 pending ─/);
  assert.match(deferred[2], /^› +0 ◌ pending /);
});

Deno.test("swap: failed stores in yellow, written-back pages in magenta", () => {
  const v = viewAfter(["swapon 0", "store 0 1"], { simulation: { regime: "eager" } });
  v.snapshot.swapTypes[0].failed_stores = 2;
  v.snapshot.swapTypes[0].written_back = 5;
  const row = swap(v, 100, 8)[2];
  assert.ok(row.some((s) => s.text.trim() === "2" && s.color === "yellow"), "failed");
  assert.ok(row.some((s) => s.text.trim() === "5" && s.color === "magenta"), "wrote back");
});

Deno.test("swap: narrow, low-priority columns go first; rows fit; the empty text", () => {
  const v = viewAfter(LINES);
  const head = (w: number) => swap(v, w, 8).map(plain)[1];
  assert.ok(head(100).includes("inval"));
  assert.ok(!head(60).includes("inval"), "inval (3) first");
  for (const w of [30, 60, 100]) {
    for (const l of swap(v, w, 8).slice(1)) assert.ok(lineWidth(l) <= w, `${w}: ${plain(l)}`);
    assert.ok(head(w).includes("type") && head(w).includes("state"));
  }
  const empty = swap(viewAfter([]), 80, 5).map(plain);
  assert.ok(empty.some((l) => l.includes("no swap enabled (s enables the next type)")));
  const focused = swap(viewAfter(["swapon 0"], { view: { focus: "swap" } }), 80, 5).map(plain);
  assert.ok(focused[0].startsWith("▶ Swap types"));
});
