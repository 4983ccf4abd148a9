/**
 * The CLI shell: reads the flags, opens the script and the record file,
 * builds the session, and runs the headless mode, `--compare`, `--once` or
 * the dashboard (which `mod.ts` hands in, so the edge does not import the
 * UI). Returns the exit status; every problem is a message on stderr and a
 * status listed in `exit.ts`.
 */
import type { SimulationOptions } from "../src/simulation.ts";
import { createSession, jsonLine, type ScriptLine, statsOf } from "../src/command/mod.ts";
import { startupScenario } from "../src/scenario/default.ts";
import type { SessionPort, SplitOpener } from "../src/session_port.ts";
import { WorkerSessionPort } from "./session_client.ts";
import { ReplayLog } from "./split_session.ts";
import type { Snapshot } from "../src/snapshot.ts";
import { type Flags, parseFlags, UsageError } from "./flags.ts";
import { usage } from "./usage.ts";
import { EXIT, StopError } from "./exit.ts";
import { openScript, sameFile } from "./input.ts";
import { RecordFile } from "./record_file.ts";
import { RecordGuard } from "./record_guard.ts";
import { outputFailed, runCompare, runScript } from "./headless.ts";
import { exitOnSignals } from "./signals.ts";
import { checkWorkersCanLoad, dropWrite } from "./permissions.ts";
import { Writer } from "./writer.ts";
import { fileContentPort } from "./files.ts";
import { type HostSource, openHostSource, startSampling } from "./host/read.ts";
import { expandingPort, hostExpander } from "./host/from_host.ts";
import type { HostSnapshot } from "../src/host/snapshot.ts";

/** The dashboard's entry points (tui/mod.ts), loaded only when needed. */
export interface Dashboard {
  /** Resolves with the exit status (0; 130 after Ctrl-C; 143 after SIGTERM). */
  runDashboard(opts: {
    port: SessionPort;
    rate: number;
    speed: number;
    noColor: boolean;
    record?: string;
    host?: { latest(): HostSnapshot | null; onSample(fn: () => void): void };
    split?: SplitOpener;
  }): Promise<number>;
  /** With `host` given (even null): the host panel below the simulation's. */
  renderOnce(snapshot: Snapshot, opts?: { columns?: number; host?: HostSnapshot | null }): string;
}

/** How often the host source samples (the rates are per second over this interval). */
export const HOST_PERIOD_MS = 1000;

/** What `main` needs from its caller. */
export interface MainWiring {
  /** Load the dashboard (a dynamic import, so headless runs never load Ink). */
  dashboard(): Promise<Dashboard>;
}

/** Header of a `--record` file. */
const RECORD_HEADER = "tmemtop session recording (replay: deno task monitor --script FILE)";

/** Run tmemtop with `args`; returns the exit status. */
export async function main(args: readonly string[], wiring: MainWiring): Promise<number> {
  const stdout = new Writer(Deno.stdout);
  const stderr = new Writer(Deno.stderr);
  let status: number;
  try {
    status = await run(parseFlags(args), wiring, { stdout, stderr });
    if (!stdout.flush()) outputFailed(stdout);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr.line(`tmemtop: ${e.message}`);
      stderr.line("Try --help.");
      status = EXIT.lineError;
    } else if (e instanceof StopError) {
      stdout.flush();
      if (e.message) stderr.line(`tmemtop: ${e.message}`);
      status = e.status;
    } else {
      stdout.flush();
      stderr.line(`tmemtop: internal error: ${e instanceof Error ? e.message : String(e)}`);
      status = EXIT.internal;
    }
  }
  stderr.flush();
  return status;
}

/** Refuse flag combinations that cannot be honoured. */
function checkCombinations(flags: Flags, headless: boolean): void {
  if (flags.workers > 0 && !flags.compare) {
    // Compression in workers was removed from the simulation (README, "Why no compression workers").
    throw new UsageError("--workers N only applies to --compare (the regimes run in workers)");
  }
  if (flags.split) {
    if (headless || flags.once) {
      throw new UsageError("--split is a dashboard view: it needs a terminal, not --script/--once");
    }
    if (flags.record !== undefined) {
      throw new UsageError(
        "--split cannot be combined with --record (it runs three sessions; record one regime)",
      );
    }
  }
  if (flags.compare) {
    if (!headless) {
      throw new UsageError("--compare needs a script (--script FILE or commands on stdin)");
    }
    for (const other of ["record", "once"] as const) {
      if (flags[other]) {
        throw new UsageError(
          `--compare cannot be combined with --${other} (it runs three separate sessions)`,
        );
      }
    }
  }
  if (
    flags.script !== undefined && flags.record !== undefined &&
    sameFile(flags.script, flags.record)
  ) {
    throw new UsageError(
      `--record '${flags.record}' is the script itself: recording would wipe it first`,
    );
  }
}

async function run(
  flags: Flags,
  wiring: MainWiring,
  out: { stdout: Writer; stderr: Writer },
): Promise<number> {
  if (flags.help) {
    out.stdout.line(usage());
    return EXIT.ok;
  }
  const headless = flags.script !== undefined || !Deno.stdin.isTerminal();
  checkCombinations(flags, headless);
  checkWorkersCanLoad(flags.workers);
  const simulation: SimulationOptions = {
    writethrough: flags.writethrough,
    exclusiveLoads: flags["exclusive-loads"],
    files: fileContentPort,
  };
  const input = headless ? openScript(flags.script) : null;
  const stopSignals = headless ? exitOnSignals(() => out.stdout.flush()) : () => {};
  try {
    if (flags.compare) {
      dropWrite();
      return await runCompare(input!, out, {
        seed: flags.seed,
        json: flags.json,
        simulation,
        workers: flags.workers,
      });
    }
    if (!input && !flags.once) return await dashboard(flags, wiring, simulation, out.stderr);
    return await runSession(flags, wiring, out, simulation, input);
  } finally {
    stopSignals();
  }
}

async function runSession(
  flags: Flags,
  wiring: MainWiring,
  out: { stdout: Writer; stderr: Writer },
  simulation: SimulationOptions,
  input: AsyncIterable<ScriptLine[]> | null,
): Promise<number> {
  const recording = flags.record !== undefined
    ? RecordFile.open(flags.record, RECORD_HEADER)
    : null;
  dropWrite();
  const host = await openHost(flags, out.stderr);
  const stopSampling = host && !flags.once ? startSampling(host, HOST_PERIOD_MS) : null;
  try {
    const recorder = recording?.recorder;
    const session = createSession({
      simulation: { ...simulation, regime: flags.regime, seed: flags.seed },
      json: flags.json,
      record: recorder ? (line) => recorder.push(line) : undefined,
      host: host ? () => host.last : undefined,
      expand: hostExpander(() => host ? host.last : undefined),
    });
    let code = EXIT.ok as number;
    if (input) code = await runScript(session, input, out, flags.json);
    if (flags.once) {
      for (const line of startupScenario(session.snapshot())) session.execute(line);
      if (flags.ticks > 0) session.execute(`run ${flags.ticks}`);
      if (host) {
        // A second sample, for the rates.
        await new Promise((r) => setTimeout(r, HOST_PERIOD_MS));
        await host.sample();
      }
      setColour(flags["no-color"]);
      if (flags.json) {
        out.stdout.line(jsonLine(statsOf(session.snapshot(), host ? host.last : undefined)));
      } else {
        const once = { columns: onceColumns(), ...(host ? { host: host.last } : {}) };
        out.stdout.line((await wiring.dashboard()).renderOnce(session.snapshot(), once));
      }
    }
    return code;
  } finally {
    stopSampling?.();
    recording?.file.close();
  }
}

/**
 * The host source of `--host` / `--host-root DIR` with its first sample
 * taken, or null when off. Nothing readable is said once on stderr, not an error.
 */
async function openHost(flags: Flags, stderr: Writer): Promise<HostSource | null> {
  const root = flags["host-root"];
  if (!flags.host && root === undefined) return null;
  const source = openHostSource(root ?? null);
  if ((await source.sample()) === null) {
    stderr.line(
      root === undefined
        ? "tmemtop: --host: nothing readable (is cat allowed? deno task monitor runs with --allow-run=cat)"
        : `tmemtop: --host-root: nothing readable under ${root}`,
    );
    stderr.flush();
  }
  return source;
}

/**
 * The live dashboard: the session runs in a Worker (`session_client.ts`), the UI on this
 * thread, which also writes the record file from the lines the worker sends.
 */
async function dashboard(
  flags: Flags,
  wiring: MainWiring,
  simulation: SimulationOptions,
  stderr: Writer,
): Promise<number> {
  const recording = flags.record !== undefined
    ? RecordFile.open(flags.record, RECORD_HEADER)
    : null;
  dropWrite();
  const host = await openHost(flags, stderr);
  const listeners: (() => void)[] = [];
  const stopSampling = host
    ? startSampling(host, HOST_PERIOD_MS, () => listeners.forEach((fn) => fn()))
    : null;
  try {
    const recorder = recording?.recorder;
    const guard = recorder ? new RecordGuard((line) => recorder.push(line)) : null;
    setColour(flags["no-color"]);
    // Ink renders nothing but the last frame when it thinks it runs in CI (is-in-ci reads CI
    // when ink loads); a dashboard on a terminal is interactive whatever the environment says.
    Deno.env.delete("CI");
    Deno.env.delete("CONTINUOUS_INTEGRATION");
    const { runDashboard } = await wiring.dashboard();
    const options = {
      writethrough: simulation.writethrough,
      exclusiveLoads: simulation.exclusiveLoads,
    };
    // The session's lines are kept for the split view, which replays them in three regimes.
    const log = new ReplayLog();
    const worker = new WorkerSessionPort({
      regime: flags.regime,
      seed: flags.seed,
      options,
      record: (line) => {
        log.push(line);
        guard?.record(line);
      },
    });
    const expander = hostExpander(() => host ? host.last : undefined);
    const split: SplitOpener = {
      atStart: flags.split,
      open: () => {
        const lines = log.lines();
        if (lines === null) {
          return {
            error: `the session passed ${log.limit} lines: the split view cannot replay it`,
          };
        }
        const three = new WorkerSessionPort({
          regime: flags.regime,
          seed: flags.seed,
          options,
          split: true,
          scenario: lines,
        });
        return expandingPort(three, expander);
      },
    };
    // register zswap from=host is rewritten here, where the host's samples are.
    const expanding = expandingPort(worker, expander);
    const port = guard ? guard.port(expanding) : expanding;
    return await runDashboard({
      port,
      rate: flags.rate,
      speed: flags.speed,
      noColor: flags["no-color"],
      record: flags.record,
      host: host
        ? { latest: () => host.last, onSample: (fn: () => void) => listeners.push(fn) }
        : undefined,
      split,
    });
  } finally {
    stopSampling?.();
    recording?.file.close();
  }
}

/** Width of `--once`: COLUMNS, else the terminal's width, else 120; at least 80. */
function onceColumns(): number {
  const env = Number(Deno.env.get("COLUMNS"));
  if (Number.isInteger(env) && env > 0) return Math.max(80, env);
  try {
    if (Deno.stdout.isTerminal()) return Math.max(80, Deno.consoleSize().columns);
  } catch {
    // no console size: the default
  }
  return 120;
}

/** NO_COLOR or --no-color: tell Ink's colour detection (FORCE_COLOR=0). */
function setColour(noColor: boolean): void {
  if (noColor || Deno.env.get("NO_COLOR")) Deno.env.set("FORCE_COLOR", "0");
}
