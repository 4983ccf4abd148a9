/**
 * The record file: refused up front (exit 2, nothing run) when it cannot be
 * written or is the script itself; a write failing mid-run (a full tmpfs)
 * stops the run with exit 74, a clear message, and a file that ends on a
 * whole line and replays.
 */
import assert from "node:assert/strict";
import { runCli } from "../helpers/cli.ts";

Deno.test("--script X --record X is refused and X kept", async () => {
  const f = await Deno.makeTempFile({ suffix: ".tmem" });
  try {
    await Deno.writeTextFile(f, "mount a\n");
    const r = await runCli(["--script", f, "--record", f]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is the script itself/);
    assert.equal(await Deno.readTextFile(f), "mount a\n");
    const link = f + ".link";
    await Deno.link(f, link);
    const l = await runCli(["--script", link, "--record", f]);
    assert.equal(l.code, 2, "a hard link is the same file");
    await Deno.remove(link);
  } finally {
    await Deno.remove(f);
  }
});

Deno.test("--compare with --record or --once is refused", async () => {
  for (const extra of [["--record", "/tmp/never-written.tmem"], ["--once"]]) {
    const r = await runCli(["--compare", ...extra], "mount a\n");
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`--compare cannot be combined with ${extra[0]}`));
    assert.equal(r.stdout, "");
  }
});

/** Mount a tiny tmpfs (needs root); null when this machine does not allow it. */
async function tinyTmpfs(kib: number): Promise<string | null> {
  const dir = await Deno.makeTempDir();
  try {
    const out = await new Deno.Command("mount", {
      args: ["-t", "tmpfs", "-o", `size=${kib}k`, "tmpfs", dir],
      stdout: "null",
      stderr: "null",
    }).output();
    if (out.success) return dir;
  } catch {
    // no mount command
  }
  await Deno.remove(dir);
  return null;
}

/** Unmount and remove a `tinyTmpfs`. */
async function removeTmpfs(dir: string): Promise<void> {
  await new Deno.Command("umount", { args: [dir] }).output();
  await Deno.remove(dir);
}

/** Run `fn` with a fresh tmpfs of `kib` KiB, removed afterwards. */
async function withTmpfs(kib: number, fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = (await tinyTmpfs(kib))!;
  try {
    await fn(dir);
  } finally {
    await removeTmpfs(dir);
  }
}

const MOUNT_PROBE = await tinyTmpfs(4);
if (MOUNT_PROBE) await removeTmpfs(MOUNT_PROBE);
else {
  console.log("tests/cli/record_file.test.ts: cannot mount a tmpfs here (not root?): skipping");
}

Deno.test({
  name: "a record file on a full disk: exit 2 before anything runs",
  ignore: MOUNT_PROBE === null,
  fn: () =>
    withTmpfs(4, async (dir) => {
      await Deno.writeFile(`${dir}/filler`, new Uint8Array(4096));
      const r = await runCli(["--record", `${dir}/rec.tmem`], "mount a\nstats\n");
      assert.equal(r.code, 2);
      assert.equal(r.stdout, "", "nothing ran");
      assert.match(r.stderr, /^tmemtop: cannot write record file '.*': No space left on device/);
    }),
});

Deno.test({
  name: "a full disk mid-run: exit 74, the run stops, the record ends on a whole line and replays",
  ignore: MOUNT_PROBE === null,
  fn: () =>
    withTmpfs(8, async (dir) => {
      const rec = `${dir}/rec.tmem`;
      const lines = ["mount fs"];
      for (let i = 0; i < 2000; i++) lines.push(`put fs ${i} 0 text`);
      lines.push("stats");
      const r = await runCli(["--json", "--record", rec], lines.join("\n") + "\n");
      assert.equal(r.code, 74, r.stderr);
      assert.match(
        r.stderr,
        /^tmemtop: line (\d+): recording failed, run stopped \(the record file ends before this line\): cannot write record file '.*': No space left on device/,
      );
      const failedAt = Number(/line (\d+)/.exec(r.stderr)![1]);
      assert.doesNotMatch(r.stdout, /"cmd":"stats"/, "nothing ran after the failure");
      const text = await Deno.readTextFile(rec);
      assert.ok(text.endsWith("\n"), "ends on a whole line");
      const recorded = text.split("\n").filter((l) => l && !l.startsWith("#"));
      // regime, seed, options, then the script's lines up to the one before the failure.
      assert.deepEqual(recorded.slice(3), lines.slice(0, failedAt - 1));
      const replay = await runCli(["--script", rec], "");
      assert.equal(replay.code, 0, replay.stderr);
    }),
});
