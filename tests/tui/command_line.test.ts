/** tui/command_line.ts: the `:` line editor with history, key by key. */
import assert from "node:assert/strict";
import { type CmdLine, editCmdLine, openCmdLine } from "../../tui/command_line.ts";
import { NO_KEY } from "../../tui/input.ts";
import type { Key } from "ink";

const HISTORY = ["mount a", "run 10"];
const k = (key: Partial<Key> = {}): Key => ({ ...NO_KEY, ...key });

/** Type printable characters one by one. */
function typed(line: CmdLine, text: string): CmdLine {
  for (const ch of text) {
    const a = editCmdLine(line, ch, k(), HISTORY);
    assert.equal(a.kind, "edit");
    if (a.kind === "edit") line = a.line;
  }
  return line;
}

Deno.test("open: empty text, the history position after its last line", () => {
  assert.deepEqual(openCmdLine(HISTORY), { text: "", hist: 2 });
  assert.deepEqual(openCmdLine([]), { text: "", hist: 0 });
});

Deno.test("typing appends printable text and clears a shown error; control characters dropped", () => {
  const l = typed({ text: "", hist: 2, error: "line 1: bad" }, "get a");
  assert.deepEqual(l, { text: "get a", hist: 2, error: undefined });
  const pasted = editCmdLine(l, " 1\x1b\x07 2\x7f", k(), HISTORY);
  assert.deepEqual(pasted, {
    kind: "edit",
    line: { text: "get a 1 2", hist: 2, error: undefined },
  });
});

Deno.test("Enter runs the trimmed line; an empty line closes", () => {
  assert.deepEqual(editCmdLine({ text: "  run 5  ", hist: 2 }, "", k({ return: true }), HISTORY), {
    kind: "run",
    text: "run 5",
  });
  assert.deepEqual(editCmdLine({ text: "   ", hist: 2 }, "", k({ return: true }), HISTORY), {
    kind: "close",
  });
});

Deno.test("Esc and Ctrl-C close; Backspace deletes one character, and closes an empty line", () => {
  const line = { text: "ab\u00e9", hist: 2, error: "x" };
  assert.deepEqual(editCmdLine(line, "", k({ escape: true }), HISTORY), { kind: "close" });
  assert.deepEqual(editCmdLine(line, "c", k({ ctrl: true }), HISTORY), { kind: "close" });
  assert.deepEqual(editCmdLine(line, "", k({ backspace: true }), HISTORY), {
    kind: "edit",
    line: { text: "ab", hist: 2, error: undefined },
  });
  assert.deepEqual(editCmdLine(line, "", k({ delete: true }), HISTORY).kind, "edit");
  assert.deepEqual(editCmdLine({ text: "", hist: 2 }, "", k({ backspace: true }), HISTORY), {
    kind: "close",
  });
  const emoji = editCmdLine({ text: "a\u{1F600}", hist: 0 }, "", k({ backspace: true }), HISTORY);
  assert.deepEqual(emoji, { kind: "edit", line: { text: "a", hist: 0, error: undefined } });
});

Deno.test("Ctrl-U clears the line; other control keys, Tab and Meta change nothing", () => {
  const line = { text: "mount x", hist: 1 };
  assert.deepEqual(editCmdLine(line, "u", k({ ctrl: true }), HISTORY), {
    kind: "edit",
    line: { text: "", hist: 1, error: undefined },
  });
  for (const key of [k({ ctrl: true }), k({ meta: true }), k({ tab: true })]) {
    assert.deepEqual(editCmdLine(line, "x", key, HISTORY), { kind: "edit", line });
  }
  assert.deepEqual(editCmdLine(line, "", k({ leftArrow: true }), HISTORY), { kind: "edit", line });
});

Deno.test("↑ and ↓ browse the history, stopping at its ends; past the last line is a new empty line", () => {
  let line: CmdLine = openCmdLine(HISTORY);
  const step = (up: boolean) => {
    const a = editCmdLine(line, "", k(up ? { upArrow: true } : { downArrow: true }), HISTORY);
    assert.equal(a.kind, "edit");
    if (a.kind === "edit") line = a.line;
    return line;
  };
  assert.deepEqual(step(true), { text: "run 10", hist: 1 });
  assert.deepEqual(step(true), { text: "mount a", hist: 0 });
  assert.deepEqual(step(true), { text: "mount a", hist: 0 }, "stops at the oldest");
  assert.deepEqual(step(false), { text: "run 10", hist: 1 });
  assert.deepEqual(step(false), { text: "", hist: 2 });
  assert.deepEqual(step(false), { text: "", hist: 2 }, "stops at the new line");
});
