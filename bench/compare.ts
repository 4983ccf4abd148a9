/**
 * What remains of the workers: `--compare` runs a script once per regime,
 * and `--compare --workers N` runs the regimes in up to N Web Workers
 * (`cli/compare_workers.ts`). Here the same comparison (the default scenario,
 * `register zcache`, then `run T`, in the three regimes) runs on the main
 * thread and in 1, 2 and 3 workers, interleaved; each case is timed by the
 * wall clock and by the process's CPU time (every thread, workers included).
 * Every case must give the same columns (checked: the bench stops if not).
 */
import { cpuUsage } from "node:process";
import { compareRegimes } from "../src/command/mod.ts";
import { DEFAULT_SCENARIO } from "../src/scenario/default.ts";
import { compareRegimesInWorkers } from "../cli/compare_workers.ts";
import { median } from "./harness.ts";

export interface CompareResult {
  /** The compared script's last line (`run T`). */
  run: string;
  /** Wall-clock seconds of one comparison, by case (`main`, `workers_1` ...). */
  wall_s: Record<string, number>;
  /** CPU seconds of the process (all threads) for one comparison, by case. */
  cpu_s: Record<string, number>;
  /** main's wall time over each case's (speed-up). */
  speedup_vs_main: Record<string, number>;
  /** Each case's CPU over main's (cost). */
  cpu_vs_main: Record<string, number>;
}

function cpuS(): number {
  const u = cpuUsage();
  return (u.user + u.system) / 1e6;
}

export async function benchCompare(rounds: number, ticks: number): Promise<CompareResult> {
  const lines = [...DEFAULT_SCENARIO, "register zcache", `run ${ticks}`];
  const want = JSON.stringify(compareRegimes(lines, 1));
  const cases: Record<string, () => Promise<unknown>> = {
    main: () => Promise.resolve(compareRegimes(lines, 1)),
    workers_1: () => compareRegimesInWorkers(lines, 1, {}, 1),
    workers_2: () => compareRegimesInWorkers(lines, 1, {}, 2),
    workers_3: () => compareRegimesInWorkers(lines, 1, {}, 3),
  };
  const names = Object.keys(cases);
  const wall: Record<string, number[]> = {}, cpu: Record<string, number[]> = {};
  for (const n of names) (wall[n] = [], cpu[n] = []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(k + r) % names.length];
      const w0 = performance.now(), c0 = cpuS();
      const got = await cases[n]();
      cpu[n].push(cpuS() - c0);
      wall[n].push((performance.now() - w0) / 1000);
      if (JSON.stringify(got) !== want) throw new Error(`compare bench: ${n} gave other columns`);
    }
  }
  const ratioOf = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]));
  const out: CompareResult = {
    run: lines.at(-1)!,
    wall_s: {},
    cpu_s: {},
    speedup_vs_main: {},
    cpu_vs_main: {},
  };
  for (const n of names) {
    out.wall_s[n] = median(wall[n]);
    out.cpu_s[n] = median(cpu[n]);
    out.speedup_vs_main[n] = ratioOf(wall.main, wall[n]);
    out.cpu_vs_main[n] = ratioOf(cpu[n], cpu.main);
  }
  return out;
}
