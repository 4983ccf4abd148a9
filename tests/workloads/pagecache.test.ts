import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { SimError } from "../../src/errors.ts";
import {
  PagecacheWorkload,
  WORKLOAD_DEFAULTS,
  WORKLOAD_FACTORIES,
} from "../../src/workloads/mod.ts";

function sim(seed = 1) {
  const s = new Simulation({ seed });
  return s;
}

Deno.test("pagecache: a bounded LRU page cache feeding cleancache puts and gets", () => {
  const s = sim();
  s.mount("root");
  s.register("zcache");
  const w = new PagecacheWorkload({ rate: 100, cache: 300, files: 16, pages: 64 });
  for (let i = 0; i < 40; i++) {
    w.step(s);
    assert.ok(w.cachedPages <= 300, "page cache never exceeds its size");
  }
  const snap = s.snapshot();
  assert.ok(w.counters.evictions > 0);
  assert.ok(w.counters.cacheHits > 0);
  assert.ok(snap.cleancache.puts > 0, "evicted clean pages are put");
  assert.ok(snap.cleancache.succ_gets > 0, "page cache misses hit cleancache");
  assert.ok(snap.cleancache.failed_gets > 0, "and sometimes miss it");
  assert.ok(snap.cleancache.invalidates > 0, "writes invalidate stale copies");
  assert.ok(w.counters.writes > 0 && w.counters.creates > 0);
  assert.equal(snap.integrity.stale_reads, 0);
  assert.ok(snap.integrity.verified_reads > 0);
  assert.deepEqual(s.audit(), []);
});

Deno.test("pagecache: truncates and deletes never let a stale page be read", () => {
  const s = sim(5);
  s.mount("a");
  s.register("zcache");
  const w = new PagecacheWorkload({
    rate: 200,
    cache: 64,
    files: 4,
    pages: 32,
    writes: 0.3,
    truncates: 0.005,
    deletes: 0.005,
  });
  for (let i = 0; i < 20; i++) w.step(s);
  assert.ok(w.counters.truncates > 0 && w.counters.deletes > 0);
  const snap = s.snapshot();
  assert.ok(snap.cleancache.succ_gets > 0);
  assert.equal(snap.integrity.stale_reads, 0);
});

Deno.test("pagecache: filesystems unmounted under it and mounted later", () => {
  const s = sim(2);
  s.mount("a");
  s.mount("b");
  s.register("zcache");
  const w = new PagecacheWorkload({ rate: 100, cache: 200, files: 8, pages: 32 });
  for (let i = 0; i < 10; i++) w.step(s);
  s.umount("a");
  for (let i = 0; i < 10; i++) w.step(s);
  s.mount("c");
  for (let i = 0; i < 10; i++) w.step(s);
  const snap = s.snapshot();
  const c = snap.superblocks.find((sb) => sb.name === "c")!;
  assert.ok(c.puts + c.hits + c.misses > 0, "the new filesystem is used");
  s.umount("b");
  s.umount("c");
  const ops = s.snapshot().ops;
  w.step(s);
  assert.equal(s.snapshot().ops, ops, "nothing mounted: nothing to do");
  assert.equal(w.cachedPages, 0, "pages of unmounted filesystems leave the page cache");
  assert.equal(s.snapshot().integrity.stale_reads, 0);
});

Deno.test("pagecache: fs= restricts the work to the named filesystems", () => {
  const s = sim();
  s.mount("a");
  s.mount("b");
  s.register("zcache");
  const w = new PagecacheWorkload({ rate: 100, cache: 50, fs: "b" });
  for (let i = 0; i < 5; i++) w.step(s);
  const [a, b] = s.snapshot().superblocks;
  assert.equal(a.puts + a.hits + a.misses, 0);
  assert.ok(b.puts > 0);
});

Deno.test("pagecache: parameters are checked, defaults documented", () => {
  const make = (p: Record<string, string | number>) => WORKLOAD_FACTORIES.pagecache(p);
  assert.throws(
    () => make({ bogus: 1 }),
    (e) => e instanceof SimError && /no parameter 'bogus'/.test(e.message),
  );
  assert.throws(() => make({ rate: -1 }), /rate must be from 0/);
  assert.throws(() => make({ rate: 1.5 }), /rate must be a whole number/);
  assert.throws(() => make({ skew: "x" }), /skew must be a number/);
  assert.throws(() => make({ mix: "text" }), /mix must look like/);
  assert.throws(() => make({ mix: "text:1,blob:2" }), /unknown content class 'blob'/);
  assert.throws(() => make({ mix: "text:0" }), /add up to zero/);
  assert.throws(() => make({ writes: 0.7, truncates: 0.7 }), /must not exceed 1/);
  const w = make({ rate: 7 });
  assert.equal(w.params.rate, 7);
  assert.equal(w.params.cache, WORKLOAD_DEFAULTS.pagecache.cache);
});

Deno.test("pagecache: the same seed gives the same run, another seed another", () => {
  const run = (seed: number) => {
    const s = sim(seed);
    s.mount("a");
    s.register("zcache");
    s.startWorkload("pagecache", { rate: 50, cache: 100 });
    s.advance(10);
    const { events: _e, ...rest } = s.snapshot();
    return JSON.stringify(rest);
  };
  assert.equal(run(4), run(4));
  assert.notEqual(run(4), run(5));
});

Deno.test("pagecache: a truncate or delete visits the file's own pages, not the whole cache", () => {
  const s = sim(3);
  s.mount("a");
  s.mount("b");
  s.register("zcache");
  const pages = 16;
  const w = new PagecacheWorkload({
    rate: 400,
    cache: 5000,
    files: 400,
    pages,
    skew: 0.3,
    truncates: 0.01,
    deletes: 0.01,
  });
  for (let i = 0; i < 30; i++) w.step(s);
  const drops = w.counters.truncates + w.counters.deletes;
  assert.ok(drops > 100, `${drops} truncates and deletes`);
  assert.ok(w.cachedPages > 3000, `the cache is large (${w.cachedPages} pages)`);
  // a scan of the cache would look at thousands of keys per drop
  assert.ok(
    w.counters.dropVisits <= drops * pages,
    `${w.counters.dropVisits} keys visited for ${drops} drops of ${pages}-page files`,
  );
  assert.equal(s.snapshot().integrity.stale_reads, 0);
  // an unmount visits that filesystem's files only
  const before = w.counters.dropVisits;
  s.umount("a");
  w.step(s);
  assert.ok(w.counters.dropVisits - before <= 400 * pages);
  assert.deepEqual(s.audit(), []);
});
