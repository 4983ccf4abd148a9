/** src/command/lines.ts: bounded splitting of raw input into script lines. */
import assert from "node:assert/strict";
import fc from "fast-check";
import { LineSplitter, splitScript } from "../../src/command/lines.ts";
import { parseLine } from "../../src/command/parse.ts";

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

Deno.test("only \\n ends a line: a lone \\r stays in the text; empty input has no line", () => {
  assert.deepEqual(splitScript(""), []);
  assert.deepEqual(splitScript("\n"), [{ text: "" }]);
  assert.deepEqual(splitScript("a\rb\nc"), [{ text: "a\rb" }, { text: "c" }]);
  assert.deepEqual(splitScript("\r\n\r\n"), [{ text: "\r" }, { text: "\r" }]);
});

Deno.test("invalid UTF-8 decodes to U+FFFD and still splits on newlines, in any chunking", () => {
  // 0xff is never valid, 0xc3 0x28 is a broken 2-byte sequence, "é" is split across chunks.
  const bytes = new Uint8Array([
    ...new TextEncoder().encode("mount a"),
    0xff,
    0x0a,
    0xc3,
    0x28,
    0x0a,
    ...new TextEncoder().encode("get h\u00e9 1 2\n"),
  ]);
  const whole = splitScript(new TextDecoder().decode(bytes));
  assert.deepEqual(whole, [
    { text: "mount a\ufffd" },
    { text: "\ufffd(" },
    { text: "get h\u00e9 1 2" },
  ]);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const dec = new TextDecoder();
    const s = new LineSplitter();
    const out = [
      ...s.push(dec.decode(bytes.subarray(0, cut), { stream: true })),
      ...s.push(dec.decode(bytes.subarray(cut), { stream: true })),
      ...s.push(dec.decode()),
      ...s.end(),
    ];
    assert.deepEqual(out, whole, `cut at ${cut}`);
  }
});

Deno.test("the cut keeps `max` characters and counts the real length, then the next line is whole", () => {
  const lines = splitScript("abcdefgh\nxy\n", 5);
  assert.deepEqual(lines, [{ text: "abcde", tooLong: 8 }, { text: "xy" }]);
  assert.equal(new LineSplitter(5).max, 5);
  // exactly `max` characters is not too long; `max` + a final \r neither
  assert.deepEqual(splitScript("abcde\nabcde\r\n", 5), [{ text: "abcde" }, { text: "abcde\r" }]);
  // `max` + 1 characters without newline at the end of input is too long
  assert.deepEqual(splitScript("abcdef", 5), [{ text: "abcde", tooLong: 6 }]);
});
