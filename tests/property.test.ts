/**
 * Checklist line 22, model-based: random sequences of every operation, in
 * every regime, checked after each step against an independent model:
 * no stale data, nothing lost, counters consistent, pending lists right,
 * refused calls leave the state untouched.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { Simulation } from "../src/simulation.ts";
import { SimError } from "../src/errors.ts";
import { CONTENT_CLASSES, type ContentClass } from "../src/content.ts";
import { type Regime, REGIMES } from "../src/regime.ts";
import type { Snapshot } from "../src/snapshot.ts";

const NAMES = ["root", "home", "var", "n1", "n2"];
const UUID_OF: Record<string, string | undefined> = { n1: "cluster", n2: "cluster" };

type Op =
  | { op: "mount"; name: string }
  | { op: "umount"; name: string }
  | { op: "swapon"; type: number }
  | { op: "swapoff"; type: number }
  | {
    op: "register";
    kind: "zcache" | "zswap" | "tmem" | "ram";
    limit: number;
    writeback: boolean;
    allocator: "zbud" | "zsmalloc";
    full: "reclaim" | "reject";
  }
  | { op: "unregister" }
  | { op: "put" | "write"; name: string; ino: number; index: number; cls: ContentClass }
  | { op: "putClean" | "get"; name: string; ino: number; index: number }
  | { op: "invalidate"; name: string; ino: number; index?: number }
  | { op: "delete"; name: string; ino: number }
  | { op: "store"; type: number; offset: number; cls: ContentClass }
  | { op: "load" | "free"; type: number; offset: number }
  | { op: "run"; ticks: number };

const name = fc.constantFrom(...NAMES);
const ino = fc.integer({ min: 0, max: 3 });
const index = fc.integer({ min: 0, max: 5 });
const type = fc.integer({ min: 0, max: 2 });
const offset = fc.integer({ min: 0, max: 15 });
const cls = fc.constantFrom(...CONTENT_CLASSES);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant("mount" as const), name }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant("umount" as const), name }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant("swapon" as const), type }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant("swapoff" as const), type }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant("register" as const),
      kind: fc.constantFrom("zcache" as const, "zswap" as const, "tmem" as const, "ram" as const),
      limit: fc.constantFrom(0, 0, 2, 4),
      writeback: fc.boolean(),
      allocator: fc.constantFrom("zbud" as const, "zsmalloc" as const),
      full: fc.constantFrom("reclaim" as const, "reject" as const),
    }),
    weight: 2,
  },
  { arbitrary: fc.constant({ op: "unregister" as const }), weight: 1 },
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
);

/** What the model expects, independently of the simulator's own oracle. */
class Model {
  backend = false;
  /** The registered backend's kind. */
  kind = "";
  /** Whether some registered backend holds cleancache (zswap registers none). */
  cleancache = false;
  /**
   * Keys where staging zcache may hold an older copy behind a refused put
   * (zcache-main.c `zcache_put_page` + tmem.c `tmem_put`): a stale get there
   * is the kernel's, counted by the oracle.
   */
  readonly zcacheStale = new Set<string>();
  /** Stale reads the model allows (all on `zcacheStale` keys). */
  staleAllowed = 0;
  /** eager: names/types that got a pool while a backend was registered. */
  readonly eagerBacked = new Set<string>();
  readonly mounts = new Map<string, string | undefined>();
  readonly types = new Set<number>();
  /** cleancache keys (fs identity:ino:index) a get may hit. */
  readonly mayHit = new Set<string>();
  /** frontswap slots the backend may hold. */
  readonly mayHold = new Set<string>();
  gets = 0;
  loads = 0;

  constructor(readonly regime: Regime) {}

  fsKey(n: string): string {
    const u = this.mounts.get(n);
    return u ? `uuid:${u}` : `fs:${n}`;
  }

  backedFs(n: string): boolean {
    if (!this.cleancache) return false; // zswap registers no cleancache ops
    return this.regime === "eager" ? this.eagerBacked.has(`fs:${n}`) : true;
  }

  backedType(t: number): boolean {
    if (!this.backend) return false;
    return this.regime === "eager" ? this.eagerBacked.has(`swap:${t}`) : true;
  }

  forgetFs(key: string, ino?: number): void {
    for (const k of [...this.mayHit]) {
      if (ino === undefined ? k.startsWith(`${key}:`) : k.startsWith(`${key}:${ino}:`)) {
        this.mayHit.delete(k);
      }
    }
  }

  forgetType(t: number): void {
    for (const k of [...this.mayHold]) if (k.startsWith(`${t}:`)) this.mayHold.delete(k);
  }
}

function withoutEvents(s: Snapshot): string {
  return JSON.stringify({ ...s, events: [] });
}

function apply(sim: Simulation, m: Model, o: Op): void {
  switch (o.op) {
    case "mount": {
      const uuid = UUID_OF[o.name];
      sim.mount(o.name, uuid ? { uuid } : {});
      m.mounts.set(o.name, uuid);
      if (m.cleancache) m.eagerBacked.add(`fs:${o.name}`);
      return;
    }
    case "umount": {
      const key = m.fsKey(o.name);
      sim.umount(o.name);
      // a shared pool lives on while another node of the cluster is mounted
      const others = [...m.mounts].some(([n, u]) => n !== o.name && u && `uuid:${u}` === key);
      if (!others) m.forgetFs(key);
      m.mounts.delete(o.name);
      m.eagerBacked.delete(`fs:${o.name}`);
      return;
    }
    case "swapon":
      sim.swapon(o.type, 16);
      m.types.add(o.type);
      if (m.backend) m.eagerBacked.add(`swap:${o.type}`);
      return;
    case "swapoff":
      sim.swapoff(o.type);
      m.types.delete(o.type);
      m.forgetType(o.type);
      m.eagerBacked.delete(`swap:${o.type}`);
      return;
    case "register": {
      const opts: Record<string, unknown> = { limit: o.limit };
      if (o.kind === "zcache") opts.writeback = o.writeback;
      if (o.kind === "zswap") Object.assign(opts, { allocator: o.allocator, full: o.full });
      sim.register(o.kind, opts);
      m.backend = true;
      m.kind = o.kind;
      if (o.kind !== "zswap") m.cleancache = true;
      return;
    }
    case "unregister":
      sim.unregister();
      m.backend = false;
      m.kind = "";
      m.cleancache = false;
      m.mayHit.clear();
      m.mayHold.clear();
      m.eagerBacked.clear();
      return;
    case "put":
    case "write": {
      const key = `${sim.isMounted(o.name) ? m.fsKey(o.name) : "?"}:${o.ino}:${o.index}`;
      if (o.op === "put" && m.kind === "zcache" && m.mayHit.has(key)) m.zcacheStale.add(key);
      if (o.op === "put") sim.put(o.name, o.ino, o.index, o.cls);
      else sim.write(o.name, o.ino, o.index, o.cls);
      if (o.op === "write") m.zcacheStale.delete(key);
      m.mayHit.delete(key);
      if (o.op === "put" && m.backedFs(o.name)) m.mayHit.add(key);
      return;
    }
    case "putClean": {
      const key = `${sim.isMounted(o.name) ? m.fsKey(o.name) : "?"}:${o.ino}:${o.index}`;
      sim.putClean(o.name, o.ino, o.index);
      if (m.backedFs(o.name)) m.mayHit.add(key);
      return;
    }
    case "get": {
      const key = `${sim.isMounted(o.name) ? m.fsKey(o.name) : "?"}:${o.ino}:${o.index}`;
      const stale = sim.snapshot().integrity.stale_reads;
      const r = sim.get(o.name, o.ino, o.index);
      m.gets++;
      if (sim.snapshot().integrity.stale_reads > stale) {
        assert.ok(m.zcacheStale.has(key), `stale get ${key} outside the zcache put hazard`);
        m.staleAllowed++;
        m.zcacheStale.delete(key);
        return;
      }
      if (r === "hit") {
        assert.ok(m.mayHit.has(key), `get ${key} hit a page the model says is not there`);
        if (!m.mounts.get(o.name)) m.mayHit.delete(key); // private pools are exclusive
      }
      return;
    }
    case "invalidate": {
      const key = sim.isMounted(o.name) ? m.fsKey(o.name) : "?";
      sim.invalidate(o.name, o.ino, o.index);
      if (o.index === undefined) m.forgetFs(key, o.ino);
      else m.mayHit.delete(`${key}:${o.ino}:${o.index}`);
      return;
    }
    case "delete": {
      const key = sim.isMounted(o.name) ? m.fsKey(o.name) : "?";
      sim.deleteFile(o.name, o.ino);
      m.forgetFs(key, o.ino);
      return;
    }
    case "store": {
      const r = sim.store(o.type, o.offset, o.cls);
      const k = `${o.type}:${o.offset}`;
      if (r === "stored") {
        assert.ok(m.backedType(o.type), "stored on a type the model says has no backend");
        m.mayHold.add(k);
      } else m.mayHold.delete(k);
      return;
    }
    case "load": {
      const r = sim.load(o.type, o.offset);
      m.loads++;
      if (r === "hit") assert.ok(m.mayHold.has(`${o.type}:${o.offset}`), "load hit unknown slot");
      return;
    }
    case "free":
      sim.free(o.type, o.offset);
      m.mayHold.delete(`${o.type}:${o.offset}`);
      return;
    case "run":
      sim.advance(o.ticks);
      return;
  }
}

function check(sim: Simulation, m: Model, prev: Snapshot): Snapshot {
  const s = sim.snapshot();
  const overridden = s.integrity.backend_overrides > 0;
  if (!overridden) {
    assert.equal(s.integrity.stale_reads, m.staleAllowed, "stale read");
    assert.equal(s.integrity.lost_pages, 0, "lost page");
    assert.deepEqual(sim.audit(), []);
  } else {
    assert.deepEqual(sim.audit().filter((p) => !p.includes("lost")), []);
  }
  // counters only grow, and never exceed the operations performed
  for (const k of ["succ_gets", "failed_gets", "puts", "invalidates"] as const) {
    assert.ok(s.cleancache[k] >= prev.cleancache[k], `cleancache.${k} went down`);
  }
  for (const k of ["loads", "succ_stores", "failed_stores", "invalidates"] as const) {
    assert.ok(s.frontswap[k] >= prev.frontswap[k], `frontswap.${k} went down`);
  }
  assert.ok(s.cleancache.succ_gets + s.cleancache.failed_gets <= m.gets);
  assert.ok(s.frontswap.loads <= m.loads);
  // pending / uncached / backed exactly as the model says
  const mounted = [...m.mounts.keys()];
  assert.deepEqual(s.superblocks.map((x) => x.name).sort(), [...mounted].sort());
  for (const sb of s.superblocks) {
    const want = m.backedFs(sb.name) ? "backed" : m.regime === "eager" ? "uncached" : "pending";
    assert.equal(sb.state, want, `${sb.name} is ${sb.state}, model says ${want}`);
  }
  assert.deepEqual(s.frontswap.active, [...m.types].sort((a, b) => a - b));
  for (const t of s.swapTypes) {
    const want = m.backedType(t.type) ? "backed" : m.regime === "eager" ? "uncached" : "pending";
    assert.equal(t.state, want, `swap type ${t.type} is ${t.state}, model says ${want}`);
  }
  assert.equal(s.backend !== null, m.backend);
  if (s.backend && !overridden) {
    const b = s.backend;
    assert.equal(b.stored_pages, b.cleancache_pages + b.frontswap_pages);
    assert.equal(b.frontswap_pages, s.frontswap.pages);
    assert.ok(s.frontswap.pages <= m.mayHold.size);
    const pools = new Map(
      s.superblocks.filter((x) => x.realPoolId !== null).map((x) => [
        x.realPoolId,
        x.pages,
      ]),
    );
    assert.equal([...pools.values()].reduce((a, n) => a + n, 0), b.cleancache_pages);
    assert.ok(b.pool_total_size >= b.compressed_bytes);
    // zswap's limit is soft (mm/zswap.c `zswap_is_full` is checked before the allocation):
    // one allocation over, a zspage of up to 4 frames with zsmalloc
    const over = b.kind === "zswap" ? 4 : 0;
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
  const m = new Model(regime);
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
      fc.property(fc.array(opArb, { minLength: 10, maxLength: 150, size: "max" }), (ops) => {
        runSequence(regime, ops);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
}

for (const regime of REGIMES) {
  Deno.test(`checklist 22 (${regime}, writethrough and exclusive loads): random sequences keep every page right`, () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 10, maxLength: 150, size: "max" }),
        fc.boolean(),
        fc.boolean(),
        (ops, writethrough, exclusiveLoads) =>
          runSequence(regime, ops, { writethrough, exclusiveLoads }),
      ),
      { numRuns: 60, seed: 43 },
    );
  });
}

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
  assert.ok(s.events.some((e) => e.kind === "error" && /STALE/.test(e.text)));
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
});
