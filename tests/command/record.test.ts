/** src/command/record.ts: recording canonical lines as a replayable script, `run` lines merged. */
import assert from "node:assert/strict";
import { mergeRun, ScriptRecorder } from "../../src/command/record.ts";
import { PARSE_LIMITS } from "../../src/command/args.ts";

Deno.test("mergeRun adds up consecutive runs, within the limit of one run line", () => {
  const l: string[] = [];
  for (const x of ["run 1", "run 1", "mount a", "run 2", "run 3"]) mergeRun(l, x);
  assert.deepEqual(l, ["run 2", "mount a", "run 5"]);
  mergeRun(l, "run 999999");
  assert.deepEqual(l, ["run 2", "mount a", "run 5", "run 999999"]);
});

Deno.test("ScriptRecorder holds a trailing run back until it can no longer grow", () => {
  const written: string[] = [];
  const r = new ScriptRecorder((t) => written.push(t), "header line");
  assert.deepEqual(written, ["# header line\n"]);
  r.push("mount a");
  r.push("run 1");
  r.push("run 1");
  assert.equal(written.join(""), "# header line\nmount a\n");
  r.push("stats-free line");
  r.push("run 4");
  r.flush();
  r.flush();
  assert.equal(written.join(""), "# header line\nmount a\nrun 2\nstats-free line\nrun 4\n");
});

Deno.test("ScriptRecorder with replaceLast writes every line at once and rewrites a growing run", () => {
  let file = "";
  const r = new ScriptRecorder({
    append: (t) => void (file += t),
    replaceLast: (oldLine, newLine) => {
      assert.ok(file.endsWith(oldLine + "\n"), "only the last line is replaced");
      file = file.slice(0, file.length - oldLine.length - 1) + newLine + "\n";
    },
  });
  r.push("mount a");
  r.push("run 1");
  assert.equal(file, "mount a\nrun 1\n");
  r.push("run 1");
  r.push("run 3");
  assert.equal(file, "mount a\nrun 5\n");
  r.push("get a 1 1");
  r.push("run 2");
  r.flush();
  assert.equal(file, "mount a\nrun 5\nget a 1 1\nrun 2\n");
});

Deno.test("mergeRun: a run reaching exactly the limit of one run line merges, one more does not", () => {
  const max = PARSE_LIMITS.ticks;
  const l = ["run 1"];
  mergeRun(l, `run ${max - 1}`);
  assert.deepEqual(l, [`run ${max}`]);
  mergeRun(l, "run 1");
  assert.deepEqual(l, [`run ${max}`, "run 1"]);
  // only lines that are exactly `run N` merge
  const m = ["run 2"];
  mergeRun(m, "run 3 # comment");
  mergeRun(m, "runx 3");
  assert.deepEqual(m, ["run 2", "run 3 # comment", "runx 3"]);
  const first: string[] = [];
  mergeRun(first, "run 4");
  assert.deepEqual(first, ["run 4"]);
});

Deno.test("ScriptRecorder: a multi-line header becomes one `# ` comment per line; none without one", () => {
  const written: string[] = [];
  new ScriptRecorder((t) => written.push(t), "tmemtop record\nseed 3");
  assert.deepEqual(written, ["# tmemtop record\n# seed 3\n"]);
  const none: string[] = [];
  new ScriptRecorder((t) => none.push(t)).flush();
  assert.deepEqual(none, []);
});

Deno.test("ScriptRecorder with replaceLast: a run past the limit starts a new line, not a replacement", () => {
  const max = PARSE_LIMITS.ticks;
  const appended: string[] = [];
  const replaced: [string, string][] = [];
  const r = new ScriptRecorder({
    append: (t) => appended.push(t),
    replaceLast: (o, n) => replaced.push([o, n]),
  });
  r.push(`run ${max - 1}`);
  r.push("run 1");
  r.push("run 1");
  assert.deepEqual(appended, [`run ${max - 1}\n`, "run 1\n"]);
  assert.deepEqual(replaced, [[`run ${max - 1}`, `run ${max}`]]);
  // after a non-run line, a run does not replace anything before it
  r.push("mount a");
  r.push("run 2");
  assert.deepEqual(appended.slice(2), ["mount a\n", "run 2\n"]);
  assert.equal(replaced.length, 1);
});

Deno.test("ScriptRecorder without replaceLast: the text handed over replays the same ticks in order", () => {
  const lines = ["mount a", "run 1", "run 1", "run 1", "get a 1 1", "run 5", "umount a", "run 1"];
  let text = "";
  const r = new ScriptRecorder((t) => void (text += t));
  for (const l of lines) r.push(l);
  r.flush();
  assert.equal(text, "mount a\nrun 3\nget a 1 1\nrun 5\numount a\nrun 1\n");
});
