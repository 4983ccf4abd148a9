/** Script input: unreadable scripts are exit 2 with the reason; long CRLF lines are fine. */
import assert from "node:assert/strict";
import { runCli } from "../helpers/cli.ts";

Deno.test("a script that is a directory or missing: exit 2 with the reason, nothing else", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const d = await runCli(["--script", dir]);
    assert.equal(d.code, 2);
    assert.match(d.stderr, /^tmemtop: cannot read script '.*': is a directory\n$/);
    const m = await runCli(["--script", `${dir}/none.tmem`]);
    assert.equal(m.code, 2);
    assert.match(m.stderr, /^tmemtop: cannot read script '.*none\.tmem': No such file/);
    assert.doesNotMatch(d.stderr + m.stderr, /internal error/);
  } finally {
    await Deno.remove(dir);
  }
});

Deno.test("a 4096-character line ending in CRLF is accepted", async () => {
  const line = "expect tick == 0 #" + "x".repeat(4096 - 18);
  const r = await runCli([], `${line}\r\n${line}x\r\n`);
  assert.equal(r.code, 2);
  assert.match(r.stdout, /^line 1: expect tick == 0: ok/);
  assert.match(r.stderr, /^line 2: line too long \(4098 characters, at most 4096\)/);
});
