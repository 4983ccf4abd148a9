/**
 * Checklist line 22, model-based: random sequences of every operation
 * (workloads and `run` included), in every regime, checked after each step
 * against an independent model of the release:
 * - every stale read and lost page has a named cause (`unexplained` is 0,
 *   `audit` is clean), shared mounts included, with zcache, tmem, ram and
 *   zswap (frontswap only: 3.9/3.10 keep one holder per frontend, 4.2 stacks);
 * - backed / pending / uncached as the release's rules say;
 * - a hit is one the model allows; with `ram` alone and no limit, every get
 *   of a page put and not invalidated since, and every load of a stored page,
 *   MUST hit;
 * - counters only grow; refused calls leave the state untouched.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { Simulation } from "../src/simulation.ts";
import { SimError } from "../src/errors.ts";
import { CONTENT_CLASSES, type ContentClass } from "../src/content.ts";
import { type Regime, REGIMES } from "../src/regime.ts";
import type { BackingState, Snapshot } from "../src/snapshot.ts";

const NAMES = ["root", "home", "var", "n1", "n2"];
const UUID_OF: Record<string, string | undefined> = { n1: "cluster", n2: "cluster" };
/** Workloads use filesystems of their own and never enable or disable swap types. */
const WORKLOAD_PARAMS = {
  pagecache: { rate: 20, files: 4, pages: 8, cache: 16, fs: "w1,w2,w3" },
  swap: { rate: 20, ram: 16, procs: 3, size: 20, life: 40 },
  churn: { every: 3, minfs: 0, maxfs: 7, mintypes: 0, maxtypes: 0, names: "w1,w2,w3", shared: 0.5 },
} as const;
type WorkloadKind = keyof typeof WORKLOAD_PARAMS;

type Op =
  | { op: "mount"; name: string }
  | { op: "umount"; name: string }
  | { op: "swapon"; type: number }
  | { op: "swapoff"; type: number }
  | {
    op: "register";
    kind: Kind;
    limit: number;
    writeback: boolean;
    allocator: "zbud" | "z3fold" | "zsmalloc";
  }
  | { op: "unregister"; kind?: Kind }
  | { op: "put" | "write"; name: string; ino: number; index: number; cls: ContentClass }
  | { op: "putClean" | "get"; name: string; ino: number; index: number }
  | { op: "invalidate"; name: string; ino: number; index?: number }
  | { op: "delete"; name: string; ino: number }
  | { op: "store"; type: number; offset: number; cls: ContentClass }
  | { op: "load" | "free"; type: number; offset: number }
  | { op: "crossWrite"; ino: number; index: number }
  | { op: "workload"; name: WorkloadKind }
  | { op: "run"; ticks: number };

const name = fc.constantFrom(...NAMES);
const ino = fc.integer({ min: 0, max: 3 });
const index = fc.integer({ min: 0, max: 5 });
const type = fc.integer({ min: 0, max: 2 });
const offset = fc.integer({ min: 0, max: 15 });
const cls = fc.constantFrom(...CONTENT_CLASSES);
/** The backends the sequences register (zswap registers frontswap ops only). */
type Kind = "zcache" | "ram" | "tmem" | "zswap";
const kindsOf = (_regime: Regime): Kind[] => ["zcache", "ram", "tmem", "zswap"];

const opArbOf = (regime: Regime): fc.Arbitrary<Op> =>
  fc.oneof(
    { arbitrary: fc.record({ op: fc.constant("mount" as const), name }), weight: 3 },
    { arbitrary: fc.record({ op: fc.constant("umount" as const), name }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant("swapon" as const), type }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant("swapoff" as const), type }), weight: 1 },
    {
      arbitrary: fc.record({
        op: fc.constant("register" as const),
        kind: fc.constantFrom(...kindsOf(regime), "ram" as const),
        limit: fc.constantFrom(0, 0, 0, 2, 4),
        writeback: fc.boolean(),
        allocator: fc.constantFrom("zbud" as const, "z3fold" as const, "zsmalloc" as const),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("unregister" as const),
        kind: fc.option(fc.constantFrom(...kindsOf(regime)), { nil: undefined }),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        op: fc.constantFrom("put" as const, "write" as const),
        name,
        ino,
        index,
        cls,
      }),
      weight: 6,
    },
    {
      arbitrary: fc.record({
        op: fc.constantFrom("putClean" as const, "get" as const),
        name,
        ino,
        index,
      }),
      weight: 8,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("invalidate" as const),
        name,
        ino,
        index: fc.option(index, { nil: undefined }),
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ op: fc.constant("delete" as const), name, ino }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant("store" as const), type, offset, cls }), weight: 6 },
    {
      arbitrary: fc.record({ op: fc.constantFrom("load" as const, "free" as const), type, offset }),
      weight: 6,
    },
    {
      // the two nodes of one cluster: a put through n2, a write through n1, a get through n2
      arbitrary: fc.record({ op: fc.constant("crossWrite" as const), ino, index }),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("workload" as const),
        name: fc.constantFrom("pagecache" as const, "swap" as const, "churn" as const),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        op: fc.constant("run" as const),
        ticks: fc.integer({ min: 1, max: 8 }),
      }),
      weight: 2,
    },
  );

/** One registered backend in the model. */
interface ModelBackend {
  kind: Kind;
  limit: number;
  /** Holds the cleancache ops. */
  cc: boolean;
  /** Holds the frontswap ops (3.9/3.10 keep one holder; 4.2 stacks every backend). */
  fs: boolean;
}

/**
 * 3.9/3.10: one holder per frontend. `b` takes frontswap, and cleancache too
 * unless it registers none (zswap); each half it takes from another backend is
 * an override. A backend left holding nothing leaves the list.
 */
function replaceHolders(m: Model, b: ModelBackend): void {
  const hasCc = b.kind !== "zswap";
  // an overridden half: ids and bits of the old backend reach the new one, which has none of
  // the pages given before
  if (hasCc && m.backends.some((x) => x.cc)) {
    m.overridden = true;
    m.mayHit.clear();
    m.mustHit.clear();
  }
  if (m.backends.some((x) => x.fs)) {
    m.overridden = true;
    m.mayHold.clear();
    m.mustLoad.clear();
  }
  const others = m.backends.map((x) => ({ ...x, cc: x.cc && !hasCc, fs: false }));
  m.backends = [{ ...b, cc: hasCc, fs: true }, ...others].filter((x) => x.cc || x.fs);
}

/**
 * How each release moves superblocks and swap types between backed, pending
 * and uncached (read from its mm/cleancache.c and mm/frontswap.c).
 */
interface ReleaseRules {
  /** State of a mount or swapon made now. */
  mountState(registered: boolean): BackingState;
  swaponState(registered: boolean): BackingState;
  /** A registration while `others` are registered: the new list, and the new states. */
  register(m: Model, b: ModelBackend): void;
  /** The states after the last backend left. */
  lastUnregistered(m: Model): void;
  /** A cleancache holder left while others stay. */
  ccUnregistered(m: Model): void;
  /** A frontswap holder left while others stay. */
  fsUnregistered(m: Model): void;
}

const mapStates = (
  states: Map<string | number, BackingState>,
  f: (s: BackingState) => BackingState,
) => {
  for (const [k, s] of states) states.set(k, f(s));
};

const RULES: Record<Regime, ReleaseRules> = {
  // 3.9: nothing is ever initialised later; a second backend replaces the first and is told `init` for no type
  eager: {
    mountState: (r) => (r ? "backed" : "uncached"),
    swaponState: (r) => (r ? "backed" : "uncached"),
    register(m, b) {
      replaceHolders(m, b);
      mapStates(m.typeStates, () => "uncached");
    },
    lastUnregistered(m) {
      mapStates(m.fsStates, () => "uncached");
      mapStates(m.typeStates, () => "uncached");
    },
    ccUnregistered(m) {
      mapStates(m.fsStates, () => "uncached");
    },
    fsUnregistered(m) {
      mapStates(m.typeStates, () => "uncached");
    },
  },
  // 3.10: slots at -1 and need_init bits are inited at every registration; a second one replaces the first
  "fake-poolid": {
    mountState: (r) => (r ? "backed" : "pending"),
    swaponState: (r) => (r ? "backed" : "pending"),
    register(m, b) {
      replaceHolders(m, b);
      if (b.kind !== "zswap") mapStates(m.fsStates, () => "backed");
      mapStates(m.typeStates, (s) => (s === "pending" ? "backed" : "uncached"));
    },
    lastUnregistered(m) {
      mapStates(m.fsStates, () => "pending");
      mapStates(m.typeStates, () => "pending");
    },
    ccUnregistered(m) {
      mapStates(m.fsStates, () => "pending");
    },
    fsUnregistered(m) {
      mapStates(m.typeStates, () => "pending");
    },
  },
  // 4.1 cleancache refuses a second backend; 4.2 frontswap stacks every one
  deferred: {
    mountState: (r) => (r ? "backed" : "pending"),
    swaponState: (r) => (r ? "backed" : "pending"),
    register(m, b) {
      // zswap registers no cleancache ops
      const cc = b.kind !== "zswap" && !m.backends.some((x) => x.cc);
      m.backends = [{ ...b, cc, fs: true }, ...m.backends];
      if (cc) mapStates(m.fsStates, () => "backed");
      mapStates(m.typeStates, () => "backed");
    },
    lastUnregistered(m) {
      mapStates(m.fsStates, () => "pending");
      mapStates(m.typeStates, () => "pending");
    },
    ccUnregistered(m) {
      mapStates(m.fsStates, () => "pending");
    },
    // the others still hold frontswap: the types stay backed
    fsUnregistered() {},
  },
};

/** What the model expects, independently of the simulator's own oracle. */
class Model {
  backends: ModelBackend[] = [];
  overridden = false;
  readonly mounts = new Map<string, string | undefined>();
  readonly fsStates = new Map<string | number, BackingState>();
  readonly typeStates = new Map<string | number, BackingState>();
  /** cleancache keys (fs identity:ino:index) a get may hit, and those it must hit. */
  readonly mayHit = new Set<string>();
  readonly mustHit = new Set<string>();
  /** frontswap slots a load may hit, and those it must hit. */
  readonly mayHold = new Set<string>();
  readonly mustLoad = new Set<string>();
  /** Slots loaded exclusively: the dirty page stays in the swap cache, every load hits. */
  readonly swapCached = new Set<string>();
  /** The swap workload ran: slots hold pages the model did not store. */
  swapTainted = false;
  /** 3.9: a store may have reached the backend through a swap type with no frontswap map. */
  unmappedStores = false;
  readonly workloads = new Set<WorkloadKind>();
  gets = 0;
  loads = 0;

  /**
   * Loads are exclusive: the `exclusive-loads` option, or a staging zcache registered (its
   * init calls `frontswap_tmem_exclusive_gets(true)`, a global left on).
   */
  exclusiveLoads: boolean;

  constructor(
    readonly regime: Regime,
    exclusiveLoads = false,
    readonly rules = RULES[regime],
  ) {
    this.exclusiveLoads = exclusiveLoads;
  }

  get registered(): boolean {
    return this.backends.length > 0;
  }

  get ccRegistered(): boolean {
    return this.backends.some((b) => b.cc);
  }

  get fsRegistered(): boolean {
    return this.backends.some((b) => b.fs);
  }

  /** `ram` alone, with no limit, never overridden: nothing it was given may be missing. */
  get ramOnly(): boolean {
    return this.backends.length === 1 && this.backends[0].kind === "ram" &&
      this.backends[0].limit === 0 && !this.overridden;
  }

  fsKey(n: string): string {
    const u = this.mounts.get(n);
    return u ? `uuid:${u}` : `fs:${n}`;
  }

  backedFs(n: string): boolean {
    return this.fsStates.get(n) === "backed";
  }

  backedType(t: number): boolean {
    return this.typeStates.get(t) === "backed";
  }

  forgetFs(key: string, ino?: number): void {
    for (const set of [this.mayHit, this.mustHit]) {
      for (const k of [...set]) {
        if (ino === undefined ? k.startsWith(`${key}:`) : k.startsWith(`${key}:${ino}:`)) {
          set.delete(k);
        }
      }
    }
  }

  forgetType(t: number): void {
    for (const set of [this.mayHold, this.mustLoad, this.swapCached]) {
      for (const k of [...set]) if (k.startsWith(`${t}:`)) set.delete(k);
    }
  }

  forgetAllPages(): void {
    this.mayHit.clear();
    this.mustHit.clear();
    this.mayHold.clear();
    this.mustLoad.clear();
  }
}

function withoutEvents(s: Snapshot): string {
  return JSON.stringify({ ...s, events: [] });
}

function stale(sim: Simulation): number {
  return sim.snapshot().integrity.stale_reads;
}

function apply(sim: Simulation, m: Model, o: Op): void {
  switch (o.op) {
    case "mount": {
      const uuid = UUID_OF[o.name];
      sim.mount(o.name, uuid ? { uuid } : {});
      m.mounts.set(o.name, uuid);
      m.fsStates.set(o.name, m.rules.mountState(m.ccRegistered));
      return;
    }
    case "umount": {
      const key = m.fsKey(o.name);
      sim.umount(o.name);
      // a shared pool lives on while another node of the cluster is mounted
      const others = [...m.mounts].some(([n, u]) => n !== o.name && u && `uuid:${u}` === key);
      if (!others) {
        for (const k of [...m.mayHit]) if (k.startsWith(`${key}:`)) m.mayHit.delete(k);
      }
      for (const k of [...m.mustHit]) if (k.startsWith(`${key}:`)) m.mustHit.delete(k);
      m.mounts.delete(o.name);
      m.fsStates.delete(o.name);
      return;
    }
    case "swapon":
      sim.swapon(o.type, 16);
      m.typeStates.set(o.type, m.rules.swaponState(m.fsRegistered));
      return;
    case "swapoff":
      sim.swapoff(o.type);
      m.typeStates.delete(o.type);
      m.forgetType(o.type);
      return;
    case "register": {
      const b = { kind: o.kind, limit: o.limit, cc: false, fs: false };
      sim.register(
        o.kind,
        o.kind === "zcache"
          ? { limit: o.limit, writeback: o.writeback }
          : o.kind === "zswap"
          ? { limit: o.limit, allocator: o.allocator }
          : { limit: o.limit },
      );
      m.rules.register(m, b);
      if (o.kind === "zcache") m.exclusiveLoads = true;
      return;
    }
    case "unregister": {
      sim.unregister(o.kind);
      const i = o.kind === undefined ? 0 : m.backends.findIndex((b) => b.kind === o.kind);
      const [gone] = m.backends.splice(i, 1);
      if (m.backends.length === 0) {
        m.rules.lastUnregistered(m);
        m.forgetAllPages();
      } else {
        if (gone.cc) {
          m.rules.ccUnregistered(m);
          m.mayHit.clear();
          m.mustHit.clear();
        }
        if (gone.fs) m.rules.fsUnregistered(m);
      }
      // its pages were written back: a later load reads the disk (others' pages stay)
      if (m.backends.length === 0) m.mayHold.clear();
      m.mustLoad.clear();
      return;
    }
    case "put":
    case "write": {
      const key = `${sim.isMounted(o.name) ? m.fsKey(o.name) : "?"}:${o.ino}:${o.index}`;
      if (o.op === "put") sim.put(o.name, o.ino, o.index, o.cls);
      else sim.write(o.name, o.ino, o.index, o.cls);
      m.mayHit.delete(key);
      m.mustHit.delete(key);
      if (o.op === "put" && m.backedFs(o.name)) {
        m.mayHit.add(key);
        if (m.ramOnly) m.mustHit.add(key);
      }
      return;
    }
    case "putClean": {
      const key = `${sim.isMounted(o.name) ? m.fsKey(o.name) : "?"}:${o.ino}:${o.index}`;
      sim.putClean(o.name, o.ino, o.index);
      if (m.backedFs(o.name)) {
        m.mayHit.add(key);
        if (m.ramOnly) m.mustHit.add(key);
        else m.mustHit.delete(key);
      }
      return;
    }
    case "get": {
      const key = `${sim.isMounted(o.name) ? m.fsKey(o.name) : "?"}:${o.ino}:${o.index}`;
      const before = stale(sim);
      const r = sim.get(o.name, o.ino, o.index);
      m.gets++;
      if (m.mustHit.has(key) && m.backedFs(o.name) && m.ramOnly) {
        assert.equal(r, "hit", `get ${key}: ram holds the page, the get must hit`);
      }
      if (r === "hit") {
        // a wrong read of a reproduced hazard is the oracle's to count (and name)
        if (stale(sim) === before) {
          assert.ok(m.mayHit.has(key), `get ${key} hit a page the model says is not there`);
        }
        if (!m.mounts.get(o.name)) {
          m.mayHit.delete(key); // private pools are exclusive
          m.mustHit.delete(key);
        }
      }
      return;
    }
    case "invalidate": {
      const key = sim.isMounted(o.name) ? m.fsKey(o.name) : "?";
      sim.invalidate(o.name, o.ino, o.index);
      if (o.index === undefined) m.forgetFs(key, o.ino);
      else {
        m.mayHit.delete(`${key}:${o.ino}:${o.index}`);
        m.mustHit.delete(`${key}:${o.ino}:${o.index}`);
      }
      return;
    }
    case "delete": {
      const key = sim.isMounted(o.name) ? m.fsKey(o.name) : "?";
      sim.deleteFile(o.name, o.ino);
      m.forgetFs(key, o.ino);
      return;
    }
    case "store": {
      const k = `${o.type}:${o.offset}`;
      if (m.typeStates.get(o.type) === "uncached") m.unmappedStores = true;
      if (sim.slotInUse(o.type, o.offset) || m.typeStates.has(o.type)) m.swapCached.delete(k);
      const r = sim.store(o.type, o.offset, o.cls);
      m.mustLoad.delete(k);
      if (r === "stored") {
        assert.ok(m.fsRegistered, "stored with no frontswap backend");
        m.mayHold.add(k);
        if (m.ramOnly && m.backedType(o.type)) m.mustLoad.add(k);
      } else m.mayHold.delete(k);
      return;
    }
    case "load": {
      const k = `${o.type}:${o.offset}`;
      const before = stale(sim);
      const r = sim.load(o.type, o.offset);
      m.loads++;
      if (m.mustLoad.has(k) || m.swapCached.has(k)) {
        assert.equal(r, "hit", `load ${k}: ram or the swap cache holds the page, it must hit`);
      }
      if (r === "hit" && !m.swapTainted && stale(sim) === before && !m.swapCached.has(k)) {
        assert.ok(m.mayHold.has(k), `load ${k} hit a slot the model never stored`);
      }
      if (r === "hit" && m.exclusiveLoads) m.swapCached.add(k);
      return;
    }
    case "free":
      sim.free(o.type, o.offset);
      m.mayHold.delete(`${o.type}:${o.offset}`);
      m.mustLoad.delete(`${o.type}:${o.offset}`);
      m.swapCached.delete(`${o.type}:${o.offset}`);
      return;
    case "crossWrite":
      // shared-uuid coherence: only when both nodes are mounted (else nothing happens)
      if (!sim.isMounted("n1") || !sim.isMounted("n2")) return;
      apply(sim, m, { op: "put", name: "n2", ino: o.ino, index: o.index, cls: "text" });
      apply(sim, m, { op: "write", name: "n1", ino: o.ino, index: o.index, cls: "records" });
      apply(sim, m, { op: "get", name: "n2", ino: o.ino, index: o.index });
      return;
    case "workload":
      sim.startWorkload(o.name, { ...WORKLOAD_PARAMS[o.name] });
      m.workloads.add(o.name);
      return;
    case "run": {
      sim.advance(o.ticks);
      if (m.workloads.has("swap")) {
        // the swap workload frees and refills slots (a swap-cached page goes with its slot)
        m.swapTainted = true;
        m.swapCached.clear();
      }
      // churn mounts and unmounts its own filesystems (w1..w3) and may disable swap types:
      // follow it. A filesystem it (re)mounted during the run got the state a mount gets now.
      const fresh = m.rules.mountState(m.ccRegistered);
      const mounted = new Set<string | number>();
      for (const sb of sim.snapshot().superblocks) {
        mounted.add(sb.name);
        if (NAMES.includes(sb.name)) continue;
        const old = m.fsStates.get(sb.name);
        assert.ok(sb.state === fresh || sb.state === old, `${sb.name} is ${sb.state}`);
        m.fsStates.set(sb.name, sb.state);
      }
      for (const n of [...m.fsStates.keys()]) if (!mounted.has(n)) m.fsStates.delete(n);
      const active = new Set(sim.activeTypes());
      for (const t of [...m.typeStates.keys()]) {
        if (active.has(t as number)) continue;
        m.typeStates.delete(t);
        m.forgetType(t as number);
      }
      return;
    }
  }
}

function check(sim: Simulation, m: Model, prev: Snapshot): Snapshot {
  const s = sim.snapshot();
  // every wrong read has a named cause; audit finds nothing else
  assert.equal(s.integrity.causes.unexplained, 0, "a stale read or lost page with no cause");
  assert.equal(
    Object.values(s.integrity.causes).reduce((a, n) => a + n, 0),
    s.integrity.stale_reads,
    "causes add up to stale_reads",
  );
  assert.deepEqual(sim.audit(), []);
  if (!m.overridden && !s.superblocks.some((x) => x.uuid !== null)) {
    const i = s.integrity;
    // a private pool's stale copy read while both nodes were mounted stays counted after
    const named = i.causes.eager_unmapped_swap_store + i.causes.private_pool_for_shared_uuid +
      i.causes.refused_put_kept_older_copy + i.causes.stale_copy_written_back;
    assert.equal(i.stale_reads - named, 0, "stale read, no hazard");
  }
  // counters only grow, and never exceed the operations performed
  for (const k of ["succ_gets", "failed_gets", "puts", "invalidates"] as const) {
    assert.ok(s.cleancache[k] >= prev.cleancache[k], `cleancache.${k} went down`);
  }
  for (const k of ["loads", "succ_stores", "failed_stores", "invalidates"] as const) {
    assert.ok(s.frontswap[k] >= prev.frontswap[k], `frontswap.${k} went down`);
  }
  if (m.workloads.size === 0) {
    assert.ok(s.cleancache.succ_gets + s.cleancache.failed_gets <= m.gets);
    // swapoff's try_to_unuse loads too: at most one per slot
    assert.ok(s.frontswap.loads <= m.loads + 3 * 16 * 1000);
  }
  // backed / pending / uncached exactly as the release's rules say
  assert.deepEqual(
    s.superblocks.map((x) => x.name).sort(),
    [...m.fsStates.keys()].map(String).sort(),
  );
  for (const sb of s.superblocks) {
    const want = m.fsStates.get(sb.name);
    assert.equal(sb.state, want, `${sb.name} is ${sb.state}, model says ${want}`);
  }
  assert.deepEqual(s.frontswap.active, [...m.typeStates.keys()].sort((a, b) => +a - +b));
  for (const t of s.swapTypes) {
    const want = m.typeStates.get(t.type);
    assert.equal(t.state, want, `swap type ${t.type} is ${t.state}, model says ${want}`);
  }
  assert.deepEqual(s.backends.map((b) => b.name), m.backends.map((b) => b.kind));
  if (s.backend && !m.overridden && m.backends.length === 1) {
    const b = s.backend;
    assert.equal(b.stored_pages, b.cleancache_pages + b.frontswap_pages);
    // a backend's writeback leaves the bit set (the kernel never tells frontswap); under
    // 3.9/3.10 a backend that keeps its old copy when it refuses a duplicate may hold more:
    // `__frontswap_store` only clears the bit of a failed duplicate (no invalidate_page), and
    // staging zcache (`zcache_put_page`) and zswap (`zswap_frontswap_store`, which reaches
    // `zswap_rb_insert` only once the new page is compressed and allocated) both keep it
    // (tests/scenarios/behaviour-9-duplicate-3.10*.tmem); 3.10's swapoff never calls
    // invalidate_area either
    if (m.regime === "deferred" || (b.kind !== "zcache" && b.kind !== "zswap")) {
      // 3.9 (`eager`): a store to a swap type without a frontswap map reaches a one-pool
      // backend and succeeds with no bit to record it (`__frontswap_store` checks only
      // frontswap_enabled): each such page is counted lost under eager_unmapped_swap_store
      // (with writethrough the disk has the page too: not lost, still held with no bit)
      const unmapped = m.regime === "eager" ? s.integrity.lost_causes.eager_unmapped_swap_store : 0;
      assert.ok(
        (m.regime === "eager" && (m.unmappedStores || m.swapTainted)) ||
          b.frontswap_pages <= s.frontswap.pages + unmapped,
        `backend holds ${b.frontswap_pages} frontswap pages, frontswap counts ${s.frontswap.pages}`,
      );
    }
    const pools = new Map(
      s.superblocks.filter((x) => x.realPoolId !== null).map((x) => [x.realPoolId, x.pages]),
    );
    assert.equal([...pools.values()].reduce((a, n) => a + n, 0), b.cleancache_pages);
    assert.ok(b.pool_total_size >= b.compressed_bytes);
    // zswap's limit is soft (`zswap_is_full` is max < pages): the store that finds the pool
    // not yet full may add one zbud/z3fold frame, or one zsmalloc zspage (up to 4 frames)
    const over = b.kind !== "zswap" ? 0 : b.allocator === "zsmalloc" ? 4 : 1;
    if (b.limit > 0) assert.ok(b.pool_total_size <= (b.limit + over) * 4096);
  }
  if (!s.backend) assert.equal(s.frontswap.pages, 0);
  return s;
}

function runSequence(
  regime: Regime,
  ops: Op[],
  opts: { writethrough?: boolean; exclusiveLoads?: boolean } = {},
): void {
  const sim = new Simulation({ regime, seed: 7, ...opts });
  const m = new Model(regime, opts.exclusiveLoads);
  let prev = sim.snapshot();
  for (const o of ops) {
    const before = withoutEvents(prev);
    try {
      apply(sim, m, o);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      // a refused call changes nothing
      assert.equal(withoutEvents(sim.snapshot()), before, `refused ${o.op} changed the state`);
    }
    prev = check(sim, m, prev);
  }
}

for (const regime of REGIMES) {
  Deno.test(`checklist 22 (${regime}): random operation sequences keep every page right`, () => {
    fc.assert(
      fc.property(
        fc.array(opArbOf(regime), { minLength: 10, maxLength: 150, size: "max" }),
        (ops) => {
          runSequence(regime, ops);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
}

for (const regime of REGIMES) {
  Deno.test(`checklist 22 (${regime}, writethrough and exclusive loads): random sequences keep every page right`, () => {
    fc.assert(
      fc.property(
        fc.array(opArbOf(regime), { minLength: 10, maxLength: 150, size: "max" }),
        fc.boolean(),
        fc.boolean(),
        (ops, writethrough, exclusiveLoads) =>
          runSequence(regime, ops, { writethrough, exclusiveLoads }),
      ),
      { numRuns: 60, seed: 43 },
    );
  });
}

Deno.test("a backend that dropped every page would fail the must-hit check", () => {
  // the must-hit model is not vacuous: ram holds what it was given
  const sim = new Simulation({ regime: "deferred" });
  const m = new Model("deferred");
  apply(sim, m, { op: "register", kind: "ram", limit: 0, writeback: false, allocator: "zbud" });
  apply(sim, m, { op: "mount", name: "root" });
  apply(sim, m, { op: "swapon", type: 0 });
  apply(sim, m, { op: "put", name: "root", ino: 1, index: 2, cls: "text" });
  apply(sim, m, { op: "store", type: 0, offset: 3, cls: "heap" });
  assert.ok(m.mustHit.has("fs:root:1:2") && m.mustLoad.has("0:3"));
  sim.invalidate("root", 1, 2); // behind the model's back: the page is gone
  assert.throws(() => apply(sim, m, { op: "get", name: "root", ino: 1, index: 2 }), /must hit/);
});

Deno.test("fake-poolid: a second registration over a live backend is accepted and its wrong reads are caught", () => {
  const sim = new Simulation({ regime: "fake-poolid" });
  sim.register("zcache");
  sim.mount("a"); // pool 0 of the first backend
  sim.register("zcache"); // 3.10 accepts: "a" keeps id 0
  sim.mount("b"); // the second backend hands out pool 0 again
  const sbs = sim.snapshot().superblocks;
  assert.equal(sbs[0].realPoolId, 0);
  assert.equal(sbs[1].realPoolId, 0, "two filesystems share one pool id");
  sim.put("b", 5, 0, "text");
  sim.put("a", 5, 0, "records"); // overwrites b's page in the shared pool id
  assert.equal(sim.get("b", 5, 0), "hit");
  const s = sim.snapshot();
  assert.equal(s.integrity.backend_overrides, 1);
  assert.equal(s.integrity.stale_reads, 1, "the oracle caught the wrong read");
  assert.equal(s.integrity.causes.override, 1, "and named its cause");
  assert.ok(s.events.some((e) => e.kind === "error" && /STALE \(override\)/.test(e.text)));
});

Deno.test("fake-poolid: frontswap pages held by an overridden backend are caught as lost", () => {
  const sim = new Simulation({ regime: "fake-poolid" });
  sim.register("zcache");
  sim.swapon(0, 8);
  assert.equal(sim.store(0, 1, "text"), "stored");
  sim.register("ram");
  assert.equal(sim.load(0, 1), "miss");
  const i = sim.snapshot().integrity;
  assert.equal(i.lost_pages, 1);
  assert.equal(i.stale_reads, 1);
  assert.equal(i.causes.override, 1);
  assert.deepEqual(sim.audit(), []);
});
