/**
 * The command-line flags: one `FLAGS` entry per flag (its argument, help
 * line and how its value is read and checked). `parseFlags` and the
 * `--help` text derive from the table, so adding a flag is one entry.
 * A bad flag is a `UsageError` (exit status 2).
 */
import { parseArgs } from "node:util";
import { isRegime, type Regime, REGIMES } from "../src/regime.ts";

/** A bad command line: the message is printed with "Try --help." and exit status 2. */
export class UsageError extends Error {}

/** One flag: a string flag has `arg`, a boolean flag has none. */
export interface FlagSpec<T> {
  /** Placeholder of the value (`FILE`, `N`) for string flags; absent for booleans. */
  readonly arg?: string;
  readonly short?: string;
  /** Help lines (the first on the flag's line, the others below it). */
  readonly help: readonly string[];
  /**
   * It changes the results: a `--record` file's first lines set its value
   * (`regime`, `seed`, `options`), so a replay is exact whatever flags it is
   * given (tests/cli/record_replay.test.ts has a case for every such flag).
   */
  readonly changesResults?: boolean;
  /** Read the raw value (undefined when the flag is absent). */
  read(raw: string | boolean | undefined, name: string): T;
}

function boolean(
  help: string[],
  more: { short?: string; changesResults?: boolean } = {},
): FlagSpec<boolean> {
  return { help, ...more, read: (raw) => raw === true };
}

function text(arg: string, help: string[]): FlagSpec<string | undefined> {
  return { arg, help, read: (raw) => typeof raw === "string" ? raw : undefined };
}

/** A number flag in `min..max`, whole when `int`. */
function number(
  arg: string,
  help: string[],
  def: number,
  min: number,
  max: number,
  int: boolean,
): FlagSpec<number> {
  return {
    arg,
    help,
    read(raw, name) {
      if (typeof raw !== "string") return def;
      const n = Number(raw);
      if (
        !/^[0-9]+(\.[0-9]+)?$/.test(raw) || (int && !Number.isInteger(n)) || n < min || n > max
      ) {
        throw new UsageError(
          `--${name} must be ${
            int ? "a whole number" : "a number"
          } from ${min} to ${max}, got '${raw}'`,
        );
      }
      return n;
    },
  };
}

/** Every flag of tmemtop, in the order `--help` lists them. */
export const FLAGS = {
  regime: {
    arg: "R",
    help: [`${REGIMES.join(" | ")} (default deferred)`],
    changesResults: true,
    read(raw: string | boolean | undefined): Regime {
      const r = typeof raw === "string" ? raw : "deferred";
      if (!isRegime(r)) {
        throw new UsageError(`--regime must be one of ${REGIMES.join(", ")}, got '${r}'`);
      }
      return r;
    },
  } as FlagSpec<Regime>,
  seed: {
    ...number("N", ["seed of the PRNG (default 1)"], 1, 0, 0xffffffff, true),
    changesResults: true,
  },
  script: text("FILE", ["run the commands in FILE (headless)"]),
  json: boolean(["one JSON object per line for every command with output"]),
  compare: boolean(["run the script in all three regimes, print counters side by side"]),
  split: boolean([
    "dashboard: the same session under eager, fake-poolid and deferred side by side",
    "(keys act on all three at the same tick; v leaves and enters the split view)",
  ]),
  record: text("FILE", ["write every command of the session as a replayable script"]),
  once: boolean(["print one text snapshot of the dashboard and exit"]),
  ticks: number(
    "N",
    ["with --once: run N ticks before the snapshot (default 0)"],
    0,
    0,
    1_000_000,
    true,
  ),
  rate: number("HZ", ["dashboard refresh rate (default 10)"], 10, 0.1, 60, false),
  speed: number(
    "TPS",
    ["simulated ticks per second in the dashboard (default 10)"],
    10,
    0,
    10_000,
    false,
  ),
  "no-color": boolean(["no colours (also NO_COLOR=1)"]),
  workers: number(
    "N",
    ["with --compare: run the regimes in up to N Web Workers"],
    0,
    0,
    8,
    true,
  ),
  host: boolean([
    "the host kernel's zswap beside the simulation: a panel (H hides it), a host",
    "group in stats/--json; /proc and /sys are read through cat (--allow-run=cat)",
  ]),
  "host-root": text("DIR", [
    "the host view from a copy of /proc and /sys laid out under DIR",
    "(sh cli/host/snapshot.sh DIR takes one); reads DIR only",
  ]),
  writethrough: boolean(["frontswap writethrough: a stored page is written to disk too"], {
    changesResults: true,
  }),
  "exclusive-loads": boolean(["frontswap exclusive loads: a hit drops the backend copy"], {
    changesResults: true,
  }),
  help: boolean(["this text"], { short: "h" }),
} as const;

/** The values of all flags, typed by their entries. */
export type Flags = { -readonly [K in keyof typeof FLAGS]: ReturnType<(typeof FLAGS)[K]["read"]> };

/** Parse and check the command line. Throws `UsageError`. */
export function parseFlags(args: readonly string[]): Flags {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, spec] of flagEntries()) {
    options[name] = { type: spec.arg ? "string" : "boolean" };
    if (spec.short) options[name].short = spec.short;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...args], strict: true, allowPositionals: false, options })
      .values as Record<string, string | boolean | undefined>;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const out: Record<string, unknown> = {};
  for (const [name, spec] of flagEntries()) {
    out[name] = spec.read(values[name], name);
  }
  return out as Flags;
}

/** The flag table as name -> spec pairs. */
export function flagEntries(): [string, FlagSpec<unknown>][] {
  return Object.entries(FLAGS) as [string, FlagSpec<unknown>][];
}

/** The `Flags:` lines of `--help`. */
export function flagHelp(): string[] {
  const lines: string[] = [];
  for (const [name, spec] of flagEntries()) {
    const head = `--${name}${spec.arg ? ` ${spec.arg}` : ""}`;
    spec.help.forEach((h, i) => lines.push(`  ${(i === 0 ? head : "").padEnd(18)} ${h}`));
  }
  return lines;
}
