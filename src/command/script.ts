/**
 * Running a script: lines in, text or JSON out, an exit status at the end.
 * The writer callbacks do the I/O and the comparison is passed in, so this
 * runs the same in the CLI (cli/), in workers and in tests.
 */
import type { CommandSession } from "./session.ts";
import type { CommandResult, CompareColumn } from "./spec.ts";
import type { ScriptLine } from "./lines.ts";
import { formatCompareText, formatJsonLine, hasOutput, jsonLine, jsonObjectOf } from "./output.ts";
import { MAX_LINE_LENGTH } from "./text.ts";

/** Exit status: all went well. */
export const EXIT_OK = 0;
/** Exit status: an `expect` failed. */
export const EXIT_EXPECT_FAILED = 1;
/** Exit status: a line was in error. */
export const EXIT_LINE_ERROR = 2;

/** Where a script's output goes. */
export interface ScriptOutput {
  /** Normal output: results, stats, JSON lines. Gets whole lines without the newline. */
  out(line: string): void;
  /** Error messages in text mode. */
  err(line: string): void;
}

/** Feeds lines to a session and prints their results. */
export class ScriptRunner {
  readonly session: CommandSession;
  readonly json: boolean;
  readonly output: ScriptOutput;
  #lineNo = 0;
  #quit = false;
  errors = 0;
  expectFailures = 0;

  constructor(session: CommandSession, output: ScriptOutput, json = session.json) {
    this.session = session;
    this.output = output;
    this.json = json;
  }

  /** The number of the last line run. */
  get lineNumber(): number {
    return this.#lineNo;
  }

  /** Whether `quit` was executed (later lines are ignored). */
  get quit(): boolean {
    return this.#quit;
  }

  /**
   * Run one input line (through `execute`, by default the session's); returns false once
   * the session has quit.
   */
  runLine(
    line: ScriptLine | string,
    execute: (text: string, n: number) => CommandResult = (t, n) => this.session.execute(t, n),
  ): boolean {
    if (this.#quit) return false;
    const l = typeof line === "string" ? { text: line } : line;
    const n = ++this.#lineNo;
    const r = l.tooLong !== undefined ? tooLongResult(n, l.tooLong) : execute(l.text, n);
    this.print(r);
    if (r.quit) this.#quit = true;
    return !this.#quit;
  }

  /** Print one result in the runner's format and count it. */
  print(r: CommandResult): void {
    if (r.error !== undefined) this.errors++;
    if (r.expectFailed) this.expectFailures++;
    // JSON mode also prints a result that only carries fields (a put that reached a backend)
    if (!hasOutput(r) && !(this.json && r.data !== undefined)) return;
    if (this.json) {
      this.output.out(formatJsonLine(r));
      return;
    }
    if (r.text !== undefined) { for (const t of r.text.split("\n")) this.output.out(t); }
    if (r.error !== undefined) this.output.err(r.error);
  }

  /** 0 all went well, 1 an `expect` failed, 2 a line was in error. */
  exitStatus(): number {
    return exitStatusOf(this.errors, this.expectFailures);
  }
}

/** The exit status for a count of line errors and failed expectations. */
export function exitStatusOf(errors: number, expectFailures: number): number {
  if (errors > 0) return EXIT_LINE_ERROR;
  if (expectFailures > 0) return EXIT_EXPECT_FAILED;
  return EXIT_OK;
}

/** The error result of a line cut by the `LineSplitter` for being too long. */
export function tooLongResult(n: number, length: number): CommandResult {
  return {
    line: n,
    cmd: "",
    ok: false,
    error: `line ${n}: line too long (${length} characters, at most ${MAX_LINE_LENGTH})`,
  };
}

/** Computes the comparison of a script's lines (in this thread or in workers). */
export type CompareScript = (lines: readonly string[]) => Promise<CompareColumn[]>;

/**
 * `--compare`: run the whole script once per regime and print the counters
 * side by side (text), or one `compare` JSON object. Errors are printed per
 * regime. Returns the exit status (2 when a line was in error in any regime).
 */
export async function runCompareScript(
  lines: readonly ScriptLine[],
  output: ScriptOutput,
  json: boolean,
  compare: CompareScript,
): Promise<number> {
  let errors = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.tooLong === undefined) continue;
    errors++;
    const r = tooLongResult(i + 1, l.tooLong);
    if (json) output.out(formatJsonLine(r));
    else output.err(r.error!);
  }
  const columns = await compare(lines.map((l) => l.tooLong === undefined ? l.text : ""));
  for (const c of columns) {
    for (const r of c.errorResults) {
      errors++;
      if (json) output.out(jsonLine({ ...jsonObjectOf(r), regime: c.regime }));
      else output.err(`${c.regime}: ${r.error}`);
    }
  }
  if (json) {
    output.out(jsonLine({
      line: lines.length,
      cmd: "compare",
      ok: true,
      regimes: columns.map((c) => c.regime),
      columns: columns.map((c) => ({ regime: c.regime, errors: c.errors, stats: c.stats })),
    }));
  } else {
    for (const t of formatCompareText(columns).split("\n")) output.out(t);
  }
  return exitStatusOf(errors, 0);
}
