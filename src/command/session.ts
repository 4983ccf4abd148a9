/**
 * A command session: the one way anything (a script, the dashboard, a
 * worker) changes a simulation. It executes script lines through the
 * command table, turns every refusal into a one-line error naming the line,
 * records the state-changing commands in canonical form, keeps the history
 * `compare` replays (bounded), and never throws.
 *
 * Public API (stable; the dashboard and its worker rely on it):
 * - `new CommandSession(sim, options)`: `options.compare` plugs in the
 *   regime comparison (see `createSession` in `create.ts`, which does);
 * - `execute(line, lineNo?)` -> `CommandResult`;
 * - `snapshot()` and `sim`: the current simulation (a command may replace
 *   it, so never keep a reference across commands).
 */
import { Simulation, type SimulationOptions } from "../simulation.ts";
import type { Snapshot } from "../snapshot.ts";
import type { HostSnapshot } from "../host/snapshot.ts";
import { SimError } from "../errors.ts";
import { type Command, optionsLine, specOf } from "./table.ts";
import { parseLine } from "./parse.ts";
import type {
  CommandResult,
  CompareColumn,
  ExecContext,
  Outcome,
  SimulationFlags,
} from "./spec.ts";
import { formatActual, StatsPathError } from "./stats.ts";
import { mergeRun } from "./record.ts";
import { asciiEscapes } from "./text.ts";

/** Runs a comparison: `lines` from `seed` in every regime with `options`. */
export type CompareRunner = (
  lines: readonly string[],
  seed: number,
  options: SimulationOptions,
) => CompareColumn[];

/** Default bound of the history `compare` replays, in lines (about 190 bytes each). */
export const DEFAULT_HISTORY_LIMIT = 100_000;

/** Options of a session. */
export interface CommandSessionOptions {
  /**
   * Receives the canonical text of every successfully executed state-changing
   * command. The first lines (`regime R`, `seed N`, `options ...`) set up the simulation
   * given, so the lines replay the session from scratch. If it throws,
   * recording stops and `recordError` says why; the command's outcome stands.
   */
  record?: (line: string) => void;
  /** Output will be JSON; `text` is still filled in. */
  json?: boolean;
  /** Options of the simulation given (also for the simulations `compare` builds). */
  simulationOptions?: SimulationOptions;
  /** The regime comparison the `compare` command runs; without it `compare` is refused. */
  compare?: CompareRunner;
  /** Most history lines kept for `compare` (default `DEFAULT_HISTORY_LIMIT`). */
  historyLimit?: number;
  /**
   * The host source's latest sample (`--host`, `--host-root`: read at the
   * edge); `stats` shows it as its `host` group. Absent: no `host` group.
   */
  host?: () => HostSnapshot | null;
  /**
   * A rewrite of each line before it is parsed, done by the edge (it turns
   * `register zswap from=host` into the host's options): the line to run and
   * notes to add to its output, or a one-line error for the line.
   */
  expand?: (line: string) => { line: string; notes: string[] } | { error: string };
}

/** Executes script lines against a replaceable `Simulation`. */
export class CommandSession {
  #sim: Simulation;
  #record?: (line: string) => void;
  #recordError: string | null = null;
  #compare?: CompareRunner;
  readonly #host?: () => HostSnapshot | null;
  readonly #expand?: CommandSessionOptions["expand"];
  #lineCounter = 0;
  #pristine: boolean;
  #history: string[] | null = [];
  readonly #historyLimit: number;
  readonly json: boolean;
  #simulationOptions: SimulationOptions;
  /** Seed the session started with; `compare` replays from it. */
  readonly initialSeed: number;
  /** Lines in error so far. */
  errors = 0;
  /** `expect` lines that failed so far. */
  expectFailures = 0;

  constructor(sim: Simulation, opts: CommandSessionOptions = {}) {
    this.#sim = sim;
    this.#record = opts.record;
    this.#compare = opts.compare;
    this.#host = opts.host;
    this.#expand = opts.expand;
    this.json = opts.json ?? false;
    this.#simulationOptions = { ...opts.simulationOptions };
    this.#historyLimit = opts.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.initialSeed = sim.seed;
    this.#pristine = isPristine(sim.snapshot());
    // A recording starts from the same regime, seed and options, so it replays exactly
    // whatever flags the replay is given.
    this.#recordLine(`regime ${sim.regime}`);
    this.#recordLine(`seed ${sim.seed}`);
    this.#recordLine(optionsLine(this.#flags()));
  }

  /** The current simulation (a command may replace it: always read it from here). */
  get sim(): Simulation {
    return this.#sim;
  }

  /** A snapshot of the current simulation. */
  snapshot(): Snapshot {
    return this.#sim.snapshot();
  }

  /** Options of the current simulation (those `compare` uses too). */
  get simulationOptions(): Readonly<SimulationOptions> {
    return this.#simulationOptions;
  }

  /**
   * Canonical state-changing commands executed so far (consecutive runs
   * merged), or null once the history passed its limit and was dropped.
   */
  get history(): readonly string[] | null {
    return this.#history;
  }

  /** Why recording stopped (the record sink threw), or null. */
  get recordError(): string | null {
    return this.#recordError;
  }

  /** Execute one line. Never throws: every problem becomes `error`. */
  execute(line: string, lineNo?: number): CommandResult {
    const n = this.#lineNumber(lineNo);
    let parsed;
    let notes: string[] = [];
    try {
      let text = typeof line === "string" ? line : String(line);
      const x = this.#expand?.(text);
      if (x && "error" in x) return this.#fail(n, text.trim().split(/\s+/)[0], x.error);
      if (x) [text, notes] = [x.line, x.notes];
      parsed = parseLine(text);
    } catch (e) {
      return this.#fail(n, "", `internal error: ${messageOf(e)}`);
    }
    if (!parsed.ok) return this.#fail(n, parsed.cmd, parsed.error, true);
    if (parsed.command === null) return { line: n, cmd: "", ok: true };
    const r = this.executeCommand(parsed.command, n);
    if (notes.length && r.ok) {
      r.text = [r.text, ...notes.map((s) => `note: ${s}`)].filter(Boolean).join("\n");
    }
    return r;
  }

  /** Execute an already parsed command. Never throws. */
  executeCommand(cmd: Command, lineNo?: number): CommandResult {
    const n = this.#lineNumber(lineNo);
    const spec = specOf(cmd);
    let outcome: Outcome;
    try {
      outcome = spec.execute(cmd, this.#context(n));
    } catch (e) {
      const user = e instanceof SimError || e instanceof StatsPathError;
      return this.#fail(n, spec.word, user ? messageOf(e) : `internal error: ${messageOf(e)}`, cmd);
    }
    if (outcome.expectFailed) this.expectFailures++;
    if (spec.changesState) {
      if (!spec.setup) this.#pristine = false;
      const text = spec.format(cmd);
      this.#remember(text);
      this.#recordLine(text);
    }
    return { line: n, cmd: spec.word, ok: true, ...outcome, command: cmd };
  }

  #lineNumber(lineNo: number | undefined): number {
    this.#lineCounter = lineNo ?? this.#lineCounter + 1;
    return this.#lineCounter;
  }

  #context(line: number): ExecContext {
    return {
      sim: this.#sim,
      line,
      pristine: this.#pristine,
      host: this.#host?.(),
      simulationOptions: this.#flags(),
      rebuild: (flags: SimulationFlags) => {
        if (!this.#pristine) throw new SimError("the simulation is no longer pristine");
        this.#simulationOptions = { ...this.#simulationOptions, ...flags };
        this.#sim = new Simulation({
          ...this.#simulationOptions,
          regime: this.#sim.regime,
          seed: this.#sim.seed,
        });
      },
      compare: () => {
        if (!this.#compare) throw new SimError("compare is not available in this session");
        if (this.#history === null) {
          throw new SimError(
            `this session passed ${this.#historyLimit} state-changing lines, so its history ` +
              "was dropped to bound memory: run the script with --compare instead",
          );
        }
        return this.#compare(this.#history, this.initialSeed, {
          ...this.#simulationOptions,
          regime: undefined,
          seed: undefined,
        });
      },
    };
  }

  #flags(): SimulationFlags {
    return {
      writethrough: this.#simulationOptions.writethrough ?? false,
      exclusiveLoads: this.#simulationOptions.exclusiveLoads ?? false,
    };
  }

  #remember(text: string): void {
    if (this.#history === null) return;
    mergeRun(this.#history, text);
    if (this.#history.length > this.#historyLimit) this.#history = null;
  }

  #recordLine(text: string): void {
    if (!this.#record || this.#recordError !== null) return;
    try {
      this.#record(text);
    } catch (e) {
      this.#recordError = asciiEscapes(messageOf(e));
    }
  }

  #fail(n: number, word: string, msg: string, parseOrCmd?: true | Command): CommandResult {
    this.errors++;
    const line = asciiEscapes(msg.replace(/\r?\n/g, " "));
    const prefixed = word && parseOrCmd !== true && !line.startsWith(`${word}:`)
      ? `${word}: ${line}`
      : line;
    const r: CommandResult = { line: n, cmd: word, ok: false, error: `line ${n}: ${prefixed}` };
    if (parseOrCmd !== undefined && parseOrCmd !== true) r.command = parseOrCmd;
    return r;
  }
}

/** Nothing mounted, enabled, registered or running, and no time passed. */
export function isPristine(s: Snapshot): boolean {
  return s.tick === 0 && !s.backend && !s.superblocks.length && !s.swapTypes.length &&
    !s.workloads.some((w) => w.running);
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return formatActual(String(e));
}
