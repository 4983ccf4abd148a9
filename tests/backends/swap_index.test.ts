/**
 * Frontswap entries by (type, offset): the chunked index agrees with a Map
 * model under random sets and deletes over several types, frees a chunk
 * when its last entry goes, and refuses a double set or a delete of nothing.
 */
import assert from "node:assert/strict";
import { SwapIndex } from "../../src/backends/swap_index.ts";
import { Rng } from "../../src/rng.ts";

Deno.test("swap index: matches a Map model under random sets and deletes", () => {
  const rng = new Rng(11);
  const ix = new SwapIndex();
  const model = new Map<string, number>();
  for (let step = 0; step < 40_000; step++) {
    // offsets in a few chunks, including the top of the 32-bit range
    const type = rng.int(3);
    const offset = rng.int(2) === 0 ? rng.int(9000) : 0xffffffff - rng.int(5000);
    const k = `${type}/${offset}`;
    assert.equal(ix.get(type, offset), model.get(k) ?? -1, `get ${k} at step ${step}`);
    if (!model.has(k)) {
      ix.set(type, offset, step);
      model.set(k, step);
    } else if (rng.int(2) === 0) {
      ix.delete(type, offset);
      model.delete(k);
    }
  }
  assert.equal(ix.size, model.size);
  for (const [k, id] of model) {
    const [type, offset] = k.split("/").map(Number);
    assert.equal(ix.get(type, offset), id);
  }
});

Deno.test("swap index: an emptied chunk is forgotten and a second set or a stray delete throws", () => {
  const ix = new SwapIndex();
  ix.set(0, 5000, 7);
  ix.set(0, 5001, 9);
  assert.equal(ix.chunks, 1, "neighbouring offsets share a chunk");
  assert.throws(() => ix.set(0, 5000, 8), /taken/);
  assert.equal(ix.get(0, 5000), 7);
  ix.delete(0, 5000);
  assert.equal(ix.get(0, 5000), -1);
  assert.equal(ix.chunks, 1, "a chunk stays while it holds an entry");
  ix.delete(0, 5001);
  assert.equal(ix.chunks, 0, "the chunk went with its last entry");
  assert.throws(() => ix.delete(0, 5000), /holds nothing/);
  assert.throws(() => ix.delete(3, 1), /holds nothing/);
  assert.equal(ix.size, 0);
});
