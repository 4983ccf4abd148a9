/**
 * The headless simulation of the dashboard's default scenario
 * (`src/scenario/default.ts` through a `CommandSession`, no UI): ticks per
 * second as the dashboard starts it (no backend: every operation skipped as
 * pending) and after `register zcache compressor=K` for every compressor,
 * interleaved on long-lived sessions in steady state (pool full, evicting
 * and writing back).
 *
 * Also the compressor's share of a tick (time inside `compress` over the
 * tick's time, instrumented in a separate run): the most a design that
 * shares only the compression between the main thread and one worker could
 * gain on two idle cores is 1 / (1 - share / 2) (`worker_ceiling`).
 */
import { Simulation } from "../src/simulation.ts";
import { CommandSession } from "../src/command/mod.ts";
import { DEFAULT_SCENARIO } from "../src/scenario/default.ts";
import * as compressors from "../src/backends/compressors.ts";
import { interleaved, ratio } from "./harness.ts";

const TICKS = 10;

export interface SimResult {
  no_backend_ticks_per_s: number;
  /** By compressor. */
  ticks_per_s: Record<string, number>;
  ops_per_tick: Record<string, number>;
  /** Ticks/s of each compressor over the first one's, median of per-round ratios. */
  vs_first: Record<string, number>;
  /** Time inside `compress` / tick time. */
  compress_share: Record<string, number>;
  /** 1 / (1 - compress_share / 2). */
  worker_ceiling: Record<string, number>;
}

export function defaultSession(register: string | null, seed = 1): CommandSession {
  const session = new CommandSession(new Simulation({ seed }));
  for (const line of [...DEFAULT_SCENARIO, ...(register ? [register] : [])]) {
    const r = session.execute(line);
    if (!r.ok) throw new Error(`default scenario: ${line}: ${r.error}`);
  }
  return session;
}

function step(s: CommandSession): number {
  const r = s.execute(`run ${TICKS}`);
  if (!r.ok) throw new Error(`run: ${r.error}`);
  return TICKS;
}

/** Run `f` with every compressor class's `compress` timed; returns [ms of f, ms in compress]. */
function timedCompress(f: () => void): [number, number] {
  let inside = 0;
  const restore: (() => void)[] = [];
  for (const v of Object.values(compressors)) {
    const proto = typeof v === "function" ? v.prototype : null;
    if (!proto || typeof proto.compress !== "function") continue;
    const orig = proto.compress;
    proto.compress = function (this: unknown, page: Uint8Array) {
      const t = performance.now();
      const out = orig.call(this, page);
      inside += performance.now() - t;
      return out;
    };
    restore.push(() => proto.compress = orig);
  }
  const t0 = performance.now();
  try {
    f();
  } finally {
    for (const r of restore) r();
  }
  return [performance.now() - t0, inside];
}

export function benchSim(rounds: number, kinds: readonly string[]): SimResult {
  const sessions: Record<string, CommandSession> = {};
  const opsBefore: Record<string, number> = {};
  for (const k of kinds) {
    sessions[k] = defaultSession(`register zcache compressor=${k}`);
    for (let i = 0; i < 10; i++) step(sessions[k]); // to steady state
    opsBefore[k] = sessions[k].snapshot().ops;
  }
  const none = defaultSession(null);
  const cases: Record<string, () => number> = { none: () => step(none) };
  for (const k of kinds) cases[k] = () => step(sessions[k]);
  const m = interleaved(cases, rounds, 1, 2);
  const out: SimResult = {
    no_backend_ticks_per_s: m.none.perSecond,
    ticks_per_s: {},
    ops_per_tick: {},
    vs_first: {},
    compress_share: {},
    worker_ceiling: {},
  };
  for (const k of kinds) {
    out.ticks_per_s[k] = m[k].perSecond;
    out.ops_per_tick[k] = (sessions[k].snapshot().ops - opsBefore[k]) /
      (m[k].units * (rounds + 1));
    out.vs_first[k] = ratio(m[kinds[0]], m[k]);
    const [total, inside] = timedCompress(() => {
      for (let i = 0; i < Math.max(3, rounds); i++) step(sessions[k]);
    });
    out.compress_share[k] = inside / total;
    out.worker_ceiling[k] = 1 / (1 - inside / total / 2);
  }
  return out;
}
