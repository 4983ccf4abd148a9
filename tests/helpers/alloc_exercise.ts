/**
 * Random alloc/free over an allocator: after every step every byte of every
 * live object is still its own (no overlap, nothing moved wrongly), and at
 * the end every frame is returned.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Allocator } from "../../src/backends/alloc/mod.ts";
import { PAGE_SIZE } from "../../src/content.ts";

/** Fill object k with a pattern that differs at every byte and between objects. */
export function pattern(k: number, i: number): number {
  return (k * 131 + i * 7 + (i >> 8)) & 0xff;
}

export function exercise(make: () => Allocator) {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: PAGE_SIZE }), fc.nat()), {
        maxLength: 200,
        size: "max",
      }),
      (steps) => {
        const a = make();
        const live = new Map<number, { size: number; k: number }>();
        let k = 0;
        for (const [doAlloc, size, pick] of steps) {
          if (doAlloc || live.size === 0) {
            if (size > a.maxSize) continue;
            const h = a.alloc(size, 0);
            assert.ok(h >= 0);
            assert.ok(!live.has(h), "handle handed out twice");
            const v = a.view(h, size);
            const id = k++;
            for (let i = 0; i < size; i++) v[i] = pattern(id, i);
            live.set(h, { size, k: id });
          } else {
            const h = [...live.keys()][pick % live.size];
            a.free(h, live.get(h)!.size);
            live.delete(h);
          }
          // every byte of every live object is still its own
          for (const [h, o] of live) {
            const v = a.view(h, o.size);
            for (let i = 0; i < o.size; i++) {
              if (v[i] !== pattern(o.k, i)) {
                assert.fail(`${a.name}: object ${h} byte ${i} of ${o.size} overwritten`);
              }
            }
          }
        }
        const bytes = [...live.values()].reduce((n, o) => n + o.size, 0);
        assert.ok(a.frames * PAGE_SIZE >= bytes);
        for (const [h, o] of live) a.free(h, o.size);
        assert.equal(a.frames, 0, `${a.name}: frames leaked`);
      },
    ),
    { numRuns: 40, seed: 1 },
  );
}
