/** Input chunks as key presses: one press per key, Esc prefixes kept apart, CR/LF are Enter. */
import assert from "node:assert/strict";
import { keyPresses } from "../../tui/input.ts";

const names = (chunk: string) =>
  keyPresses(chunk).map(({ input, key }) =>
    key.escape
      ? "Esc"
      : key.return
      ? "Enter"
      : key.tab
      ? (key.shift ? "S-Tab" : "Tab")
      : key.upArrow
      ? "Up"
      : key.downArrow
      ? "Down"
      : key.pageUp
      ? "PgUp"
      : key.pageDown
      ? "PgDn"
      : key.home
      ? "Home"
      : key.end
      ? "End"
      : key.backspace
      ? "BS"
      : key.ctrl
      ? `C-${input}`
      : input
  );

Deno.test("every printable character of a chunk is its own press", () => {
  assert.deepEqual(names("mmm"), ["m", "m", "m"]);
  assert.deepEqual(names(".........."), Array(10).fill("."));
  assert.deepEqual(names("Mé€"), ["M", "é", "€"]);
  assert.equal(keyPresses("M")[0].key.shift, true);
});

Deno.test("CR and LF are Enter: a pasted script is lines and Enters", () => {
  assert.deepEqual(names("ab\rc\n"), ["a", "b", "Enter", "c", "Enter"]);
});

Deno.test("Esc before a key stays two presses; two Esc are two", () => {
  assert.deepEqual(names("\x1bq"), ["Esc", "q"]);
  assert.deepEqual(names("\x1b:"), ["Esc", ":"]);
  assert.deepEqual(names("\x1b\x1b"), ["Esc", "Esc"]);
  assert.deepEqual(names("\x1b"), ["Esc"]);
});

Deno.test("escape sequences are one press each, also back to back", () => {
  assert.deepEqual(names("\x1b[A\x1b[B\x1bOA"), ["Up", "Down", "Up"]);
  assert.deepEqual(names("\x1b[5~\x1b[6~\x1b[H\x1b[F\x1b[1~\x1b[4~"), [
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Home",
    "End",
  ]);
  assert.deepEqual(names("\t\x1b[Z"), ["Tab", "S-Tab"]);
  assert.deepEqual(names("\x1b\x1b[A"), ["Esc", "Up"]);
  assert.deepEqual(names("\x1b[1;5A")[0], "Up");
  assert.equal(keyPresses("\x1b[1;5A")[0].key.ctrl, true);
});

Deno.test("control characters: Ctrl-letters, backspace; unknown sequences are dropped whole", () => {
  assert.deepEqual(names("\x03\x15\x7f\b"), ["C-c", "C-u", "BS", "BS"]);
  assert.deepEqual(names("\x1b[99Xm"), ["m"]);
});
