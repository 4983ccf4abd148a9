/** The file side (src/sim/files.ts): mounts, the disk, cleancache calls and checked reads. */
import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { SpyBackend } from "../helpers/spy_backend.ts";

Deno.test("put writes a new version and puts it; get is checked against the disk", () => {
  const sim = new Simulation({ regime: "deferred" });
  const spy = new SpyBackend("spy");
  sim.registerBackend(spy);
  sim.mount("root");
  sim.put("root", 3, 4, "records");
  assert.ok(spy.calls.includes("put 0 3 4"));
  assert.deepEqual(sim.fileVersion("root", 3, 4)?.cls, "records");
  assert.equal(sim.hasFilePage("root", 3, 4), true);
  assert.equal(sim.get("root", 3, 4), "hit");
  assert.equal(sim.snapshot().integrity.verified_reads, 1);
});

Deno.test("write invalidates first, then writes the disk; delete drops the file", () => {
  const sim = new Simulation({ regime: "deferred" });
  const spy = new SpyBackend("spy");
  sim.registerBackend(spy);
  sim.mount("root");
  sim.put("root", 1, 0);
  sim.write("root", 1, 0);
  assert.deepEqual(spy.calls.slice(-1), ["invalidate_page 0 1 0"]);
  assert.equal(sim.get("root", 1, 0), "miss");
  sim.putClean("root", 1, 0);
  sim.deleteFile("root", 1);
  assert.deepEqual(spy.calls.slice(-1), ["invalidate_inode 0 1"]);
  assert.equal(sim.hasFilePage("root", 1, 0), false);
  assert.throws(() => sim.putClean("root", 1, 0), /has no page 0 on disk/);
});

Deno.test("a shared filesystem's mounts see one disk (the uuid), private ones their own", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("n1", { uuid: "c1" });
  sim.mount("n2", { uuid: "c1" });
  sim.mount("root");
  sim.write("n1", 1, 0);
  assert.equal(sim.hasFilePage("n2", 1, 0), true);
  assert.equal(sim.hasFilePage("root", 1, 0), false);
  assert.deepEqual(sim.mountedNames(), ["n1", "n2", "root"]);
  assert.deepEqual(sim.pendingFilesystems(), ["n1", "n2", "root"]);
});

Deno.test("bad file calls are refused before anything changes", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.mount("root");
  assert.throws(() => sim.mount("root"), /already mounted/);
  assert.throws(() => sim.get("nope", 1, 0), /no filesystem named 'nope'/);
  assert.throws(() => sim.put("root", -1, 0), /inode must be/);
  assert.throws(() => sim.write("root", 1, 0.5), /page index must be/);
  assert.throws(() => sim.put("root", 1, 0, "bogus" as "text"), /unknown content class/);
  assert.equal(sim.snapshot().ops, 0);
});
