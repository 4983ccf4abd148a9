import assert from "node:assert/strict";
import { runCli } from "../helpers/cli.ts";
import { compareRegimes } from "../../src/command/mod.ts";
import { compareRegimesInWorkers } from "../../cli/compare_workers.ts";

const SCRIPT = [
  "mount root",
  "mount gfs shared=c0ffee",
  "swapon 0 slots=512",
  "workload start pagecache rate=40",
  "workload start swap rate=30 ram=128",
  "run 20",
  "register zcache limit=64",
  "run 30",
  "umount nope",
  "unregister",
  "run 5",
  "register ram",
  "run 5",
];

Deno.test("compare in Web Workers gives exactly the single-threaded result", async () => {
  const serial = compareRegimes(SCRIPT, 5, { writethrough: false });
  for (const workers of [1, 3]) {
    const parallel = await compareRegimesInWorkers(SCRIPT, 5, { writethrough: false }, workers);
    assert.deepEqual(parallel, serial, `${workers} workers`);
  }
  assert.deepEqual(serial.map((c) => c.regime), ["eager", "fake-poolid", "deferred"]);
  assert.ok(serial.every((c) => c.errors === 1), "the bad umount is an error in every regime");
  assert.ok(serial[2].stats.cleancache.succ_gets > 0);
});

Deno.test("mod.ts --compare --workers 2 prints exactly what --compare prints", async () => {
  const run = async (extra: string[]) => {
    const r = await runCli(["--compare", "--json", ...extra], SCRIPT.join("\n") + "\n");
    return { code: r.code, out: r.stdout };
  };

  const serial = await run([]);
  const parallel = await run(["--workers", "2"]);
  assert.equal(serial.code, 2, "the bad umount line makes the status 2");
  assert.equal(parallel.code, serial.code);
  assert.equal(parallel.out, serial.out);
  assert.match(serial.out, /"cmd":"compare"/);
});

Deno.test("--workers without --compare is refused: no compression workers in the simulation", async () => {
  const r = await runCli(["--workers", "2"], "mount root\n");
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /--workers N only applies to --compare/);
  assert.match(r.stderr, /Try --help\./);
});
