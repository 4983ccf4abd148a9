/**
 * The `:` command line: a one-line editor with history. The line is run by
 * the command session (the same language as scripts); its error is shown in
 * place and the line stays open to be fixed.
 */
import type { Key } from "ink";

export interface CmdLine {
  text: string;
  error?: string;
  /** Position in the history while browsing with ↑↓ (history.length = the new line). */
  hist: number;
}

export type CmdAction =
  | { kind: "edit"; line: CmdLine }
  | { kind: "run"; text: string }
  | { kind: "close" };

export function openCmdLine(history: readonly string[]): CmdLine {
  return { text: "", hist: history.length };
}

/** What a key does to the command line. */
export function editCmdLine(
  line: CmdLine,
  input: string,
  key: Key,
  history: readonly string[],
): CmdAction {
  if (key.escape || (key.ctrl && input === "c")) return { kind: "close" };
  if (key.return) {
    return line.text.trim() ? { kind: "run", text: line.text.trim() } : { kind: "close" };
  }
  if (key.backspace || key.delete) {
    if (!line.text) return { kind: "close" };
    return {
      kind: "edit",
      line: { ...line, text: [...line.text].slice(0, -1).join(""), error: undefined },
    };
  }
  if (key.ctrl && input === "u") {
    return { kind: "edit", line: { ...line, text: "", error: undefined } };
  }
  if (key.upArrow || key.downArrow) {
    const hist = Math.max(0, Math.min(history.length, line.hist + (key.upArrow ? -1 : 1)));
    return { kind: "edit", line: { text: history[hist] ?? "", hist } };
  }
  if (key.ctrl || key.meta || key.tab || !input) return { kind: "edit", line };
  // deno-lint-ignore no-control-regex
  const printable = input.replace(/[\x00-\x1f\x7f]/g, "");
  return { kind: "edit", line: { ...line, text: line.text + printable, error: undefined } };
}
