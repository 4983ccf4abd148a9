/**
 * mod.ts as a subprocess with stdin piped: JSON output, exit statuses, error
 * messages for bad input, flags, compare, record/replay, determinism.
 */
import assert from "node:assert/strict";
import { type CliRun, runCli } from "./helpers/cli.ts";
import { createSession, ScriptRunner } from "../src/command/mod.ts";

type Run = CliRun;
const run = runCli;

function jsonLines(s: string): Record<string, unknown>[] {
  const lines = s.split("\n");
  assert.equal(lines.pop(), "", "output ends with a newline");
  return lines.map((l) => JSON.parse(l));
}

function noStackTrace(r: Run): void {
  assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at .*:\d+:\d+/, "no stack trace");
  assert.doesNotMatch(r.stderr, /internal error/);
}

const BASIC = [
  "# a session",
  "mount home",
  "swapon 0 slots=32",
  "put home 1 0",
  "register zcache",
  "",
  "put home 1 0 records",
  "get home 1 0",
  "get home 1 0",
  "store 0 4 heap",
  "store 0 5 random",
  "load 0 4",
  "load 0 5",
  "stats",
  "expect cleancache.succ_gets == 1",
].join("\n") + "\n";

Deno.test("--json: one object per line with line, cmd, and result/stats/expect fields", async () => {
  const r = await run(["--json"], BASIC);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, "");
  const objs = jsonLines(r.stdout);
  assert.deepEqual(objs.map((o) => [o.line, o.cmd, o.result ?? null]), [
    // a put prints nothing in text mode; in JSON, once it reaches a backend, its fields
    [7, "put", null],
    [8, "get", "hit"],
    [9, "get", "miss"],
    [10, "store", "stored"],
    [11, "store", "rejected"],
    [12, "load", "hit"],
    [13, "load", "miss"],
    [14, "stats", null],
    [15, "expect", null],
  ]);
  assert.deepEqual(
    [objs[0].backend, objs[0].reason, typeof objs[0].clen],
    ["zcache", null, "number"],
  );
  const stats = objs[7].stats as Record<string, Record<string, unknown>>;
  assert.equal(stats.tick as unknown, 0);
  assert.equal(stats.regime as unknown, "deferred");
  assert.equal(stats.cleancache.succ_gets, 1);
  assert.equal(stats.cleancache.failed_gets, 1);
  assert.equal(stats.frontswap.succ_stores, 1);
  assert.equal(stats.frontswap.failed_stores, 1);
  assert.equal(stats.backend.name, "zcache");
  assert.equal(stats.backend.reject_compress_poor, 1);
  assert.equal(stats.integrity.stale_reads, 0);
  assert.equal("events" in stats, false);
  assert.equal(objs[8].pass, true);
});

Deno.test("text mode: readable results on stdout, errors on stderr naming the line", async () => {
  const r = await run([], "mount home\nget home 1 1\numount var\nfrobnicate\nstats\n");
  assert.equal(r.code, 2);
  assert.match(r.stdout, /^get home 1 1: miss\n/);
  assert.match(r.stdout, /\ncleancache: succ_gets=0 /);
  assert.equal(
    r.stderr,
    "line 3: umount: no filesystem named 'var' is mounted\n" +
      'line 4: unknown command "frobnicate" (try "help")\n',
  );
});

Deno.test("exit status: 0 when all is well, 1 for a failed expect, 2 for a line in error", async () => {
  assert.equal((await run([], "mount a\nexpect cleancache.pending == [a]\n")).code, 0);
  const failed = await run([], "mount a\nexpect cleancache.pools == 1\n");
  assert.equal(failed.code, 1);
  assert.match(failed.stdout, /line 2: expect cleancache\.pools == 1: FAILED \(actual 0\)/);
  assert.equal((await run([], "mount a\nmount a\n")).code, 2);
  assert.equal((await run([], "expect cleancache.pools == 1\nbogus\n")).code, 2);
  assert.equal((await run([], "")).code, 0);
});

Deno.test("--json errors: the error field, the session goes on", async () => {
  const r = await run(
    ["--json"],
    "umount x\nswapon 40\nmount a\nexpect cleancache.nope == 1\nstats\n",
  );
  assert.equal(r.code, 2);
  const objs = jsonLines(r.stdout);
  assert.deepEqual(objs.map((o) => [o.line, o.cmd, o.ok]), [
    [1, "umount", false],
    [2, "swapon", false],
    [4, "expect", false],
    [5, "stats", true],
  ]);
  assert.equal(objs[0].error, "line 1: umount: no filesystem named 'x' is mounted");
  assert.match(objs[1].error as string, /^line 2: swapon: TYPE must be in 0\.\.31, got "40"/);
  assert.match(objs[2].error as string, /^line 4: expect: unknown stats path "cleancache\.nope"/);
  assert.deepEqual((objs[3].stats as { cleancache: { pending: string[] } }).cleancache.pending, [
    "a",
  ]);
});

Deno.test("binary garbage: one-line errors, no stack trace, the session goes on", async () => {
  const garbage = new Uint8Array(4000);
  let x = 12345;
  for (let i = 0; i < garbage.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    garbage[i] = x >>> 24;
  }
  const tail = new TextEncoder().encode("\nmount ok\nexpect cleancache.pending == [ok]\n");
  const input = new Uint8Array(garbage.length + tail.length);
  input.set(garbage);
  input.set(tail, garbage.length);
  const r = await run([], input);
  noStackTrace(r);
  assert.equal(r.code, 2);
  for (const l of r.stderr.trimEnd().split("\n")) assert.match(l, /^line \d+: [\x20-\x7e]+$/);
  assert.match(r.stdout, /expect cleancache\.pending == \[ok\]: ok/);
});

Deno.test("very long lines are refused with their length, memory stays bounded", async () => {
  const long = "mount " + "x".repeat(3_000_000);
  const r = await run(
    ["--json"],
    `${long}\nmount a\n${"#".repeat(5000)}\nexpect cleancache.pending == [a]\n`,
  );
  noStackTrace(r);
  assert.equal(r.code, 2);
  const objs = jsonLines(r.stdout);
  assert.equal(objs[0].line, 1);
  assert.equal(objs[0].error, "line 1: line too long (3000006 characters, at most 4096)");
  assert.equal(objs[1].line, 3);
  assert.match(objs[1].error as string, /line too long/);
  assert.equal(objs[2].pass, true);
});

Deno.test("a script without a final newline, with CRLF line ends", async () => {
  const r = await run(["--json"], "mount a\r\nput a 1 1\r\nregister ram\r\nput a 1 1\r\nget a 1 1");
  assert.equal(r.code, 0, r.stdout);
  // line 2's put reaches no backend (pending): nothing; line 4's reaches ram: its fields
  assert.deepEqual(jsonLines(r.stdout).map((o) => [o.line, o.result ?? o.backend]), [
    [4, "ram"],
    [5, "hit"],
  ]);
});

Deno.test("quit ends the session; later lines are not run", async () => {
  const r = await run([], "mount a\nquit\nbogus\nmount a\n");
  assert.equal(r.code, 0);
  assert.equal(r.stderr, "");
});

Deno.test("--regime and --seed set the session up; regime/seed lines too", async () => {
  const r = await run(["--regime", "fake-poolid", "--seed", "99", "--json"], "mount a\nstats\n");
  const s = jsonLines(r.stdout)[0].stats as Record<string, unknown>;
  assert.equal(s.regime, "fake-poolid");
  assert.equal(s.seed, 99);
  const r2 = await run(["--json"], "regime eager\nseed 5\nstats\n");
  const s2 = jsonLines(r2.stdout)[0].stats as Record<string, unknown>;
  assert.equal(s2.regime, "eager");
  assert.equal(s2.seed, 5);
});

Deno.test("bad flags: a message and status 2, never a stack trace", async () => {
  for (
    const [args, msg] of [
      [["--regime", "lazy"], /--regime must be one of eager, fake-poolid, deferred/],
      [["--seed", "x"], /--seed must be a whole number/],
      [["--bogus"], /Unknown option '--bogus'/],
      [["--script", "/nonexistent/file.tmem"], /cannot read script/],
      [["--rate", "0"], /--rate must be a number/],
    ] as [string[], RegExp][]
  ) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr, msg);
    noStackTrace(r);
  }
});

Deno.test("--help lists flags, commands, workloads and their parameters", async () => {
  const r = await run(["--help"]);
  assert.equal(r.code, 0);
  for (
    const s of [
      "--regime",
      "--seed",
      "--json",
      "--script",
      "--compare",
      "--record",
      "--once",
      "--rate",
      "--speed",
      "--no-color",
      "--workers",
      "register zcache|zswap|tmem|ram",
      "expect PATH OP VALUE",
      "workload start",
      "pagecache",
      "swap",
      "churn",
      "skew",
      "ram",
      "every",
      "Exit status",
    ]
  ) assert.ok(r.stdout.includes(s), `--help mentions ${s}`);
});

Deno.test("--script FILE runs the file", async () => {
  const r = await run(["--script", "tests/scenarios/register-order.tmem", "--json"]);
  assert.equal(r.code, 2, "register-order.tmem has one intentionally refused line");
  const objs = jsonLines(r.stdout);
  assert.ok(objs.filter((o) => o.cmd === "expect").every((o) => o.pass === true));
});

Deno.test("--compare: the same script in three regimes, counters side by side", async () => {
  const script = "mount early\nswapon 0 slots=16\nregister zcache\nput early 1 1\nget early 1 1\n" +
    "store 0 1\nexpect cleancache.succ_gets == 99\n";
  const r = await run(["--compare"], script);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split("\n");
  assert.match(lines[0], /^counter\s+eager\s+fake-poolid\s+deferred$/);
  assert.ok(lines.some((l) => /^cleancache\.succ_gets\s+0\s+1\s+1$/.test(l)), r.stdout);
  assert.ok(lines.some((l) => /^frontswap\.succ_stores\s+0\s+1\s+1$/.test(l)), r.stdout);
  const j = await run(["--compare", "--json"], script);
  const [obj] = jsonLines(j.stdout);
  assert.equal(obj.cmd, "compare");
  const cols = obj.columns as { regime: string; stats: { cleancache: { uncached: string[] } } }[];
  assert.deepEqual(cols.map((c) => c.regime), ["eager", "fake-poolid", "deferred"]);
  assert.deepEqual(cols[0].stats.cleancache.uncached, ["early"]);
});

Deno.test("the compare command inside a script", async () => {
  const r = await run(
    ["--json"],
    "mount early\nregister ram\nput early 1 1\nget early 1 1\ncompare\n",
  );
  const objs = jsonLines(r.stdout);
  const cmp = objs.find((o) => o.cmd === "compare")!;
  const cols = cmp.columns as { stats: { cleancache: { succ_gets: number } } }[];
  assert.deepEqual(cols.map((c) => c.stats.cleancache.succ_gets), [0, 1, 1]);
});

const WORKLOAD_SCRIPT = [
  "mount root",
  "mount home shared=77aa",
  "swapon 0 slots=1024",
  "workload start pagecache rate=50 cache=100",
  "workload start swap rate=40 ram=80 procs=3 size=100",
  "workload start churn every=4 slots=256",
  "run 8",
  "register zcache limit=200",
  "get root 1 1",
  "run 1",
  "run 6",
  "unregister",
  "run 5",
  "seed 3",
  "register ram",
  "run 6",
  "workload stop churn",
  "run 3",
  "stats",
].join("\n") + "\n";

Deno.test("determinism: the same script and seed give byte-identical JSON output", async () => {
  const a = await run(["--json", "--seed", "17"], WORKLOAD_SCRIPT);
  const b = await run(["--json", "--seed", "17"], WORKLOAD_SCRIPT);
  assert.equal(a.code, b.code);
  assert.ok(a.stdout.length > 1000);
  assert.equal(a.stdout, b.stdout);
  const c = await run(["--json", "--seed", "18"], WORKLOAD_SCRIPT);
  assert.notEqual(a.stdout, c.stdout, "the seed matters");
});

Deno.test("--record writes a script that replays the same run exactly", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const rec = `${dir}/session.tmem`;
    const script = WORKLOAD_SCRIPT.replace(
      "get root 1 1",
      "get root 1 1\nbogus line\nexpect tick == 0",
    );
    const a = await run(
      ["--json", "--seed", "23", "--regime", "fake-poolid", "--record", rec],
      script,
    );
    assert.equal(a.code, 2, "the bogus line is an error");
    const recorded = await Deno.readTextFile(rec);
    assert.match(recorded, /^# /);
    assert.match(
      recorded,
      /\nregime fake-poolid\nseed 23\noptions writethrough=off exclusive-loads=off\nmount root\n/,
    );
    assert.doesNotMatch(recorded, /bogus|expect|stats/);
    assert.match(recorded, /\nrun 7\n/, "consecutive runs are merged");
    // Replayed with no flags at all: same final stats.
    const b = await run(["--json", "--script", rec]);
    assert.equal(b.code, 0, b.stdout);
    const statsA = jsonLines(a.stdout).filter((o) => o.cmd === "stats").at(-1)!.stats;
    const replay = await run(["--json"], (await Deno.readTextFile(rec)) + "stats\n");
    const statsB = jsonLines(replay.stdout).filter((o) => o.cmd === "stats").at(-1)!.stats;
    assert.equal(JSON.stringify(statsB), JSON.stringify(statsA));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("--record to an unwritable place is refused up front", async () => {
  const r = await run(["--record", "/nonexistent/dir/x.tmem"], "mount a\n");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot write record file/);
});

Deno.test("--once prints one text snapshot of the dashboard after the script", async () => {
  const r = await run(["--once", "--regime", "fake-poolid", "--no-color"], "mount rootfs\n");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /regime fake-poolid/);
  assert.match(r.stdout, /rootfs/);
  assert.equal(r.stdout.includes("\u001b["), false, "no colour codes");
});

Deno.test("--compare reports errors per regime (3.9 and 3.10 replace a backend, 4.2 stacks it)", async () => {
  const script = "register zcache\nregister ram\nunregister\nunregister\n";
  const r = await run(["--compare"], script);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr.trimEnd().split("\n"), [
    "eager: line 4: unregister: no backend is registered",
    "fake-poolid: line 4: unregister: no backend is registered",
  ]);
  assert.match(r.stdout, /\nintegrity\.backend_overrides\s+1\s+1\s+0\n/);
  assert.match(r.stdout, /\nintegrity\.causes\.unexplained\s+0\s+0\s+0\n/);
  assert.match(r.stdout, /\nerrors\s+1\s+1\s+0\n$/);
  const j = await run(["--compare", "--json"], script);
  const objs = jsonLines(j.stdout);
  assert.deepEqual(objs.slice(0, 2).map((o) => [o.regime, o.line, o.cmd]), [
    ["eager", 4, "unregister"],
    ["fake-poolid", 4, "unregister"],
  ]);
  assert.equal(objs[2].cmd, "compare");
});

Deno.test("a long run, run in slices by the CLI, leaves exactly the state of one run in process", async () => {
  const script = [
    "mount a",
    "mount b",
    "swapon 0",
    "register zcache",
    "workload start swap rate=50",
    "workload start pagecache rate=50",
    "run 300",
    "stats",
    "audit",
  ];
  const cli = await run(["--json", "--seed", "31"], script.join("\n") + "\n");
  assert.equal(cli.code, 0);
  const out: string[] = [];
  const runner = new ScriptRunner(
    createSession({ simulation: { seed: 31 }, json: true }),
    { out: (l) => out.push(l), err: (l) => out.push(l) },
    true,
  );
  for (const l of script) runner.runLine(l); // `run 300` as one `sim.advance(300)`
  assert.equal(cli.stdout, out.join("\n") + "\n");
  assert.match(cli.stdout, /"tick":300\b/);
});
