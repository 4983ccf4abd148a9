import { cpuUsage } from "node:process";

/**
 * Benchmark harness: every case runs in interleaved rounds (the order rotates
 * each round so drift and GC pauses spread over all cases), and each figure is
 * the median of its rounds. Each slice is timed twice: by the wall clock and
 * by the bench process's CPU time (`process.cpuUsage()`), so a slice the
 * scheduler took the core from counts only the time it ran: figures and
 * ratios use the CPU time, the wall clock where it is unavailable. Timings
 * never appear in tests: they live here.
 */

/**
 * One benchmark case: runs slice `slice` of a round (0 <= slice < slices) and
 * returns how many units (ops, pages) it did.
 */
export type Case = (slice: number) => number;

/**
 * The bench process's CPU time in ms (`process.cpuUsage()`: getrusage, user +
 * system of all its threads), or null where unavailable. A thread's own
 * time (`/proc/thread-self/schedstat`) would need --allow-all under Deno;
 * in the synchronous cases the other threads are V8's GC and compiler
 * helpers, whose time belongs to the case anyway.
 */
export function processCpuMs(): number | null {
  try {
    const u = cpuUsage();
    return (u.user + u.system) / 1000;
  } catch {
    return null;
  }
}

/** Which clock the figures use: the process's CPU time, or the wall clock where it is unknown. */
export const CLOCK: "process_cpu" | "wall" = processCpuMs() === null ? "wall" : "process_cpu";

/** Milliseconds by the bench's clock (`CLOCK`). */
function now(): number {
  return processCpuMs() ?? performance.now();
}

/** What reading the clock adds to a timed slice (median of back-to-back reads), subtracted. */
const CLOCK_COST_MS = (() => {
  const d: number[] = [];
  for (let i = 0; i < 201; i++) {
    const a = now();
    d.push(now() - a);
  }
  return median(d);
})();

/** Median time of a case, per round and per unit. */
export interface Measured {
  /** Median milliseconds of one round (by `CLOCK`). */
  ms: number;
  /** Median wall-clock milliseconds of one round. */
  wallMs: number;
  /** Units per round. */
  units: number;
  /** Median nanoseconds per unit. */
  nsPerUnit: number;
  /** Units per second at the median. */
  perSecond: number;
  /** Milliseconds of each measured round (by `CLOCK`). */
  rounds: number[];
  /** Wall-clock milliseconds of each measured round. */
  wallRounds: number[];
  /** Milliseconds of each slice of the measured rounds (by `CLOCK`), round by round. */
  slices: number[];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Run `cases` in `rounds` rounds after `warmup` unmeasured ones. Each round is
 * cut in `slices`; within a round the cases take turns slice by slice, the
 * order rotating, so a noisy neighbour on the machine slows every case alike.
 * Returns the median round of each case.
 */
export function interleaved(
  cases: Record<string, Case>,
  rounds: number,
  warmup = 1,
  slices = 1,
): Record<string, Measured> {
  const names = Object.keys(cases);
  const times: Record<string, number[]> = {}, walls: Record<string, number[]> = {};
  const perSlice: Record<string, number[]> = {};
  const units: Record<string, number> = {};
  for (const n of names) (times[n] = [], walls[n] = [], perSlice[n] = []);
  for (let r = 0; r < warmup + rounds; r++) {
    const t: Record<string, number> = {}, w: Record<string, number> = {};
    for (const n of names) t[n] = w[n] = units[n] = 0;
    for (let s = 0; s < slices; s++) {
      for (let k = 0; k < names.length; k++) {
        const n = names[(k + r + s) % names.length];
        const c0 = now(), w0 = performance.now();
        const u = cases[n](s);
        w[n] += performance.now() - w0;
        const ms = Math.max(0, now() - c0 - CLOCK_COST_MS);
        t[n] += ms;
        if (r >= warmup) perSlice[n].push(ms);
        units[n] += u;
      }
    }
    if (r >= warmup) {
      for (const n of names) (times[n].push(t[n]), walls[n].push(w[n]));
    }
  }
  return summarize(names, times, walls, units, perSlice);
}

/**
 * a's time over b's by `CLOCK`: the median of the ratios of the slices the
 * two ran side by side (same round, same slice of the work), or of whole
 * rounds when the cases were not cut in slices. Robust to slices and
 * rounds slowed by load.
 */
export function ratio(a: Measured, b: Measured): number {
  const paired = a.slices.length === b.slices.length && a.slices.length > a.rounds.length;
  const [xs, ys] = paired ? [a.slices, b.slices] : [a.rounds, b.rounds];
  const r = xs.map((x, i) => x / ys[i]).filter((q) => Number.isFinite(q) && q > 0);
  return r.length > 0 ? median(r) : NaN;
}

/** Force a full GC when the run has `--v8-flags=--expose-gc`; returns whether it could. */
export function forceGc(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  for (let i = 0; i < 3; i++) gc();
  return true;
}

/** Bytes of JS heap plus external (ArrayBuffer) memory. */
export function memoryNow(): { heap: number; external: number } {
  const m = Deno.memoryUsage();
  return { heap: m.heapUsed, external: m.external };
}

/** Progress lines go to stderr so `--json` keeps stdout to one JSON object. */
export function progress(msg: string): void {
  console.error(`bench: ${msg}`);
}

/**
 * `interleaved` for asynchronous cases (work in other threads): timed by the
 * wall clock only (`ms` = `wallMs`), since the main thread's CPU time misses
 * the workers'.
 */
export async function interleavedAsync(
  cases: Record<string, (slice: number) => Promise<number>>,
  rounds: number,
  warmup = 1,
  slices = 1,
): Promise<Record<string, Measured>> {
  const names = Object.keys(cases);
  const times: Record<string, number[]> = {};
  const units: Record<string, number> = {};
  for (const n of names) times[n] = [];
  for (let r = 0; r < warmup + rounds; r++) {
    const t: Record<string, number> = {};
    for (const n of names) t[n] = units[n] = 0;
    for (let s = 0; s < slices; s++) {
      for (let k = 0; k < names.length; k++) {
        const n = names[(k + r + s) % names.length];
        const t0 = performance.now();
        const u = await cases[n](s);
        t[n] += performance.now() - t0;
        units[n] += u;
      }
    }
    if (r >= warmup) { for (const n of names) times[n].push(t[n]); }
  }
  return summarize(names, times, times, units, times);
}

/** Medians per case over the measured rounds. */
function summarize(
  names: string[],
  times: Record<string, number[]>,
  walls: Record<string, number[]>,
  units: Record<string, number>,
  perSlice: Record<string, number[]>,
): Record<string, Measured> {
  const out: Record<string, Measured> = {};
  for (const n of names) {
    const ms = median(times[n]);
    out[n] = {
      ms,
      wallMs: median(walls[n]),
      units: units[n],
      nsPerUnit: (ms * 1e6) / units[n],
      perSecond: units[n] / (ms / 1000),
      rounds: times[n],
      wallRounds: walls[n],
      slices: perSlice[n],
    };
  }
  return out;
}
