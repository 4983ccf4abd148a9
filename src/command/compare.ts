/**
 * Compare mode: the same commands run once per regime, from the same seed,
 * so the designs can be judged on the same work. What a command does in a
 * comparison is its table entry's `compare` role (`regime` lines are
 * skipped since the regime is imposed; checks and output are skipped).
 * This module uses the session; the session gets it injected as its
 * `CompareRunner`, never imports it.
 */
import { Simulation, type SimulationOptions } from "../simulation.ts";
import { type Regime, REGIMES } from "../regime.ts";
import { parseLine } from "./parse.ts";
import { CommandSession } from "./session.ts";
import type { CommandResult, CompareColumn } from "./spec.ts";
import { specOf } from "./table.ts";
import { statsOf } from "./stats.ts";

/**
 * Run `lines` (a script, or a session's history) once in each regime,
 * starting from `seed`. Line numbers in errors are positions in `lines`,
 * counted from `firstLine`; `quit` ends a run.
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
  const session = new CommandSession(sim, { simulationOptions: simOptions, historyLimit: 0 });
  const errorResults: CommandResult[] = [];
  for (let i = 0; i < lines.length; i++) {
    const p = parseLine(lines[i]);
    if (p.ok && p.command && specOf(p.command).compare === "skip") continue;
    const r = session.execute(lines[i], firstLine + i);
    if (r.error !== undefined) errorResults.push(r);
    if (r.quit) break;
  }
  return {
    regime,
    stats: statsOf(session.snapshot()),
    errors: errorResults.length,
    errorResults,
  };
}
