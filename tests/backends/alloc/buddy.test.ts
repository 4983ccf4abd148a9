/**
 * Two-buddy allocators (src/backends/alloc/buddy.ts): mm/zbud.c `zbud_alloc`
 * and `zbud_reclaim_page`, staging zcache zbud.c `zbud_match_prep` and
 * `zbud_evict_pageframe_lru`; under random alloc/free every byte intact.
 */
import assert from "node:assert/strict";
import {
  ZbudAllocator,
  ZcacheZbudAllocator,
  ZsmallocAllocator,
} from "../../../src/backends/alloc/mod.ts";
import { exercise } from "../../helpers/alloc_exercise.ts";

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

Deno.test("zbud: random alloc/free never overlaps objects and frees every frame", () =>
  exercise(() => new ZbudAllocator()));
Deno.test("staging zcache zbud: random alloc/free never overlaps objects", () =>
  exercise(() => new ZcacheZbudAllocator()));
