/**
 * The backend's struct-of-arrays page table: the open-addressing key index
 * (with backward-shift deletion) and the links agree with a plain Map model
 * under random inserts and deletes, through growth and rehashing.
 */
import assert from "node:assert/strict";
import { EntryTable, MAX_KEY, newLru, NIL } from "../../src/backends/entries.ts";
import { Rng } from "../../src/rng.ts";

Deno.test("entry table: key index matches a Map model under random inserts and deletes", () => {
  const rng = new Rng(7);
  const t = new EntryTable("cleancache");
  const lru = newLru();
  const model = new Map<string, number>();
  const key = (a: number, b: number, c: number) => `${a}/${b}/${c}`;
  for (let step = 0; step < 30_000; step++) {
    // few pools, inodes at both ends of the 32-bit range and indexes from a small range
    const a = rng.int(3), b = rng.int(2) * (MAX_KEY - 2) + rng.int(3), c = rng.int(40);
    const k = key(a, b, c);
    const found = t.find(a, b, c);
    assert.equal(found, model.get(k) ?? NIL, `find ${k} at step ${step}`);
    if (found === NIL) {
      const id = t.alloc(step, 0, 1, a, b, c);
      t.addKey(id);
      t.push(lru, id);
      model.set(k, id);
    } else if (rng.int(3) > 0) {
      t.removeKey(found);
      t.unlink(lru, found);
      t.release(found);
      model.delete(k);
    }
  }
  assert.equal(t.live, model.size);
  assert.equal(t.indexed, model.size);
  assert.equal(lru.size, model.size);
  for (const [k, id] of model) {
    const [a, b, c] = k.split("/").map(Number);
    assert.equal(t.find(a, b, c), id);
  }
  let n = 0;
  for (let e = lru.head; e !== NIL; e = t.next(e)) n++;
  assert.equal(n, model.size);
});

Deno.test("entry table: circular per-inode lists keep insertion order", () => {
  const t = new EntryTable("cleancache");
  const ids = [0, 1, 2, 3].map((i) => t.alloc(i, 0, 1, 0, 9, i));
  let head = NIL;
  for (const id of ids) head = t.inodeAppend(head, id);
  head = t.inodeRemove(head, ids[0]); // the head goes: the next one leads
  assert.equal(head, ids[1]);
  head = t.inodeRemove(head, ids[2]);
  const order: number[] = [];
  let e = head;
  do {
    order.push(e);
    e = t.inext(e);
  } while (e !== head);
  assert.deepEqual(order, [ids[1], ids[3]]);
  head = t.inodeRemove(head, ids[1]);
  assert.equal(t.inodeRemove(head, ids[3]), NIL);
});

Deno.test("entry table: a same-filled entry keeps its 64-bit word where a handle goes (size 0)", () => {
  const t = new EntryTable("cleancache");
  const stored = t.alloc(77, 123, 40, 0, 1, 2);
  const same = t.alloc(0x12345678, -1, 0, 0, 1, 3);
  assert.equal(t.isSameFilled(stored), false);
  assert.equal(t.handle(stored), 77);
  assert.equal(t.high(stored), 0, "a stored page has no high word");
  assert.equal(t.isSameFilled(same), true);
  assert.deepEqual([t.handle(same), t.high(same)], [0x12345678, -1]);
});

Deno.test("entry table: keys beyond 32 bits are refused, not truncated", () => {
  const t = new EntryTable("cleancache");
  assert.throws(() => t.alloc(1, 0, 1, 0, MAX_KEY + 1, 0), RangeError);
  assert.throws(() => t.alloc(1, 0, 1, 0, 0, MAX_KEY + 1), RangeError);
  assert.throws(() => t.alloc(1, 0, 1, 0, -1, 0), RangeError);
  assert.equal(t.live, 0);
  const id = t.alloc(1, 0, 1, 0, MAX_KEY, MAX_KEY);
  t.addKey(id);
  assert.equal(t.find(0, MAX_KEY, MAX_KEY), id);
  assert.equal(t.find(0, MAX_KEY - 1, MAX_KEY), NIL);
});

Deno.test("entry table: a frontswap table has 7-word rows, no key and no page index", () => {
  const sw = new EntryTable("frontswap"), lru = newLru();
  // neighbouring rows must not overwrite each other (a page index would be word 7: the next row)
  const ids = [0, 1, 2].map((i) => sw.alloc(100 + i, 0, 10 + i, ~i, 1000 + i, 77));
  for (const id of ids) sw.push(lru, id);
  assert.deepEqual(ids.map((id) => [sw.handle(id), sw.size(id), ~sw.owner(id), sw.object(id)]), [
    [100, 10, 0, 1000],
    [101, 11, 1, 1001],
    [102, 12, 2, 1002],
  ]);
  assert.deepEqual([lru.head, sw.next(ids[0]), sw.next(ids[1]), lru.tail], [0, 1, 2, 2]);
  assert.throws(() => sw.addKey(ids[0]), /no key/);
  // growth keeps every row
  for (let i = 3; i < 5000; i++) sw.alloc(i, 0, 1, -1, i, 0);
  assert.equal(sw.handle(ids[2]), 102);
  assert.equal(sw.object(4999), 4999);
  assert.ok(sw.capacity >= 5000);
});
