import assert from "node:assert/strict";
import fc from "fast-check";
import { type Command, formatCommand, MAX_LINE_LENGTH, parseLine } from "../../src/command/mod.ts";
import { CONTENT_CLASSES } from "../../src/content.ts";

function parsed(line: string): Command | null {
  const r = parseLine(line);
  if (!r.ok) throw new Error(`unexpected parse error for ${JSON.stringify(line)}: ${r.error}`);
  return r.command;
}

function parseError(line: string): string {
  const r = parseLine(line);
  assert.equal(r.ok, false, `expected an error for ${JSON.stringify(line)}`);
  return (r as { error: string }).error;
}

Deno.test("blank lines and comments are nothing", () => {
  for (const l of ["", "   ", "\t", "# a comment", "   # indented", "\r"]) {
    assert.equal(parsed(l), null);
  }
});

Deno.test("every command of the language parses to its typed form", () => {
  assert.deepEqual(parsed("regime fake-poolid"), { kind: "regime", regime: "fake-poolid" });
  assert.deepEqual(parsed("seed 42"), { kind: "seed", seed: 42 });
  assert.deepEqual(parsed("mount home"), { kind: "mount", name: "home" });
  assert.deepEqual(parsed("mount gfs shared=6f1c-2e9a"), {
    kind: "mount",
    name: "gfs",
    uuid: "6f1c-2e9a",
  });
  assert.deepEqual(parsed("umount home"), { kind: "umount", name: "home" });
  assert.deepEqual(parsed("swapon 3 slots=128"), { kind: "swapon", type: 3, slots: 128 });
  assert.deepEqual(parsed("swapon 31"), { kind: "swapon", type: 31 });
  assert.deepEqual(parsed("swapoff 0"), { kind: "swapoff", type: 0 });
  assert.deepEqual(
    parsed(
      "register zcache level=6 compressor=deflate-native limit=100 threshold=2990 writeback=off",
    ),
    {
      kind: "register",
      backend: "zcache",
      options: {
        level: 6,
        compressor: "deflate-native",
        limit: 100,
        threshold: 2990,
        writeback: false,
      },
    },
  );
  assert.deepEqual(
    parsed("register zswap allocator=zsmalloc full=reject accept_threshold=80 max_pool_percent=5"),
    {
      kind: "register",
      backend: "zswap",
      options: { allocator: "zsmalloc", full: "reject", accept_threshold: 80, max_pool_percent: 5 },
    },
  );
  assert.deepEqual(parsed("register ram"), { kind: "register", backend: "ram", options: {} });
  assert.deepEqual(parsed("unregister"), { kind: "unregister" });
  assert.deepEqual(parsed("put home 12 3"), {
    kind: "put",
    name: "home",
    ino: 12,
    index: 3,
    cls: "text",
  });
  assert.deepEqual(parsed("put home 12 3 random"), {
    kind: "put",
    name: "home",
    ino: 12,
    index: 3,
    cls: "random",
  });
  assert.deepEqual(parsed("get home 12 3"), { kind: "get", name: "home", ino: 12, index: 3 });
  assert.deepEqual(parsed("invalidate home 12"), { kind: "invalidate", name: "home", ino: 12 });
  assert.deepEqual(parsed("invalidate home 12 7"), {
    kind: "invalidate",
    name: "home",
    ino: 12,
    index: 7,
  });
  assert.deepEqual(parsed("store 1 99 zero"), { kind: "store", type: 1, offset: 99, cls: "zero" });
  assert.deepEqual(parsed("load 1 99"), { kind: "load", type: 1, offset: 99 });
  assert.deepEqual(parsed("free 1 99"), { kind: "free", type: 1, offset: 99 });
  assert.deepEqual(parsed("workload start pagecache rate=50 mix=text:1,zero:1"), {
    kind: "workload",
    action: "start",
    workload: "pagecache",
    params: { rate: 50, mix: "text:1,zero:1" },
  });
  assert.deepEqual(parsed("workload stop all"), {
    kind: "workload",
    action: "stop",
    workload: "all",
  });
  assert.deepEqual(parsed("run 10"), { kind: "run", ticks: 10 });
  assert.deepEqual(parsed("stats"), { kind: "stats" });
  assert.deepEqual(parsed("expect cleancache.succ_gets >= 3"), {
    kind: "expect",
    path: "cleancache.succ_gets",
    op: ">=",
    value: 3,
  });
  assert.deepEqual(parsed("quit"), { kind: "quit" });
  assert.deepEqual(parsed("compare"), { kind: "compare" });
});

Deno.test("expect values: null, booleans, words, quoted strings, lists", () => {
  const v = (l: string) => (parsed(l) as { value: unknown }).value;
  assert.equal(v("expect backend == null"), null);
  assert.equal(v("expect backend.writeback == true"), true);
  assert.equal(v("expect regime == fake-poolid"), "fake-poolid");
  assert.equal(v('expect regime == "two words"'), "two words");
  assert.equal(v("expect backend.compression_ratio > 1.5"), 1.5);
  assert.deepEqual(v("expect cleancache.pending == [home, var]"), ["home", "var"]);
  assert.deepEqual(v('expect cleancache.pending == ["home","var"]'), ["home", "var"]);
  assert.deepEqual(v("expect frontswap.active == [0,1]"), [0, 1]);
  assert.deepEqual(v("expect frontswap.active == []"), []);
  assert.equal(v("expect tick == 5 # trailing comment"), 5);
});

Deno.test("comments after a command and CRLF endings are ignored", () => {
  assert.deepEqual(parsed("mount home   # the home fs"), { kind: "mount", name: "home" });
  assert.deepEqual(parsed("run 3\r"), { kind: "run", ticks: 3 });
  assert.deepEqual(parsed("\tget  home\t1 2 "), { kind: "get", name: "home", ino: 1, index: 2 });
});

Deno.test("bad lines give a reason naming the command and its usage", () => {
  assert.match(parseError("frobnicate"), /unknown command "frobnicate"/);
  assert.match(parseError("mount"), /^mount: missing NAME \(usage: mount NAME/);
  assert.match(parseError("mount home bogus=1"), /unknown option "bogus"/);
  assert.match(parseError("swapon 32"), /TYPE must be in 0\.\.31/);
  assert.match(parseError("swapon -1"), /TYPE must be a whole number/);
  assert.match(parseError("swapon 1 slots=0"), /slots must be in 1\.\./);
  assert.match(parseError("regime lazy"), /unknown regime "lazy"/);
  assert.match(parseError("register zfoo"), /unknown backend "zfoo"/);
  assert.match(parseError("register zcache level=12"), /level must be from 0 to 9 for deflate/);
  assert.match(parseError("register zcache allocator=zbud"), /zcache has no option 'allocator'/);
  assert.match(
    parseError("register zswap allocator=slab"),
    /allocator must be zbud\|z3fold\|zsmalloc/,
  );
  assert.match(parseError("register zcache writeback=maybe"), /writeback must be on\|off/);
  assert.match(parseError("register zswap compressor=lz4 level=3"), /lz4 has no levels/);
  assert.match(parseError("register zcache level=1 level=2"), /given twice/);
  assert.match(parseError("put home 1"), /missing INDEX/);
  assert.match(parseError("put home 1 2 fluffy"), /CLASS must be one of/);
  assert.match(parseError("get home x 2"), /INO must be a whole number, got "x"/);
  assert.match(parseError("get home 1 2 3"), /unexpected "3"/);
  assert.match(parseError("store 0"), /missing OFFSET/);
  assert.match(parseError("workload start"), /missing workload name/);
  assert.match(parseError("workload begin swap"), /expected start or stop/);
  assert.match(parseError("workload start dd"), /unknown workload "dd"/);
  assert.match(parseError("workload stop all now"), /unexpected "now"/);
  assert.match(parseError("workload start swap rate"), /expected KEY=VALUE/);
  assert.match(parseError("run"), /missing TICKS/);
  assert.match(parseError("run 99999999"), /TICKS must be in 0\.\.1000000/);
  assert.match(parseError("expect a.b"), /missing OP/);
  assert.match(parseError("expect a.b =~ 3"), /OP must be one of/);
  assert.match(parseError("expect a.b == "), /missing VALUE/);
  assert.match(parseError("expect a.b == [1,2"), /unterminated list/);
  assert.match(parseError("stats now"), /unexpected "now"/);
  assert.match(parseError("mount h\u00e9me"), /NAME may use letters/);
});

Deno.test("a line over the length limit is refused without looking at it", () => {
  const err = parseError("mount " + "a".repeat(MAX_LINE_LENGTH));
  assert.match(err, /line too long \(\d+ characters, at most 4096\)/);
});

Deno.test("errors are one line of printable ASCII whatever the input", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
      const r = parseLine(s);
      if (!r.ok) assert.match(r.error, /^[\x20-\x7e]+$/);
    }),
    { numRuns: 2000 },
  );
  assert.match(parseError("\u0000\u00ff\u2028x"), /^unknown command "\\u0000\\u00ff\\u2028x"/);
});

const nameArb = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,10}$/);
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const clsArb = fc.constantFrom(...CONTENT_CLASSES);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.constantFrom("eager", "fake-poolid", "deferred").map((r) =>
    ({ kind: "regime", regime: r }) as Command
  ),
  u32.map((seed) => ({ kind: "seed", seed }) as Command),
  fc.record({ name: nameArb, uuid: fc.option(nameArb, { nil: undefined }) }).map((r) =>
    (r.uuid === undefined ? { kind: "mount", name: r.name } : { kind: "mount", ...r }) as Command
  ),
  fc.record({ type: fc.integer({ min: 0, max: 31 }), slots: fc.integer({ min: 1, max: 9999 }) })
    .map((r) => ({ kind: "swapon", ...r }) as Command),
  fc.record({ name: nameArb, ino: u32, index: u32, cls: clsArb }).map((r) =>
    ({ kind: "put", ...r }) as Command
  ),
  fc.record({ name: nameArb, ino: u32, index: u32 }).map((r) => ({ kind: "get", ...r }) as Command),
  fc.record({ type: fc.integer({ min: 0, max: 31 }), offset: u32, cls: clsArb }).map((r) =>
    ({ kind: "store", ...r }) as Command
  ),
  fc.record({
    level: fc.integer({ min: 0, max: 9 }),
    allocator: fc.constantFrom("zbud" as const, "zsmalloc" as const),
    full: fc.constantFrom("reclaim" as const, "reject" as const),
    same_filled: fc.boolean(),
  }).map((o) => ({ kind: "register", backend: "zswap", options: { ...o } }) as Command),
  fc.integer({ min: 0, max: 1_000_000 }).map((ticks) => ({ kind: "run", ticks }) as Command),
  fc.record({
    path: fc.constantFrom("cleancache.puts", "backend", "frontswap.pending"),
    op: fc.constantFrom("==" as const, "!=" as const, "<=" as const, ">" as const),
    value: fc.oneof(
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      nameArb,
      fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 4 }),
    ),
  }).map((r) => ({ kind: "expect", ...r }) as Command),
);

Deno.test("formatCommand gives a line that parses back to the same command", () => {
  fc.assert(
    fc.property(commandArb, (cmd) => {
      const line = formatCommand(cmd);
      assert.deepEqual(parsed(line), cmd);
      assert.equal(formatCommand(parsed(line)!), line);
    }),
    { numRuns: 500 },
  );
});
