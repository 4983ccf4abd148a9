/**
 * The shared open-addressing key table: under random inserts and removes it
 * finds exactly what a Map model holds, through growth, with hashes chosen
 * to collide (few home slots, equal tags) so that probing, tag filtering
 * and backward-shift deletion are all exercised; it stays at most 70% full.
 */
import assert from "node:assert/strict";
import { KeySlots, tagOf } from "../src/key_slots.ts";
import { Rng } from "../src/rng.ts";

/** A record's key is its number; its hash puts many records on few homes and few tags. */
const hashOf = (id: number) => (((id % 7) * 0x01000000) | ((id * 2654435761) & 0x3f)) >>> 0;

function find(k: KeySlots, id: number): boolean {
  const h = hashOf(id), mask = k.slots.length - 1;
  for (let i = h & mask;; i = (i + 1) & mask) {
    if (k.slots[i] === 0) return false;
    if (k.tags[i] === tagOf(h) && k.slots[i] - 1 === id) return true;
  }
}

Deno.test("key slots: agree with a Set model under random inserts and removes", () => {
  const rng = new Rng(5);
  const k = new KeySlots();
  const model = new Set<number>();
  for (let step = 0; step < 30_000; step++) {
    const id = rng.int(3000);
    assert.equal(find(k, id), model.has(id), `find ${id} at step ${step}`);
    if (!model.has(id)) {
      k.insert(id, hashOf(id), hashOf);
      model.add(id);
    } else if (rng.int(2) === 0) {
      k.remove(id, hashOf(id), hashOf);
      model.delete(id);
    }
    assert.ok(k.count <= k.slots.length * 0.7, "at most 70% full");
  }
  assert.equal(k.count, model.size);
  for (let id = 0; id < 3000; id++) assert.equal(find(k, id), model.has(id), `final ${id}`);
  let held = 0;
  for (const s of k.slots) if (s !== 0) held++;
  assert.equal(held, model.size, "no stray slot left by a removal");
});
