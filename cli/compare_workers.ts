/**
 * Compare mode in Web Workers: each regime's run goes to a worker of its
 * own (at most `workers` at a time), so a long script is compared in about
 * the time of one regime on a machine with cores to spare. Each column is a
 * pure function of (regime, lines, seed, options), so the result is exactly
 * that of `compareRegimes` (tests/cli/compare_workers.test.ts proves it).
 */
import type { SimulationOptions } from "../src/simulation.ts";
import { type Regime, REGIMES } from "../src/regime.ts";
import type { CompareColumn } from "../src/command/mod.ts";

/** What a compare worker is asked to run. */
export interface CompareJob {
  regime: Regime;
  lines: readonly string[];
  seed: number;
  simOptions: SimulationOptions;
  firstLine: number;
}

/** Run the comparison with up to `workers` Web Workers (1..3). */
export async function compareRegimesInWorkers(
  lines: readonly string[],
  seed: number,
  simOptions: SimulationOptions = {},
  workers = REGIMES.length,
  firstLine = 1,
): Promise<CompareColumn[]> {
  const width = Math.max(1, Math.min(REGIMES.length, Math.floor(workers)));
  // Ports do not cross to a worker: each worker plugs in its own file reader.
  const { files: _files, ...plain } = simOptions;
  const out: CompareColumn[] = new Array(REGIMES.length);
  let next = 0;
  const lane = async () => {
    const w = new Worker(new URL("./compare_worker.ts", import.meta.url).href, { type: "module" });
    try {
      while (next < REGIMES.length) {
        const i = next++;
        const job: CompareJob = { regime: REGIMES[i], lines, seed, simOptions: plain, firstLine };
        out[i] = await new Promise<CompareColumn>((resolve, reject) => {
          w.onmessage = (ev: MessageEvent<CompareColumn>) => resolve(ev.data);
          w.onerror = (ev) => {
            ev.preventDefault();
            reject(new Error(`compare worker (${job.regime}): ${ev.message}`));
          };
          w.postMessage(job);
        });
      }
    } finally {
      w.terminate();
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return out;
}
