/** tui/panels/pools.ts: one row per mounted filesystem, its pool id by state, and counts by state. */
import assert from "node:assert/strict";
import { poolIdText, pools, poolsDesired } from "../../../tui/panels/pools.ts";
import { lineWidth, plain } from "../../../tui/line.ts";
import { viewAfter } from "../../helpers/view.ts";
import type { Regime } from "../../../src/regime.ts";

const MOUNTS = ["mount a", "mount s shared=u1", "register zcache", "mount b", "put a 1 1"];
const GETS = ["get a 1 1", "get a 1 2", "get a 1 3", "get a 1 4"];
const view = (regime: Regime, lines = [...MOUNTS, ...GETS]) =>
  viewAfter(lines, { simulation: { regime } });

Deno.test("poolIdText: the real id (with the fake id under fake-poolid), pending or uncached", () => {
  const fake = view("fake-poolid").snapshot.superblocks;
  assert.deepEqual(fake.map(poolIdText), ["0 fake 1000", "1 fake 2000", "2 fake 1001"]);
  const deferred = view("deferred").snapshot.superblocks;
  assert.deepEqual(deferred.map(poolIdText), ["0", "1", "2"]);
  const eager = view("eager").snapshot.superblocks;
  assert.deepEqual(eager.map(poolIdText), ["uncached", "uncached", "0"]);
  const waiting = view("fake-poolid", ["mount a"]).snapshot.superblocks;
  assert.deepEqual(waiting.map(poolIdText), ["pending fake 1000"]);
  assert.deepEqual(view("deferred", ["mount a"]).snapshot.superblocks.map(poolIdText), ["pending"]);
});

Deno.test("pools: counts by state and a note for shared pools; one row per filesystem", () => {
  const lines = pools(view("eager"), 100, 8).map(plain);
  assert.match(
    lines[0],
    /^▶ Pools 3 mounted, 1 backed, 0 pending, 2 uncached {2}\(\* shared, with uuid\) ─+$/,
  );
  assert.match(
    lines[1],
    /^ {2}filesystem +pool id +pages +puts +hits +misses +hit% +compr +ratio$/,
  );
  assert.match(lines[2], /^› ○ a +uncached /);
  assert.match(lines[3], /^ {2}○ s \* +uncached /);
  assert.match(lines[4], /^ {2}● b +0 /);
  assert.equal(lines.length, poolsDesired(view("eager")));
});

Deno.test("pools: each row's counters and hit percentage from its superblock", () => {
  const v = view("deferred");
  const a = v.snapshot.superblocks[0];
  assert.deepEqual([a.puts, a.hits, a.misses], [1, 1, 3]);
  const row = pools(v, 100, 8).map(plain)[2];
  assert.match(row, /^› ● a +0 +0 +1 +1 +3 +25\.0% +0B +-$/);
});

Deno.test("pools: narrow, the low-priority columns go (ratio, compr, misses...), rows fit", () => {
  const v = view("deferred");
  const headerAt = (w: number) => pools(v, w, 8).map(plain)[1];
  assert.ok(headerAt(100).includes("ratio"));
  assert.ok(!headerAt(70).includes("ratio"));
  for (const w of [40, 55, 70, 100]) {
    for (const l of pools(v, w, 8).slice(1)) assert.ok(lineWidth(l) <= w, `${w}: ${plain(l)}`);
    assert.ok(headerAt(w).includes("filesystem") && headerAt(w).includes("pool id"), `${w}`);
  }
});

Deno.test("pools: the empty text; no selection mark when not interactive; focus from the view", () => {
  const empty = pools(viewAfter([]), 80, 5).map(plain);
  assert.match(empty[0], /^▶ Pools 0 mounted, 0 backed, 0 pending ─+$/);
  assert.ok(empty.some((l) => l.includes("no filesystem mounted (m mounts one)")));
  const once = pools(viewAfter(["mount a"], { view: { interactive: false } }), 80, 5).map(plain);
  assert.ok(once[0].startsWith("─ Pools"), "not focused");
  assert.ok(!once.some((l) => l.startsWith("›")), "no selection");
  const swapFocus = pools(viewAfter(["mount a"], { view: { focus: "swap" } }), 80, 5).map(plain);
  assert.ok(swapFocus[0].startsWith("─ Pools"));
});
