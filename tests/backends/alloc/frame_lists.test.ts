/** src/backends/alloc/frame_lists.ts: intrusive lists of frame numbers (`list_head` in a zbud header). */
import assert from "node:assert/strict";
import fc from "fast-check";
import { FrameLists } from "../../../src/backends/alloc/frame_lists.ts";

/** Walk list `l` from its tail to its head through `prev`. */
function fromTail(f: FrameLists, l: number): number[] {
  const out: number[] = [];
  for (let x = f.last(l); x !== -1; x = f.prev(x)) out.unshift(x);
  return out;
}

Deno.test("list_add puts at the head, list_add_tail at the tail, list_del anywhere", () => {
  const f = new FrameLists(2);
  assert.equal(f.first(0), -1);
  assert.equal(f.last(0), -1);
  assert.equal(f.count(0), 0);
  f.addHead(0, 5);
  f.addHead(0, 3);
  f.addTail(0, 9);
  assert.deepEqual(fromTail(f, 0), [3, 5, 9]);
  assert.equal(f.first(0), 3);
  assert.equal(f.last(0), 9);
  assert.equal(f.count(0), 3);
  assert.equal(f.listOf(5), 0);
  assert.equal(f.listOf(1), -1);
  f.remove(5);
  assert.deepEqual(fromTail(f, 0), [3, 9]);
  assert.equal(f.listOf(5), -1);
  assert.equal(f.prev(5), -1, "a frame on no list has no neighbour");
  f.remove(5);
  assert.equal(f.count(0), 2, "removing a frame on no list is a no-op");
  f.addTail(0, 7);
  f.remove(7); // the tail of a list of three
  assert.equal(f.last(0), 9);
  assert.deepEqual(fromTail(f, 0), [3, 9]);
  f.remove(3);
  f.remove(9);
  assert.deepEqual([f.first(0), f.last(0), f.count(0)], [-1, -1, 0]);
});

Deno.test("lists are independent; a frame moves by remove then add", () => {
  const f = new FrameLists(3);
  f.addTail(0, 1);
  f.addTail(1, 2);
  f.addTail(2, 3);
  f.remove(2);
  f.addHead(0, 2);
  assert.deepEqual(fromTail(f, 0), [2, 1]);
  assert.deepEqual(fromTail(f, 1), []);
  assert.deepEqual(fromTail(f, 2), [3]);
  assert.equal(f.listOf(2), 0);
});

Deno.test("frame numbers beyond the initial capacity grow the arrays and keep the links", () => {
  const f = new FrameLists(1);
  f.addTail(0, 1);
  f.addTail(0, 100_000);
  f.addTail(0, 300);
  assert.deepEqual(fromTail(f, 0), [1, 100_000, 300]);
  assert.equal(f.listOf(100_000), 0);
  assert.equal(f.listOf(5_000_000), -1, "a frame past the arrays is on no list");
  f.remove(100_000);
  assert.deepEqual(fromTail(f, 0), [1, 300]);
});

Deno.test("any sequence of adds and removes matches a model of plain arrays", () => {
  type Op = { op: "head" | "tail" | "remove"; list: number; frame: number };
  const opArb: fc.Arbitrary<Op> = fc.record({
    op: fc.constantFrom("head" as const, "tail" as const, "remove" as const),
    list: fc.nat(3),
    // few frames, so that removes and moves hit frames that are on a list
    frame: fc.nat(40),
  });
  fc.assert(
    fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
      const f = new FrameLists(4);
      const model: number[][] = [[], [], [], []];
      const where = new Map<number, number>();
      for (const { op, list, frame } of ops) {
        if (op === "remove" || where.has(frame)) {
          // each frame is on at most one list: take it off first
          f.remove(frame);
          const l = where.get(frame);
          if (l !== undefined) model[l].splice(model[l].indexOf(frame), 1);
          where.delete(frame);
          if (op === "remove") continue;
        }
        if (op === "head") {
          f.addHead(list, frame);
          model[list].unshift(frame);
        } else {
          f.addTail(list, frame);
          model[list].push(frame);
        }
        where.set(frame, list);
      }
      for (let l = 0; l < 4; l++) {
        assert.deepEqual(fromTail(f, l), model[l]);
        assert.equal(f.count(l), model[l].length);
        assert.equal(f.first(l), model[l].length ? model[l][0] : -1);
        assert.equal(f.last(l), model[l].length ? model[l][model[l].length - 1] : -1);
      }
      for (let x = 0; x <= 600; x++) assert.equal(f.listOf(x), where.get(x) ?? -1);
    }),
    { numRuns: 200 },
  );
});
