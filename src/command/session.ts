/**
 * A command session: executes script lines against a `Simulation`, turns
 * every refusal into a one-line error naming the line, records the
 * state-changing commands, and never throws.
 */
import { Simulation, type SimulationOptions } from "../simulation.ts";
import { SimError } from "../errors.ts";
import { REGIMES } from "../regime.ts";
import {
  changesState,
  type Command,
  COMMAND_USAGE,
  commandWord,
  formatCommand,
} from "./commands.ts";
import { parseLine } from "./parse.ts";
import { evaluateExpect, formatActual, statsOf, StatsPathError } from "./stats.ts";
import { formatCompareText, formatStatsText } from "./output.ts";
import { compareRegimes } from "./compare.ts";
import { mergeRun } from "./record.ts";
import { oneLine } from "./text.ts";
import { formatExpectValue } from "./commands.ts";

/** The outcome of one line. `text` or `error` set means the line produced output. */
export interface CommandResult {
  /** Script line number (1-based). */
  line: number;
  /** The command word (`get`, `workload`...), "" for a blank line, comment or unknown word. */
  cmd: string;
  ok: boolean;
  result?: "hit" | "miss" | "stored" | "rejected";
  /** Human-readable output (several lines for `stats`, `compare`, `help`). */
  text?: string;
  /** One line, starting with `line N: `. */
  error?: string;
  /** The stats object, for `stats`. */
  stats?: unknown;
  /** Set on `expect`: true when the check failed. */
  expectFailed?: boolean;
  /** Set on `quit`. */
  quit?: boolean;
  /** The parsed command, when the line parsed. */
  command?: Command;
  /** Extra fields of the JSON form (`expect` details, `compare` columns). */
  data?: Record<string, unknown>;
}

/** Options of a session. */
export interface CommandSessionOptions {
  /**
   * Receives the canonical text of every successfully executed state-changing
   * command; the first two lines are `regime R` and `seed N` of the simulation
   * given, so the lines replay the session from scratch.
   */
  record?: (line: string) => void;
  /** Output will be JSON; `text` is still filled in. */
  json?: boolean;
  /** Options for the simulations `compare` builds (regime and seed are set per run). */
  simulationOptions?: SimulationOptions;
}

/** Executes script lines against a replaceable `Simulation`. */
export class CommandSession {
  #sim: Simulation;
  #record?: (line: string) => void;
  #lineCounter = 0;
  readonly json: boolean;
  readonly simulationOptions: SimulationOptions;
  /** Seed and regime the session started with; `compare` replays from them. */
  readonly initialSeed: number;
  readonly initialRegime: string;
  /** Canonical state-changing commands executed so far (consecutive runs merged). */
  readonly history: string[] = [];
  /** Counts of what happened, for the exit status. */
  errors = 0;
  expectFailures = 0;

  constructor(sim: Simulation, opts: CommandSessionOptions = {}) {
    this.#sim = sim;
    this.#record = opts.record;
    this.json = opts.json ?? false;
    this.simulationOptions = opts.simulationOptions ?? {};
    this.initialSeed = sim.seed;
    this.initialRegime = sim.regime;
    // A recording starts from the same regime and seed, so it replays exactly.
    this.#record?.(`regime ${sim.regime}`);
    this.#record?.(`seed ${sim.seed}`);
  }

  /** The current simulation (a command may replace it: always read it from here). */
  get sim(): Simulation {
    return this.#sim;
  }

  /** Execute one line. Never throws: every problem becomes `error`. */
  execute(line: string, lineNo?: number): CommandResult {
    const n = lineNo ?? this.#lineCounter + 1;
    this.#lineCounter = n;
    let parsed;
    try {
      parsed = parseLine(typeof line === "string" ? line : String(line));
    } catch (e) {
      return this.#fail(n, "", `internal error: ${messageOf(e)}`);
    }
    if (!parsed.ok) return this.#fail(n, parsed.cmd, parsed.error, true);
    if (parsed.command === null) return { line: n, cmd: "", ok: true };
    return this.executeCommand(parsed.command, n);
  }

  /** Execute an already parsed command. Never throws. */
  executeCommand(cmd: Command, lineNo?: number): CommandResult {
    const n = lineNo ?? this.#lineCounter + 1;
    this.#lineCounter = n;
    const word = commandWord(cmd);
    let res: CommandResult;
    try {
      res = this.#run(cmd, n);
    } catch (e) {
      if (e instanceof SimError || e instanceof StatsPathError) {
        return this.#fail(n, word, messageOf(e), false, cmd);
      }
      return this.#fail(n, word, `internal error: ${messageOf(e)}`, false, cmd);
    }
    res.command = cmd;
    if (res.ok && changesState(cmd)) {
      const text = formatCommand(cmd);
      mergeRun(this.history, text);
      try {
        this.#record?.(text);
      } catch (e) {
        // A failing sink must not lose the command's outcome.
        res.error = `line ${n}: ${word}: recording failed: ${messageOf(e)}`;
      }
    }
    return res;
  }

  #fail(n: number, word: string, msg: string, parse = false, cmd?: Command): CommandResult {
    this.errors++;
    const line = oneLine(msg.replace(/\r?\n/g, " "));
    const prefixed = word && !parse && !line.startsWith(`${word}:`) ? `${word}: ${line}` : line;
    const r: CommandResult = { line: n, cmd: word, ok: false, error: `line ${n}: ${prefixed}` };
    if (cmd) r.command = cmd;
    return r;
  }

  #run(cmd: Command, n: number): CommandResult {
    const sim = this.#sim;
    const word = commandWord(cmd);
    const ok = (extra: Partial<CommandResult> = {}): CommandResult => ({
      line: n,
      cmd: word,
      ok: true,
      ...extra,
    });
    switch (cmd.kind) {
      case "regime":
        sim.setRegime(cmd.regime);
        return ok();
      case "seed":
        sim.setSeed(cmd.seed);
        return ok();
      case "mount":
        sim.mount(cmd.name, cmd.uuid === undefined ? undefined : { uuid: cmd.uuid });
        return ok();
      case "umount":
        sim.umount(cmd.name);
        return ok();
      case "swapon":
        sim.swapon(cmd.type, cmd.slots);
        return ok();
      case "swapoff":
        sim.swapoff(cmd.type);
        return ok();
      case "register": {
        const r = sim.register(cmd.backend, cmd.options);
        return ok(r.note === null ? {} : { text: `register ${cmd.backend}: ${r.note}` });
      }
      case "unregister":
        sim.unregister(cmd.name);
        return ok();
      case "put":
        sim.put(cmd.name, cmd.ino, cmd.index, cmd.cls);
        return ok();
      case "write":
        sim.write(cmd.name, cmd.ino, cmd.index, cmd.cls);
        return ok();
      case "get": {
        const r = sim.get(cmd.name, cmd.ino, cmd.index);
        return ok({ result: r, text: `${formatCommand(cmd)}: ${r}` });
      }
      case "invalidate":
        sim.invalidate(cmd.name, cmd.ino, cmd.index);
        return ok();
      case "delete":
        sim.deleteFile(cmd.name, cmd.ino);
        return ok();
      case "store": {
        const r = sim.store(cmd.type, cmd.offset, cmd.cls);
        return ok({ result: r, text: `${formatCommand(cmd)}: ${r}` });
      }
      case "load": {
        const r = sim.load(cmd.type, cmd.offset);
        return ok({ result: r, text: `${formatCommand(cmd)}: ${r}` });
      }
      case "free":
        sim.free(cmd.type, cmd.offset);
        return ok();
      case "workload-start":
        sim.startWorkload(cmd.workload, cmd.params);
        return ok();
      case "workload-stop":
        sim.stopWorkload(cmd.workload);
        return ok();
      case "run":
        sim.advance(cmd.ticks);
        return ok();
      case "stats": {
        const stats = statsOf(sim.snapshot());
        return ok({ stats, text: formatStatsText(stats) });
      }
      case "expect": {
        const stats = statsOf(sim.snapshot());
        const o = evaluateExpect(stats, cmd.path, cmd.op, cmd.value);
        const what = `expect ${cmd.path} ${cmd.op} ${formatExpectValue(cmd.value)}`;
        if (!o.pass) this.expectFailures++;
        return ok({
          expectFailed: !o.pass,
          text: `line ${n}: ${what}: ${o.pass ? "ok" : "FAILED"} (${o.detail})`,
          data: {
            path: cmd.path,
            op: cmd.op,
            expected: cmd.value,
            actual: o.actual === undefined ? null : o.actual,
            pass: o.pass,
          },
        });
      }
      case "compare": {
        const columns = compareRegimes(this.history, this.initialSeed, this.simulationOptions);
        return ok({
          text: formatCompareText(columns),
          data: {
            regimes: REGIMES,
            columns: columns.map((c) => ({
              regime: c.regime,
              errors: c.errors,
              stats: c.stats,
            })),
          },
        });
      }
      case "audit": {
        const problems = sim.audit();
        return ok({
          text: problems.length
            ? `audit: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`
            : "audit: ok",
          data: { problems },
        });
      }
      case "help": {
        const text = helpText();
        return ok({ text, data: { text } });
      }
      case "quit":
        return ok({ quit: true });
    }
  }
}

/** The command list `help` prints. */
export function helpText(): string {
  const w = Math.max(...COMMAND_USAGE.map(([u]) => Math.min(u.length, 52)));
  return COMMAND_USAGE.map((
    [u, d],
  ) => (u.length > w ? `${u}\n${"".padEnd(w)}  ${d}` : `${u.padEnd(w)}  ${d}`))
    .join("\n");
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return formatActual(String(e));
}
