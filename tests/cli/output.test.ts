/**
 * Output is never lost nor its loss hidden: written after every command
 * while the input waits, written before a slow command, a failed write (a
 * full disk) exits 74 with a message, a reader that goes away gets exit 141
 * (signals: tests/cli/signals.test.ts).
 */
import assert from "node:assert/strict";
import { readUntil, runCliShell, spawnCli } from "../helpers/cli.ts";

const enc = new TextEncoder();

Deno.test("each command's output is written at once while stdin stays open", async () => {
  const child = spawnCli([]);
  const w = child.stdin.getWriter();
  const r = child.stdout.getReader();
  await w.write(enc.encode("mount a\nregister zcache\nput a 1 1\nget a 1 1\n"));
  assert.match(await readUntil(r, (t) => t.includes("\n")), /^get a 1 1: hit\n$/);
  await w.write(enc.encode("get a 1 1\n"));
  assert.match(await readUntil(r, (t) => t.includes("\n")), /^get a 1 1: miss\n$/);
  await w.close();
  r.releaseLock();
  const out = await child.output();
  assert.equal(out.code, 0);
});

Deno.test("output waiting before a slow command (run) is written before it runs", async () => {
  const script = await Deno.makeTempFile({ suffix: ".tmem" });
  try {
    // `get` and `stats` output, then a run that takes far longer than the test waits.
    await Deno.writeTextFile(
      script,
      "mount a\nswapon 0\nput a 1 1\nget a 1 1\nstats\n" +
        "workload start swap rate=2000\nworkload start pagecache rate=2000\nrun 1000000\nstats\n",
    );
    const child = spawnCli(["--script", script]);
    const r = child.stdout.getReader();
    const seen = await readUntil(r, (t) => /^integrity: /m.test(t));
    assert.match(seen, /^get a 1 1: miss$/m);
    child.kill("SIGKILL");
    r.releaseLock();
    await child.output();
  } finally {
    await Deno.remove(script);
  }
});

Deno.test("a full disk on stdout (> /dev/full) exits 74 with a message on stderr", async () => {
  const script = await Deno.makeTempFile({ suffix: ".tmem" });
  try {
    await Deno.writeTextFile(script, "mount a\nput a 1 1\nget a 1 1\nstats\n");
    const r = await runCliShell(["--script", script], "> /dev/full");
    assert.equal(r.code, 74);
    assert.match(r.stderr, /^tmemtop: cannot write output: No space left on device/m);
    const j = await runCliShell(["--script", script, "--compare"], "> /dev/full");
    assert.equal(j.code, 74, "--compare too");
    assert.match(j.stderr, /cannot write output/);
  } finally {
    await Deno.remove(script);
  }
});

Deno.test("a reader that closes stdout early: exit 141, no noise", async () => {
  const child = spawnCli([]);
  const w = child.stdin.getWriter();
  const r = child.stdout.getReader();
  await w.write(enc.encode("mount a\nput a 1 1\nget a 1 1\n"));
  await readUntil(r, (t) => t.includes("\n"));
  await r.cancel();
  // Keep producing output: the next write finds the pipe closed.
  const more = enc.encode("get a 1 1\n".repeat(2000));
  for (let i = 0; i < 50; i++) {
    try {
      await w.write(more);
    } catch {
      break;
    }
  }
  await w.close().catch(() => {});
  const status = await child.status;
  assert.equal(status.code, 141);
  const err = new TextDecoder().decode(
    (await child.stderr.getReader().read()).value ?? new Uint8Array(),
  );
  assert.equal(err, "");
});
