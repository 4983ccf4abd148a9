/**
 * The command language of tmemtop: parse script lines, execute them against
 * a `Simulation`, format the results as text or JSON, compare regimes, and
 * record sessions as replayable scripts.
 *
 * Public surface:
 * - `CommandSession` / `CommandResult`: execute one line at a time (the dashboard and `mod.ts`).
 * - `ScriptRunner`, `runCompareScript`, exit statuses: whole scripts with output.
 * - `LineSplitter`, `splitScript`: bounded line splitting of raw input.
 * - `ScriptRecorder`: `--record` files with merged `run` lines.
 * - `parseLine`, `formatCommand`, `Command`: the language itself.
 * - `statsOf`, `resolvePath`, `evaluateExpect`: the stats object and `expect`.
 * - `formatStatsText`, `formatCompareText`, `formatJsonLine`: output formats.
 */
export { CommandSession, helpText } from "./session.ts";
export type { CommandResult, CommandSessionOptions } from "./session.ts";
export {
  EXIT_EXPECT_FAILED,
  EXIT_LINE_ERROR,
  EXIT_OK,
  exitStatusOf,
  runCompareScript,
  ScriptRunner,
} from "./script.ts";
export type { ScriptOutput } from "./script.ts";
export { LineSplitter, splitScript } from "./lines.ts";
export type { ScriptLine } from "./lines.ts";
export { mergeRun, ScriptRecorder } from "./record.ts";
export type { RecordSink } from "./record.ts";
export { COMMAND_WORDS, PARSE_LIMITS, parseLine } from "./parse.ts";
export type { ParseResult } from "./parse.ts";
export {
  changesState,
  COMMAND_USAGE,
  commandWord,
  COMPARE_OPS,
  formatCommand,
} from "./commands.ts";
export type { Command, CommandKind, CompareOp, ExpectValue } from "./commands.ts";
export { evaluateExpect, resolvePath, statsOf, StatsPathError } from "./stats.ts";
export type { Stats } from "./stats.ts";
export { formatCompareText, formatJsonLine, formatStatsText, jsonObjectOf } from "./output.ts";
export { compareColumn, compareRegimes } from "./compare.ts";
export { compareRegimesInWorkers } from "./compare_workers.ts";
export type { CompareJob } from "./compare_workers.ts";
export type { CompareColumn } from "./compare.ts";
export { MAX_LINE_LENGTH } from "./text.ts";
