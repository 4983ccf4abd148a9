/** src/command/create.ts: `createSession`, a fresh simulation wired to a session with compare. */
import assert from "node:assert/strict";
import { createSession } from "../../src/command/create.ts";

Deno.test("createSession: the @example runs; regime and seed reach the simulation", () => {
  const s = createSession({ simulation: { regime: "eager", seed: 7 } });
  assert.deepEqual(s.execute("mount home"), {
    line: 1,
    cmd: "mount",
    ok: true,
    command: { kind: "mount", name: "home" },
  });
  const stats = s.execute("stats").stats!;
  assert.equal(stats.regime, "eager");
  assert.equal(stats.seed, 7);
  const plain = createSession().execute("stats").stats!;
  assert.equal(plain.regime, "deferred", "the default regime");
});

Deno.test("createSession: compare is plugged in (a bare session refuses it)", () => {
  const s = createSession({ simulation: { seed: 2 } });
  s.execute("mount home");
  const r = s.execute("compare");
  assert.equal(r.ok, true, r.error);
  assert.deepEqual((r.data as { regimes: string[] }).regimes, ["eager", "fake-poolid", "deferred"]);
  const refused = createSession({ compare: undefined }).execute("compare");
  assert.equal(refused.ok, false);
});

Deno.test("createSession: frontswap options go to the simulation and to the session's records", () => {
  const recorded: string[] = [];
  const s = createSession({
    simulation: { seed: 5, writethrough: true },
    record: (l) => recorded.push(l),
  });
  s.execute("mount a");
  assert.ok(recorded.includes("options writethrough=on exclusive-loads=off"), recorded.join("|"));
  assert.ok(recorded.includes("seed 5"));
  assert.ok(recorded.includes("mount a"));
});

Deno.test("createSession: session options (json, historyLimit) are passed on", () => {
  const s = createSession({ json: true, historyLimit: 1 });
  assert.equal(s.json, true);
  s.execute("mount a");
  s.execute("mount b");
  const r = s.execute("compare");
  assert.equal(r.ok, false);
  assert.match(r.error!, /--compare/);
});
