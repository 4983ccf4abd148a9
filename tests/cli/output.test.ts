/**
 * Output is never lost nor its loss hidden: written after every command
 * while the input waits, written before a slow command, on SIGTERM/SIGINT
 * written out with exit 143/130, a failed write (a full disk) exits 74 with
 * a message, a reader that goes away gets exit 141.
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

for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
  Deno.test(`${signal} during a session: the output so far is written, exit ${code}`, async () => {
    const child = spawnCli(["--json"]);
    const w = child.stdin.getWriter();
    const r = child.stdout.getReader();
    await w.write(enc.encode("mount a\nput a 1 1\nstats\nget a 1 1\n"));
    const seen = await readUntil(r, (t) => t.includes('"cmd":"get"'));
    child.kill(signal);
    let rest = "";
    const dec = new TextDecoder();
    for (let c = await r.read(); !c.done; c = await r.read()) rest += dec.decode(c.value);
    const status = await child.status;
    assert.equal(status.code, code);
    const lines = (seen + rest).trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.cmd), ["stats", "get"]);
    await w.close().catch(() => {});
    await child.stderr.cancel();
  });
}

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

Deno.test("SIGTERM during a long run stops it at once: exit 143, the record holds the ticks done", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const script = `${dir}/s.tmem`, rec = `${dir}/rec.tmem`;
    await Deno.writeTextFile(
      script,
      "mount a\nswapon 0\nregister zcache\nworkload start swap rate=2000\n" +
        "workload start pagecache rate=2000\nstats\nrun 1000000\nstats\n",
    );
    const child = spawnCli(["--script", script, "--record", rec]);
    const r = child.stdout.getReader();
    await readUntil(r, (t) => /^integrity: /m.test(t));
    r.releaseLock();
    // The run has started (its ticks take far longer than this test waits); a process that
    // honoured signals only between commands would be killed by the guard below instead.
    await new Promise((ok) => setTimeout(ok, 300));
    child.kill("SIGTERM");
    const guard = setTimeout(() => child.kill("SIGKILL"), 30_000);
    const out = await child.output();
    clearTimeout(guard);
    assert.equal(out.code, 143);
    const lines = (await Deno.readTextFile(rec)).split("\n");
    assert.equal(lines.at(-1), "", "the record ends on a whole line");
    const last = lines.at(-2)!.match(/^run (\d+)$/);
    assert.ok(last, `the record ends with the run done so far: ${lines.at(-2)}`);
    assert.ok(Number(last[1]) > 0 && Number(last[1]) < 1000000, last[0]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
