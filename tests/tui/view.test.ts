/** tui/view.ts: a fresh view state over a snapshot. */
import assert from "node:assert/strict";
import { newView } from "../../tui/view.ts";
import { History } from "../../tui/history.ts";
import { createSession } from "../../src/command/create.ts";

Deno.test("newView: focus on Pools, nothing selected or open, the snapshot's events in its log", () => {
  const s = createSession({ simulation: { seed: 2 } });
  for (const l of ["mount a", "swapon 0", "register ram"]) s.execute(l);
  const snap = s.snapshot();
  const history = new History();
  const v = newView(snap, history, { rate: 4, speed: 10, paused: false, interactive: true });
  assert.equal(v.snapshot, snap);
  assert.equal(v.history, history);
  assert.deepEqual(
    [v.focus, v.selPool, v.selSwap, v.eventScroll, v.newEvents, v.eventFilter],
    ["pools", 0, 0, 0, 0, null],
  );
  assert.deepEqual([v.overlay, v.cmdline, v.status, v.progress, v.split], [
    null,
    null,
    null,
    null,
    null,
  ]);
  assert.deepEqual([v.behind, v.tooSmall, v.graphs, v.hostShown], [1, false, null, true]);
  assert.deepEqual([v.rate, v.speed, v.paused, v.interactive], [4, 10, false, true]);
  // the log holds the snapshot's events oldest first
  assert.deepEqual(v.events.events.map((e) => e.seq), snap.events.map((e) => e.seq).toReversed());
  assert.ok(v.events.events.length >= 3);
});

Deno.test("newView: given fields override the defaults", () => {
  const snap = createSession().snapshot();
  const v = newView(snap, new History(), {
    rate: 2,
    speed: 5,
    paused: true,
    interactive: false,
    focus: "events",
    cols: 200,
    rows: 60,
    record: "r.tmem",
  });
  assert.deepEqual([v.focus, v.cols, v.rows, v.record], ["events", 200, 60, "r.tmem"]);
});
