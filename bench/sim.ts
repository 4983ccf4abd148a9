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
import { type Precompressor, SharedCompressorPool } from "../src/backend/prefetch_pool.ts";

const TICKS = 10;

export interface SimResult {
  /** With zcache registered. */
  ticks_per_s: number;
  ops_per_s: number;
  ops_per_tick: number;
  /** As the dashboard starts: no backend. */
  no_backend_ticks_per_s: number;
  no_backend_ops_per_s: number;
  /** With zcache and compression ahead in N Web Workers (`--workers N`): same results. */
  workers_ticks_per_s: number;
  /** The inline run measured the same way (alternating blocks). */
  workers_inline_ticks_per_s: number;
  /** Median of the per-round ratios of the two. */
  workers_speedup: number;
  /** Stores that used a compression computed ahead, of all the workers' run's stores. */
  workers_hit_share: number;
}

export function defaultSession(
  register: string | null,
  seed = 1,
  precompressor?: Precompressor,
): CommandSession {
  const session = new CommandSession(new Simulation({ seed, precompressor }));
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

export function benchSim(rounds: number, workers: number): SimResult {
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
  const w = benchSimWorkers(rounds, workers);
  return {
    ticks_per_s: m.zcache.perSecond,
    ops_per_s: m.zcache.perSecond * opsPerTick("zcache"),
    ops_per_tick: opsPerTick("zcache"),
    no_backend_ticks_per_s: m.none.perSecond,
    no_backend_ops_per_s: m.none.perSecond * opsPerTick("none"),
    ...w,
  };
}

/**
 * The same scenario with compression ahead in `workers` Web Workers, against
 * inline, in alternating blocks of 50 ticks (not sliced finely: workers
 * would go on compressing during the other case's slices and flatter
 * themselves). Median of the per-round ratios.
 */
function benchSimWorkers(
  rounds: number,
  workers: number,
): Pick<
  SimResult,
  "workers_ticks_per_s" | "workers_inline_ticks_per_s" | "workers_speedup" | "workers_hit_share"
> {
  const BLOCK = 50;
  const inline = defaultSession("register zcache");
  const pool = new SharedCompressorPool(workers, 256);
  const ahead = defaultSession("register zcache", 1, pool);
  const run = (s: CommandSession) => {
    const t = performance.now();
    const r = s.execute(`run ${BLOCK}`);
    if (!r.ok) throw new Error(`run: ${r.error}`);
    return performance.now() - t;
  };
  run(inline);
  run(ahead);
  const hitsBefore = ahead.sim.precompressedHits;
  const storesBefore = storesOf(ahead);
  const ratios: number[] = [];
  const aheadMs: number[] = [];
  const inlineMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const a = i % 2 === 0 ? run(inline) : 0;
    const b = run(ahead);
    const c = i % 2 === 1 ? run(inline) : a;
    ratios.push(c / b);
    aheadMs.push(b);
    inlineMs.push(c);
  }
  const share = (ahead.sim.precompressedHits - hitsBefore) /
    Math.max(1, storesOf(ahead) - storesBefore);
  pool.close();
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return {
    workers_ticks_per_s: (BLOCK * 1000) / med(aheadMs),
    workers_inline_ticks_per_s: (BLOCK * 1000) / med(inlineMs),
    workers_speedup: med(ratios),
    workers_hit_share: share,
  };
}

/** Pages offered to the backend (cleancache puts and frontswap stores) so far. */
function storesOf(s: CommandSession): number {
  const x = s.sim.snapshot();
  return x.cleancache.puts + x.frontswap.succ_stores + x.frontswap.failed_stores;
}
