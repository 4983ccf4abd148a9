/**
 * cli/local_port.ts: the in-thread SessionPort on a manual clock. Time moves
 * only with `advance`, so long commands, the live clock and cancelling are
 * tested without sleeping.
 */
import assert from "node:assert/strict";
import { LocalSessionPort } from "../../cli/local_port.ts";
import { createSession } from "../../src/command/create.ts";
import type { SessionUpdate } from "../../src/session_port.ts";

/** A port over a fresh session whose record lines reach the port (as the worker posts them). */
function setup() {
  const early: string[] = [];
  let forward: (line: string) => void = (line) => void early.push(line);
  const session = createSession({ simulation: { seed: 1 }, record: (l) => forward(l) });
  const port = new LocalSessionPort(session);
  forward = port.recordLine;
  early.forEach(forward);
  const updates: SessionUpdate[] = [];
  port.onUpdate((u) => updates.push(u));
  port.setClock({ speed: 10, paused: true, rate: 4 });
  return { session, port, updates };
}

/** Whether a promise has settled (after the microtasks queued so far). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(() => (done = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return done;
}

Deno.test("send: a short command's result; errors name the line; intents act like their keys", async () => {
  const { session, port } = setup();
  assert.deepEqual(await port.send({ line: "mount a" }), { ok: true, cmd: "mount" });
  const bad = await port.send({ line: "frob" });
  assert.equal(bad.ok, false);
  assert.match(bad.error!, /unknown command "frob"/);
  assert.deepEqual(await port.send({ intent: "mount-next" }), { ok: true, cmd: "mount" });
  assert.deepEqual(session.snapshot().superblocks.map((s) => s.name), ["a", "fs1"]);
  await port.close();
});

Deno.test("a long run advances only with the manual clock, in slices, and then resolves", async () => {
  const { session, port, updates } = setup();
  const run = port.send({ line: "run 50000" });
  assert.equal(await settled(run), false, "no time passed: not done");
  assert.ok(session.snapshot().tick < 50000);
  port.advance(100);
  assert.equal(await settled(run), false, "a slice at a time: not done yet");
  const mid = session.snapshot().tick;
  assert.ok(mid > 0 && mid < 50000, `${mid}`);
  port.advance(10_000);
  assert.deepEqual(await run, { ok: true, cmd: "run" });
  assert.equal(session.snapshot().tick, 50000, "paused: exactly the ticks asked for");
  const progress = updates.filter((u) => u.progress !== null).map((u) => u.progress!.done);
  assert.ok(progress.length > 1, "progress reported between slices");
  assert.deepEqual(progress, progress.toSorted((a, b) => a - b), "progress only grows");
  assert.equal(updates.at(-1)!.snapshot.tick, 50000);
  assert.equal(updates.at(-1)!.progress, null, "done: no progress");
  await port.close();
});

Deno.test("the live clock: speed ticks per simulated second of the manual clock; none when paused", async () => {
  const { session, port } = setup();
  port.advance(5000);
  assert.equal(session.snapshot().tick, 0, "paused");
  port.setClock({ speed: 10, paused: false, rate: 4 });
  const t0 = session.snapshot().tick;
  port.advance(3000);
  const ran = session.snapshot().tick - t0;
  assert.ok(ran >= 25 && ran <= 31, `about 30 ticks in 3 s at 10 t/s, got ${ran}`);
  port.setClock({ speed: 10, paused: true, rate: 4 });
  const t1 = session.snapshot().tick;
  port.advance(3000);
  assert.equal(session.snapshot().tick, t1);
  assert.equal(port.now, 11000, "now is the manual clock");
  await port.close();
});

Deno.test("cancel stops a long run between slices; the ticks done are kept and recorded", async () => {
  const { session, port } = setup();
  await port.send({ line: "mount a" });
  const run = port.send({ line: "run 100000" });
  port.advance(20);
  port.cancel();
  port.advance(20);
  const r = await run;
  assert.ok(r.cancelled, JSON.stringify(r));
  assert.equal(r.cancelled.total, 100000);
  assert.ok(r.cancelled.done > 0 && r.cancelled.done < 100000);
  assert.equal(session.snapshot().tick, r.cancelled.done);
  // the record holds the setup, the mount, the ticks done, and a comment saying why
  const runs = port.records.filter((l) => /^run \d+$/.test(l)).map((l) => Number(l.slice(4)));
  assert.equal(runs.reduce((a, b) => a + b, 0), r.cancelled.done);
  assert.ok(port.records.includes("mount a"));
  assert.equal(
    port.records.at(-1),
    `# run 100000 cancelled after ${r.cancelled.done} of 100000 ticks`,
  );
  await port.close();
});

Deno.test("a late update listener gets the latest snapshot at once", async () => {
  const { port } = setup();
  await port.send({ line: "mount a" });
  port.advance(10);
  const got: number[] = [];
  port.onUpdate((u) => got.push(u.snapshot.superblocks.length));
  assert.deepEqual(got, [1]);
  await port.close();
});
