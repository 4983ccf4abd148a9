/**
 * The tasks' permissions are enough and no wider than documented: `deno task
 * headless` (no permission at all) runs a script from stdin; `deno task
 * monitor` (read of the project, write given up once the record file is
 * open, env of a known list) runs scripts, records, workers, compare and
 * `--once`; a script outside the project is refused with the reason. (The
 * dashboard itself runs under `deno task monitor` in tests/tui/e2e_tmux.test.ts.)
 */
import assert from "node:assert/strict";
import { ROOT_PATH } from "../helpers/cli.ts";

async function task(name: string, args: string[], stdin = ""): Promise<Deno.CommandOutput> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", name, ...args],
    cwd: ROOT_PATH,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(stdin));
  await w.close();
  return await child.output();
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const SCRIPT = "mount a\nregister zcache\nput a 1 1\nget a 1 1\nexpect cleancache.succ_gets == 1\n";

Deno.test("deno task headless: no permission, a script on stdin", async () => {
  const r = await task("headless", [], SCRIPT);
  assert.equal(r.code, 0, text(r.stderr));
  assert.match(text(r.stdout), /^get a 1 1: hit\nline 5: expect cleancache.succ_gets == 1: ok/);
  const w = await task("headless", ["--compare", "--workers", "2"], SCRIPT);
  assert.equal(w.code, 2);
  assert.match(text(w.stderr), /--workers needs read access/);
});

Deno.test("deno task monitor: script, record, compare in workers and --once within its permissions", async () => {
  const rec = `.permissions-test-${Deno.pid}.tmem`;
  try {
    const r = await task("monitor", [
      "--script",
      "tests/scenarios/eager.tmem",
      "--regime",
      "eager",
      "--record",
      rec,
    ]);
    assert.doesNotMatch(text(r.stderr), /Requires|NotCapable/);
    assert.equal(r.code, 0, text(r.stderr));
    const replay = await task("monitor", ["--script", rec]);
    assert.equal(replay.code, 0, text(replay.stderr));
  } finally {
    await Deno.remove(`${ROOT_PATH}/${rec}`).catch(() => {});
  }
  const c = await task("monitor", ["--compare", "--workers", "2"], SCRIPT);
  assert.equal(c.code, 0, text(c.stderr));
  assert.match(text(c.stdout), /^counter\s+eager\s+fake-poolid\s+deferred/);
  const once = await task("monitor", ["--once"], "mount a\n");
  assert.equal(once.code, 0, text(once.stderr));
  assert.match(text(once.stdout), /tmemtop\s+backend ◌ none/);
});
