/**
 * src/command/output.ts: the text of `stats` and `compare`, and the one-line
 * printable-ASCII JSON form of every kind of result.
 */
import assert from "node:assert/strict";
import {
  formatCompareText,
  formatJsonLine,
  formatStatsText,
  hasOutput,
  jsonLine,
  jsonObjectOf,
} from "../../src/command/output.ts";
import { createSession } from "../../src/command/create.ts";
import type { CommandResult } from "../../src/command/spec.ts";
import type { Stats } from "../../src/command/stats.ts";
import type { HostSnapshot } from "../../src/host/snapshot.ts";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function statsAfter(lines: string[], seed = 3): Stats {
  const s = createSession({ simulation: { seed } });
  for (const l of lines) assert.ok(s.execute(l).ok, l);
  return s.execute("stats").stats!;
}

Deno.test("stats text: a head line, one line per group, fs and swap lines, running workloads", () => {
  const stats = statsAfter([
    "mount home",
    "mount gfs2 shared=abc",
    "swapon 3 slots=64",
    "register zswap",
    "workload start swap rate=5",
    "run 2",
  ]);
  const lines = formatStatsText(stats).split("\n");
  assert.equal(lines[0], `tick=2 regime=deferred seed=3 ops=${stats.ops}`);
  assert.match(lines[1], /^cleancache: succ_gets=\d+ failed_gets=\d+ puts=\d+ invalidates=\d+ /);
  assert.match(lines[1], / pending=home,gfs2 /, "lists joined with commas");
  assert.match(lines[2], /^frontswap: loads=\d+ /);
  assert.equal(
    lines[3],
    "backend: zswap kind=zswap compressor=deflate level=1 allocator=zbud " +
      `limit=${stats.backend!.limit} threshold=${stats.backend!.threshold} writeback=on`,
  );
  assert.match(lines[4], /^ {2}options=compressor:deflate,.* stored_pages=\d+ /);
  assert.ok(!/ name=| kind=| threshold=/.test(lines[4]), "settings are on the line above only");
  assert.match(lines[5], /^integrity: backend_overrides=0 /);
  assert.equal(
    lines[6],
    "fs home: state=pending pool=-2 pages=0 puts=0 hits=0 misses=0 invalidates=0",
  );
  assert.match(lines[7], /^fs gfs2: state=pending pool=-3 shared=abc pages=0 /);
  assert.match(lines[8], /^swap 3: state=\w+ slots=64 used=\d+ pages=\d+ succ_stores=\d+ /);
  assert.match(lines[9], /^workloads: swap\(rate=5 ram=\d+ /);
  assert.match(lines[9], /source=""\)$/, 'an empty string shows as ""');
  assert.equal(lines.length, 10);
});

Deno.test("stats text: `backend: none`, no workloads line when none runs, numbers to 3 decimals", () => {
  const stats = statsAfter([]);
  const text = formatStatsText(stats);
  assert.ok(text.split("\n").includes("backend: none"));
  assert.ok(!text.includes("workloads:"));
  assert.ok(!text.includes("host"), "no host lines when the host source is off");
  const withRatio = statsAfter([
    "mount home",
    "register zcache",
    "put home 1 1",
    "put home 1 2 records",
  ]);
  const ratio = withRatio.backend!.compression_ratio;
  assert.ok(!Number.isInteger(ratio), `a fractional ratio to show (${ratio})`);
  assert.ok(
    formatStatsText(withRatio).includes(` compression_ratio=${Math.round(ratio * 1000) / 1000} `),
  );
});

const HOST: HostSnapshot = {
  root: "/tmp/copy",
  kernel: "6.1.0",
  time: 0,
  zswap: { enabled: "Y", compressor: "lzo" },
  meminfo: { unavailable: "/proc/meminfo absent" },
  vmstat: { zswpin: 1, zswpout: 2, zswpwb: null },
  rates: null,
  debugfs: {
    zswap: { stored_pages: 5 },
    cleancache: { unavailable: "no such directory" },
    frontswap: { unavailable: "no such directory" },
  },
  swaps: [{ filename: "/dev/sda2", type: "partition", size: 1024, used: 0, priority: -2 }],
  derived: { ratio: 2.5, poolBytes: null, poolLimitBytes: null, poolUse: null },
};

Deno.test("stats text: host lines, a group that cannot be read says why, null says nothing readable", () => {
  const base = statsAfter([]);
  const lines = formatStatsText({ ...base, host: HOST }).split("\n");
  const host = lines.slice(lines.indexOf("host: root=/tmp/copy kernel=6.1.0"));
  assert.deepEqual(host, [
    "host: root=/tmp/copy kernel=6.1.0",
    "host zswap: enabled=Y compressor=lzo",
    "host meminfo: not available (/proc/meminfo absent)",
    "host vmstat: zswpin=1 zswpout=2 zswpwb=-",
    "host rates: -",
    "host swaps: /dev/sda2(type=partition size=1024 used=0 priority=-2)",
    "host debugfs zswap: stored_pages=5",
    "host debugfs cleancache: not available (no such directory)",
    "host debugfs frontswap: not available (no such directory)",
    "host derived: ratio=2.5 poolBytes=- poolLimitBytes=- poolUse=-",
  ]);
  const noSwaps = formatStatsText({ ...base, host: { ...HOST, kernel: null, swaps: [] } });
  assert.ok(noSwaps.includes("host: root=/tmp/copy kernel=-\n"));
  assert.ok(noSwaps.includes("\nhost swaps: none\n"));
  const swapsGone = formatStatsText({
    ...base,
    host: { ...HOST, swaps: { unavailable: "denied" } },
  });
  assert.ok(swapsGone.includes("\nhost swaps: not available (denied)\n"));
  assert.ok(formatStatsText({ ...base, host: null }).endsWith("\nhost: nothing readable"));
});

Deno.test("compare text: a header of regimes, one row per counter, errors last, columns aligned", () => {
  const a = statsAfter(["mount home", "put home 1 1"]);
  const b = statsAfter(["mount home", "register ram", "put home 1 1"]);
  const text = formatCompareText([
    { regime: "eager", stats: a, errors: 0 },
    { regime: "deferred", stats: b, errors: 12 },
  ]);
  const lines = text.split("\n");
  assert.match(lines[0], /^counter +eager +deferred$/);
  assert.match(lines[lines.length - 1], /^errors +0 +12$/);
  // a counter one column lacks shows `-` there (no backend in `a`)
  const name = lines.find((l) => l.startsWith("backend.name "))!;
  assert.match(name, /^backend\.name +- +ram$/);
  const backendNone = lines.find((l) => /^backend +/.test(l))!;
  assert.match(backendNone, /^backend +null +-$/);
  // every line has the same width (right-aligned numbers), none ends in spaces
  const width = lines[0].length;
  for (const l of lines) {
    assert.equal(l.length, width, JSON.stringify(l));
    assert.equal(l, l.trimEnd());
  }
});

const RESULTS: Record<string, CommandResult> = {
  silent: { line: 1, cmd: "mount", ok: true },
  blank: { line: 2, cmd: "", ok: true },
  hit: { line: 3, cmd: "get", ok: true, result: "hit", text: "get home 1 1: hit" },
  error: { line: 4, cmd: "umount", ok: false, error: 'line 4: umount: no filesystem "x"' },
  dataOnly: { line: 5, cmd: "put", ok: true, data: { stored: true } },
  expect: {
    line: 6,
    cmd: "expect",
    ok: true,
    expectFailed: true,
    text: "line 6: expect tick == 1: FAILED",
    data: { path: "tick", op: "==", expected: 1, actual: 0 },
  },
};

Deno.test("hasOutput: only results with text or an error", () => {
  assert.deepEqual(
    Object.fromEntries(Object.entries(RESULTS).map(([k, r]) => [k, hasOutput(r)])),
    { silent: false, blank: false, hit: true, error: true, dataOnly: false, expect: true },
  );
});

Deno.test("JSON object: line, cmd, ok first, then result, data fields, stats, expectFailed, error; no text", () => {
  assert.deepEqual(Object.keys(jsonObjectOf(RESULTS.hit)), ["line", "cmd", "ok", "result"]);
  assert.deepEqual(jsonObjectOf(RESULTS.error), {
    line: 4,
    cmd: "umount",
    ok: false,
    error: 'line 4: umount: no filesystem "x"',
  });
  assert.deepEqual(jsonObjectOf(RESULTS.dataOnly), { line: 5, cmd: "put", ok: true, stored: true });
  assert.deepEqual(Object.keys(jsonObjectOf(RESULTS.expect)), [
    "line",
    "cmd",
    "ok",
    "path",
    "op",
    "expected",
    "actual",
    "expectFailed",
  ]);
  const stats = statsAfter([]);
  const o = jsonObjectOf({ line: 7, cmd: "stats", ok: true, stats, text: "..." });
  assert.deepEqual(Object.keys(o), ["line", "cmd", "ok", "stats"]);
  assert.equal(o.stats, stats);
});

Deno.test("JSON line: one line of printable ASCII that parses back to the object", () => {
  for (const r of Object.values(RESULTS)) {
    const line = formatJsonLine(r);
    assert.match(line, PRINTABLE_ASCII);
    assert.deepEqual(JSON.parse(line), jsonObjectOf(r));
  }
  const nasty: CommandResult = {
    line: 9,
    cmd: "",
    ok: false,
    error: 'line 9: unknown command "a\nb\r\u0000\u001b[2J\u0085\u2028\u202e\u00e9"',
  };
  const line = formatJsonLine(nasty);
  assert.match(line, PRINTABLE_ASCII);
  assert.ok(!line.includes("\n") && !line.includes("\u001b"));
  assert.ok(line.includes("\\u001b") && line.includes("\\u2028") && line.includes("\\u00e9"));
  assert.equal(JSON.parse(line).error, nasty.error);
  assert.equal(jsonLine({ a: "\u0007", b: [1, "\u00ff"] }), '{"a":"\\u0007","b":[1,"\\u00ff"]}');
});
