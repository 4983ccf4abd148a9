/** src/scenario/default.ts: the scenario a dashboard starts from, and when it is run. */
import assert from "node:assert/strict";
import { DEFAULT_SCENARIO, startupScenario } from "../../src/scenario/default.ts";
import { createSession } from "../../src/command/create.ts";
import { WORKLOAD_DEFAULTS } from "../../src/workloads/mod.ts";

function snapshotAfter(lines: readonly string[]) {
  const s = createSession({ simulation: { seed: 1 } });
  for (const l of lines) assert.equal(s.execute(l).ok, true, l);
  return s.snapshot();
}

Deno.test("default scenario: three filesystems (one shared), two swap types, pagecache and swap running", () => {
  const s = createSession({ simulation: { seed: 1 } });
  for (const l of DEFAULT_SCENARIO) {
    const r = s.execute(l);
    assert.equal(r.ok, true, `${l}: ${r.error}`);
    assert.equal(r.text, undefined, `${l} is silent`);
  }
  const st = s.execute("stats").stats!;
  assert.equal(st.backend, null, "no backend registered");
  assert.deepEqual(st.superblocks.map((sb) => sb.name), ["root", "home", "gfs2"]);
  assert.deepEqual(st.superblocks.map((sb) => sb.uuid !== null), [false, false, true]);
  assert.deepEqual(st.swapTypes.map((t) => [t.type, t.slots]), [[0, 4096], [1, 2048]]);
  const running = st.workloads.filter((w) => w.running);
  assert.deepEqual(running.map((w) => w.name), ["pagecache", "swap"]);
  // rates are half the workloads' own defaults
  for (const w of running) {
    const name = w.name as keyof typeof WORKLOAD_DEFAULTS;
    assert.equal(w.params.rate, (WORKLOAD_DEFAULTS[name].rate as number) / 2, w.name);
  }
});

Deno.test("default scenario under deferred: pending superblocks and swap types until a backend registers", () => {
  const s = createSession({ simulation: { seed: 1 } });
  for (const l of [...DEFAULT_SCENARIO, "run 30"]) s.execute(l);
  let st = s.execute("stats").stats!;
  assert.deepEqual(st.cleancache.pending, ["root", "home", "gfs2"]);
  // pending superblocks never reach __cleancache_get_page (cleancache_fs_enabled, 4.1):
  // their operations are skipped and count nothing in the kernel's counters
  assert.equal(st.cleancache.failed_gets, 0);
  assert.ok(st.superblocks.some((sb) => sb.skipped > 0), "the workload's gets were skipped");
  assert.deepEqual(st.swapTypes.map((t) => t.state), ["pending", "pending"]);
  assert.equal(st.cleancache.pools, 0);
  assert.ok(s.execute("register zcache").ok);
  st = s.execute("stats").stats!;
  assert.deepEqual(st.cleancache.pending, []);
  assert.ok(st.superblocks.every((sb) => sb.poolId >= 0), "drained into pools");
});

Deno.test("startupScenario: the default scenario only on a pristine simulation", () => {
  assert.equal(startupScenario(snapshotAfter([])), DEFAULT_SCENARIO);
  assert.equal(startupScenario(snapshotAfter(["seed 9", "regime eager"])), DEFAULT_SCENARIO);
  for (const l of ["mount a", "swapon 0", "register ram", "run 1", "workload start churn"]) {
    assert.deepEqual(startupScenario(snapshotAfter([l])), [], l);
  }
  // a workload started and stopped before any time passed left nothing behind
  assert.equal(
    startupScenario(snapshotAfter(["workload start churn", "workload stop churn"])),
    DEFAULT_SCENARIO,
  );
});
