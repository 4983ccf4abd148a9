/**
 * The session host's mechanisms, on a manual clock: a cancel set in shared
 * memory stops a busy job between chunks (no message needed), requests act
 * between slices of a job, the live clock reports `behind` when ticks cost
 * more than the wall time they stand for, and nothing is sent when nothing
 * changed.
 */
import assert from "node:assert/strict";
import { FLAG_CANCEL, FLAG_CLOSE, type HostMessage, SessionHost } from "../../cli/session_host.ts";
import type { ExecResult } from "../../src/session_port.ts";
import { createSession } from "../../src/command/mod.ts";

/** A host over a real session; `cost` ms of manual time per tick run. */
function harness(cost = 0, onRun?: (calls: number) => void) {
  const session = createSession({ simulation: { seed: 3 } });
  session.execute("mount a");
  let now = 0;
  const flag = new Int32Array(1);
  const out: HostMessage[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  let runs = 0;
  const wrapped = {
    get sim() {
      return session.sim;
    },
    execute(line: string): ExecResult {
      const m = /^run (\d+)$/.exec(line);
      if (m) {
        runs++;
        now += cost * Number(m[1]);
        onRun?.(runs);
      }
      return session.execute(line);
    },
  };
  const host = new SessionHost(wrapped, {
    now: () => now,
    post: (m) => out.push(m),
    later: (fn, ms) => timers.push({ at: now + Math.max(1, ms), fn }),
    flag,
    maxChunk: 10,
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = Math.max(now, t.at);
      t.fn();
    }
    now = Math.max(now, end);
  };
  return {
    session,
    host,
    flag,
    out,
    advance,
    results: () => out.filter((m) => m.type === "result"),
  };
}

Deno.test("a cancel flag set while a job is busy stops it between chunks, ticks kept", () => {
  let runs = 0;
  const h: ReturnType<typeof harness> = harness(0, (calls) => {
    runs = calls;
    if (calls === 3) Atomics.store(h.flag, 0, FLAG_CANCEL); // the UI thread, meanwhile
  });
  h.host.handle({ type: "clock", clock: { speed: 10, paused: true, rate: 10 } });
  h.host.handle({ type: "request", id: 1, req: { line: "run 100000" } });
  h.advance(1);
  const r = h.results().find((m) => m.type === "result" && m.id === 1);
  assert.ok(r && r.type === "result", "the job ended in the same slice");
  const ticks = h.session.sim.tick;
  assert.deepEqual(r.result.cancelled, { done: ticks, total: 100000 });
  assert.equal(runs, 3, "no chunk ran after the flag was set");
  assert.equal(Atomics.load(h.flag, 0), 0, "the flag is cleared for the next job");
  assert.ok(
    h.out.some((m) =>
      m.type === "record" && m.line === `# run 100000 cancelled after ${ticks} of 100000 ticks`
    ),
  );
});

Deno.test("close stops a job at the next chunk and says goodbye", () => {
  const h = harness();
  h.host.handle({ type: "clock", clock: { speed: 10, paused: true, rate: 10 } });
  h.host.handle({ type: "request", id: 1, req: { line: "run 100000" } });
  h.advance(1);
  const t = h.session.sim.tick;
  Atomics.store(h.flag, 0, FLAG_CLOSE);
  h.advance(1);
  assert.equal(h.session.sim.tick, t, "no chunk after the flag");
  h.host.handle({ type: "close" });
  assert.equal(h.out.at(-1)?.type, "closed");
});

Deno.test("requests arriving during a job act between its slices, in order", () => {
  const h = harness();
  h.host.handle({ type: "clock", clock: { speed: 10, paused: true, rate: 10 } });
  h.host.handle({ type: "request", id: 1, req: { line: "run 100000" } });
  h.advance(1);
  for (let i = 0; i < 20; i++) {
    h.host.handle({ type: "request", id: 10 + i, req: { intent: "mount-next" } });
  }
  const names = h.session.sim.mountedNames();
  assert.equal(names.length, 21);
  assert.deepEqual(names.slice(1), Array.from({ length: 20 }, (_, i) => `fs${i + 1}`));
  assert.ok(h.session.sim.tick < 100000, "the job is still running");
});

Deno.test("live clock: speed ticks per second; behind ×N when ticks cost more than their time", () => {
  const fast = harness(0);
  fast.host.handle({ type: "clock", clock: { speed: 50, paused: false, rate: 10 } });
  fast.advance(3000);
  assert.ok(Math.abs(fast.session.sim.tick - 150) <= 2, `${fast.session.sim.tick} ticks in 3 s`);
  const upd = fast.out.filter((m) => m.type === "update").at(-1);
  assert.ok(upd?.type === "update" && upd.update.behind === 1);

  // Each tick costs 40 ms of wall time: at most 25 ticks a second for 50 asked.
  const slow = harness(40);
  slow.host.handle({ type: "clock", clock: { speed: 50, paused: false, rate: 10 } });
  slow.advance(5000);
  const last = slow.out.filter((m) => m.type === "update").at(-1);
  assert.ok(last?.type === "update");
  assert.ok(last.update.behind > 1.5 && last.update.behind < 3, `behind ${last.update.behind}`);
});

Deno.test("paused and nothing asked: no update is sent", () => {
  const h = harness();
  h.host.handle({ type: "clock", clock: { speed: 10, paused: true, rate: 10 } });
  h.advance(500);
  const n = h.out.length;
  h.advance(5000);
  assert.equal(h.out.length, n);
});
