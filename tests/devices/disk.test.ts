/** The file disk (src/devices/disk.ts): current versions per filesystem identity. */
import assert from "node:assert/strict";
import { FileDisk, type PageVersion } from "../../src/devices/disk.ts";
import { CONTENT_CLASSES } from "../../src/content.ts";
import type { RealPageRef, RealPages } from "../../src/real_pages.ts";
import { Rng } from "../../src/rng.ts";

Deno.test("set, get, overwrite and delete a file's pages", () => {
  const d = new FileDisk();
  const v = (stamp: number) => ({
    stamp,
    cls: "text" as const,
    digest: stamp * 3,
    writePool: -1,
    writeOldId: false,
    putRefused: false,
  });
  d.set("fs:a", 1, 0, v(1));
  d.set("fs:a", 1, 1, v(2));
  d.set("fs:a", 1, 0, v(3));
  d.set("fs:b", 1, 0, v(4));
  assert.equal(d.pages, 3);
  assert.equal(d.get("fs:a", 1, 0)?.stamp, 3);
  assert.equal(d.deleteFile("fs:a", 1), 2);
  assert.equal(d.get("fs:a", 1, 0), undefined);
  assert.equal(d.deleteFile("fs:a", 1), 0);
  assert.equal(d.pages, 1);
});

Deno.test("the flat disk agrees with a nested-Map model through growth, overwrites and deletes", () => {
  const rng = new Rng(11);
  const d = new FileDisk();
  const model = new Map<string, Map<number, Map<number, PageVersion>>>();
  const real: RealPageRef = { source: null as unknown as RealPages, page: 3, edited: true };
  for (let step = 0; step < 40_000; step++) {
    // few filesystems and files, inodes and indexes up to 2^32 - 1: collisions and long files
    const fs = `fs:${rng.int(3)}`, ino = rng.int(40) * 0x6000000 + rng.int(2);
    const index = rng.int(60) + (rng.int(4) === 0 ? 0xffffffff - 60 : 0);
    const files = model.get(fs) ?? new Map<number, Map<number, PageVersion>>();
    model.set(fs, files);
    if (rng.int(100) < 3) {
      const n = files.get(ino)?.size ?? 0;
      files.delete(ino);
      assert.equal(d.deleteFile(fs, ino), n);
    } else if (rng.int(2) === 0) {
      const stamp = step + 1;
      const v: PageVersion = rng.int(10) === 0
        ? {
          stamp,
          cls: "file",
          real,
          digest: stamp * 7,
          writePool: -1,
          writeOldId: true,
          putRefused: false,
        }
        : {
          stamp,
          cls: CONTENT_CLASSES[stamp % CONTENT_CLASSES.length],
          digest: stamp * 2 ** 33 + 5,
          writePool: 3 * 4294967296 + 2,
          writeOldId: false,
          putRefused: stamp % 3 === 0,
        };
      d.set(fs, ino, index, v);
      const f = files.get(ino) ?? new Map<number, PageVersion>();
      files.set(ino, f);
      f.set(index, v);
    } else {
      const want = files.get(ino)?.get(index);
      assert.deepEqual(d.get(fs, ino, index), want);
      assert.equal(d.has(fs, ino, index), want !== undefined);
    }
  }
  let n = 0;
  for (const files of model.values()) for (const f of files.values()) n += f.size;
  assert.equal(d.pages, n);
  for (const [fs, files] of model) {
    for (const [ino, f] of files) {
      for (const [index, v] of f) {
        // same fields, same key order as the version the writer built
        assert.equal(JSON.stringify(d.get(fs, ino, index)), JSON.stringify(v));
      }
    }
  }
});

Deno.test("markPutRefused flags the page's current version; a new version clears it", () => {
  const d = new FileDisk();
  const v = {
    stamp: 1,
    cls: "text" as const,
    digest: 9,
    writePool: 4,
    writeOldId: true,
    putRefused: false,
  };
  d.set("fs:a", 1, 0, v);
  d.markPutRefused("fs:a", 1, 0);
  d.markPutRefused("fs:b", 1, 0); // no such page: nothing
  assert.deepEqual(d.get("fs:a", 1, 0), { ...v, putRefused: true });
  d.set("fs:a", 1, 0, { ...v, stamp: 2 });
  assert.equal(d.get("fs:a", 1, 0)!.putRefused, false);
});

Deno.test("keys beyond 32 bits are refused, not truncated onto another page", () => {
  const d = new FileDisk();
  const v: PageVersion = {
    stamp: 1,
    cls: "text",
    digest: 5,
    writePool: -1,
    writeOldId: false,
    putRefused: false,
  };
  assert.throws(() => d.set("fs", 2 ** 32, 0, v), RangeError);
  assert.throws(() => d.set("fs", 0, 2 ** 32 + 7, v), RangeError);
  assert.equal(d.pages, 0);
  d.set("fs", 0xffffffff, 0xffffffff, v);
  assert.equal(d.get("fs", 0xffffffff, 0xffffffff)?.stamp, 1);
  assert.equal(d.has("fs", 0xffffffff, 7), false);
});
