/** cli/port_inbox.ts: the UI side of the session protocol (ids, results, notices, updates, records). */
import assert from "node:assert/strict";
import { PortInbox } from "../../cli/port_inbox.ts";
import type { ExecResult, SessionUpdate } from "../../src/session_port.ts";
import { createSession } from "../../src/command/create.ts";

const UPDATE = (tick: number): SessionUpdate => {
  const snapshot = createSession().snapshot();
  snapshot.tick = tick;
  return { snapshot, progress: null, behind: 1 };
};

Deno.test("request: fresh ids; each result resolves its own request, in any order", async () => {
  const inbox = new PortInbox();
  const a = inbox.request(), b = inbox.request();
  assert.notEqual(a.id, b.id);
  inbox.receive({ type: "result", id: b.id, result: { ok: true, cmd: "b" } });
  inbox.receive({ type: "result", id: a.id, result: { ok: false, error: "a" } });
  assert.deepEqual(await a.result, { ok: false, error: "a" });
  assert.deepEqual(await b.result, { ok: true, cmd: "b" });
});

Deno.test("a result nobody asked for (or asked twice) goes to the notice listeners", async () => {
  const inbox = new PortInbox();
  const notices: ExecResult[] = [];
  inbox.onNotice((r) => notices.push(r));
  const a = inbox.request();
  inbox.receive({ type: "result", id: a.id, result: { ok: true } });
  inbox.receive({ type: "result", id: a.id, result: { ok: false, error: "again" } });
  inbox.receive({ type: "result", id: 999, result: { ok: false, error: "clock" } });
  assert.deepEqual(await a.result, { ok: true });
  assert.deepEqual(notices, [{ ok: false, error: "again" }, { ok: false, error: "clock" }]);
});

Deno.test("updates reach every listener; a late listener gets the latest at once", () => {
  const inbox = new PortInbox();
  const early: number[] = [];
  inbox.onUpdate((u) => early.push(u.snapshot.tick));
  inbox.receive({ type: "update", update: UPDATE(1) });
  inbox.receive({ type: "update", update: UPDATE(2) });
  const late: number[] = [];
  inbox.onUpdate((u) => late.push(u.snapshot.tick));
  inbox.receive({ type: "update", update: UPDATE(3) });
  assert.deepEqual(early, [1, 2, 3]);
  assert.deepEqual(late, [2, 3]);
  const none: number[] = [];
  new PortInbox().onUpdate((u) => none.push(u.snapshot.tick));
  assert.deepEqual(none, [], "no update yet: nothing at once");
});

Deno.test("record lines to the recorder, the host's goodbye to `closed`; no hooks is fine", () => {
  const lines: string[] = [];
  let closed = 0;
  const inbox = new PortInbox({ record: (l) => lines.push(l), closed: () => closed++ });
  inbox.receive({ type: "record", line: "mount a" });
  inbox.receive({ type: "record", line: "run 3" });
  inbox.receive({ type: "closed" });
  assert.deepEqual(lines, ["mount a", "run 3"]);
  assert.equal(closed, 1);
  const bare = new PortInbox();
  bare.receive({ type: "record", line: "x" });
  bare.receive({ type: "closed" });
});

Deno.test("failPending resolves every waiting request with the given result, once", async () => {
  const inbox = new PortInbox();
  const notices: ExecResult[] = [];
  inbox.onNotice((r) => notices.push(r));
  const a = inbox.request(), b = inbox.request();
  const gone = { ok: false, error: "session closed" };
  inbox.failPending(gone);
  assert.deepEqual(await Promise.all([a.result, b.result]), [gone, gone]);
  inbox.receive({ type: "result", id: a.id, result: { ok: true } });
  assert.deepEqual(notices, [{ ok: true }], "a late result is a notice, not a second answer");
});
