/** tui/panels/pending.ts: superblocks and swap types waiting for a backend, and the never-cached ones. */
import assert from "node:assert/strict";
import { pending, pendingDesired } from "../../../tui/panels/pending.ts";
import { plain } from "../../../tui/line.ts";
import { DEFAULT_SCENARIO } from "../../../src/scenario/default.ts";
import { viewAfter } from "../../helpers/view.ts";

Deno.test("pending: under deferred, the waiting superblocks (shared ones with their uuid) and swap types", () => {
  const v = viewAfter([...DEFAULT_SCENARIO, "run 30"]);
  const lines = pending(v, 120, 10).map(plain);
  assert.match(lines[0], /^─ Pending ◌ 3 superblocks, 2 swap types waiting for a backend/);
  assert.equal(
    lines[1],
    "  superblocks: root, home, gfs2 (shared 6f1c2e9a-31b4-4c1e-9d2f-5a7b3c9e0d41)  swap types: 0, 1",
  );
  const s = v.snapshot;
  assert.ok(s.cleancache.skipped > 0);
  assert.match(lines[2], new RegExp(`^ {2}skipped so far: ${s.cleancache.skipped} puts/gets, `));
  assert.equal(lines.length, pendingDesired(v));
  assert.equal(lines[0].includes("1 superblocks"), false);
});

Deno.test("pending: singular words for one of each; the list clipped to the width", () => {
  const v = viewAfter(["mount " + "x".repeat(60), "swapon 3"]);
  const lines = pending(v, 80, 10).map(plain);
  assert.match(lines[0], /◌ 1 superblock, 1 swap type waiting/);
  assert.match(lines[1], /^ {2}superblocks: x+… {2}swap types: 3$/);
});

Deno.test("pending: nothing waiting, with or without a backend", () => {
  const none = pending(viewAfter([]), 80, 5).map(plain);
  assert.match(none[0], /✓ nothing waiting/);
  assert.equal(none[1], "  nothing mounted or enabled");
  const backed = pending(viewAfter(["mount a", "swapon 0", "register ram"]), 80, 5).map(plain);
  assert.equal(backed[1], "  every mounted filesystem and swap type has a backend pool");
  assert.equal(backed.length, pendingDesired(viewAfter(["mount a", "swapon 0", "register ram"])));
});

Deno.test("pending: superblocks and swap types never cached (eager: mounted before the backend)", () => {
  const v = viewAfter(["mount a", "swapon 0", "register zcache"], {
    simulation: { regime: "eager" },
  });
  const lines = pending(v, 120, 5).map(plain);
  assert.match(lines[0], /✓ nothing waiting/);
  assert.equal(lines[1], "  never cached: ○ superblocks a; swap types 0");
  assert.equal(lines.length, pendingDesired(v));
  assert.deepEqual(pending(v, 120, 1).map(plain), [lines[0]], "at most h rows");
});
