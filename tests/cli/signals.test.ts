/**
 * cli/signals.ts: SIGTERM and SIGINT in the headless mode write out the
 * output so far and exit 143 / 130 (128 + the signal number), between two
 * commands or two slices of a long run.
 */
import assert from "node:assert/strict";
import { readUntil, spawnCli } from "../helpers/cli.ts";

const enc = new TextEncoder();

/** Poll `cond` every few milliseconds (bounded: a loaded machine only takes longer). */
async function until(cond: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("condition not reached");
    await new Promise((ok) => setTimeout(ok, 5));
  }
}

/** A child that installs the handlers with a flush printing `flushed`, says `ready`, then waits. */
function signalChild(uninstall: boolean): Deno.ChildProcess {
  const url = new URL("../../cli/signals.ts", import.meta.url).href;
  const code = `
    import { exitOnSignals } from ${JSON.stringify(url)};
    const off = exitOnSignals(() => console.log("flushed"));
    ${uninstall ? "off();" : ""}
    console.log("ready");
    setTimeout(() => {}, 60_000);
  `;
  return new Deno.Command(Deno.execPath(), {
    args: ["eval", "--no-check", code],
    stdout: "piped",
    stderr: "null",
    stdin: "null",
  }).spawn();
}

for (const [signal, exit] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
  Deno.test(`exitOnSignals: ${signal} flushes, then exits ${exit} (an exit, not a death by signal)`, async () => {
    const child = signalChild(false);
    const r = child.stdout.getReader();
    await readUntil(r, (t) => t.includes("ready\n"));
    child.kill(signal);
    const rest = await readUntil(r, (t) => t.includes("flushed\n"));
    assert.equal(rest, "flushed\n");
    r.releaseLock();
    const status = await child.status;
    assert.equal(status.code, exit);
    assert.equal(status.signal, null, "the handler exited");
  });
}

Deno.test("exitOnSignals: the uninstaller removes the handlers (the signal's default action again)", async () => {
  const child = signalChild(true);
  const r = child.stdout.getReader();
  await readUntil(r, (t) => t.includes("ready\n"));
  child.kill("SIGTERM");
  const { value } = await r.read();
  r.releaseLock();
  const status = await child.status;
  assert.equal(status.signal, "SIGTERM", "killed by the signal, not exited by a handler");
  assert.ok(!new TextDecoder().decode(value ?? new Uint8Array()).includes("flushed"));
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
    // The run has started: its first slices are in the record (the whole run takes far
    // longer than this test); a process that honoured signals only between commands would
    // be killed by the guard below instead.
    await until(async () => /^run \d+$/m.test(await Deno.readTextFile(rec)));
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
