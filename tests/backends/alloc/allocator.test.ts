/** The allocator contract (src/backends/alloc/allocator.ts) every allocator keeps. */
import assert from "node:assert/strict";
import {
  PageAllocator,
  Z3foldAllocator,
  ZbudAllocator,
  ZcacheZbudAllocator,
  ZsmallocAllocator,
} from "../../../src/backends/alloc/mod.ts";

Deno.test("allocators honour maxFrames (negative: no new frame at all)", () => {
  const all = () => [
    new ZbudAllocator(),
    new ZcacheZbudAllocator(),
    new ZsmallocAllocator(),
    new PageAllocator(),
    new Z3foldAllocator(),
  ];
  for (const a of all()) {
    let n = 0;
    while (a.alloc(2000, 3) >= 0) n++;
    assert.ok(a.frames <= 3, a.name);
    assert.ok(n >= 3, a.name);
  }
  for (const a of all()) assert.equal(a.alloc(100, -1), -1, a.name);
});
