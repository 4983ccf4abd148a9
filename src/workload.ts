import type { Simulation } from "./simulation.ts";
import type { PageVersionRef } from "./page_version.ts";

/** Names of the built-in workload generators. */
export type WorkloadName = "pagecache" | "swap" | "churn" | "files";
export const WORKLOAD_NAMES: readonly WorkloadName[] = ["pagecache", "swap", "churn", "files"];

/** Parameter values of a workload, as given on a command line (`rate=200`). */
export type WorkloadParams = Record<string, number | string>;

/**
 * A synthetic workload: it drives the frontends through the `Simulation`'s
 * operations, once per virtual tick, using only `sim.rng` for randomness.
 */
export interface Workload {
  readonly name: WorkloadName;
  /** The effective parameters (defaults merged with the user's). */
  readonly params: WorkloadParams;
  /** Perform one tick's worth of operations. */
  step(sim: Simulation): void;
  /** Called when stopped; release what it holds (free swap slots...). */
  stop(sim: Simulation): void;
  /**
   * Optional: page versions this workload expects to put or store soon (its
   * oldest cached or resident pages), at most `max`, so their compression can
   * be done ahead in workers. A hint only: the run's results are the same
   * whatever it returns.
   */
  upcoming?(sim: Simulation, max: number): PageVersionRef[];
}

export type { PageVersionRef };

/** Builds a workload from user parameters; throws `SimError` on a bad parameter. */
export type WorkloadFactory = (params: WorkloadParams, sim: Simulation) => Workload;
