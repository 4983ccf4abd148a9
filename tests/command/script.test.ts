/** src/command/script.ts: running scripts line by line, their output and exit status; `--compare`. */
import assert from "node:assert/strict";
import {
  EXIT_EXPECT_FAILED,
  EXIT_LINE_ERROR,
  EXIT_OK,
  exitStatusOf,
  runCompareScript,
  ScriptRunner,
  tooLongResult,
} from "../../src/command/script.ts";
import { createSession } from "../../src/command/create.ts";
import { compareRegimes } from "../../src/command/compare.ts";
import type { CommandResult } from "../../src/command/spec.ts";
import { MAX_LINE_LENGTH } from "../../src/command/text.ts";

function capture() {
  const out: string[] = [], err: string[] = [];
  return { out, err, output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

Deno.test("exit status: 0 ok, 1 an expect failed, 2 a line in error (errors win)", () => {
  assert.deepEqual([EXIT_OK, EXIT_EXPECT_FAILED, EXIT_LINE_ERROR], [0, 1, 2]);
  assert.equal(exitStatusOf(0, 0), 0);
  assert.equal(exitStatusOf(0, 3), 1);
  assert.equal(exitStatusOf(1, 0), 2);
  assert.equal(exitStatusOf(2, 5), 2);
});

Deno.test("text mode: results on out (one call per line), errors on err, counts and exit status", () => {
  const c = capture();
  const r = new ScriptRunner(createSession({ simulation: { seed: 1 } }), c.output);
  assert.equal(r.json, false);
  for (const l of ["mount home", "get home 1 1", "frob", "expect tick == 9", "stats"]) {
    assert.equal(r.runLine(l), true);
  }
  assert.equal(r.lineNumber, 5);
  assert.equal(c.out[0], "get home 1 1: miss");
  assert.match(c.out[1], /^line 4: expect tick == 9: FAILED/);
  assert.match(c.out[2], /^tick=0 regime=deferred seed=1 /, "stats text split into lines");
  assert.ok(c.out.slice(2).every((l) => !l.includes("\n")));
  assert.deepEqual(c.err, ['line 3: unknown command "frob" (try "help")']);
  assert.equal(r.errors, 1);
  assert.equal(r.expectFailures, 1);
  assert.equal(r.exitStatus(), EXIT_LINE_ERROR);
});

Deno.test("JSON mode: one JSON line per result with output, errors on out too", () => {
  const c = capture();
  const r = new ScriptRunner(createSession(), c.output, true);
  for (const l of ["mount home", "get home 1 1", "umount nope", "# a comment"]) r.runLine(l);
  assert.deepEqual(c.err, []);
  assert.deepEqual(c.out.map((l) => JSON.parse(l)), [
    { line: 2, cmd: "get", ok: true, result: "miss" },
    { line: 3, cmd: "umount", ok: false, error: c.out[1] && JSON.parse(c.out[1]).error },
  ]);
  assert.match(JSON.parse(c.out[1]).error, /^line 3: /);
  assert.equal(r.exitStatus(), EXIT_LINE_ERROR);
});

Deno.test("print: a result with only JSON fields is printed in JSON mode, not in text mode", () => {
  const dataOnly: CommandResult = { line: 1, cmd: "put", ok: true, data: { stored: true } };
  const t = capture(), j = capture();
  new ScriptRunner(createSession(), t.output, false).print(dataOnly);
  new ScriptRunner(createSession(), j.output, true).print(dataOnly);
  assert.deepEqual(t.out, []);
  assert.deepEqual(j.out.map((l) => JSON.parse(l)), [{
    line: 1,
    cmd: "put",
    ok: true,
    stored: true,
  }]);
});

Deno.test("quit: the runner stops; later lines are neither run nor numbered", () => {
  const c = capture();
  const s = createSession();
  const r = new ScriptRunner(s, c.output);
  assert.equal(r.runLine("mount a"), true);
  assert.equal(r.runLine("quit"), false);
  assert.equal(r.quit, true);
  assert.equal(r.runLine("mount b"), false);
  assert.equal(r.lineNumber, 2);
  assert.deepEqual(s.execute("stats").stats!.superblocks.map((sb) => sb.name), ["a"]);
});

Deno.test("a too-long line is an error naming its length, not executed; execute can be injected", () => {
  const c = capture();
  const seen: [string, number][] = [];
  const r = new ScriptRunner(createSession(), c.output);
  r.runLine({ text: "mount a", tooLong: 5000 }, (t, n) => {
    seen.push([t, n]);
    return { line: n, cmd: "", ok: true };
  });
  r.runLine("mount b", (t, n) => {
    seen.push([t, n]);
    return { line: n, cmd: "mount", ok: true };
  });
  assert.deepEqual(seen, [["mount b", 2]]);
  assert.deepEqual(c.err, [
    `line 1: line too long (5000 characters, at most ${MAX_LINE_LENGTH})`,
  ]);
  assert.deepEqual(tooLongResult(7, 9000), {
    line: 7,
    cmd: "",
    ok: false,
    error: `line 7: line too long (9000 characters, at most ${MAX_LINE_LENGTH})`,
  });
  assert.equal(r.exitStatus(), EXIT_LINE_ERROR);
});

const compareInThread = (lines: readonly string[]) => Promise.resolve(compareRegimes(lines, 1));

Deno.test("--compare text: errors per regime on err, the side-by-side table on out", async () => {
  const c = capture();
  const lines = ["mount home", "umount nope", "put home 1 1"].map((text) => ({
    text,
  }));
  const status = await runCompareScript(lines, c.output, false, compareInThread);
  assert.equal(status, EXIT_LINE_ERROR);
  assert.deepEqual(c.err.map((e) => e.split(": line 2: ")[0]), [
    "eager",
    "fake-poolid",
    "deferred",
  ]);
  assert.match(c.out[0], /^counter +eager +fake-poolid +deferred$/);
  assert.match(c.out[c.out.length - 1], /^errors /);
});

Deno.test("--compare JSON: too-long lines and regime errors as objects, then one compare object", async () => {
  const c = capture();
  const lines = [{ text: "mount home" }, { text: "", tooLong: 5000 }, { text: "umount nope" }];
  const given: (readonly string[])[] = [];
  const status = await runCompareScript(lines, c.output, true, (l) => {
    given.push(l);
    return compareInThread(l);
  });
  assert.equal(status, EXIT_LINE_ERROR);
  assert.deepEqual(given, [["mount home", "", "umount nope"]], "a cut line is compared as blank");
  const objs = c.out.map((l) => JSON.parse(l));
  assert.equal(objs[0].line, 2);
  assert.match(objs[0].error, /line too long \(5000 characters/);
  const perRegime = objs.slice(1, -1);
  assert.deepEqual(perRegime.map((o) => o.regime), ["eager", "fake-poolid", "deferred"]);
  for (const o of perRegime) assert.equal(o.line, 3);
  const last = objs[objs.length - 1];
  assert.equal(last.cmd, "compare");
  assert.equal(last.line, 3);
  assert.deepEqual(last.regimes, ["eager", "fake-poolid", "deferred"]);
  assert.deepEqual(last.columns.map((col: { errors: number }) => col.errors), [1, 1, 1]);
  assert.deepEqual(c.err, []);
});
