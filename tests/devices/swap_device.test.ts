/** The swap device (src/devices/swap_device.ts): slots and what the disk holds. */
import assert from "node:assert/strict";
import { SwapDevice } from "../../src/devices/swap_device.ts";
import { Rng } from "../../src/rng.ts";

Deno.test("findFree walks round from the last slot handed out; fill and release count used slots", () => {
  const d = new SwapDevice(0, 3);
  assert.equal(d.findFree(), 0);
  d.fill(0);
  assert.equal(d.findFree(), 1);
  d.fill(1);
  d.fill(2);
  assert.equal(d.findFree(), -1);
  assert.equal(d.used, 3);
  d.release(1);
  d.release(1);
  assert.equal(d.used, 2);
  assert.equal(d.findFree(), 1);
});

Deno.test("the disk starts unwritten; reads and writes are counted", () => {
  const d = new SwapDevice(1, 2);
  assert.ok(Number.isNaN(d.readDisk(0)));
  d.writeDisk(0, 42);
  assert.equal(d.readDisk(0), 42);
  assert.deepEqual([d.diskWrites, d.diskReads], [1, 2]);
});

Deno.test("findFree hands out what a walk from the last slot handed out would, at any size", () => {
  for (const slots of [1, 31, 32, 33, 1000, 1024, 1025, 40_000]) {
    const rng = new Rng(slots);
    const d = new SwapDevice(0, slots);
    const used = new Uint8Array(slots);
    let hint = 0;
    // the walk the bitmap replaces: the first free slot from the hint, wrapping round
    const walk = () => {
      for (let i = 0; i < slots; i++) {
        const s = (hint + i) % slots;
        if (used[s] === 0) return (hint = (s + 1) % slots, s);
      }
      return -1;
    };
    for (let step = 0; step < 20_000; step++) {
      // a mostly empty device first, then a nearly full one
      if (rng.int(100) < (step < 10_000 ? 55 : 95)) {
        const s = d.findFree();
        assert.equal(s, walk(), `${slots} slots, step ${step}`);
        if (s >= 0 && rng.int(4) !== 0) (d.fill(s), used[s] = 1);
      } else {
        const s = rng.int(slots);
        d.release(s);
        used[s] = 0;
      }
    }
  }
});
