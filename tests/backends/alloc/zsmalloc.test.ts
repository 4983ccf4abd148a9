/** zsmalloc (src/backends/alloc/zsmalloc.ts): size classes; every byte intact under random use. */
import assert from "node:assert/strict";
import { ZbudAllocator, ZsmallocAllocator } from "../../../src/backends/alloc/mod.ts";
import { exercise } from "../../helpers/alloc_exercise.ts";

Deno.test("zsmalloc packs small objects densely by size class", () => {
  const z = new ZsmallocAllocator();
  for (let i = 0; i < 100; i++) z.alloc(1000, 0);
  // 1008-byte class: about 4 objects per frame
  assert.ok(z.frames <= 26, `frames ${z.frames}`);
  const zb = new ZbudAllocator();
  for (let i = 0; i < 100; i++) zb.alloc(1000, 0);
  assert.equal(zb.frames, 50);
});

Deno.test("zsmalloc: random alloc/free never overlaps objects and frees every frame", () =>
  exercise(() => new ZsmallocAllocator()));
