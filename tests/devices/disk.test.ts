/** The file disk (src/devices/disk.ts): current versions per filesystem identity. */
import assert from "node:assert/strict";
import { FileDisk } from "../../src/devices/disk.ts";

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
