/** tui/line.ts: the line model (styled segments one row high) and its cutting, padding and overlaying. */
import assert from "node:assert/strict";
import {
  ansi,
  beside,
  clip,
  fit,
  type Line,
  lineWidth,
  overlay,
  padLeft,
  padRight,
  plain,
  seg,
  slice,
  strip,
  stripAnsi,
  title,
  width,
} from "../../tui/line.ts";

const L = (...texts: string[]): Line => texts.map((t, i) => seg(t, i % 2 ? { bold: true } : {}));

Deno.test("width counts code points (one cell each), lineWidth sums the segments", () => {
  assert.equal(width(""), 0);
  assert.equal(width("abc"), 3);
  assert.equal(width("─▶…"), 3);
  assert.equal(width("\u{1F600}x"), 2, "a surrogate pair is one code point");
  assert.equal(lineWidth(L("ab", "─", "cde")), 6);
  assert.equal(lineWidth([]), 0);
});

Deno.test("clip and pad: at most w cells, the cut marked with …; padding on the side asked", () => {
  assert.equal(clip("abcdef", 4), "abc…");
  assert.equal(clip("abcd", 4), "abcd");
  assert.equal(clip("abc", 0), "");
  assert.equal(clip("abc", -2), "");
  assert.equal(clip("ab", 1), "…");
  assert.equal(padRight("ab", 4), "ab  ");
  assert.equal(padLeft("ab", 4), "  ab");
  assert.equal(padRight("abcdef", 4), "abc…");
  assert.equal(padLeft("abcdef", 4), "abc…");
  assert.equal(padRight("─▶", 3), "─▶ ");
});

Deno.test("slice: the cells [start, end), styles kept, segments split where needed", () => {
  const line: Line = [seg("abc", { color: "red" }), seg("def"), seg("gh", { bold: true })];
  assert.deepEqual(slice(line, 2, 7), [
    { text: "c", color: "red" },
    { text: "def" },
    { text: "g", bold: true },
  ]);
  assert.deepEqual(slice(line, 0, 0), []);
  assert.deepEqual(slice(line, 3, 6), [{ text: "def" }]);
  assert.equal(plain(slice(line, 6, 100)), "gh");
});

Deno.test("fit: exactly w cells, padded or cut with … in the last segment's style", () => {
  const line: Line = [seg("abc", { color: "red" }), seg("def", { bold: true })];
  for (const w of [-1, 0, 1, 3, 5, 6, 7, 12]) {
    const f = fit(line, w);
    assert.equal(lineWidth(f), Math.max(0, w), `w=${w}`);
  }
  assert.equal(fit(line, 6), line, "already fitting: the same line");
  assert.equal(plain(fit(line, 8)), "abcdef  ");
  const cut = fit(line, 5);
  assert.equal(plain(cut), "abcd…");
  assert.deepEqual(cut.at(-1), { text: "…", bold: true });
});

Deno.test("beside: the left line fitted to its width, a dim separator, then the right", () => {
  const b = beside(L("left side"), 5, L("right"));
  assert.equal(plain(b), "left… │ right");
  assert.equal(plain(beside(L("l"), 3, L("r"), "|")), "l  |r");
  assert.ok(b.some((s) => s.text === " │ " && s.dim));
});

Deno.test("overlay: `over` replaces the base's cells from a column; the base fitted to the total", () => {
  const base = L("0123456789");
  assert.equal(plain(overlay(base, L("AB"), 3, 10)), "012AB56789");
  assert.equal(plain(overlay(base, L("AB"), 0, 10)), "AB23456789");
  assert.equal(plain(overlay(L("01"), L("X"), 5, 8)), "01   X  ", "a short base is padded");
  assert.equal(lineWidth(overlay(base, L("XYZ"), 4, 10)), 10);
});

Deno.test("title: `─ Title ───` to exactly w cells; focused `▶ ` in cyan; extra segments kept", () => {
  const t = title("Pools", 20);
  assert.match(plain(t), /^─ Pools +─+$/);
  assert.equal(lineWidth(t), 20);
  const f = title("Pools", 20, true, [seg("(3)")]);
  assert.match(plain(f), /^▶ Pools \(3\) +─+$/);
  assert.equal(lineWidth(f), 20);
  assert.equal(f[0].color, "cyan");
  assert.equal(lineWidth(title("A very long title indeed", 10)), 10, "cut when too long");
});

Deno.test("ansi: SGR codes per styled segment, reset after each; plain text left bare", () => {
  assert.equal(ansi([seg("a")]), "a");
  assert.equal(ansi([seg("a", { color: "red", bold: true })]), "\x1b[31;1ma\x1b[0m");
  assert.equal(ansi([seg("x", { dim: true, inverse: true }), seg("y")]), "\x1b[2;7mx\x1b[0my");
  assert.equal(ansi([seg("g", { color: "gray" })]), "\x1b[90mg\x1b[0m");
  const line: Line = [seg("ab", { color: "cyan" }), seg("c"), seg("d", { inverse: true })];
  assert.equal(stripAnsi(ansi(line)), plain(line));
});

Deno.test("strip drops every style; stripAnsi removes CSI and OSC sequences", () => {
  assert.deepEqual(strip([seg("a", { color: "red", bold: true }), seg("b", { dim: true })]), [
    { text: "a" },
    { text: "b" },
  ]);
  assert.equal(stripAnsi("\x1b[31;1mred\x1b[0m \x1b[?25lcursor\x1b]0;title\x07!"), "red cursor!");
});
