import assert from "node:assert/strict";
import { evaluateExpect, resolvePath, StatsPathError } from "../../src/command/mod.ts";

const stats = {
  tick: 5,
  regime: "fake-poolid",
  cleancache: { succ_gets: 3, pending: ["home", "var"], uncached: [] },
  frontswap: { active: [0, 2] },
  backend: null,
  integrity: { stale_reads: 0 },
  superblocks: [{ name: "home", pages: 7 }, { name: "var", pages: 0 }],
  swapTypes: [{ type: 2, pages: 4 }],
};

Deno.test("paths reach groups, fields, list lengths and named elements", () => {
  assert.deepEqual(resolvePath(stats, "cleancache.succ_gets"), { found: true, value: 3 });
  assert.deepEqual(resolvePath(stats, "cleancache.pending.length"), { found: true, value: 2 });
  assert.deepEqual(resolvePath(stats, "cleancache.pending.1"), { found: true, value: "var" });
  assert.deepEqual(resolvePath(stats, "superblocks.home.pages"), { found: true, value: 7 });
  assert.deepEqual(resolvePath(stats, "swapTypes.2.pages"), { found: true, value: 4 });
  assert.deepEqual(resolvePath(stats, "backend"), { found: true, value: null });
  assert.equal(resolvePath(stats, "backend.stored_pages").found, false);
  assert.equal(resolvePath(stats, "superblocks.srv.pages").found, false);
});

Deno.test("an unknown field is a path error listing the fields there", () => {
  assert.throws(() => resolvePath(stats, "cleancache.hits"), (e: unknown) => {
    assert.ok(e instanceof StatsPathError);
    assert.match(
      e.message,
      /cleancache has no field "hits" \(fields: succ_gets, pending, uncached\)/,
    );
    return true;
  });
  assert.throws(() => resolvePath(stats, "tick.x"), StatsPathError);
  assert.throws(() => resolvePath(stats, "a..b"), StatsPathError);
});

Deno.test("comparisons: equality is deep, ordering needs numbers", () => {
  const ev = (p: string, op: "==" | "!=" | "<" | "<=" | ">" | ">=", v: unknown) =>
    evaluateExpect(stats, p, op, v as never).pass;
  assert.equal(ev("cleancache.succ_gets", "==", 3), true);
  assert.equal(ev("cleancache.succ_gets", "!=", 3), false);
  assert.equal(ev("cleancache.succ_gets", "<", 4), true);
  assert.equal(ev("cleancache.succ_gets", "<=", 2), false);
  assert.equal(ev("cleancache.succ_gets", ">", 2), true);
  assert.equal(ev("cleancache.succ_gets", ">=", 3), true);
  assert.equal(ev("cleancache.pending", "==", ["home", "var"]), true);
  assert.equal(ev("cleancache.pending", "==", ["var", "home"]), false);
  assert.equal(ev("cleancache.uncached", "==", []), true);
  assert.equal(ev("regime", "==", "fake-poolid"), true);
  assert.equal(ev("backend", "==", null), true);
  assert.equal(ev("backend.stored_pages", "==", 0), false);
  assert.equal(ev("backend.stored_pages", "!=", 0), true);
  assert.throws(() => ev("regime", ">", 1), /regime is not a number/);
  assert.throws(() => ev("tick", ">", "x"), /needs a number/);
});
