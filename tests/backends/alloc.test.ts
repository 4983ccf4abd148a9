/**
 * Allocators: packing rules from their sources (mm/zbud.c `zbud_alloc`,
 * staging zcache zbud.c `zbud_match_prep`, zsmalloc size classes), limits,
 * reclaim order, and under random alloc/free every byte of every live object
 * intact (no overlap) and every frame returned.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  PageAllocator,
  ZbudAllocator,
  ZcacheZbudAllocator,
  ZsmallocAllocator,
} from "../../src/backends/alloc/mod.ts";
import type { Allocator } from "../../src/backends/alloc/mod.ts";
import { PAGE_SIZE } from "../../src/content.ts";

Deno.test("zbud (mm/zbud.c): at most two objects per frame, objects up to 3968 bytes", () => {
  const z = new ZbudAllocator();
  // zbud_alloc: size > PAGE_SIZE - ZHDR_SIZE_ALIGNED - CHUNK_SIZE -> -ENOSPC
  assert.equal(z.maxSize, 3968);
  const hs = [];
  for (let i = 0; i < 10; i++) hs.push(z.alloc(100, 0));
  assert.equal(z.frames, 5);
  const big = new ZbudAllocator();
  big.alloc(3000, 0);
  big.alloc(3000, 0);
  assert.equal(big.frames, 2, "two 3000-byte objects cannot share a frame");
  big.alloc(960, 0);
  assert.equal(big.frames, 2, "15 chunks fit beside 47 in 63");
  big.alloc(1024, 0);
  assert.equal(big.frames, 2, "16 chunks fit the other frame's 16 free chunks");
  big.alloc(65, 0);
  assert.equal(big.frames, 3, "both frames are buddied now");
  for (const h of hs) z.free(h, 100);
  assert.equal(z.frames, 0);
});

Deno.test("staging zcache zbud: 64 chunks, objects up to 4032 bytes", () => {
  const z = new ZcacheZbudAllocator();
  // zbud_max_size(): MAX_CHUNK << CHUNK_SHIFT
  assert.equal(z.maxSize, 4032);
  z.alloc(2048, 0);
  z.alloc(2048, 0);
  assert.equal(z.frames, 1, "32 + 32 chunks fill one 64-chunk frame (no in-page header)");
  const m = new ZbudAllocator();
  m.alloc(2048, 0);
  m.alloc(2048, 0);
  assert.equal(m.frames, 2, "mm/zbud has only 63 chunks after its header");
});

Deno.test("zbud reclaim takes the frame allocated into least recently (zbud_reclaim_page)", () => {
  const z = new ZbudAllocator();
  const a = z.alloc(3000, 0); // frame A
  const b = z.alloc(3000, 0); // frame B
  const c = z.alloc(500, 0); // beside A or B: moves that frame to the LRU head
  const frameOf = (h: number) => h >> 1;
  const cand = z.reclaimCandidates()!;
  const other = frameOf(c) === frameOf(a) ? b : a;
  assert.deepEqual(cand, [other], "the frame not touched since is reclaimed first");
  const s = new ZcacheZbudAllocator();
  const x = s.alloc(3000, 0);
  s.alloc(3000, 0);
  assert.deepEqual(s.reclaimCandidates(), [x], "staging: the oldest frame is at the LRU head");
  assert.equal(new ZsmallocAllocator().reclaimCandidates(), null, "zsmalloc is not evictable");
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

Deno.test("allocators honour maxFrames (negative: no new frame at all)", () => {
  const all = () => [
    new ZbudAllocator(),
    new ZcacheZbudAllocator(),
    new ZsmallocAllocator(),
    new PageAllocator(),
  ];
  for (const a of all()) {
    let n = 0;
    while (a.alloc(2000, 3) >= 0) n++;
    assert.ok(a.frames <= 3, a.name);
    assert.ok(n >= 3, a.name);
  }
  for (const a of all()) assert.equal(a.alloc(100, -1), -1, a.name);
});

/** Fill object k with a pattern that differs at every byte and between objects. */
function pattern(k: number, i: number): number {
  return (k * 131 + i * 7 + (i >> 8)) & 0xff;
}

function exercise(make: () => Allocator) {
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

Deno.test("zbud: random alloc/free never overlaps objects and frees every frame", () =>
  exercise(() => new ZbudAllocator()));
Deno.test("staging zcache zbud: random alloc/free never overlaps objects", () =>
  exercise(() => new ZcacheZbudAllocator()));
Deno.test("zsmalloc: random alloc/free never overlaps objects and frees every frame", () =>
  exercise(() => new ZsmallocAllocator()));
Deno.test("page allocator: random alloc/free never overlaps objects", () =>
  exercise(() => new PageAllocator()));
