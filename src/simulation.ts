/**
 * The simulation facade: one kernel's worth of transcendent memory. It wires
 * the file side (src/sim/files.ts), the swap side (src/sim/swap.ts), the two
 * frontends of one release (src/regimes/), the registered backends, the
 * integrity oracle (src/integrity.ts), the workloads and the event log. Pure
 * and deterministic: no I/O, no wall clock; time is `tick`.
 *
 * Every method that can be refused throws `SimError` before changing state.
 */
import { isRegime, type Regime } from "./regime.ts";
import type { ContentClass } from "./content.ts";
import type { PageContent } from "./page_version.ts";
import { type FileContentPort, RealPages } from "./real_pages.ts";
import type { BackendSnapshot, Snapshot } from "./snapshot.ts";
import {
  BACKEND_KINDS,
  type BackendKind,
  createBackend,
  resolveBackendOptions,
} from "./backends/catalog.ts";
import type { Backend } from "./backends/ops.ts";
import { createFrontends } from "./regimes/mod.ts";
import type {
  PageVersionRef,
  Workload,
  WorkloadHost,
  WorkloadName,
  WorkloadParams,
} from "./workload.ts";
import { WORKLOAD_FACTORIES } from "./workloads/mod.ts";
import { Rng } from "./rng.ts";
import { SimError } from "./errors.ts";
import { EventLog } from "./event_log.ts";
import { IntegrityOracle } from "./integrity.ts";
import { DEFAULT_SWAP_SLOTS } from "./limits.ts";
import { SimContext } from "./sim/context.ts";
import { FileSide } from "./sim/files.ts";
import { SwapSide } from "./sim/swap.ts";
import { buildSnapshot } from "./sim/snapshot.ts";
import { BackendList, type PutOutcome, type RegisterResult } from "./sim/backends.ts";

export { DEFAULT_SWAP_SLOTS, MAX_SWAP_SLOTS, MAX_SWAPFILES } from "./limits.ts";
export type { PutOutcome, RegisterResult } from "./sim/backends.ts";

export interface SimulationOptions {
  regime?: Regime;
  seed?: number;
  /** How many events the log keeps (default 200). */
  eventLimit?: number;
  /** Frontswap writethrough: a successful store still writes the disk. */
  writethrough?: boolean;
  /** Frontswap exclusive loads: a successful load drops the backend copy (swap cache keeps the page). */
  exclusiveLoads?: boolean;
  /**
   * The edge's file reader, for workloads whose pages are real files
   * (`files`, `swap source=PATH`). Without it they refuse to start.
   */
  files?: FileContentPort;
}

export { TICK_MS } from "./constants.ts";

export class Simulation implements WorkloadHost {
  #regime: Regime;
  #seed: number;
  #rng: Rng;
  readonly #fsOpts: { writethrough: boolean; exclusiveLoads: boolean };
  readonly #ctx: SimContext;
  readonly #oracle = new IntegrityOracle();
  readonly #files: FileSide;
  readonly #swap: SwapSide;
  readonly #backends: BackendList;
  readonly #workloads = new Map<WorkloadName, Workload>();
  readonly #reader: FileContentPort | null;

  constructor(opts: SimulationOptions = {}) {
    this.#regime = opts.regime ?? "deferred";
    this.#seed = opts.seed ?? 1;
    this.#rng = new Rng(this.#seed);
    this.#fsOpts = {
      writethrough: opts.writethrough ?? false,
      exclusiveLoads: opts.exclusiveLoads ?? false,
    };
    this.#ctx = new SimContext(this.#oracle, new EventLog(opts.eventLimit ?? 200));
    this.#oracle.onWrong = (what, cause, text) =>
      this.#ctx.log("error", `${what} (${cause}): ${text}`);
    this.#reader = opts.files ?? null;
    const f = this.#newFrontends();
    this.#files = new FileSide(this.#ctx, f.cleancache);
    this.#swap = new SwapSide(this.#ctx, f.frontswap);
    this.#backends = new BackendList(
      this.#ctx,
      this.#oracle,
      this.#files,
      this.#swap,
      this.#fsOpts.exclusiveLoads,
    );
  }

  get regime(): Regime {
    return this.#regime;
  }
  get seed(): number {
    return this.#seed;
  }
  get tick(): number {
    return this.#ctx.tick;
  }
  /** The seeded PRNG workloads must use. */
  get rng(): Rng {
    return this.#rng;
  }
  /** Name of the backend holding cleancache, else of the newest, or null. */
  get backendName(): string | null {
    return this.#backends.primary()?.name ?? null;
  }
  /** Names of the registered backends, newest first. */
  get backendNames(): string[] {
    return this.#backends.all().map((b) => b.name);
  }
  /** Number of backend registrations accepted over a live backend (3.9, 3.10). */
  get overrides(): number {
    return this.#oracle.overrides;
  }

  /** Change regime; refused once anything is mounted or enabled, or a backend registered. */
  setRegime(regime: Regime): void {
    if (!isRegime(regime)) throw new SimError(`regime: unknown regime '${regime}'`);
    if (this.#files.mountCount > 0 || this.#swap.deviceCount > 0 || this.#backends.length) {
      throw new SimError(
        "regime: can only be changed before the first mount, swapon or register",
      );
    }
    this.#regime = regime;
    const f = this.#newFrontends();
    this.#files.cc = f.cleancache;
    this.#swap.fs = f.frontswap;
    this.#ctx.log("info", `regime ${regime}`);
  }

  /** Reseed the PRNG. */
  setSeed(seed: number): void {
    if (!Number.isSafeInteger(seed)) throw new SimError(`seed: '${seed}' is not an integer`);
    this.#seed = seed;
    this.#rng = new Rng(seed);
  }

  // ---------------------------------------------------------------- filesystems

  /** Mount a filesystem: `cleancache_init_fs`, or `cleancache_init_shared_fs` with a uuid. */
  mount(name: string, opts: { uuid?: string } = {}): void {
    this.#files.mount(name, opts.uuid ?? null);
  }
  /** Unmount: `cleancache_invalidate_fs`. */
  umount(name: string): void {
    this.#files.umount(name);
  }
  isMounted(name: string): boolean {
    return this.#files.isMounted(name);
  }
  /** Names of mounted filesystems, in mount order. */
  mountedNames(): string[] {
    return this.#files.mountedNames();
  }
  /** Write a new version of a file page to disk and put it (`cleancache_put_page`). Script `put`. */
  put(name: string, ino: number, index: number, cls: ContentClass = "text"): void {
    this.#files.put(name, ino, index, cls);
  }
  /** Script `put`, and what the backend it reached made of it (null: it reached none). */
  putReported(
    name: string,
    ino: number,
    index: number,
    cls: ContentClass = "text",
  ): PutOutcome | null {
    return this.#backends.lastPut(() => this.put(name, ino, index, cls)).reached;
  }
  /** Put the current on-disk version of a clean page leaving the page cache. */
  putClean(name: string, ino: number, index: number): void {
    this.#files.putClean(name, ino, index);
  }
  /** A write: invalidate the cleancache copy, then write a new version to disk. */
  write(name: string, ino: number, index: number, cls: PageContent = "text"): void {
    this.#files.write(name, ino, index, cls);
  }
  /** `cleancache_get_page`; a hit is verified against the disk's current version. */
  get(name: string, ino: number, index: number): "hit" | "miss" {
    return this.#files.get(name, ino, index);
  }
  /** `cleancache_invalidate_page`, or `cleancache_invalidate_inode` when index is omitted. */
  invalidate(name: string, ino: number, index?: number): void {
    this.#files.invalidate(name, ino, index);
  }
  /** Truncate/delete a file: invalidate the inode and drop its pages from disk. */
  deleteFile(name: string, ino: number): void {
    this.#files.deleteFile(name, ino);
  }
  /** The current version of a file page on disk, or null. */
  fileVersion(name: string, ino: number, index: number): PageVersionRef | null {
    return this.#files.fileVersion(name, ino, index);
  }
  /**
   * Pages of real files read by the edge's file reader (`files` option): at
   * most `budget` bytes, `perFile` of each. Throws `SimError` (naming `what`)
   * when there is no reader or the path cannot be read.
   */
  readFiles(what: string, path: string, budget: number, perFile: number): RealPages {
    if (!this.#reader) {
      throw new SimError(`${what}: reading files is not available in this session`);
    }
    try {
      return new RealPages(path, this.#reader.read(path, budget, perFile));
    } catch (e) {
      if (e instanceof SimError) throw new SimError(`${what}: ${e.message}`);
      throw e;
    }
  }
  /** Whether the file page exists on disk. */
  hasFilePage(name: string, ino: number, index: number): boolean {
    return this.#files.hasFilePage(name, ino, index);
  }
  /** A fresh version stamp, for a page a workload writes now and stores later (`store(..., stamp)`). */
  newVersion(): number {
    return this.#ctx.nextStamp();
  }

  // ---------------------------------------------------------------- swap

  /** `swapon`: enable swap type 0..31 with N slots; `frontswap_init`. */
  swapon(type: number, slots: number = DEFAULT_SWAP_SLOTS): void {
    this.#swap.swapon(type, slots);
  }
  /** `swapoff`: `try_to_unuse` (every used slot swapped in and freed), then `frontswap_invalidate_area`. */
  swapoff(type: number): void {
    this.#swap.swapoff(type);
  }
  /** Enabled swap types, ascending. */
  activeTypes(): number[] {
    return this.#swap.activeTypes();
  }
  /** Lowest type not enabled, or null. */
  nextFreeType(): number | null {
    return this.#swap.nextFreeType();
  }
  /** Slots of an active swap type, or 0. */
  slotCount(type: number): number {
    return this.#swap.slotCount(type);
  }
  /** A free slot on an active type (lowest type first), or null. */
  allocSlot(type?: number): { type: number; offset: number } | null {
    return this.#swap.allocSlot(type);
  }
  /**
   * Swap out a page into a slot: `frontswap_store`, the disk when refused.
   * The page is a new version, or the version `stamp` from `newVersion()`.
   */
  store(
    type: number,
    offset: number,
    cls: PageContent = "text",
    stamp?: number,
  ): "stored" | "rejected" {
    return this.#swap.store(type, offset, cls, stamp);
  }
  /** Script `store`, and what the backend that took or last refused it made of it. */
  storeReported(
    type: number,
    offset: number,
    cls: PageContent = "text",
  ): { value: "stored" | "rejected"; reached: PutOutcome | null } {
    return this.#backends.lastPut(() => this.store(type, offset, cls));
  }
  /** Swap in: `frontswap_load`, or the disk on a miss; always verified. */
  load(type: number, offset: number): "hit" | "miss" {
    return this.#swap.load(type, offset);
  }
  /** Free a swap slot: `frontswap_invalidate_page`. */
  free(type: number, offset: number): void {
    this.#swap.free(type, offset);
  }
  /** Whether the slot holds a page. */
  slotInUse(type: number, offset: number): boolean {
    return this.#swap.slotInUse(type, offset);
  }

  // ---------------------------------------------------------------- backends

  /** Register a backend by kind (`cleancache_register_ops` + `frontswap_register_ops`). */
  register(kind: BackendKind, opts: Record<string, unknown> = {}): RegisterResult {
    if (!(BACKEND_KINDS as readonly string[]).includes(kind)) {
      throw new SimError(`register: unknown backend '${kind}' (${BACKEND_KINDS.join(", ")})`);
    }
    // options are checked by the backend catalog (src/backends/catalog.ts)
    const options = resolveBackendOptions(kind, opts);
    if (typeof options === "string") throw new SimError(`register: ${options}`);
    return this.registerBackend(createBackend(kind, options));
  }

  /**
   * Register a backend object: its cleancache ops with the cleancache
   * frontend, its frontswap ops with the frontswap frontend, each as the
   * regime's release does it (refused, replaced or stacked).
   */
  registerBackend(b: Backend): RegisterResult {
    return this.#backends.register(b);
  }

  /**
   * Unregister (ours) the newest backend, or the newest named `name`: its
   * frontswap pages are written back to their slots, its pools dropped, and
   * what it backed waits again where the release can.
   */
  unregister(name?: string): void {
    this.#backends.unregister(name);
  }

  // ---------------------------------------------------------------- workloads, time

  startWorkload(name: WorkloadName, params: WorkloadParams = {}): void {
    const factory = (WORKLOAD_FACTORIES as Record<string, typeof WORKLOAD_FACTORIES[WorkloadName]>)[
      name
    ];
    if (!factory) throw new SimError(`workload: unknown workload '${name}'`);
    if (this.#workloads.has(name)) throw new SimError(`workload: ${name} is already running`);
    const w = factory(params, this);
    this.#workloads.set(name, w);
    this.#ctx.log("workload", `workload ${name} started`);
  }

  stopWorkload(name: WorkloadName | "all"): void {
    const names = name === "all" ? [...this.#workloads.keys()] : [name];
    if (name !== "all" && !this.#workloads.has(name)) {
      throw new SimError(`workload: ${name} is not running`);
    }
    for (const n of names) {
      this.#workloads.get(n)!.stop(this);
      this.#workloads.delete(n);
      this.#ctx.log("workload", `workload ${n} stopped`);
    }
  }

  runningWorkloads(): WorkloadName[] {
    return [...this.#workloads.keys()];
  }

  /** Advance virtual time by N ticks, stepping every running workload once per tick. */
  advance(ticks = 1): void {
    if (!Number.isInteger(ticks) || ticks < 0) {
      throw new SimError("run: ticks must be a non-negative integer");
    }
    for (let i = 0; i < ticks; i++) {
      this.#ctx.tick++;
      for (const w of this.#workloads.values()) w.step(this);
    }
  }

  // ---------------------------------------------------------------- reporting

  /** Names of mounted filesystems waiting for a backend. */
  pendingFilesystems(): string[] {
    return this.#files.pendingFilesystems();
  }

  /** Active swap types waiting for a backend. */
  pendingTypes(): number[] {
    return this.#swap.pendingTypes();
  }

  /** Plain JSON-serialisable state; cheap enough for 10 Hz. */
  snapshot(): Snapshot {
    const cc = this.#backends.cleancacheHolder();
    const primary = this.#backends.primary();
    return buildSnapshot({
      tick: this.#ctx.tick,
      regime: this.#regime,
      seed: this.#seed,
      ops: this.#ctx.ops,
      cleancache: this.#files.cc,
      frontswap: this.#swap.fs,
      superblocks: this.#files.snapshot(cc ? (pool) => cc.poolUsage(pool) : null),
      swapTypes: this.#swap.snapshot(),
      writtenBack: this.#swap.writtenBack,
      backend: primary ? primary.stats() : null,
      backends: this.#backends.all().map((b): BackendSnapshot => b.stats()),
      integrity: this.#oracle.counts(),
      workloads: [...this.#workloads.values()],
      events: this.#ctx.events.newestFirst(),
    });
  }

  /** Full consistency audit (slow): returns problems found, empty when all is well. */
  audit(): string[] {
    const problems: string[] = [];
    problems.push(...this.#backends.audit());
    const holders = this.#backends.frontswapHolders();
    problems.push(
      ...this.#swap.audit((type, offset, out) =>
        holders.some((b) => b.peekSwapPage(type, offset, out))
      ),
    );
    if (holders.length === 0) {
      for (const a of this.#swap.fs.areas()) {
        if (a.map?.some((bit) => bit === 1)) problems.push(`type ${a.type}: bits set, no backend`);
      }
    }
    const unexplained = this.#oracle.causes.unexplained;
    if (unexplained > 0) {
      problems.push(`integrity: ${unexplained} stale reads or lost pages with no known cause`);
    }
    return problems;
  }

  // ---------------------------------------------------------------- internals

  #newFrontends() {
    const f = createFrontends(this.#regime, this.#fsOpts);
    const bug = (text: string) => this.#ctx.log("info", `KERNEL BUG: ${text}`);
    f.cleancache.onKernelBug = bug;
    f.frontswap.onKernelBug = bug;
    f.cleancache.onPool = (what, sb, id) => {
      if (what === "created") this.#files?.poolCreated(sb);
      this.#ctx.log(
        what === "created" ? "pool-created" : "pool-destroyed",
        `pool ${id} ${what} for ${sb.name}`,
      );
    };
    return f;
  }
}
