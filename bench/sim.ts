/**
 * Item 5: the headless simulation of the dashboard's default scenario
 * (`src/scenario/default.ts` through a `CommandSession`, no UI), as the
 * dashboard starts it (no backend: every operation is skipped as pending)
 * and after `register zcache` (the first key a user presses). Interleaved
 * rounds of `run` ticks on long-lived sessions.
 */
import { Simulation } from "../src/simulation.ts";
import { CommandSession } from "../src/command/mod.ts";
import { DEFAULT_SCENARIO } from "../src/scenario/default.ts";
import { interleaved } from "./harness.ts";

const TICKS = 10;

export interface SimResult {
  /** With zcache registered. */
  ticks_per_s: number;
  ops_per_s: number;
  ops_per_tick: number;
  /** As the dashboard starts: no backend. */
  no_backend_ticks_per_s: number;
  no_backend_ops_per_s: number;
}

export function defaultSession(
  register: string | null,
  seed = 1,
): CommandSession {
  const session = new CommandSession(new Simulation({ seed }));
  for (const line of DEFAULT_SCENARIO) {
    const r = session.execute(line);
    if (!r.ok) throw new Error(`default scenario: ${line}: ${r.error}`);
  }
  if (register) {
    const r = session.execute(register);
    if (!r.ok) throw new Error(`${register}: ${r.error}`);
  }
  return session;
}

export function benchSim(rounds: number): SimResult {
  const withBackend = defaultSession("register zcache");
  const without = defaultSession(null);
  const ops = { zcache: 0, none: 0 };
  const ticks = { zcache: 0, none: 0 };
  const step = (s: CommandSession, k: "zcache" | "none") => {
    const before = s.sim.snapshot().ops;
    const r = s.execute(`run ${TICKS}`);
    if (!r.ok) throw new Error(`run: ${r.error}`);
    ops[k] += s.sim.snapshot().ops - before;
    ticks[k] += TICKS;
    return TICKS;
  };
  // warm up to steady state (pool full, evictions and writeback happening)
  for (let i = 0; i < 10; i++) step(withBackend, "zcache");
  ops.zcache = ticks.zcache = 0;
  const m = interleaved(
    {
      zcache: () => step(withBackend, "zcache"),
      none: () => step(without, "none"),
    },
    rounds,
    1,
    3,
  );
  const opsPerTick = (k: "zcache" | "none") => ops[k] / ticks[k];
  return {
    ticks_per_s: m.zcache.perSecond,
    ops_per_s: m.zcache.perSecond * opsPerTick("zcache"),
    ops_per_tick: opsPerTick("zcache"),
    no_backend_ticks_per_s: m.none.perSecond,
    no_backend_ops_per_s: m.none.perSecond * opsPerTick("none"),
  };
}
