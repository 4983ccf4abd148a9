/**
 * z3fold (mm/z3fold.c, 5.10): three buddies per frame after a 128-byte
 * header, headless frames for big objects, in-page and inter-page
 * compaction on free, reclaim from the LRU tail skipping frames with foreign
 * handles; and under random alloc/free every byte of every live object
 * intact (compaction moves bytes) and every frame returned.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  FIRST,
  HEADLESS,
  LAST,
  MIDDLE,
  Z3FOLD_HEADER_SIZE,
  Z3FOLD_MAX_BUDDY,
  Z3FOLD_NCHUNKS,
  Z3foldAllocator,
} from "../../../src/backends/alloc/z3fold.ts";
import { PAGE_SIZE } from "../../../src/content.ts";

Deno.test("z3fold: 128-byte header (2 chunks), 62 chunks, headless above 3904 bytes", () => {
  // ZHDR_SIZE_ALIGNED = round_up(sizeof(struct z3fold_header) = 88, 64); NCHUNKS
  assert.equal(Z3FOLD_HEADER_SIZE, 128);
  assert.equal(Z3FOLD_NCHUNKS, 62);
  // z3fold_alloc: size > PAGE_SIZE - ZHDR_SIZE_ALIGNED - CHUNK_SIZE -> HEADLESS
  assert.equal(Z3FOLD_MAX_BUDDY, 3904);
  const z = new Z3foldAllocator();
  assert.equal(z.maxSize, PAGE_SIZE, "z3fold_alloc: -ENOSPC only above PAGE_SIZE");
  const h = z.alloc(3905, 0);
  assert.deepEqual(z.locate(h), [z.locate(h)[0], HEADLESS]);
  z.alloc(100, 0);
  assert.equal(z.frames, 2, "a headless frame takes no second object");
  z.free(h, 3905);
  assert.equal(z.frames, 1);
});

Deno.test("z3fold: first, last, then middle in one frame (z3fold_alloc's buddy choice)", () => {
  const z = new Z3foldAllocator();
  const a = z.alloc(1000, 0); // 16 chunks, new frame: FIRST
  const b = z.alloc(1000, 0); // unbuddied (46 free): LAST
  const c = z.alloc(1000, 0); // first and last used: MIDDLE at first + 2
  assert.equal(z.frames, 1, "three 1000-byte objects share one frame (zbud: two)");
  assert.deepEqual([a, b, c].map((h) => z.locate(h)[1]), [FIRST, LAST, MIDDLE]);
  const f = z.locate(a)[0];
  assert.deepEqual(z.layout(f), { first: 16, middle: 16, last: 16, startMiddle: 18 });
  z.alloc(100, 0);
  assert.equal(z.frames, 2, "a frame with three buddies is on no unbuddied list");
  // z3fold_map's offsets keep the three apart: each keeps its own bytes
  [a, b, c].forEach((h, i) => z.view(h, 1000).fill(i + 1));
  [a, b, c].forEach((h, i) => assert.ok(z.view(h, 1000).every((x) => x === i + 1)));
});

Deno.test("z3fold: freeing first and last moves the middle object to the front (z3fold_compact_page)", () => {
  const z = new Z3foldAllocator();
  const a = z.alloc(1000, 0);
  const b = z.alloc(1000, 0);
  const c = z.alloc(1000, 0);
  z.alloc(3000, 0); // a second frame, too full to take c (only 15 chunks free)
  const v = z.view(c, 1000);
  for (let i = 0; i < 1000; i++) v[i] = i & 0xff;
  z.free(a, 1000); // first gone, middle and last remain: no gap rule applies
  z.free(b, 1000); // middle alone, no room elsewhere: compacted in place to FIRST
  assert.equal(z.locate(c)[1], FIRST);
  const w = z.view(c, 1000);
  for (let i = 0; i < 1000; i++) assert.equal(w[i], i & 0xff, `byte ${i} moved intact`);
});

Deno.test("z3fold: a lone object moves to another frame with room (compact_single_buddy)", () => {
  const z = new Z3foldAllocator();
  const a = z.alloc(500, 0);
  const b = z.alloc(500, 0); // same frame, LAST
  const x = z.alloc(3000, 0); // 47 chunks: the first frame has 46 free -> a new frame
  assert.equal(z.frames, 2);
  const v = z.view(x, 3000);
  for (let i = 0; i < 3000; i++) v[i] = (i * 7) & 0xff;
  // free a and b's frame to one object: b alone, without foreign handles, moves to x's frame?
  // x's frame has 62 - 47 = 15 free chunks, b needs 8: it moves there and its frame is freed
  z.free(a, 500);
  assert.equal(z.frames, 1, "the emptied frame was freed");
  assert.equal(z.locate(b)[0], z.locate(x)[0]);
  // the frame now holds a foreign handle: reclaim skips it
  assert.equal(
    z.reclaimCandidates(),
    null,
    "z3fold_reclaim_page skips frames with foreign handles",
  );
  const w = z.view(x, 3000);
  for (let i = 0; i < 3000; i++) assert.equal(w[i], (i * 7) & 0xff);
  z.free(b, 500);
  assert.deepEqual(z.reclaimCandidates(), [x], "no foreign handle left: evictable again");
  z.free(x, 3000);
  assert.equal(z.frames, 0);
});

Deno.test("z3fold reclaim: the LRU tail, objects in middle, first, last order", () => {
  const z = new Z3foldAllocator();
  const a = z.alloc(1000, 0);
  const b = z.alloc(1000, 0);
  const c = z.alloc(1000, 0);
  const d = z.alloc(3905, 0); // headless, now at the LRU head
  assert.deepEqual(z.reclaimCandidates(), [c, a, b]);
  // the claimed frame does not compact while its objects are evicted
  z.free(c, 1000);
  z.free(a, 1000);
  assert.equal(z.locate(b)[1], LAST);
  z.free(b, 1000);
  assert.equal(z.frames, 1);
  assert.deepEqual(z.reclaimCandidates(), [d]);
  z.free(d, 3905);
  assert.equal(z.frames, 0);
  assert.equal(z.reclaimCandidates(), null);
});

Deno.test("z3fold honours maxFrames (negative: no new frame at all)", () => {
  const z = new Z3foldAllocator();
  let n = 0;
  while (z.alloc(1200, 2) >= 0) n++;
  assert.equal(z.frames, 2);
  assert.equal(n, 6, "three 19-chunk objects per frame (57 of 62 chunks)");
  assert.equal(new Z3foldAllocator().alloc(100, -1), -1);
});

function pattern(k: number, i: number): number {
  return (k * 131 + i * 7 + (i >> 8)) & 0xff;
}

Deno.test("z3fold: random alloc/free/reclaim never overlaps or loses a byte and frees every frame", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: PAGE_SIZE }), fc.nat()),
        { maxLength: 200, size: "max" },
      ),
      (steps) => {
        const z = new Z3foldAllocator();
        const live = new Map<number, { size: number; k: number }>();
        let k = 0;
        for (const [what, size, pick] of steps) {
          if (what < 5 || live.size === 0) {
            const h = z.alloc(size, 0);
            assert.ok(h >= 0);
            assert.ok(!live.has(h), "handle handed out twice");
            const v = z.view(h, size);
            const id = k++;
            for (let i = 0; i < size; i++) v[i] = pattern(id, i);
            live.set(h, { size, k: id });
          } else if (what < 9) {
            const h = [...live.keys()][pick % live.size];
            z.free(h, live.get(h)!.size);
            live.delete(h);
          } else {
            // zswap's shrink: every candidate freed, and with them their frame
            const before = z.frames;
            const hs = z.reclaimCandidates();
            if (hs) {
              for (const h of hs) {
                assert.ok(live.has(h));
                z.free(h, live.get(h)!.size);
                live.delete(h);
              }
              assert.equal(z.frames, before - 1, "reclaim frees exactly one frame");
            }
          }
          for (const [h, o] of live) {
            const [f, bud] = z.locate(h);
            const v = z.view(h, o.size);
            for (let i = 0; i < o.size; i++) {
              if (v[i] !== pattern(o.k, i)) {
                assert.fail(`object ${h} (frame ${f} buddy ${bud}) byte ${i} of ${o.size} lost`);
              }
            }
          }
        }
        const bytes = [...live.values()].reduce((n, o) => n + o.size, 0);
        assert.ok(z.frames * PAGE_SIZE >= bytes);
        for (const [h, o] of live) z.free(h, o.size);
        assert.equal(z.frames, 0, "frames leaked");
      },
    ),
    { numRuns: 60, seed: 3 },
  );
});
