import assert from "node:assert/strict";
import { compareRegimes, createSession, formatCompareText } from "../../src/command/mod.ts";

const SCRIPT = [
  "regime eager # ignored by compare",
  "mount root",
  "swapon 0 slots=64",
  "put root 1 1",
  "register zcache",
  "mount home",
  "put root 1 2",
  "put home 1 2",
  "get root 1 2",
  "get home 1 2",
  "store 0 1",
  "expect cleancache.succ_gets == 99 # skipped",
  "stats",
];

Deno.test("compare runs the same work in the three regimes", () => {
  const cols = compareRegimes(SCRIPT, 1);
  assert.deepEqual(cols.map((c) => c.regime), ["eager", "fake-poolid", "deferred"]);
  const [eager, fake, deferred] = cols;
  for (const c of cols) assert.equal(c.errors, 0, c.errorResults.map((r) => r.error).join());
  // eager: root was mounted before the backend and stays uncached.
  assert.deepEqual(eager.stats.cleancache.uncached, ["root"]);
  assert.equal(eager.stats.cleancache.succ_gets, 1);
  assert.equal(eager.stats.frontswap.succ_stores, 0);
  // the lazy regimes pick root and swap type 0 up at registration.
  for (const c of [fake, deferred]) {
    assert.deepEqual(c.stats.cleancache.uncached, []);
    assert.equal(c.stats.cleancache.succ_gets, 2);
    assert.equal(c.stats.frontswap.succ_stores, 1);
  }
  const text = formatCompareText(cols);
  const header = text.split("\n")[0];
  assert.match(header, /^counter\s+eager\s+fake-poolid\s+deferred$/);
  assert.match(text, /\ncleancache\.succ_gets\s+1\s+2\s+2\n/);
  assert.match(text, /\nerrors\s+0\s+0\s+0$/);
});

Deno.test("the compare command replays the session so far and changes nothing", () => {
  const s = createSession({ simulation: { seed: 3 } });
  for (const l of SCRIPT.slice(1, 11)) assert.equal(s.execute(l).ok, true);
  const before = JSON.stringify(s.execute("stats").stats);
  const r = s.execute("compare");
  assert.equal(r.ok, true, r.error);
  const cols = r.data!.columns as {
    regime: string;
    stats: { cleancache: { succ_gets: number } };
  }[];
  assert.deepEqual(cols.map((c) => c.stats.cleancache.succ_gets), [1, 2, 2]);
  // The deferred column is this very session replayed.
  assert.equal(
    JSON.stringify(cols[2].stats),
    before,
  );
  assert.equal(JSON.stringify(s.execute("stats").stats), before);
});
