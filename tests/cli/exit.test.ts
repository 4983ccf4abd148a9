/** Every exit status is listed in `--help` and in the README's "Errors and exit status" table. */
import assert from "node:assert/strict";
import { EXIT, EXIT_STATUSES } from "../../cli/exit.ts";
import { runCli } from "../helpers/cli.ts";

Deno.test("EXIT_STATUSES lists every status of EXIT once", () => {
  assert.deepEqual(
    EXIT_STATUSES.map(([c]) => c).sort((a, b) => a - b),
    Object.values(EXIT).sort((a, b) => a - b),
  );
});

Deno.test("the README's Errors and exit status table lists exactly these statuses", async () => {
  const readme = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
  const section = readme.split("### Errors and exit status")[1].split("\n### ")[0];
  const codes = [...section.matchAll(/^\| (\d+)\s+\|/gm)].map((m) => Number(m[1]));
  assert.deepEqual(codes, EXIT_STATUSES.map(([c]) => c));
});

Deno.test("--help lists every status", async () => {
  const r = await runCli(["--help"]);
  assert.equal(r.code, 0);
  const section = r.stdout.split("Exit status:\n")[1];
  for (const [code, meaning] of EXIT_STATUSES) {
    assert.ok(section.includes(`  ${String(code).padEnd(4)} ${meaning}`), String(code));
  }
});
