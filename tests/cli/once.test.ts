/**
 * `--once` with stdin not a terminal: the default scenario on an empty
 * stdin, `--ticks N` run before the snapshot, the width from COLUMNS, and
 * `--json` for the same snapshot as a stats object.
 */
import assert from "node:assert/strict";

const ROOT = new URL("../..", import.meta.url);

async function once(args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-env", "--allow-read", "--allow-write", "mod.ts", "--once", ...args],
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1", ...env },
  }).output();
  return { code: out.code, stdout: new TextDecoder().decode(out.stdout) };
}

Deno.test("--once --ticks N at COLUMNS wide: the default scenario after N ticks", async () => {
  for (const cols of [90, 150]) {
    const r = await once(["--ticks", "25"], { COLUMNS: String(cols) });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /tick 25 {2}\(2\.5s\)/);
    assert.match(r.stdout, /Pools 3 mounted/);
    const widths = r.stdout.trimEnd().split("\n").map((l) => [...l].length);
    assert.equal(Math.max(...widths), cols, `the widest line is ${cols} cells`);
  }
});

Deno.test("--once --json --ticks N: the stats object of the same moment", async () => {
  const r = await once(["--json", "--ticks", "7"]);
  assert.equal(r.code, 0);
  const s = JSON.parse(r.stdout);
  assert.equal(s.tick, 7);
  assert.deepEqual(s.cleancache.pending, ["root", "home", "gfs2"]);
});
