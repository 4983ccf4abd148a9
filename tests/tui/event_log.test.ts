/** tui/event_log.ts: the dashboard's event log (no event twice, bounded) and its folding into groups. */
import assert from "node:assert/strict";
import { EVENT_LOG_LIMIT, eventGroups, kindsIn, shapeOf, UiEventLog } from "../../tui/event_log.ts";
import type { SimEvent } from "../../src/snapshot.ts";

const ev = (seq: number, kind: SimEvent["kind"] = "info", text = `e${seq}`): SimEvent => ({
  tick: seq,
  kind,
  text,
  seq,
});

Deno.test("the log keeps the last 1,000 events", () => {
  const log = new UiEventLog();
  for (let i = 0; i < 3000; i += 100) {
    const chunk: SimEvent[] = [];
    for (let j = i; j < i + 100; j++) chunk.push({ tick: j, kind: "info", text: `e${j}`, seq: j });
    log.take(chunk.toReversed());
  }
  assert.equal(log.events.length, EVENT_LOG_LIMIT);
  assert.equal(log.events.at(-1)!.text, "e2999");
  assert.equal(log.events[0].text, "e2000");
});

Deno.test("take: only events newer than the last taken, oldest first; a gap is counted as missed", () => {
  const log = new UiEventLog();
  assert.equal(log.take([ev(2), ev(1), ev(0)]), 3);
  assert.deepEqual(log.events.map((e) => e.seq), [0, 1, 2]);
  assert.equal(log.take([ev(2), ev(1)]), 0, "a snapshot with nothing new");
  assert.equal(log.take([ev(4), ev(3), ev(2)]), 2);
  assert.deepEqual(log.events.map((e) => e.seq), [0, 1, 2, 3, 4]);
  assert.equal(log.missed, 0);
  log.take([ev(9), ev(8)]);
  assert.equal(log.missed, 3, "5, 6 and 7 never reached a snapshot");
  assert.equal(log.take([]), 0);
  // an event without a running number stops the walk
  assert.equal(log.take([{ tick: 1, kind: "info", text: "x" }, ev(20)]), 0);
});

Deno.test("add: the dashboard's own events go at the end, within the same bound", () => {
  const log = new UiEventLog();
  log.take([ev(0)]);
  log.add({ tick: 1, kind: "error", text: "command failed" });
  assert.deepEqual(log.events.map((e) => e.text), ["e0", "command failed"]);
  for (let i = 0; i < EVENT_LOG_LIMIT + 5; i++) log.add(ev(100 + i));
  assert.equal(log.events.length, EVENT_LOG_LIMIT);
  assert.equal(log.events.at(-1)!.seq, 100 + EVENT_LOG_LIMIT + 4);
});

Deno.test("groups: consecutive events of one shape (kind and text before ':') fold; a filter keeps one kind", () => {
  assert.equal(shapeOf(ev(0, "error", "STALE (override): get a 1 2")), "error|STALE (override)");
  const events = [
    ev(0, "mount", "mount a"),
    ev(1, "error", "STALE (override): get a 1 0"),
    ev(2, "error", "STALE (override): get a 1 1"),
    ev(3, "error", "STALE (override): get a 1 2"),
    ev(4, "mount", "mount b"),
    ev(5, "error", "STALE (override): get a 1 3"),
    ev(6, "mount", "mount b"),
  ];
  const all = eventGroups(events, null);
  assert.deepEqual(all.map((g) => [g.count, g.first.seq, g.last.seq]), [
    [1, 0, 0],
    [3, 1, 3],
    [1, 4, 4],
    [1, 5, 5],
    [1, 6, 6],
  ]);
  const mounts = eventGroups(events, "mount");
  assert.deepEqual(mounts.map((g) => [g.count, g.first.text]), [[1, "mount a"], [2, "mount b"]]);
  const errors = eventGroups(events, "error");
  assert.deepEqual(errors.map((g) => g.count), [4], "the filter joins runs split by other kinds");
  assert.deepEqual(eventGroups([], null), []);
});

Deno.test("kindsIn: the kinds present, in order of first appearance", () => {
  assert.deepEqual(kindsIn([ev(0, "mount"), ev(1, "error"), ev(2, "mount"), ev(3, "register")]), [
    "mount",
    "error",
    "register",
  ]);
  assert.deepEqual(kindsIn([]), []);
});
