import assert from "node:assert/strict";
import fc from "fast-check";
import {
  LineSplitter,
  mergeRun,
  parseLine,
  ScriptRecorder,
  splitScript,
} from "../../src/command/mod.ts";

Deno.test("lines split across chunks, CRLF kept for the parser, last line without newline", () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push("mount ho"), []);
  assert.deepEqual(s.push("me\r\nrun 1\nst"), [{ text: "mount home\r" }, { text: "run 1" }]);
  assert.deepEqual(s.push("ats"), []);
  assert.deepEqual(s.end(), [{ text: "stats" }]);
  assert.deepEqual(s.end(), []);
  assert.deepEqual(splitScript("a\n\nb\n"), [{ text: "a" }, { text: "" }, { text: "b" }]);
});

Deno.test("a line over the limit is cut and flagged with its real length, memory stays bounded", () => {
  const s = new LineSplitter(10);
  const out = [...s.push("0123456789"), ...s.push("ABCDEF"), ...s.push("GH\nok\n")];
  assert.deepEqual(out, [{ text: "0123456789", tooLong: 18 }, { text: "ok" }]);
  const big = new LineSplitter(4096);
  for (let i = 0; i < 1000; i++) big.push("x".repeat(10_000));
  const [line] = big.end();
  assert.equal(line.text.length, 4096);
  assert.equal(line.tooLong, 10_000_000);
});

Deno.test("splitting in any chunking gives the same lines", () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 300 }),
      fc.array(fc.nat(300), { maxLength: 8 }),
      (text, cuts) => {
        const s = new LineSplitter(20);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const out = [];
        let prev = 0;
        for (const p of [...points, text.length]) {
          out.push(...s.push(text.slice(prev, p)));
          prev = p;
        }
        out.push(...s.end());
        assert.deepEqual(out, splitScript(text, 20));
      },
    ),
  );
});

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

Deno.test("a line of the full length ending in CRLF is accepted; one more character is not", () => {
  const full = "expect tick == 0 #" + "x".repeat(4096 - 18);
  assert.equal(full.length, 4096);
  const [crlf] = splitScript(full + "\r\n");
  assert.deepEqual(crlf, { text: full + "\r" });
  const r = parseLine(crlf.text);
  assert.ok(r.ok && r.command, "accepted by the parser too");
  const [lf] = splitScript(full + "\n");
  assert.deepEqual(lf, { text: full });
  const [over] = splitScript(full + "y\r\n");
  assert.equal(over.tooLong, 4098);
  const [overLf] = splitScript(full + "y\n");
  assert.equal(overLf.tooLong, 4097);
  assert.equal((parseLine(full + "y") as { ok: boolean }).ok, false);
});
