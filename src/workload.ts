/**
 * What a workload is: a generator of frontend operations driven once per
 * virtual tick, and `WorkloadHost`, the narrow view of the simulation it
 * drives (so workloads do not depend on `Simulation` and there is no
 * import cycle between them).
 */
import type { ContentClass } from "./content.ts";
import type { Rng } from "./rng.ts";
import type { Snapshot } from "./snapshot.ts";

/** Names of the built-in workload generators. */
export type WorkloadName = "pagecache" | "swap" | "churn";
export const WORKLOAD_NAMES: readonly WorkloadName[] = ["pagecache", "swap", "churn"];

/** Parameter values of a workload, as given on a command line (`rate=200`). */
export type WorkloadParams = Record<string, number | string>;

/**
 * The operations a workload may use: the simulation's file, swap and
 * registration-independent calls (`Simulation` implements it).
 */
export interface WorkloadHost {
  /** The seeded PRNG workloads must use. */
  readonly rng: Rng;
  mount(name: string, opts?: { uuid?: string }): void;
  umount(name: string): void;
  isMounted(name: string): boolean;
  mountedNames(): string[];
  putClean(name: string, ino: number, index: number): void;
  write(name: string, ino: number, index: number, cls?: ContentClass): void;
  get(name: string, ino: number, index: number): "hit" | "miss";
  invalidate(name: string, ino: number, index?: number): void;
  deleteFile(name: string, ino: number): void;
  fileVersion(name: string, ino: number, index: number): PageVersionRef | null;
  hasFilePage(name: string, ino: number, index: number): boolean;
  newVersion(): number;
  swapon(type: number, slots?: number): void;
  swapoff(type: number): void;
  activeTypes(): number[];
  nextFreeType(): number | null;
  allocSlot(type?: number): { type: number; offset: number } | null;
  store(type: number, offset: number, cls?: ContentClass, stamp?: number): "stored" | "rejected";
  load(type: number, offset: number): "hit" | "miss";
  free(type: number, offset: number): void;
  slotInUse(type: number, offset: number): boolean;
  snapshot(): Snapshot;
}

/**
 * A synthetic workload: it drives the frontends through its host's
 * operations, once per virtual tick, using only `sim.rng` for randomness.
 */
export interface Workload {
  readonly name: WorkloadName;
  /** The effective parameters (defaults merged with the user's). */
  readonly params: WorkloadParams;
  /** Perform one tick's worth of operations. */
  step(sim: WorkloadHost): void;
  /** Called when stopped; release what it holds (free swap slots...). */
  stop(sim: WorkloadHost): void;
}

/** A page version: its stamp and content class (its bytes are `generatePage(stamp, cls)`). */
export interface PageVersionRef {
  stamp: number;
  cls: ContentClass;
}

/** Builds a workload from user parameters; throws `SimError` on a bad parameter. */
export type WorkloadFactory = (params: WorkloadParams, sim: WorkloadHost) => Workload;
