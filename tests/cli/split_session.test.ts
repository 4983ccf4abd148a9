/**
 * The split view's sessions: three regimes in lockstep (one line runs in all
 * three before the next), results combined per regime, a recorded session
 * replayed without its regime and seed lines, and the bounded replay log.
 */
import assert from "node:assert/strict";
import { combine, ReplayLog, SplitSession } from "../../cli/split_session.ts";
import { DEFAULT_SCENARIO } from "../../src/scenario/default.ts";
import { REGIMES } from "../../src/regime.ts";
import { createSession } from "../../src/command/mod.ts";

Deno.test("split session: one session per regime, in REGIMES order, same seed", () => {
  const s = new SplitSession({ seed: 11 });
  const snaps = s.snapshots();
  assert.deepEqual(snaps.map((x) => x.regime), [...REGIMES]);
  assert.deepEqual(snaps.map((x) => x.seed), [11, 11, 11]);
  assert.equal(s.sim.snapshot().regime, "deferred", "intents resolve against the last regime");
});

Deno.test("split session: a line acts on all three at the same tick", () => {
  const s = new SplitSession({ seed: 3 });
  assert.deepEqual(s.replay(DEFAULT_SCENARIO), []);
  assert.ok(s.execute("run 25").ok);
  assert.ok(s.execute("mount early").ok);
  const snaps = s.snapshots();
  assert.deepEqual(snaps.map((x) => x.tick), [25, 25, 25]);
  // A mount before any backend: eager never caches it, the other two wait for a backend.
  const state = snaps.map((x) => x.superblocks.find((sb) => sb.name === "early")?.state);
  assert.deepEqual(state, ["uncached", "pending", "pending"]);
  // Each is exactly the single-regime session driven with the same lines.
  for (const [i, regime] of REGIMES.entries()) {
    const one = createSession({ simulation: { regime, seed: 3 } });
    for (const line of [...DEFAULT_SCENARIO, "run 25", "mount early"]) one.execute(line);
    assert.deepEqual(snaps[i], one.snapshot(), regime);
  }
});

Deno.test("split session: snapshots are taken again after every line", () => {
  const s = new SplitSession({ seed: 1 });
  const before = s.snapshots();
  assert.equal(s.snapshots(), before, "no line ran: the same snapshots");
  s.execute("mount a");
  assert.notEqual(s.snapshots(), before);
  assert.equal(s.snapshots()[0].superblocks.length, 1);
});

Deno.test("split session: replay leaves out the recorded regime and seed lines", () => {
  const s = new SplitSession({ seed: 5 });
  const failed = s.replay(["regime eager", "seed 9", "mount a", "run 3"]);
  assert.deepEqual(failed, []);
  assert.deepEqual(s.snapshots().map((x) => x.regime), [...REGIMES]);
  assert.deepEqual(s.snapshots().map((x) => x.tick), [3, 3, 3]);
});

Deno.test("split session: replay reports the lines that failed, the rest still run", () => {
  const s = new SplitSession({ seed: 5 });
  const failed = s.replay(["mount a", "umount nosuch", "mount b"]);
  assert.equal(failed.length, 1);
  assert.match(failed[0].error!, /^umount nosuch: /);
  assert.equal(s.snapshots()[2].superblocks.length, 2);
});

Deno.test("combine: the same outcome once; differing ones named by regime", () => {
  assert.deepEqual(combine([{ ok: true, cmd: "mount" }, { ok: true }, { ok: true }]), {
    ok: true,
    cmd: "mount",
  });
  assert.deepEqual(
    combine([{ ok: true, text: "x" }, { ok: true, text: "x" }, { ok: true, text: "x" }]).text,
    "x",
  );
  assert.equal(
    combine([{ ok: true, text: "a" }, { ok: true, text: "b" }, { ok: true }]).text,
    "eager: a\nfake-poolid: b\ndeferred: -",
  );
  const err = combine([
    { ok: false, error: "line 4: register: busy" },
    { ok: true },
    { ok: false, error: "line 4: register: busy" },
  ]);
  assert.equal(err.ok, false);
  assert.equal(err.error, "eager: register: busy; fake-poolid: ok; deferred: register: busy");
  const same = combine([{ ok: false, error: "line 1: bad" }, { ok: false, error: "line 1: bad" }, {
    ok: false,
    error: "line 1: bad",
  }]);
  assert.equal(same.error, "bad");
});

Deno.test("replay log: runs merged, null past its bound", () => {
  const log = new ReplayLog(3);
  for (const l of ["regime deferred", "run 2", "run 3", "mount a"]) log.push(l);
  assert.deepEqual(log.lines(), ["regime deferred", "run 5", "mount a"]);
  log.push("mount b");
  log.push("mount c");
  assert.equal(log.lines(), null);
});
