/**
 * Compare mode: the same commands run once per regime, from the same seed,
 * so the designs can be judged on the same work.
 */
import { Simulation, type SimulationOptions } from "../simulation.ts";
import { type Regime, REGIMES } from "../regime.ts";
import { parseLine } from "./parse.ts";
import { type CommandResult, CommandSession } from "./session.ts";
import { type Stats, statsOf } from "./stats.ts";

/** One regime's column of a comparison. */
export interface CompareColumn {
  regime: Regime;
  stats: Stats;
  /** Lines that were in error in this regime. */
  errors: number;
  /** The error results, in order. */
  errorResults: CommandResult[];
}

/** Commands a comparison run skips: the regime is imposed, checks and output are per regime. */
const SKIPPED = new Set(["regime", "stats", "expect", "compare", "help", "audit"]);

/**
 * Run `lines` (a script, or a session's history) once in each regime,
 * starting from `seed`. `regime` lines are ignored, `stats`/`expect`/
 * `compare`/`audit`/`help` skipped, `quit` ends the run. Line numbers in errors
 * are positions in `lines`, counted from `firstLine`.
 */
export function compareRegimes(
  lines: readonly string[],
  seed: number,
  simOptions: SimulationOptions = {},
  firstLine = 1,
): CompareColumn[] {
  return REGIMES.map((regime) => compareColumn(regime, lines, seed, simOptions, firstLine));
}

/** One regime's run of a comparison: a pure function of its arguments. */
export function compareColumn(
  regime: Regime,
  lines: readonly string[],
  seed: number,
  simOptions: SimulationOptions = {},
  firstLine = 1,
): CompareColumn {
  const sim = new Simulation({ ...simOptions, regime, seed });
  const session = new CommandSession(sim);
  const errorResults: CommandResult[] = [];
  for (let i = 0; i < lines.length; i++) {
    const p = parseLine(lines[i]);
    if (p.ok && p.command && SKIPPED.has(p.command.kind)) continue;
    const r = session.execute(lines[i], firstLine + i);
    if (r.error !== undefined) errorResults.push(r);
    if (r.quit) break;
  }
  return {
    regime,
    stats: statsOf(session.sim.snapshot()),
    errors: errorResults.length,
    errorResults,
  };
}
