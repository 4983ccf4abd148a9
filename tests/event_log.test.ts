/** src/event_log.ts: the bounded event log, newest first. */
import assert from "node:assert/strict";
import { EventLog } from "../src/event_log.ts";

Deno.test("event log: newest first, with tick, kind, text and a rising seq", () => {
  const log = new EventLog(10);
  assert.deepEqual(log.newestFirst(), []);
  log.add(1, "mount", "mount home");
  log.add(2, "register", "zswap registered");
  log.add(2, "error", "boom");
  assert.deepEqual(log.newestFirst(), [
    { tick: 2, kind: "error", text: "boom", seq: 2 },
    { tick: 2, kind: "register", text: "zswap registered", seq: 1 },
    { tick: 1, kind: "mount", text: "mount home", seq: 0 },
  ]);
});

Deno.test("event log: keeps the latest `limit` events however many were added; seq keeps counting", () => {
  const log = new EventLog(3);
  for (let i = 0; i < 100; i++) {
    log.add(i, "mount", `e${i}`);
    const got = log.newestFirst();
    assert.equal(got.length, Math.min(3, i + 1));
    assert.deepEqual(
      got.map((e) => e.text),
      Array.from({ length: got.length }, (_, k) => `e${i - k}`),
    );
    assert.equal(got[0].seq, i);
  }
});

Deno.test("event log: a limit below 1 keeps one event", () => {
  const log = new EventLog(0);
  log.add(0, "mount", "a");
  log.add(1, "umount", "b");
  assert.deepEqual(log.newestFirst().map((e) => e.text), ["b"]);
});
