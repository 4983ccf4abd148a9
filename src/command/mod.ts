/**
 * The command language of tmemtop: one table of commands (`table.ts`) from
 * which parsing, execution, help, recording and compare derive; a session
 * executing lines against a `Simulation`; script running, comparison of the
 * regimes, recording, and the text and JSON output formats. Pure: the I/O
 * is the caller's (cli/, tui/).
 *
 * Public surface:
 * - `createSession` / `CommandSession` / `CommandResult`: execute one line at a time.
 * - `ScriptRunner`, `runCompareScript`, exit statuses: whole scripts with output.
 * - `LineSplitter`, `splitScript`: bounded line splitting of raw input.
 * - `ScriptRecorder`: `--record` files with merged `run` lines.
 * - `COMMANDS`, `parseLine`, `formatCommand`, `helpText`, `Command`: the language itself.
 * - `statsOf`, `resolvePath`, `evaluateExpect`: the stats object and `expect`.
 * - `formatStatsText`, `formatCompareText`, `formatJsonLine`: output formats.
 */
export { createSession } from "./create.ts";
export type { CreateSessionOptions } from "./create.ts";
export { CommandSession, DEFAULT_HISTORY_LIMIT, isPristine } from "./session.ts";
export type { CommandSessionOptions, CompareRunner } from "./session.ts";
export type { CommandResult, CommandSpec, CompareColumn, Outcome } from "./spec.ts";
export {
  EXIT_EXPECT_FAILED,
  EXIT_LINE_ERROR,
  EXIT_OK,
  exitStatusOf,
  runCompareScript,
  ScriptRunner,
} from "./script.ts";
export type { CompareScript, ScriptOutput } from "./script.ts";
export { LineSplitter, splitScript } from "./lines.ts";
export type { ScriptLine } from "./lines.ts";
export { mergeRun, ScriptRecorder } from "./record.ts";
export type { RecordSink } from "./record.ts";
export { parseLine } from "./parse.ts";
export type { ParseResult } from "./parse.ts";
export { PARSE_LIMITS } from "./args.ts";
export { COMMANDS, formatCommand, helpText, isSlowLine, optionsLine, specOf } from "./table.ts";
export type { Command } from "./table.ts";
export { COMPARE_OPS, formatExpectValue, parseExpectValue } from "./expect.ts";
export type { CompareOp, ExpectValue } from "./expect.ts";
export { evaluateExpect, resolvePath, statsOf, StatsPathError } from "./stats.ts";
export type { Stats } from "./stats.ts";
export {
  formatCompareText,
  formatJsonLine,
  formatStatsText,
  jsonLine,
  jsonObjectOf,
} from "./output.ts";
export { compareColumn, compareRegimes } from "./compare.ts";
export { asciiEscapes, MAX_LINE_LENGTH, quote } from "./text.ts";
