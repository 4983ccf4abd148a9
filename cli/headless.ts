/**
 * The headless mode: script lines from stdin or `--script FILE` through a
 * session, results to stdout (errors to stderr in text mode), an exit
 * status at the end; and `--compare`, the whole script once per regime.
 *
 * Output is written after every command's output, batched only while more
 * input is already waiting (and then at least every 50 ms, and before a
 * slow command such as `run`). Between commands the loop lets the event
 * loop turn now and then, so SIGTERM/SIGINT are handled (see `signals.ts`), also
 * during a long `run`, which runs in slices.
 * A failed write of stdout or of the record file stops the run.
 */
import {
  type CommandResult,
  type CommandSession,
  compareRegimes,
  isSlowLine,
  parseLine,
  runCompareScript,
  type ScriptLine,
  ScriptRunner,
} from "../src/command/mod.ts";
import type { SimulationOptions } from "../src/simulation.ts";
import { compareRegimesInWorkers } from "./compare_workers.ts";
import { EXIT, StopError } from "./exit.ts";
import type { Writer } from "./writer.ts";

/** Where headless output goes. */
export interface Outputs {
  stdout: Writer;
  stderr: Writer;
}

/** Longest time output waits in the buffer while input is waiting, and between event-loop turns. */
const BATCH_MS = 50;

/** About how long one slice of a long `run` takes. */
const SLICE_MS = 10;

/** Let the event loop turn (signal listeners run). */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Throw the `StopError` for a failed stdout write. */
export function outputFailed(stdout: Writer): never {
  const e = stdout.failure!;
  if (e instanceof Deno.errors.BrokenPipe) throw new StopError(EXIT.brokenPipe, "");
  throw new StopError(EXIT.io, `cannot write output: ${e.message}`);
}

/**
 * Run a script through `session`; returns the exit status of its lines, or
 * throws `StopError` when output or recording failed.
 */
export async function runScript(
  session: CommandSession,
  input: AsyncIterable<ScriptLine[]>,
  { stdout, stderr }: Outputs,
  json: boolean,
): Promise<number> {
  const flush = () => {
    if (!stdout.flush()) outputFailed(stdout);
  };
  const runner = new ScriptRunner(session, {
    out: (l) => stdout.line(l),
    err: (l) => {
      flush();
      stderr.line(l);
      stderr.flush();
    },
  }, json);
  let lastFlush = performance.now(), lastTurn = lastFlush;
  outer: for await (const chunk of input) {
    for (let i = 0; i < chunk.length; i++) {
      const line = chunk[i];
      const slow = line.tooLong === undefined && isSlowLine(line.text);
      if (stdout.pending && slow) flush();
      // Only a slow line (by its first word) is parsed here; the session parses every line.
      const ticks = slow && !runner.quit ? runTicks(line.text) : null;
      let more: boolean;
      if (ticks !== null && ticks > 1) {
        // A `run` in slices, the event loop turning between them: a signal stops it at once.
        const r = await runInSlices(session, ticks, runner.lineNumber + 1);
        more = runner.runLine(line, () => r);
      } else more = runner.runLine(line);
      if (session.recordError !== null) {
        flush();
        throw new StopError(
          EXIT.io,
          `line ${runner.lineNumber}: recording failed, run stopped (the record file ends ` +
            `before this line): ${session.recordError}`,
        );
      }
      if (!more) break outer;
      const now = performance.now();
      if (stdout.pending && (i === chunk.length - 1 || now - lastFlush >= BATCH_MS)) {
        flush();
        lastFlush = now;
      }
      if (now - lastTurn >= BATCH_MS) {
        await turn();
        lastTurn = performance.now();
      }
    }
  }
  flush();
  return runner.exitStatus();
}

/** The ticks of a `run TICKS` line, or null for any other line (or a bad one). */
function runTicks(text: string): number | null {
  const p = parseLine(text);
  return p.ok && p.command?.kind === "run" ? p.command.ticks : null;
}

/**
 * `run ticks` as line `n`, as consecutive `run k` commands of about `SLICE_MS` each (the
 * simulation and the record are the same: consecutive runs merge), letting the event loop
 * turn every `BATCH_MS` so that SIGTERM/SIGINT are handled during a long run. Returns the
 * result of the last slice, or of the first that failed.
 */
async function runInSlices(
  session: CommandSession,
  ticks: number,
  n: number,
): Promise<CommandResult> {
  let done = 0, k = 1, lastTurn = performance.now();
  for (;;) {
    const step = Math.min(k, ticks - done);
    const t = performance.now();
    const r = session.execute(`run ${step}`, n);
    done += step;
    if (!r.ok || done >= ticks || session.recordError !== null) return r;
    const el = performance.now() - t;
    k = el < SLICE_MS / 2 ? k * 2 : el > SLICE_MS * 2 ? Math.max(1, k >> 1) : k;
    if (performance.now() - lastTurn >= BATCH_MS) {
      await turn();
      lastTurn = performance.now();
    }
  }
}

/** `--compare`: read the whole script, compare the regimes (in workers with `workers` > 0). */
export async function runCompare(
  input: AsyncIterable<ScriptLine[]>,
  { stdout, stderr }: Outputs,
  opts: { seed: number; json: boolean; simulation: SimulationOptions; workers: number },
): Promise<number> {
  const lines: ScriptLine[] = [];
  for await (const chunk of input) lines.push(...chunk);
  const status = await runCompareScript(
    lines,
    { out: (l) => stdout.line(l), err: (l) => stderr.line(l) },
    opts.json,
    (texts) =>
      opts.workers > 0
        ? compareRegimesInWorkers(texts, opts.seed, opts.simulation, opts.workers)
        : Promise.resolve(compareRegimes(texts, opts.seed, opts.simulation)),
  );
  if (!stdout.flush()) outputFailed(stdout);
  return status;
}
