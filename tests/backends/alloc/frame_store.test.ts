import assert from "node:assert/strict";
import { FrameStore } from "../../../src/backends/alloc/allocator.ts";

Deno.test("FrameStore: few large slabs (a million pages held are ~120 buffers, not ~8,000)", () => {
  const s = new FrameStore();
  for (let i = 0; i < 10_000; i++) s.allocFrames(1);
  // 64-frame slabs would be 157 buffers here; the collector walks every one
  assert.equal(s.slabCount, Math.ceil(10_000 / (1 << FrameStore.SLAB_SHIFT)));
  assert.ok(FrameStore.SLAB_SHIFT >= 12, "slabs of at least 4096 frames");
});

Deno.test("FrameStore: a small pool reserves at most twice what it uses", () => {
  for (const n of [1, 63, 64, 65, 100, 1000, 5000]) {
    const s = new FrameStore();
    for (let i = 0; i < n; i++) s.allocFrames(1);
    assert.ok(
      s.reservedBytes <= Math.max(2 * n, FrameStore.FIRST_FRAMES) * FrameStore.FRAME,
      `${n} frames: ${s.reservedBytes} bytes reserved`,
    );
  }
});

Deno.test("FrameStore: bytes survive the slabs' growth; frames skipped at a slab's end are usable", () => {
  const s = new FrameStore();
  const frames: number[] = [];
  const mark = (f: number) => s.view(f, 0, 4096).fill((f * 7 + 1) & 0xff);
  // runs of 1-4 frames (zsmalloc zspages), so some runs skip to the next slab
  for (let i = 0; i < 9000; i++) {
    const count = 1 + (i % 4);
    const f = s.allocFrames(count);
    for (let k = 0; k < count; k++) (frames.push(f + k), mark(f + k));
  }
  // single frames now come from the free list, including the skipped ones
  for (let i = 0; i < 200; i++) {
    const f = s.allocFrames(1);
    frames.push(f);
    mark(f);
  }
  assert.equal(new Set(frames).size, frames.length, "no frame handed out twice");
  for (const f of frames) {
    const v = s.view(f, 0, 4096);
    assert.equal(v.length, 4096, `frame ${f} addressable`);
    assert.ok(v.every((b) => b === ((f * 7 + 1) & 0xff)), `frame ${f} kept its bytes`);
  }
});
