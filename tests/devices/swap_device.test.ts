/** The swap device (src/devices/swap_device.ts): slots and what the disk holds. */
import assert from "node:assert/strict";
import { SwapDevice } from "../../src/devices/swap_device.ts";

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
