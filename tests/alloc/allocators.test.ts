import assert from "node:assert/strict";
import fc from "fast-check";
import { PageAllocator, ZbudAllocator, ZsmallocAllocator } from "../../src/alloc/mod.ts";
import type { Allocator } from "../../src/alloc/mod.ts";

Deno.test("zbud packs at most two objects per frame", () => {
  const z = new ZbudAllocator();
  const hs = [];
  for (let i = 0; i < 10; i++) hs.push(z.alloc(100, 0));
  assert.equal(z.frames, 5);
  const big = new ZbudAllocator();
  big.alloc(3000, 0);
  big.alloc(3000, 0);
  assert.equal(big.frames, 2, "two 3000-byte objects cannot share a frame");
  big.alloc(900, 0);
  assert.equal(big.frames, 2, "a 900-byte object fits beside a 3000-byte one");
  for (const h of hs) z.free(h, 100);
  assert.equal(z.frames, 0);
  assert.equal(z.alloc(4033, 0), -1, "larger than a frame less its header");
});

Deno.test("zsmalloc packs small objects densely by size class", () => {
  const z = new ZsmallocAllocator();
  for (let i = 0; i < 100; i++) z.alloc(1000, 0);
  // 1008-byte class: about 4 objects per frame
  assert.ok(z.frames <= 26, `frames ${z.frames}`);
  const zb = new ZbudAllocator();
  for (let i = 0; i < 100; i++) zb.alloc(1000, 0);
  assert.equal(zb.frames, 50);
});

Deno.test("allocators honour maxFrames", () => {
  for (const a of [new ZbudAllocator(), new ZsmallocAllocator(), new PageAllocator()]) {
    let n = 0;
    while (a.alloc(2000, 3) >= 0) n++;
    assert.ok(a.frames <= 3, a.name);
    assert.ok(n >= 3, a.name);
  }
});

function exercise(make: () => Allocator) {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 4000 }), fc.nat()), {
        maxLength: 300,
        size: "max",
      }),
      (steps) => {
        const a = make();
        const live = new Map<number, { size: number; byte: number }>();
        let k = 0;
        for (const [doAlloc, size, pick] of steps) {
          if (doAlloc || live.size === 0) {
            if (size > a.maxSize) continue;
            const h = a.alloc(size, 0);
            assert.ok(h >= 0);
            assert.ok(!live.has(h), "handle handed out twice");
            const byte = (k++ % 250) + 1;
            a.view(h, size).fill(byte);
            live.set(h, { size, byte });
          } else {
            const h = [...live.keys()][pick % live.size];
            a.free(h, live.get(h)!.size);
            live.delete(h);
          }
          // nothing overwrote anything else
          for (const [h, { size, byte }] of live) {
            const v = a.view(h, size);
            assert.ok(v[0] === byte && v[size - 1] === byte, `${a.name}: object ${h} overwritten`);
          }
        }
        const bytes = [...live.values()].reduce((n, o) => n + o.size, 0);
        assert.ok(a.frames * 4096 >= bytes);
        for (const [h, o] of live) a.free(h, o.size);
        assert.equal(a.frames, 0, `${a.name}: frames leaked`);
      },
    ),
    { numRuns: 60, seed: 1 },
  );
}

Deno.test("zbud: random alloc/free never overlaps objects and frees every frame", () =>
  exercise(() => new ZbudAllocator()));
Deno.test("zsmalloc: random alloc/free never overlaps objects and frees every frame", () =>
  exercise(() => new ZsmallocAllocator()));
Deno.test("page allocator: random alloc/free never overlaps objects", () =>
  exercise(() => new PageAllocator()));
