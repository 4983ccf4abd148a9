/**
 * The simulation facade: one kernel's worth of transcendent memory. It owns
 * the disk, the swap devices, the cleancache and frontswap frontends, at most
 * one backend, the integrity oracle, the workloads and the event log. Pure and
 * deterministic: no I/O, no wall clock; time is `tick`.
 *
 * Every method that can be refused throws `SimError` before changing state.
 */
import { isRegime, type Regime } from "./regime.ts";
import {
  type ContentClass,
  generatePage,
  isContentClass,
  PAGE_SIZE,
  pageDigest,
} from "./content.ts";
import type { Snapshot, SwapTypeSnapshot } from "./snapshot.ts";
import { BACKEND_KINDS, createBackend, resolveBackendOptions } from "./backends/catalog.ts";
import { type Backend, isPrecompressing } from "./backends/ops.ts";
import { CleancacheFrontend, type Superblock } from "./frontend/cleancache.ts";
import { FrontswapFrontend } from "./frontend/frontswap.ts";
import type { PageVersionRef, Workload, WorkloadName, WorkloadParams } from "./workload.ts";
import { WORKLOAD_FACTORIES } from "./workloads/mod.ts";
import { Rng } from "./rng.ts";
import { SimError } from "./errors.ts";
import { FileDisk } from "./disk.ts";
import { SwapDevice } from "./swap_device.ts";
import { EventLog } from "./event_log.ts";
import type { Precompressor } from "./backend/prefetch_pool.ts";

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
   * Compression ahead of time (e.g. a `SharedCompressorPool` of Web
   * Workers): at each tick the workloads' upcoming pages are handed to it and
   * finished results offered to the backend. Results are identical with or
   * without it; only the speed changes.
   */
  precompressor?: Precompressor;
}

/** Simulated milliseconds per tick. */
export const TICK_MS = 100;
/** Default number of slots of a swap device. */
export const DEFAULT_SWAP_SLOTS = 4096;
/** Largest swap type + 1 (`MAX_SWAPFILES`). */
export const MAX_SWAPFILES = 32;
/** Most slots one swap device may have. */
export const MAX_SWAP_SLOTS = 1 << 20;

/** A mounted filesystem: the superblock plus where its files live on disk. */
interface Mount extends Superblock {
  /** Disk identity: the uuid for a shared fs (cluster nodes see one disk), else the name. */
  readonly fsKey: string;
}

export class Simulation {
  #regime: Regime;
  #seed: number;
  #tick = 0;
  #rng: Rng;
  #stamp = 0;
  #ops = 0;
  readonly #fsOpts: { writethrough: boolean; exclusiveLoads: boolean };
  /** Exclusive loads as the options asked (a backend may switch them on while registered). */
  readonly #exclusiveLoads: boolean;
  #cc: CleancacheFrontend;
  #fs: FrontswapFrontend;
  #backend: Backend | null = null;
  readonly #mounts = new Map<string, Mount>();
  readonly #devices = new Map<number, SwapDevice>();
  readonly #disk = new FileDisk();
  readonly #events: EventLog;
  readonly #workloads = new Map<WorkloadName, Workload>();
  readonly #page = new Uint8Array(PAGE_SIZE);
  readonly #integrity = { verified_reads: 0, stale_reads: 0, lost_pages: 0 };
  #overrides = 0;
  #writtenBack = 0;
  readonly #pre: Precompressor | null;
  /** Stamps already handed to the precompressor. */
  readonly #prefetched = new Set<number>();

  constructor(opts: SimulationOptions = {}) {
    this.#regime = opts.regime ?? "deferred";
    this.#seed = opts.seed ?? 1;
    this.#rng = new Rng(this.#seed);
    this.#fsOpts = {
      writethrough: opts.writethrough ?? false,
      exclusiveLoads: opts.exclusiveLoads ?? false,
    };
    this.#exclusiveLoads = this.#fsOpts.exclusiveLoads;
    this.#events = new EventLog(opts.eventLimit ?? 200);
    this.#pre = opts.precompressor ?? null;
    this.#cc = this.#newCleancache();
    this.#fs = new FrontswapFrontend(this.#regime, this.#fsOpts);
  }

  get regime(): Regime {
    return this.#regime;
  }
  get seed(): number {
    return this.#seed;
  }
  get tick(): number {
    return this.#tick;
  }
  /** The seeded PRNG workloads must use. */
  get rng(): Rng {
    return this.#rng;
  }
  /** Name of the registered backend, or null. */
  get backendName(): string | null {
    return this.#backend?.name ?? null;
  }
  /** Number of backend registrations accepted over a live backend (fake-poolid only). */
  get overrides(): number {
    return this.#overrides;
  }

  /** Change regime; refused once anything is mounted or enabled, or a backend registered. */
  setRegime(regime: Regime): void {
    if (!isRegime(regime)) throw new SimError(`regime: unknown regime '${regime}'`);
    if (this.#mounts.size > 0 || this.#devices.size > 0 || this.#backend) {
      throw new SimError(
        "regime: can only be changed before the first mount, swapon or register",
      );
    }
    this.#regime = regime;
    this.#cc = this.#newCleancache();
    this.#fs = new FrontswapFrontend(regime, this.#fsOpts);
    this.#log("info", `regime ${regime}`);
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
    checkName("mount", "filesystem name", name);
    if (opts.uuid !== undefined) checkName("mount", "uuid", opts.uuid);
    if (this.#mounts.has(name)) throw new SimError(`mount: '${name}' is already mounted`);
    const uuid = opts.uuid ?? null;
    const m: Mount = {
      name,
      uuid,
      fsKey: uuid === null ? `fs:${name}` : `uuid:${uuid}`,
      poolId: -1,
      puts: 0,
      hits: 0,
      misses: 0,
      invalidates: 0,
      skipped: 0,
    };
    this.#mounts.set(name, m);
    this.#cc.initFs(m);
    const state = this.#cc.state(m);
    this.#log(
      "mount",
      `mount ${name}${uuid ? ` shared=${uuid}` : ""}: pool id ${m.poolId} (${state})`,
    );
  }

  /** Unmount: `cleancache_invalidate_fs`. */
  umount(name: string): void {
    const m = this.#mount("umount", name);
    this.#cc.invalidateFs(m);
    this.#mounts.delete(name);
    this.#log("umount", `umount ${name}`);
  }

  isMounted(name: string): boolean {
    return this.#mounts.has(name);
  }

  /** Names of mounted filesystems, in mount order. */
  mountedNames(): string[] {
    return [...this.#mounts.keys()];
  }

  /** Write a new version of a file page to disk and put it (`cleancache_put_page`). Script `put`. */
  put(name: string, ino: number, index: number, cls: ContentClass = "text"): void {
    const m = this.#filePage("put", name, ino, index);
    checkClass("put", cls);
    this.#writeFile(m, ino, index, cls);
    this.#ops++;
    this.#cc.putPage(m, ino, index, this.#page);
  }

  /** Put the current on-disk version of a clean page leaving the page cache. */
  putClean(name: string, ino: number, index: number): void {
    const m = this.#filePage("put", name, ino, index);
    const v = this.#disk.get(m.fsKey, ino, index);
    if (!v) throw new SimError(`put: ${name} inode ${ino} has no page ${index} on disk`);
    generatePage(v.stamp, v.cls, this.#page);
    this.#ops++;
    this.#cc.putPage(m, ino, index, this.#page);
  }

  /** A write: invalidate the cleancache copy, then write a new version to disk. */
  write(name: string, ino: number, index: number, cls: ContentClass = "text"): void {
    const m = this.#filePage("write", name, ino, index);
    checkClass("write", cls);
    this.#ops++;
    this.#cc.invalidatePage(m, ino, index);
    this.#writeFile(m, ino, index, cls);
  }

  /** `cleancache_get_page`; a hit is verified against the disk's current version. */
  get(name: string, ino: number, index: number): "hit" | "miss" {
    const m = this.#filePage("get", name, ino, index);
    this.#ops++;
    if (!this.#cc.getPage(m, ino, index, this.#page)) return "miss";
    const v = this.#disk.get(m.fsKey, ino, index);
    if (v && v.digest === pageDigest(this.#page)) this.#integrity.verified_reads++;
    else this.#stale(`get ${name} ${ino} ${index} returned data other than the current version`);
    return "hit";
  }

  /** `cleancache_invalidate_page`, or `cleancache_invalidate_inode` when index is omitted. */
  invalidate(name: string, ino: number, index?: number): void {
    const m = this.#filePage("invalidate", name, ino, index ?? 0);
    this.#ops++;
    if (index === undefined) this.#cc.invalidateInode(m, ino);
    else this.#cc.invalidatePage(m, ino, index);
  }

  /** Truncate/delete a file: invalidate the inode and drop its pages from disk. */
  deleteFile(name: string, ino: number): void {
    const m = this.#filePage("delete", name, ino, 0);
    this.#ops++;
    this.#cc.invalidateInode(m, ino);
    this.#disk.deleteFile(m.fsKey, ino);
  }

  /** The current version of a file page on disk, or null. */
  fileVersion(name: string, ino: number, index: number): PageVersionRef | null {
    const m = this.#mounts.get(name);
    const v = m && this.#disk.get(m.fsKey, ino, index);
    return v ? { stamp: v.stamp, cls: v.cls } : null;
  }

  /** A fresh version stamp, for a page a workload writes now and stores later (`store(..., stamp)`). */
  newVersion(): number {
    return ++this.#stamp;
  }

  /** Whether the file page exists on disk. */
  hasFilePage(name: string, ino: number, index: number): boolean {
    const m = this.#mounts.get(name);
    return m !== undefined && this.#disk.get(m.fsKey, ino, index) !== undefined;
  }

  // ---------------------------------------------------------------- swap

  /** `swapon`: enable swap type 0..31 with N slots; `frontswap_init`. */
  swapon(type: number, slots: number = DEFAULT_SWAP_SLOTS): void {
    checkType("swapon", type);
    if (!Number.isInteger(slots) || slots < 1 || slots > MAX_SWAP_SLOTS) {
      throw new SimError(`swapon: slots must be an integer from 1 to ${MAX_SWAP_SLOTS}`);
    }
    if (this.#devices.has(type)) throw new SimError(`swapon: swap type ${type} is already active`);
    this.#devices.set(type, new SwapDevice(type, slots));
    const a = this.#fs.init(type, slots);
    this.#log("swapon", `swapon type ${type} (${slots} slots): ${this.#fs.state(a)}`);
  }

  /** `swapoff`: `frontswap_invalidate_area`; the type's slots are dropped. */
  swapoff(type: number): void {
    this.#device("swapoff", type);
    this.#fs.invalidateArea(type);
    this.#devices.delete(type);
    this.#log("swapoff", `swapoff type ${type}`);
  }

  /** Enabled swap types, ascending. */
  activeTypes(): number[] {
    return [...this.#devices.keys()].sort((a, b) => a - b);
  }

  /** Lowest type not enabled, or null. */
  nextFreeType(): number | null {
    for (let t = 0; t < MAX_SWAPFILES; t++) if (!this.#devices.has(t)) return t;
    return null;
  }

  /** A free slot on an active type (lowest type first), or null. */
  allocSlot(type?: number): { type: number; offset: number } | null {
    const types = type === undefined ? this.activeTypes() : [type];
    for (const t of types) {
      const off = this.#devices.get(t)?.findFree() ?? -1;
      if (off >= 0) return { type: t, offset: off };
    }
    return null;
  }

  /**
   * Swap out a page into a slot: `frontswap_store`, the disk when refused.
   * The page is a new version, or the version `stamp` from `newVersion()`.
   */
  store(
    type: number,
    offset: number,
    cls: ContentClass = "text",
    stamp?: number,
  ): "stored" | "rejected" {
    const dev = this.#slot("store", type, offset);
    checkClass("store", cls);
    if (stamp !== undefined && (!Number.isSafeInteger(stamp) || stamp < 1 || stamp > this.#stamp)) {
      throw new SimError(`store: ${stamp} is not a version stamp handed out by newVersion()`);
    }
    const digest = pageDigest(generatePage(stamp ?? ++this.#stamp, cls, this.#page));
    dev.fill(offset, digest);
    this.#ops++;
    const skipDisk = this.#fs.store(type, offset, this.#page);
    if (!skipDisk) dev.writeDisk(offset, digest);
    return this.#fs.area(type)!.map[offset] === 1 ? "stored" : "rejected";
  }

  /** Swap in: `frontswap_load`, or the disk on a miss; always verified. */
  load(type: number, offset: number): "hit" | "miss" {
    const dev = this.#slot("load", type, offset);
    if (dev.inUse[offset] !== 1) {
      throw new SimError(`load: slot ${offset} of swap type ${type} holds no page`);
    }
    this.#ops++;
    if (dev.swapCached[offset] === 1) {
      // loaded exclusively before: the dirty page is still in the swap cache
      this.#integrity.verified_reads++;
      return "hit";
    }
    const hit = this.#fs.load(type, offset, this.#page);
    let ok: boolean;
    if (hit && this.#fs.exclusiveLoads) dev.swapCached[offset] = 1;
    if (hit) {
      ok = pageDigest(this.#page) === dev.truth[offset];
    } else {
      dev.diskReads++;
      ok = dev.disk[offset] === dev.truth[offset];
      if (!ok && dev.lost[offset] === 0) {
        dev.lost[offset] = 1;
        this.#integrity.lost_pages++;
      }
    }
    if (ok) this.#integrity.verified_reads++;
    else this.#stale(`load ${type} ${offset} returned data other than the page swapped out`);
    return hit ? "hit" : "miss";
  }

  /** Free a swap slot: `frontswap_invalidate_page`. */
  free(type: number, offset: number): void {
    const dev = this.#slot("free", type, offset);
    this.#ops++;
    this.#fs.invalidatePage(type, offset);
    dev.release(offset);
  }

  /** Whether the slot holds a page. */
  slotInUse(type: number, offset: number): boolean {
    return this.#devices.get(type)?.inUse[offset] === 1;
  }

  // ---------------------------------------------------------------- backend

  /** Register a backend (`cleancache_register_ops` + `frontswap_register_ops`). */
  register(kind: string, opts: Record<string, unknown> = {}): void {
    if (!(BACKEND_KINDS as readonly string[]).includes(kind)) {
      throw new SimError(`register: unknown backend '${kind}' (${BACKEND_KINDS.join(", ")})`);
    }
    const options = resolveBackendOptions(kind as typeof BACKEND_KINDS[number], opts);
    if (typeof options === "string") throw new SimError(`register: ${options}`);
    const old = this.#backend;
    if (old && this.#regime !== "fake-poolid") {
      throw new SimError(
        `register: ${old.name} is already registered (EBUSY); unregister it first`,
      );
    }
    const b = createBackend(kind as typeof BACKEND_KINDS[number], options);
    b.attach({
      setFrontswapExclusiveGets: (on) => {
        this.#fs.exclusiveLoads = on;
        this.#fsOpts.exclusiveLoads = on;
      },
      writeSwapSlot: (type, offset, page) => {
        // the frontswap bit stays set: the kernel never told frontswap
        this.#devices.get(type)!.writeDisk(offset, pageDigest(page));
        this.#writtenBack++;
      },
    });
    const pendingFs = this.pendingFilesystems().length;
    const pendingSwap = this.pendingTypes().length;
    if (b.cleancache) this.#cc.register(b.cleancache);
    if (b.frontswap) this.#fs.register(b.frontswap);
    this.#backend = b;
    if (old) {
      this.#overrides++;
      this.#log(
        "register",
        `register ${kind} OVER ${old.name}: existing pools keep ${old.name}'s ids (3.10 hazard)`,
      );
    } else {
      this.#log(
        "register",
        `register ${kind}: ${pendingFs} pending fs and ${pendingSwap} pending swap types initialised`,
      );
    }
  }

  /** Unregister (ours): frontswap pages written back, pools dropped, all pending again. */
  unregister(): void {
    const b = this.#backend;
    if (!b) throw new SimError("unregister: no backend is registered");
    let written = 0;
    this.#fs.unregister((type, offset) => {
      const dev = this.#devices.get(type)!;
      if (b.peekSwapPage(type, offset, this.#page)) {
        dev.writeDisk(offset, pageDigest(this.#page));
        written++;
      }
    });
    this.#writtenBack += written;
    this.#cc.unregister();
    this.#backend = null;
    this.#fs.exclusiveLoads = this.#fsOpts.exclusiveLoads = this.#exclusiveLoads;
    this.#log("unregister", `unregister ${b.name}: ${written} frontswap pages written back`);
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
    this.#log("workload", `workload ${name} started`);
  }

  stopWorkload(name: WorkloadName | "all"): void {
    const names = name === "all" ? [...this.#workloads.keys()] : [name];
    if (name !== "all" && !this.#workloads.has(name)) {
      throw new SimError(`workload: ${name} is not running`);
    }
    for (const n of names) {
      this.#workloads.get(n)!.stop(this);
      this.#workloads.delete(n);
      this.#log("workload", `workload ${n} stopped`);
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
      this.#tick++;
      if (this.#pre) this.#prefetch(this.#pre);
      for (const w of this.#workloads.values()) w.step(this);
    }
  }

  /** Stores that used a compression computed ahead (0 without a precompressor). */
  get precompressedHits(): number {
    const b = this.#backend;
    return b && isPrecompressing(b) ? b.precompressedHits : 0;
  }

  // ---------------------------------------------------------------- reporting

  /** Names of mounted filesystems waiting for a backend. */
  pendingFilesystems(): string[] {
    return [...this.#mounts.values()].filter((m) => this.#cc.state(m) === "pending").map((m) =>
      m.name
    );
  }

  /** Active swap types waiting for a backend. */
  pendingTypes(): number[] {
    return [...this.#fs.areas()].filter((a) => this.#fs.state(a) === "pending").map((a) => a.type)
      .sort((x, y) => x - y);
  }

  /** Plain JSON-serialisable state; cheap enough for 10 Hz. */
  snapshot(): Snapshot {
    const b = this.#backend;
    const superblocks = [...this.#mounts.values()].map((m) => {
      const real = this.#cc.realPoolId(m);
      const usage = b && real >= 0 ? b.poolUsage(real) : null;
      return {
        name: m.name,
        uuid: m.uuid,
        poolId: m.poolId,
        realPoolId: b && real >= 0 ? real : null,
        fakeId: this.#cc.fakeId(m),
        state: this.#cc.state(m),
        pages: usage?.pages ?? 0,
        compressedBytes: usage?.compressedBytes ?? 0,
        puts: m.puts,
        hits: m.hits,
        misses: m.misses,
        invalidates: m.invalidates,
        skipped: m.skipped,
      };
    });
    const swapTypes: SwapTypeSnapshot[] = this.activeTypes().map((t) => {
      const a = this.#fs.area(t)!;
      const dev = this.#devices.get(t)!;
      return {
        type: t,
        slots: a.slots,
        state: this.#fs.state(a),
        pages: a.pages,
        usedSlots: dev.used,
        succ_stores: a.succ_stores,
        failed_stores: a.failed_stores,
        loads: a.loads,
        invalidates: a.invalidates,
        written_back: a.written_back,
        disk_writes: dev.diskWrites,
        disk_reads: dev.diskReads,
        skipped: a.skipped,
      };
    });
    return {
      tick: this.#tick,
      regime: this.#regime,
      seed: this.#seed,
      cleancache: {
        ...this.#cc.counters,
        pools: superblocks.filter((s) => s.state === "backed").length,
        pending: superblocks.filter((s) => s.state === "pending").map((s) => s.name),
        uncached: superblocks.filter((s) => s.state === "uncached").map((s) => s.name),
        skipped: this.#cc.skipped,
      },
      frontswap: {
        ...this.#fs.counters,
        pages: swapTypes.reduce((n, s) => n + s.pages, 0),
        active: swapTypes.map((s) => s.type),
        pending: swapTypes.filter((s) => s.state === "pending").map((s) => s.type),
        uncached: swapTypes.filter((s) => s.state === "uncached").map((s) => s.type),
        written_back_pages: this.#writtenBack,
        skipped: this.#fs.skipped,
      },
      backend: b ? b.stats() : null,
      integrity: { ...this.#integrity, backend_overrides: this.#overrides },
      superblocks,
      swapTypes,
      workloads: [...this.#workloads.values()].map((w) => ({
        name: w.name,
        running: true,
        params: { ...w.params },
      })),
      events: this.#events.newestFirst(),
      ops: this.#ops,
    };
  }

  /** Full consistency audit (slow): returns problems found, empty when all is well. */
  audit(): string[] {
    const problems: string[] = [];
    const b = this.#backend;
    if (b) problems.push(...b.audit().map((p) => `backend: ${p}`));
    for (const a of this.#fs.areas()) {
      const dev = this.#devices.get(a.type);
      if (!dev) {
        problems.push(`frontswap area ${a.type} without a swap device`);
        continue;
      }
      let bits = 0;
      for (let off = 0; off < a.slots; off++) {
        if (a.map[off] === 1) {
          bits++;
          if (dev.inUse[off] !== 1) problems.push(`type ${a.type} slot ${off}: bit set, slot free`);
        }
        if (dev.inUse[off] !== 1) continue;
        const inBackend = a.map[off] === 1 && b !== null &&
          b.peekSwapPage(a.type, off, this.#page) && pageDigest(this.#page) === dev.truth[off];
        if (!inBackend && dev.swapCached[off] === 0 && dev.disk[off] !== dev.truth[off]) {
          problems.push(`type ${a.type} slot ${off}: page lost (neither backend nor disk has it)`);
        }
      }
      if (bits !== a.pages) problems.push(`type ${a.type}: frontswap_pages ${a.pages} != ${bits}`);
    }
    if (!b) {
      for (const a of this.#fs.areas()) if (a.pages !== 0) problems.push("bits set, no backend");
    }
    return problems;
  }

  // ---------------------------------------------------------------- internals

  /** Offer finished precompressions to the backend; hand the workloads' upcoming pages over. */
  #prefetch(pre: Precompressor): void {
    const b = this.#backend;
    const batches = pre.collect();
    if (!b || !isPrecompressing(b)) return;
    for (const batch of batches) b.precompressed(batch); // ignored unless compressor and level match
    const room = pre.room();
    if (room === 0) return;
    const pages: Uint8Array[] = [];
    if (this.#prefetched.size > 1 << 16) this.#prefetched.clear();
    for (const w of this.#workloads.values()) {
      const share = Math.ceil(room / this.#workloads.size);
      let taken = 0;
      for (const v of w.upcoming?.(this, share * 2) ?? []) {
        if (this.#prefetched.has(v.stamp) || v.cls === "zero" || v.cls === "same") continue;
        this.#prefetched.add(v.stamp);
        pages.push(generatePage(v.stamp, v.cls));
        if (++taken >= share) break;
      }
    }
    if (pages.length > 0) pre.submit(pages, b.codec.kind, b.codec.level);
  }

  #newCleancache(): CleancacheFrontend {
    const cc = new CleancacheFrontend(this.#regime);
    cc.onPool = (what, sb, id) => {
      this.#log(
        what === "created" ? "pool-created" : "pool-destroyed",
        `pool ${id} ${what} for ${sb.name}`,
      );
    };
    return cc;
  }

  #log(kind: Parameters<EventLog["add"]>[1], text: string): void {
    this.#events.add(this.#tick, kind, text);
  }

  #stale(what: string): void {
    this.#integrity.stale_reads++;
    if (this.#integrity.stale_reads <= 20) this.#log("error", `STALE: ${what}`);
  }

  #writeFile(m: Mount, ino: number, index: number, cls: ContentClass): void {
    const stamp = ++this.#stamp;
    generatePage(stamp, cls, this.#page);
    this.#disk.set(m.fsKey, ino, index, { stamp, cls, digest: pageDigest(this.#page) });
  }

  #mount(cmd: string, name: string): Mount {
    const m = this.#mounts.get(name);
    if (!m) throw new SimError(`${cmd}: no filesystem named '${name}' is mounted`);
    return m;
  }

  #filePage(cmd: string, name: string, ino: number, index: number): Mount {
    const m = this.#mount(cmd, name);
    if (!Number.isSafeInteger(ino) || ino < 0) {
      throw new SimError(`${cmd}: inode must be a non-negative integer`);
    }
    if (!Number.isSafeInteger(index) || index < 0) {
      throw new SimError(`${cmd}: page index must be a non-negative integer`);
    }
    return m;
  }

  #device(cmd: string, type: number): SwapDevice {
    checkType(cmd, type);
    const dev = this.#devices.get(type);
    if (!dev) throw new SimError(`${cmd}: swap type ${type} is not active`);
    return dev;
  }

  #slot(cmd: string, type: number, offset: number): SwapDevice {
    const dev = this.#device(cmd, type);
    if (!Number.isInteger(offset) || offset < 0 || offset >= dev.slots) {
      throw new SimError(
        `${cmd}: offset must be an integer from 0 to ${dev.slots - 1} for swap type ${type}`,
      );
    }
    return dev;
  }
}

function checkName(cmd: string, what: string, name: string): void {
  if (typeof name !== "string" || !/^[\w.\/:-]{1,64}$/.test(name)) {
    throw new SimError(
      `${cmd}: ${what} must be 1-64 characters of letters, digits, _ . / : -`,
    );
  }
}

function checkType(cmd: string, type: number): void {
  if (!Number.isInteger(type) || type < 0 || type >= MAX_SWAPFILES) {
    throw new SimError(`${cmd}: swap type must be an integer from 0 to ${MAX_SWAPFILES - 1}`);
  }
}

function checkClass(cmd: string, cls: string): void {
  if (!isContentClass(cls)) {
    throw new SimError(
      `${cmd}: unknown content class '${cls}' (zero, same, text, records, heap, random)`,
    );
  }
}
