/**
 * The headless mode: script lines from stdin or `--script FILE` through a
 * session, results to stdout (errors to stderr in text mode), an exit
 * status at the end; and `--compare`, the whole script once per regime.
 */
import {
  type CommandSession,
  compareRegimes,
  runCompareScript,
  type ScriptLine,
  ScriptRunner,
} from "../src/command/mod.ts";
import type { SimulationOptions } from "../src/simulation.ts";
import { compareRegimesInWorkers } from "./compare_workers.ts";
import type { Writer } from "./writer.ts";

/** Where headless output goes. */
export interface Outputs {
  stdout: Writer;
  stderr: Writer;
}

/** Run a script through `session`; returns the exit status of its lines. */
export async function runScript(
  session: CommandSession,
  input: AsyncIterable<ScriptLine[]>,
  { stdout, stderr }: Outputs,
  json: boolean,
): Promise<number> {
  const runner = new ScriptRunner(session, {
    out: (l) => stdout.line(l),
    err: (l) => {
      stdout.flush();
      stderr.line(l);
      stderr.flush();
    },
  }, json);
  outer: for await (const chunk of input) {
    for (const line of chunk) {
      if (!runner.runLine(line)) break outer;
    }
    if (!stdout.flush()) break;
  }
  return runner.exitStatus();
}

/** `--compare`: read the whole script, compare the regimes (in workers with `workers` > 0). */
export async function runCompare(
  input: AsyncIterable<ScriptLine[]>,
  { stdout, stderr }: Outputs,
  opts: { seed: number; json: boolean; simulation: SimulationOptions; workers: number },
): Promise<number> {
  const lines: ScriptLine[] = [];
  for await (const chunk of input) lines.push(...chunk);
  return await runCompareScript(
    lines,
    { out: (l) => stdout.line(l), err: (l) => stderr.line(l) },
    opts.json,
    (texts) =>
      opts.workers > 0
        ? compareRegimesInWorkers(texts, opts.seed, opts.simulation, opts.workers)
        : Promise.resolve(compareRegimes(texts, opts.seed, opts.simulation)),
  );
}
