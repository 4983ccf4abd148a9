/** src/rng.ts: the seeded sfc32 generator every random choice of the core comes from. */
import assert from "node:assert/strict";
import { hash32, Rng } from "../src/rng.ts";

Deno.test("rng: seeded, uniform enough, zipf skewed to low ranks", () => {
  const a = new Rng(5), b = new Rng(5);
  for (let i = 0; i < 100; i++) assert.equal(a.nextU32(), b.nextU32());
  const r = new Rng(1);
  const counts = new Array(10).fill(0);
  for (let i = 0; i < 10000; i++) counts[r.zipf(10, 1)]++;
  assert.ok(counts[0] > counts[9] * 3);
  for (let i = 0; i < 1000; i++) {
    const x = r.int(7);
    assert.ok(x >= 0 && x < 7);
  }
  assert.notEqual(hash32(1, 2), hash32(2, 1));
});

Deno.test("rng: different seeds give different streams; a seed is taken as unsigned 32 bits", () => {
  const draw = (seed: number) =>
    Array.from({ length: 8 }, ((r) => () => r.nextU32())(new Rng(seed)));
  assert.notDeepEqual(draw(1), draw(2));
  assert.deepEqual(draw(-1), draw(0xffffffff));
  for (const x of draw(3)) assert.ok(Number.isInteger(x) && x >= 0 && x < 2 ** 32);
});

Deno.test("rng: next() in [0, 1), int(n) in [0, n) and every value reached about evenly", () => {
  const r = new Rng(42);
  const n = 10, draws = 20_000;
  const counts = new Array(n).fill(0);
  for (let i = 0; i < draws; i++) {
    const f = r.next();
    assert.ok(f >= 0 && f < 1);
    const k = r.int(n);
    assert.ok(Number.isInteger(k) && k >= 0 && k < n, `${k}`);
    counts[k]++;
  }
  for (const c of counts) assert.ok(Math.abs(c - draws / n) < draws / n * 0.1, `${counts}`);
});

Deno.test("rng: chance(p) is true with probability p (never at 0, always at 1)", () => {
  const r = new Rng(7);
  let yes = 0;
  for (let i = 0; i < 10_000; i++) {
    assert.equal(r.chance(0), false);
    assert.equal(r.chance(1), true);
    if (r.chance(0.25)) yes++;
  }
  assert.ok(yes > 2200 && yes < 2800, `${yes}`);
});

Deno.test("rng: pick returns an element and reaches each", () => {
  const r = new Rng(9);
  const items = ["a", "b", "c"] as const;
  const seen = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const x = r.pick(items);
    assert.ok(items.includes(x));
    seen.add(x);
  }
  assert.equal(seen.size, 3);
});

Deno.test("rng: zipf stays in [0, n), n <= 1 gives 0, a larger skew concentrates more on rank 0", () => {
  const r = new Rng(11);
  assert.equal(r.zipf(1, 1), 0);
  assert.equal(r.zipf(0, 0.5), 0);
  const share0 = (s: number) => {
    let zero = 0;
    for (let i = 0; i < 10_000; i++) {
      const k = r.zipf(100, s);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 100, `${k} for s=${s}`);
      if (k === 0) zero++;
    }
    return zero;
  };
  const flat = share0(0), mild = share0(0.8), one = share0(1), steep = share0(2);
  assert.ok(flat < 300, `s=0 is about uniform: ${flat}`);
  assert.ok(flat < mild && mild < one && one < steep, `${flat} ${mild} ${one} ${steep}`);
  // Rank weights 1/(r+1)^s: with s=1 rank 0 is drawn about twice as often as rank 1.
  const counts = [0, 0];
  for (let i = 0; i < 20_000; i++) {
    const k = r.zipf(1000, 1);
    if (k < 2) counts[k]++;
  }
  assert.ok(counts[0] > counts[1] * 1.5 && counts[0] < counts[1] * 3, `${counts}`);
});

Deno.test("hash32: a pure, order-sensitive 32-bit mix", () => {
  assert.equal(hash32(1, 2, 3), hash32(1, 2, 3));
  assert.notEqual(hash32(1, 2, 3), hash32(1, 3, 2));
  assert.notEqual(hash32(0), hash32());
  const seen = new Set<number>();
  for (let i = 0; i < 5000; i++) {
    const h = hash32(i, 7);
    assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 32);
    seen.add(h);
  }
  assert.equal(seen.size, 5000, "no collisions over small consecutive inputs");
});
