/**
 * The parser: one script line -> a typed `Command`, nothing (blank line or
 * comment), or a one-line reason why the line is not a command. The words
 * and their readers come from the command table; this file adds the line
 * rules (length limit, CRLF, comments) and the error form
 * `word: reason (usage: ...)`. Pure; the line number is added by the session.
 */
import { ParseFailure, tokenize } from "./args.ts";
import { type Command, specOfWord, usageOf } from "./table.ts";
import { MAX_LINE_LENGTH, quote } from "./text.ts";

/** The outcome of parsing one line. */
export type ParseResult =
  | { ok: true; command: Command }
  /** A blank line or a comment. */
  | { ok: true; command: null }
  /** `cmd` is the command word as typed (escaped), `error` the reason without a line number. */
  | { ok: false; cmd: string; error: string };

/**
 * Parse one script line (without its `\n`; a trailing `\r` is dropped before
 * the length check). Never throws.
 *
 * @example parseLine("get home 1 2") // => { ok: true, command: { kind: "get", name: "home", ino: 1, index: 2 } }
 */
export function parseLine(line: string): ParseResult {
  const clean = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (clean.length > MAX_LINE_LENGTH) {
    return {
      ok: false,
      cmd: "",
      error: `line too long (${clean.length} characters, at most ${MAX_LINE_LENGTH})`,
    };
  }
  const t = tokenize(clean);
  if (t.length === 0) return { ok: true, command: null };
  const word = t[0];
  const spec = specOfWord(word);
  if (spec === undefined) {
    return { ok: false, cmd: "", error: `unknown command ${quote(word)} (try "help")` };
  }
  try {
    return { ok: true, command: spec.parse(t, clean) as Command };
  } catch (e) {
    if (e instanceof ParseFailure) {
      return { ok: false, cmd: word, error: `${word}: ${e.message} (usage: ${usageOf(spec)})` };
    }
    return {
      ok: false,
      cmd: word,
      error: `${word}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
