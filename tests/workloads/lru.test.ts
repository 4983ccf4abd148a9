import assert from "node:assert/strict";
import { LruMap } from "../../src/workloads/lru.ts";
import { Rng } from "../../src/rng.ts";

Deno.test("LruMap: oldest() follows an array model through touches, deletes, evictions, clears", () => {
  const rng = new Rng(9);
  const lru = new LruMap<number>();
  let model: [number, number][] = []; // oldest first
  for (let op = 0; op < 20_000; op++) {
    const u = rng.next();
    const key = rng.int(300);
    if (u < 0.55) {
      lru.touch(key, op);
      model = model.filter(([k]) => k !== key);
      model.push([key, op]);
    } else if (u < 0.7) {
      assert.equal(lru.delete(key), model.some(([k]) => k === key));
      model = model.filter(([k]) => k !== key);
    } else if (u < 0.98) {
      // peek twice (it stays), then evict it
      const first = lru.oldest();
      assert.deepEqual(first, model[0] ?? null);
      assert.deepEqual(lru.oldest(), first);
      if (first) {
        lru.delete(first[0]);
        model.shift();
      }
    } else {
      lru.clear();
      model = [];
    }
    assert.equal(lru.size, model.length);
  }
  assert.deepEqual([...lru.entries()], model);
});

Deno.test("LruMap: an emptied map, refilled, still finds its oldest entry", () => {
  const lru = new LruMap<string>();
  lru.touch(1, "a");
  assert.deepEqual(lru.oldest(), [1, "a"]);
  lru.delete(1);
  assert.equal(lru.oldest(), null);
  lru.touch(2, "b");
  lru.touch(3, "c");
  lru.touch(2, "b2"); // moved to the newest end
  assert.deepEqual(lru.oldest(), [3, "c"]);
});
