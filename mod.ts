/**
 * tmemtop entry point (`deno task monitor`): flags, then either the headless
 * script mode (stdin is not a terminal, or `--script FILE`), `--compare`,
 * `--once`, or the Ink dashboard. All I/O of the program lives here and in
 * `tui/`; `src/` is pure.
 */
import { SharedCompressorPool } from "./src/backend/prefetch_pool.ts";
import { parseArgs } from "node:util";
import { Simulation, type SimulationOptions } from "./src/simulation.ts";
import { isRegime, REGIME_INFO, REGIMES } from "./src/regime.ts";
import {
  CommandSession,
  EXIT_LINE_ERROR,
  helpText,
  LineSplitter,
  runCompareScript,
  type ScriptLine,
  ScriptRecorder,
  ScriptRunner,
} from "./src/command/mod.ts";
import { WORKLOAD_PARAM_DOCS, WORKLOAD_SUMMARIES } from "./src/workloads/mod.ts";
import { WORKLOAD_NAMES } from "./src/workload.ts";
import { DEFAULT_SCENARIO } from "./src/scenario/default.ts";
import { fileContentPort } from "./cli/files.ts";

const encoder = new TextEncoder();

/** Buffered output to a Deno file; flushed explicitly (per input chunk and at the end). */
class Out {
  #parts: string[] = [];
  #size = 0;
  closed = false;
  constructor(readonly file: { writeSync(p: Uint8Array): number }) {}
  line(s: string): void {
    this.#parts.push(s, "\n");
    this.#size += s.length + 1;
    if (this.#size > 1 << 16) this.flush();
  }
  flush(): void {
    if (this.closed || this.#parts.length === 0) return;
    const bytes = encoder.encode(this.#parts.join(""));
    this.#parts = [];
    this.#size = 0;
    try {
      let off = 0;
      while (off < bytes.length) off += this.file.writeSync(bytes.subarray(off));
    } catch {
      // The reader went away (EPIPE): stop writing, keep running to a clean exit.
      this.closed = true;
    }
  }
}

const stdout = new Out(Deno.stdout);
const stderr = new Out(Deno.stderr);

function usage(): string {
  const lines = [
    "tmemtop - transcendent memory (cleancache + frontswap + zcache) simulator",
    "",
    "Usage: deno task monitor [FLAGS]",
    "  With a terminal on stdin: the dashboard. Otherwise (or with --script) the",
    "  headless mode: one command per line from stdin or FILE, results on stdout.",
    "",
    "Flags:",
    "  --regime R         eager | fake-poolid | deferred (default deferred)",
    "  --seed N           seed of the PRNG (default 1)",
    "  --script FILE      run the commands in FILE (headless)",
    "  --json             one JSON object per line for every command with output",
    "  --compare          run the script in all three regimes, print counters side by side",
    "  --record FILE      write every command of the session as a replayable script",
    "  --once             print one text snapshot of the dashboard and exit",
    "  --rate HZ          dashboard refresh rate (default 10)",
    "  --speed TPS        simulated ticks per second in the dashboard (default 10)",
    "  --no-color         no colours (also NO_COLOR=1)",
    "  --workers N        compress ahead in N Web Workers (same results, faster);",
    "                     with --compare: run the regimes in up to N workers",
    "  --writethrough     frontswap writethrough: a stored page is written to disk too",
    "  --exclusive-loads  frontswap exclusive loads: a hit drops the backend copy",
    "  --help             this text",
    "",
    "Regimes:",
    ...REGIMES.map((r) =>
      `  ${r.padEnd(12)} cleancache ${REGIME_INFO[r].cleancache}, frontswap ${
        REGIME_INFO[r].frontswap
      }: ${REGIME_INFO[r].summary}`
    ),
    "",
    "Commands (one per line, # starts a comment):",
    ...helpText().split("\n").map((l) => `  ${l}`),
    "",
    "Workloads (workload start NAME KEY=VALUE ...):",
  ];
  for (const w of WORKLOAD_NAMES) {
    lines.push(`  ${w}: ${WORKLOAD_SUMMARIES[w]}`);
    for (const [k, d] of Object.entries(WORKLOAD_PARAM_DOCS[w])) {
      lines.push(`    ${k.padEnd(10)} ${d}`);
    }
  }
  lines.push(
    "",
    "Exit status: 0 all went well, 1 an expect failed, 2 a line was in error (or bad flags).",
    "See README.md (Scripted sessions) for the JSON format, compare and record.",
  );
  return lines.join("\n");
}

function die(msg: string): never {
  stderr.line(`tmemtop: ${msg}`);
  stderr.line("Try --help.");
  stderr.flush();
  Deno.exit(EXIT_LINE_ERROR);
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        regime: { type: "string" },
        seed: { type: "string" },
        json: { type: "boolean" },
        script: { type: "string" },
        compare: { type: "boolean" },
        record: { type: "string" },
        once: { type: "boolean" },
        rate: { type: "string" },
        speed: { type: "string" },
        "no-color": { type: "boolean" },
        workers: { type: "string" },
        writethrough: { type: "boolean" },
        "exclusive-loads": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (e) {
    die(e instanceof Error ? e.message : String(e));
  }
}

function numberFlag(
  name: string,
  v: string | undefined,
  def: number,
  min: number,
  max: number,
  int: boolean,
): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(v) || (int && !Number.isInteger(n)) || n < min || n > max) {
    die(
      `--${name} must be ${int ? "a whole number" : "a number"} from ${min} to ${max}, got '${v}'`,
    );
  }
  return n;
}

/** Lines of a byte stream, decoded leniently (binary garbage becomes U+FFFD). */
async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<ScriptLine[]> {
  const splitter = new LineSplitter();
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    const lines = splitter.push(value);
    if (lines.length) yield lines;
  }
  const last = splitter.end();
  if (last.length) yield last;
}

async function openScript(file: string | undefined): Promise<ReadableStream<Uint8Array>> {
  if (file === undefined) return Deno.stdin.readable;
  try {
    const f = await Deno.open(file, { read: true });
    return f.readable;
  } catch (e) {
    die(`cannot read script '${file}': ${e instanceof Error ? e.message : String(e)}`);
  }
}

function openRecorder(path: string | undefined, header: string): ScriptRecorder | undefined {
  if (path === undefined) return undefined;
  let size = 0;
  const append = (text: string) => {
    const bytes = encoder.encode(text);
    Deno.writeFileSync(path, bytes, { append: true });
    size += bytes.length;
  };
  try {
    Deno.writeTextFileSync(path, "");
  } catch (e) {
    die(`cannot write record file '${path}': ${e instanceof Error ? e.message : String(e)}`);
  }
  // A merged `run` line is rewritten in place, so the file replays even if the process is killed.
  return new ScriptRecorder({
    append,
    replaceLast(oldLine, newLine) {
      size -= encoder.encode(oldLine + "\n").length;
      Deno.truncateSync(path, size);
      append(newLine + "\n");
    },
  }, header);
}

async function main(): Promise<number> {
  const flags = parseFlags(Deno.args);
  if (flags.help) {
    stdout.line(usage());
    stdout.flush();
    return 0;
  }
  const regime = flags.regime ?? "deferred";
  if (!isRegime(regime)) die(`--regime must be one of ${REGIMES.join(", ")}, got '${regime}'`);
  const seed = numberFlag("seed", flags.seed, 1, 0, 0xffffffff, true);
  const rate = numberFlag("rate", flags.rate, 10, 0.1, 60, false);
  const speed = numberFlag("speed", flags.speed, 10, 0, 10_000, false);
  const workers = numberFlag("workers", flags.workers, 0, 0, 8, true);
  const noColor = flags["no-color"] ?? false;
  const json = flags.json ?? false;
  const simOptions: SimulationOptions = {
    writethrough: flags.writethrough ?? false,
    exclusiveLoads: flags["exclusive-loads"] ?? false,
    files: fileContentPort,
  };
  // Compression ahead of time in Web Workers (not for --compare, which runs whole regimes in them).
  const pool = workers > 0 && !flags.compare ? new SharedCompressorPool(workers) : null;
  if (pool) {
    simOptions.precompressor = pool;
    globalThis.addEventListener("unload", () => pool.close());
  }
  const headless = flags.script !== undefined || !Deno.stdin.isTerminal();

  if (flags.compare) {
    if (!headless) die("--compare needs a script (--script FILE or commands on stdin)");
    const lines: ScriptLine[] = [];
    for await (const chunk of readLines(await openScript(flags.script))) lines.push(...chunk);
    const code = await runCompareScript(
      lines,
      seed,
      { out: (l) => stdout.line(l), err: (l) => stderr.line(l) },
      json,
      simOptions,
      workers,
    );
    return code;
  }

  const recorder = openRecorder(
    flags.record,
    `tmemtop session recording (replay: deno task monitor --script FILE)`,
  );
  const flushRecorder = () => {
    try {
      recorder?.flush();
    } catch {
      // nothing more to do
    }
  };
  globalThis.addEventListener("unload", flushRecorder);
  const sim = new Simulation({ ...simOptions, regime, seed });
  const session = new CommandSession(sim, {
    json,
    simulationOptions: simOptions,
    record: recorder ? (line) => recorder.push(line) : undefined,
  });

  let code = 0;
  if (headless) {
    const runner = new ScriptRunner(session, {
      out: (l) => stdout.line(l),
      err: (l) => {
        stdout.flush();
        stderr.line(l);
        stderr.flush();
      },
    }, json);
    outer: for await (const chunk of readLines(await openScript(flags.script))) {
      for (const line of chunk) {
        if (!runner.runLine(line)) break outer;
      }
      stdout.flush();
      if (stdout.closed) break;
    }
    code = runner.exitStatus();
  }

  if (flags.once) {
    if (!headless) { for (const line of DEFAULT_SCENARIO) session.execute(line); }
    if (noColor || Deno.env.get("NO_COLOR")) Deno.env.set("FORCE_COLOR", "0");
    const { renderOnce } = await import("./tui/mod.ts");
    stdout.line(renderOnce(session.sim.snapshot()));
  } else if (!headless) {
    if (Deno.env.get("NO_COLOR") || noColor) Deno.env.set("FORCE_COLOR", "0");
    // Ink renders nothing but the last frame when it thinks it runs in CI (is-in-ci reads CI
    // when ink loads); a dashboard on a terminal is interactive whatever the environment says.
    Deno.env.delete("CI");
    Deno.env.delete("CONTINUOUS_INTEGRATION");
    const { runDashboard } = await import("./tui/mod.ts");
    const opts = { session, rate, speed, noColor, record: flags.record };
    await runDashboard(opts);
  }
  flushRecorder();
  pool?.close();
  return code;
}

let status: number;
try {
  status = await main();
} catch (e) {
  stderr.line(`tmemtop: internal error: ${e instanceof Error ? e.message : String(e)}`);
  status = 70;
}
stdout.flush();
stderr.flush();
Deno.exit(status);
