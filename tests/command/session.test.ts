import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import {
  CommandSession,
  createSession,
  formatJsonLine,
  jsonObjectOf,
  type Stats,
} from "../../src/command/mod.ts";

function session(opts: { regime?: "eager" | "fake-poolid" | "deferred"; seed?: number } = {}) {
  const recorded: string[] = [];
  const s = new CommandSession(new Simulation({ seed: opts.seed ?? 1, regime: opts.regime }), {
    record: (l) => recorded.push(l),
  });
  return { s, recorded };
}

function stats(s: CommandSession): Stats {
  const r = s.execute("stats");
  assert.equal(r.ok, true, r.error);
  return r.stats as Stats;
}

Deno.test("get/load/store report their result; silent commands print nothing", () => {
  const { s } = session();
  for (const l of ["mount home", "swapon 0", "register zcache", "put home 1 0 text"]) {
    const r = s.execute(l);
    assert.equal(r.ok, true, r.error);
    assert.equal(r.text, undefined);
    assert.equal(r.error, undefined);
  }
  const g = s.execute("get home 1 0");
  assert.equal(g.result, "hit");
  assert.equal(g.text, "get home 1 0: hit");
  assert.equal(s.execute("get home 1 0").result, "miss", "private pools are exclusive");
  assert.equal(s.execute("store 0 5 text").result, "stored");
  assert.equal(s.execute("store 0 6 random").result, "rejected");
  assert.equal(s.execute("load 0 5").result, "hit");
  assert.equal(s.execute("load 0 6").result, "miss");
  const st = stats(s);
  assert.equal(st.cleancache.succ_gets, 1);
  assert.equal(st.frontswap.succ_stores, 1);
  assert.equal(st.frontswap.failed_stores, 1);
  assert.equal(st.backend?.reject_compress_poor, 1);
});

Deno.test("line numbers: explicit, or counted by the session", () => {
  const { s } = session();
  assert.equal(s.execute("# comment").line, 1);
  assert.equal(
    s.execute("umount nothing").error,
    "line 2: umount: no filesystem named 'nothing' is mounted",
  );
  assert.equal(s.execute("umount nothing", 40).error?.startsWith("line 40: umount:"), true);
  assert.equal(s.execute("bogus").line, 41);
});

Deno.test("errors leave the simulation as it was and are not recorded", () => {
  const { s, recorded } = session();
  s.execute("mount home");
  s.execute("put home 1 1");
  const before = JSON.stringify(stats(s));
  const bad = [
    "mount home",
    "regime eager",
    "umount var",
    "swapoff 3",
    "load 0 1",
    "unregister",
    "get var 1 1",
    "workload stop swap",
    "workload start swap rate=-5",
    "workload start pagecache bogus=1",
    "expect nosuch.path == 1",
    "expect regime < 3",
    "totally wrong",
    "\u0000\u0001\u0002",
  ];
  for (const l of bad) {
    const r = s.execute(l);
    assert.equal(r.ok, false, `${l} should fail`);
    assert.match(r.error!, /^line \d+: \S/);
    assert.doesNotMatch(r.error!, /[\n\r]/);
  }
  assert.equal(JSON.stringify(stats(s)), before);
  assert.deepEqual(recorded, [
    "regime deferred",
    "seed 1",
    "options writethrough=off exclusive-loads=off",
    "mount home",
    "put home 1 1 text",
  ]);
  assert.equal(s.errors, bad.length);
});

Deno.test("only successful state-changing commands are recorded, in canonical form", () => {
  const { s, recorded } = session({ seed: 9 });
  const lines = [
    "  mount   home  # comment",
    "stats",
    "swapon 0 slots=64",
    "register zcache writeback=on level=3",
    "put home 1 2",
    "get home 1 2",
    "expect cleancache.puts == 1",
    "run 2",
    "run 3",
    "quit",
  ];
  for (const l of lines) assert.equal(s.execute(l).ok, true);
  assert.deepEqual(recorded, [
    "regime deferred",
    "seed 9",
    "options writethrough=off exclusive-loads=off",
    "mount home",
    "swapon 0 slots=64",
    "register zcache level=3 writeback=on",
    "put home 1 2 text",
    "get home 1 2",
    "run 2",
    "run 3",
  ]);
  // The history (used by compare) merges consecutive runs.
  assert.deepEqual(s.history?.slice(-2), ["get home 1 2", "run 5"]);
});

Deno.test("expect: passes, failures, and the JSON fields", () => {
  const { s } = session();
  s.execute("mount home");
  const pass = s.execute("expect cleancache.pending == [home]");
  assert.equal(pass.ok, true);
  assert.equal(pass.expectFailed, false);
  const fail = s.execute("expect cleancache.pools >= 1");
  assert.equal(fail.ok, true);
  assert.equal(fail.expectFailed, true);
  assert.match(fail.text!, /FAILED \(actual 0\)/);
  assert.deepEqual(jsonObjectOf(fail), {
    line: 3,
    cmd: "expect",
    ok: true,
    path: "cleancache.pools",
    op: ">=",
    expected: 1,
    actual: 0,
    pass: false,
    expectFailed: true,
  });
  assert.equal(s.expectFailures, 1);
  const viaNull = s.execute("expect backend.stored_pages == 0");
  assert.equal(viaNull.expectFailed, true);
  assert.match(viaNull.text!, /backend is null/);
  assert.equal(s.execute("expect backend == null").expectFailed, false);
});

Deno.test("regime only before the first mount; seed any time", () => {
  const { s } = session();
  assert.equal(s.execute("regime eager").ok, true);
  assert.equal(s.sim.regime, "eager");
  s.execute("swapon 0");
  const r = s.execute("regime deferred");
  assert.equal(r.ok, false);
  assert.match(r.error!, /^line 3: regime: /);
  assert.equal(s.execute("seed 77").ok, true);
  assert.equal(s.sim.seed, 77);
});

Deno.test("quit, help and audit", () => {
  const { s } = session();
  assert.equal(s.execute("quit").quit, true);
  const help = s.execute("help").text!;
  for (const w of ["regime", "mount", "register", "workload start", "expect", "compare"]) {
    assert.ok(help.includes(w), `help mentions ${w}`);
  }
  assert.equal(s.execute("audit").text, "audit: ok");
});

Deno.test("an exception that is not a SimError becomes an internal error line", () => {
  class BrokenSimulation extends Simulation {
    override mount(): void {
      throw new TypeError("boom\nsecond line");
    }
  }
  const s = new CommandSession(new BrokenSimulation());
  const r = s.execute("mount home", 3);
  assert.equal(r.ok, false);
  assert.equal(r.error, "line 3: mount: internal error: boom second line");
});

Deno.test("stats JSON has the documented names and no event log", () => {
  const { s } = session();
  s.execute("mount home");
  s.execute("register zcache");
  const r = s.execute("stats");
  const o = JSON.parse(formatJsonLine(r));
  assert.equal(o.line, 3);
  assert.equal(o.cmd, "stats");
  assert.equal("events" in o.stats, false);
  for (const k of ["tick", "regime", "cleancache", "frontswap", "backend", "integrity"]) {
    assert.ok(k in o.stats, k);
  }
  for (
    const k of ["succ_gets", "failed_gets", "puts", "invalidates", "pools", "pending", "uncached"]
  ) {
    assert.ok(k in o.stats.cleancache, k);
  }
  for (
    const k of [
      "loads",
      "succ_stores",
      "failed_stores",
      "invalidates",
      "pages",
      "active",
      "pending",
    ]
  ) {
    assert.ok(k in o.stats.frontswap, k);
  }
  for (
    const k of [
      "name",
      "stored_pages",
      "same_filled_pages",
      "pool_total_size",
      "compressed_bytes",
      "compression_ratio",
      "effective_ratio",
      "reject_compress_poor",
      "pool_limit_hit",
      "written_back_pages",
      "duplicate_entry",
      "evicted_pages",
    ]
  ) {
    assert.ok(k in o.stats.backend, k);
  }
  for (const k of ["verified_reads", "stale_reads", "lost_pages"]) {
    assert.ok(k in o.stats.integrity, k);
  }
  assert.match(r.text!, /^tick=0 regime=deferred/);
});

Deno.test("options: set before anything ran (the simulation is rebuilt), refused after", () => {
  const { s, recorded } = session();
  assert.equal(s.execute("options exclusive-loads=on").ok, true);
  assert.deepEqual(s.simulationOptions.exclusiveLoads, true);
  assert.equal(s.execute("regime eager").ok, true, "still setup");
  assert.equal(s.execute("seed 5").ok, true, "still setup");
  assert.equal(s.execute("options writethrough=on").ok, true);
  for (const l of ["swapon 0", "register zcache", "store 0 1", "load 0 1"]) {
    assert.equal(s.execute(l).ok, true, l);
  }
  // exclusive loads are on: the hit dropped the backend copy.
  assert.equal(stats(s).frontswap.pages, 0);
  assert.equal(stats(s).regime, "eager");
  const late = s.execute("options writethrough=off");
  assert.match(late.error!, /^line \d+: options: can only be set before the first mount/);
  assert.equal(s.simulationOptions.writethrough, true, "a refused options line changes nothing");
  assert.deepEqual(recorded.slice(0, 7), [
    "regime deferred",
    "seed 1",
    "options writethrough=off exclusive-loads=off",
    "options exclusive-loads=on",
    "regime eager",
    "seed 5",
    "options writethrough=on",
  ]);
  assert.match(s.execute("options").error!, /missing KEY=VALUE/);
  assert.match(s.execute("options writethrough=maybe").error!, /must be on or off/);
});

Deno.test("the compare history is bounded: past the limit compare asks for --compare", () => {
  const s = createSession({ historyLimit: 3 });
  for (const l of ["mount a", "put a 1 1", "run 1", "run 1", "get a 1 1"]) s.execute(l);
  // mount, put, run 2 (merged), get: 4 lines > 3.
  assert.equal(s.history, null, "dropped past the limit");
  const r = s.execute("compare");
  assert.equal(r.ok, false);
  assert.match(r.error!, /passed 3 state-changing lines.*run the script with --compare instead/);
  const small = createSession({ historyLimit: 10 });
  for (const l of ["mount a", "put a 1 1", "get a 1 1"]) small.execute(l);
  assert.equal(small.execute("compare").ok, true);
  assert.equal(
    new CommandSession(new Simulation()).execute("compare").error,
    "line 1: compare: compare is not available in this session",
  );
});
