/** tui/history.ts: samples of snapshots over time, per-second rates, and the sparkline series. */
import assert from "node:assert/strict";
import { COUNTERS, History, HISTORY_TICKS } from "../../tui/history.ts";
import { TICK_MS } from "../../tui/constants.ts";
import { createSession } from "../../src/command/create.ts";
import type { Snapshot } from "../../src/snapshot.ts";

/** A real snapshot with a backend registered, to vary field by field. */
const BASE: Snapshot = (() => {
  const s = createSession({ simulation: { seed: 4 } });
  for (const l of ["mount home", "swapon 0", "register zcache", "put home 1 1"]) s.execute(l);
  return s.snapshot();
})();

function snap(
  tick: number,
  cc: { hits?: number; misses?: number; puts?: number } = {},
  extra: { seed?: number; evicted?: number; backend?: boolean } = {},
): Snapshot {
  const s = structuredClone(BASE);
  s.tick = tick;
  s.seed = extra.seed ?? s.seed;
  s.cleancache.succ_gets = cc.hits ?? 0;
  s.cleancache.failed_gets = cc.misses ?? 0;
  s.cleancache.puts = cc.puts ?? 0;
  if (extra.backend === false) s.backend = null;
  else s.backend!.evicted_pages = extra.evicted ?? 0;
  return s;
}

Deno.test("COUNTERS: the debugfs names of cleancache and frontswap, read from a snapshot", () => {
  assert.deepEqual(COUNTERS.map((c) => `${c.group}/${c.name}`), [
    "cleancache/succ_gets",
    "cleancache/failed_gets",
    "cleancache/puts",
    "cleancache/invalidates",
    "frontswap/succ_stores",
    "frontswap/failed_stores",
    "frontswap/loads",
    "frontswap/invalidates",
  ]);
  const s = snap(1, { hits: 3, misses: 4, puts: 5 });
  assert.deepEqual(COUNTERS.slice(0, 3).map((c) => c.get(s)), [3, 4, 5]);
});

Deno.test("push: one sample per tick; time going back or another seed starts afresh", () => {
  const h = new History();
  h.push(snap(1));
  h.push(snap(1, { puts: 9 }));
  assert.equal(h.samples.length, 1, "the same tick again is ignored");
  h.push(snap(2));
  h.push(snap(5));
  assert.deepEqual(h.samples.map((x) => x.tick), [1, 2, 5]);
  h.push(snap(3));
  assert.deepEqual(h.samples.map((x) => x.tick), [3], "time went back");
  h.push(snap(4, {}, { seed: 99 }));
  assert.deepEqual(h.samples.map((x) => x.tick), [4], "another seed");
  h.clear();
  assert.equal(h.samples.length, 0);
});

Deno.test("rate: counter change per simulated second over the window; null before two samples", () => {
  const h = new History(100, 10);
  assert.equal(h.rate(2), null);
  h.push(snap(0, { puts: 0 }));
  assert.equal(h.rate(2), null);
  h.push(snap(5, { puts: 50 }));
  // 50 puts in 5 ticks of TICK_MS
  assert.equal(h.rate(2), 50 / ((5 * TICK_MS) / 1000));
  for (let t = 6; t <= 30; t++) h.push(snap(t, { puts: t * 10 + (t > 20 ? (t - 20) * 90 : 0) }));
  // the window: from the newest sample at least 10 ticks before the last (tick 20) to tick 30
  // puts: 1200 at tick 30, 200 at tick 20
  assert.equal(h.rate(2), (1200 - 200) / ((10 * TICK_MS) / 1000));
});

Deno.test("hit ratio: hits over gets since the previous sample (NaN without gets)", () => {
  const h = new History();
  h.push(snap(1, { hits: 1, misses: 3 }));
  h.push(snap(2, { hits: 1, misses: 3 }));
  h.push(snap(3, { hits: 7, misses: 5 }));
  const r = h.series("hitRatio");
  assert.equal(r[0], 0.25, "the first sample: totals");
  assert.ok(Number.isNaN(r[1]), "no gets in between");
  assert.equal(r[2], 6 / 8);
});

Deno.test("evictions: summed across registrations (the backend's counter restarts)", () => {
  const h = new History();
  h.push(snap(1, {}, { evicted: 5 }));
  h.push(snap(2, {}, { evicted: 8 }));
  h.push(snap(3, {}, { backend: false }));
  h.push(snap(4, {}, { evicted: 2 }));
  assert.deepEqual(h.samples.map((s) => s.g.evictions), [5, 8, 8, 10]);
  assert.deepEqual(h.samples.map((s) => s.stored), [1, 1, 0, 1]);
  assert.ok(Number.isNaN(h.samples[2].compRatio), "no backend: no ratio");
  assert.equal(h.samples[2].g.poolFrames, 0);
});

Deno.test("bounded: at most `capacity` samples and HISTORY_TICKS of simulated time", () => {
  const h = new History(5);
  for (let t = 1; t <= 12; t++) h.push(snap(t));
  assert.deepEqual(h.samples.map((s) => s.tick), [8, 9, 10, 11, 12]);
  const long = new History(1000);
  for (let t = 0; t <= 3 * HISTORY_TICKS; t += HISTORY_TICKS / 4) long.push(snap(t));
  const ticks = long.samples.map((s) => s.tick);
  assert.equal(ticks.at(-1), 3 * HISTORY_TICKS);
  assert.equal(ticks[0], 2 * HISTORY_TICKS, "older than HISTORY_TICKS before the newest: dropped");
});

Deno.test("series: the last n values of one field", () => {
  const h = new History();
  for (let t = 1; t <= 10; t++) h.push(snap(t));
  assert.deepEqual(h.series("stored", 3), [1, 1, 1]);
  assert.equal(h.series("stored").length, 10);
  assert.equal(h.series("compRatio", 4).length, 4);
});
