/**
 * Workloads and the narrow interface they drive the simulation through
 * (`WorkloadHost`): no workload knows the `Simulation` class.
 */
import type { PageContent, PageVersionRef } from "./page_version.ts";
import type { RealPages } from "./real_pages.ts";
import type { Rng } from "./rng.ts";

/** Names of the built-in workload generators. */
export type WorkloadName = "pagecache" | "swap" | "churn" | "files";
export const WORKLOAD_NAMES: readonly WorkloadName[] = ["pagecache", "swap", "churn", "files"];

/** Parameter values of a workload, as given on a command line (`rate=200`). */
export type WorkloadParams = Record<string, number | string>;

export type { PageVersionRef };

/** What a workload may do to the simulation (the `Simulation` implements it). */
export interface WorkloadHost {
  /** The seeded PRNG workloads must use. */
  readonly rng: Rng;

  // filesystems
  mount(name: string, opts?: { uuid?: string }): void;
  umount(name: string): void;
  isMounted(name: string): boolean;
  mountedNames(): string[];
  putClean(name: string, ino: number, index: number): void;
  write(name: string, ino: number, index: number, cls?: PageContent): void;
  get(name: string, ino: number, index: number): "hit" | "miss";
  invalidate(name: string, ino: number, index?: number): void;
  deleteFile(name: string, ino: number): void;
  hasFilePage(name: string, ino: number, index: number): boolean;
  fileVersion(name: string, ino: number, index: number): PageVersionRef | null;

  // swap
  swapon(type: number, slots?: number): void;
  swapoff(type: number): void;
  activeTypes(): number[];
  nextFreeType(): number | null;
  slotCount(type: number): number;
  allocSlot(type?: number): { type: number; offset: number } | null;
  newVersion(): number;
  store(type: number, offset: number, cls?: PageContent, stamp?: number): "stored" | "rejected";
  load(type: number, offset: number): "hit" | "miss";
  free(type: number, offset: number): void;
  slotInUse(type: number, offset: number): boolean;

  // real files (through the edge's file reader; throws SimError without one)
  readFiles(what: string, path: string, budget: number, perFile: number): RealPages;
}

/**
 * A synthetic workload: it drives the frontends through a `WorkloadHost`,
 * once per virtual tick, using only `host.rng` for randomness.
 */
export interface Workload {
  readonly name: WorkloadName;
  /** The effective parameters (defaults merged with the user's). */
  readonly params: WorkloadParams;
  /** Perform one tick's worth of operations. */
  step(host: WorkloadHost): void;
  /** Called when stopped; release what it holds (free swap slots...). */
  stop(host: WorkloadHost): void;
}

/** Builds a workload from user parameters; throws `SimError` on a bad parameter. */
export type WorkloadFactory = (params: WorkloadParams, host?: WorkloadHost) => Workload;
