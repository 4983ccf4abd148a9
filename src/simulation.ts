/**
 * The simulation facade: one kernel's worth of transcendent memory. It owns
 * the disk, the swap devices, the cleancache and frontswap frontends, at most
 * one backend, the integrity oracle, the workloads and the event log. Pure and
 * deterministic: no I/O, no wall clock; time is `tick`.
 *
 * Every method that can be refused throws `SimError` before changing state.
 */
import type { Regime } from "./regime.ts";
import type { ContentClass } from "./content.ts";
import type { Snapshot } from "./snapshot.ts";
import type { BackendKind, BackendOptions } from "./backend/options.ts";
import type { WorkloadName, WorkloadParams } from "./workload.ts";
import type { Rng } from "./rng.ts";

export interface SimulationOptions {
  regime?: Regime;
  seed?: number;
  /** How many events the log keeps (default 200). */
  eventLimit?: number;
  /** Frontswap writethrough: a successful store still writes the disk. */
  writethrough?: boolean;
  /** Frontswap exclusive loads: a successful load drops the backend copy. */
  exclusiveLoads?: boolean;
}

/** Simulated milliseconds per tick. */
export const TICK_MS = 100;
/** Default number of slots of a swap device. */
export const DEFAULT_SWAP_SLOTS = 4096;
/** Largest swap type + 1 (`MAX_SWAPFILES`). */
export const MAX_SWAPFILES = 32;

export declare class Simulation {
  constructor(opts?: SimulationOptions);
  readonly regime: Regime;
  readonly seed: number;
  readonly tick: number;
  /** The seeded PRNG workloads must use. */
  readonly rng: Rng;
  /** Change regime; refused once anything is mounted or enabled, or a backend registered. */
  setRegime(regime: Regime): void;
  /** Reseed the PRNG. */
  setSeed(seed: number): void;

  // --- filesystems (cleancache) ---
  /** Mount a filesystem: `cleancache_init_fs`, or `cleancache_init_shared_fs` with a uuid. */
  mount(name: string, opts?: { uuid?: string }): void;
  /** Unmount: `cleancache_invalidate_fs`. */
  umount(name: string): void;
  isMounted(name: string): boolean;
  /** Names of mounted filesystems, in mount order. */
  mountedNames(): string[];
  /** Write a new version of a file page to disk and put it (`cleancache_put_page`). Script `put`. */
  put(name: string, ino: number, index: number, cls?: ContentClass): void;
  /** Put the current on-disk version of a clean page leaving the page cache. Throws if the page does not exist. */
  putClean(name: string, ino: number, index: number): void;
  /** A write: invalidate the cleancache copy, then write a new version to disk. */
  write(name: string, ino: number, index: number, cls?: ContentClass): void;
  /** `cleancache_get_page`; a hit is verified against the disk's current version. */
  get(name: string, ino: number, index: number): "hit" | "miss";
  /** `cleancache_invalidate_page`, or `cleancache_invalidate_inode` when index is omitted. */
  invalidate(name: string, ino: number, index?: number): void;
  /** Truncate/delete a file: invalidate the inode and drop its pages from disk. */
  deleteFile(name: string, ino: number): void;
  /** Whether the file page exists on disk. */
  hasFilePage(name: string, ino: number, index: number): boolean;

  // --- swap (frontswap) ---
  /** `swapon`: enable swap type 0..31 with N slots; `frontswap_init`. */
  swapon(type: number, slots?: number): void;
  /** `swapoff`: `frontswap_invalidate_area`; the type's slots are dropped. */
  swapoff(type: number): void;
  /** Enabled swap types, ascending. */
  activeTypes(): number[];
  /** Lowest type not enabled, or null. */
  nextFreeType(): number | null;
  /** A free slot on an active type (lowest type first), or null. */
  allocSlot(type?: number): { type: number; offset: number } | null;
  /** Swap out a new page version into a slot: `frontswap_store`, the disk when refused. */
  store(type: number, offset: number, cls?: ContentClass): "stored" | "rejected";
  /** Swap in: `frontswap_load`, or the disk on a miss; always verified. */
  load(type: number, offset: number): "hit" | "miss";
  /** Free a swap slot: `frontswap_invalidate_page`. */
  free(type: number, offset: number): void;
  /** Whether the slot holds a page. */
  slotInUse(type: number, offset: number): boolean;

  // --- backend ---
  /** Register a backend (`cleancache_register_ops` + `frontswap_register_ops`). */
  register(kind: BackendKind, opts?: Partial<BackendOptions>): void;
  /** Unregister (ours): frontswap pages written back, pools dropped, all pending again. */
  unregister(): void;
  readonly backendName: string | null;

  // --- workloads and time ---
  startWorkload(name: WorkloadName, params?: WorkloadParams): void;
  stopWorkload(name: WorkloadName | "all"): void;
  runningWorkloads(): WorkloadName[];
  /** Advance virtual time by N ticks, stepping every running workload once per tick. */
  advance(ticks?: number): void;

  /** Plain JSON-serialisable state; cheap enough for 10 Hz. */
  snapshot(): Snapshot;
  /** Full consistency audit (slow): returns problems found, empty when all is well. */
  audit(): string[];
}
