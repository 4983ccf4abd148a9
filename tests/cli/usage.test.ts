/** cli/usage.ts: the `--help` text is built from the tables (flags, regimes, commands, workloads, exits). */
import assert from "node:assert/strict";
import { usage } from "../../cli/usage.ts";
import { flagHelp } from "../../cli/flags.ts";
import { EXIT_STATUSES } from "../../cli/exit.ts";
import { REGIME_INFO, REGIMES } from "../../src/regime.ts";
import { helpText } from "../../src/command/mod.ts";
import { WORKLOAD_PARAM_DOCS, WORKLOAD_SUMMARIES } from "../../src/workloads/mod.ts";
import { WORKLOAD_NAMES } from "../../src/workload.ts";

const TEXT = usage();
const LINES = TEXT.split("\n");

/** The lines of the section that starts with `heading`, up to the next blank line. */
function section(heading: string): string[] {
  const start = LINES.indexOf(heading);
  assert.ok(start >= 0, `a "${heading}" section`);
  const end = LINES.indexOf("", start);
  return LINES.slice(start + 1, end < 0 ? undefined : end);
}

Deno.test("usage: the flags section is the flag table's help, in order", () => {
  assert.deepEqual(section("Flags:"), flagHelp());
  for (const f of ["--regime", "--seed", "--json", "--script", "--record", "--compare"]) {
    assert.ok(section("Flags:").some((l) => l.trimStart().startsWith(f)), f);
  }
});

Deno.test("usage: one line per regime with its cleancache and frontswap and summary", () => {
  const lines = section("Regimes:");
  assert.equal(lines.length, REGIMES.length);
  REGIMES.forEach((r, i) => {
    const info = REGIME_INFO[r];
    assert.ok(lines[i].startsWith(`  ${r.padEnd(12)} cleancache ${info.cleancache}`), lines[i]);
    assert.ok(lines[i].endsWith(`: ${info.summary}`), lines[i]);
  });
});

Deno.test("usage: every command of the command table, indented", () => {
  const lines = section("Commands (one per line, # starts a comment):");
  assert.deepEqual(lines, helpText().split("\n").map((l) => `  ${l}`));
  for (const word of ["mount", "register", "expect", "workload", "run", "stats", "compare"]) {
    assert.ok(lines.some((l) => l.startsWith(`  ${word} `) || l === `  ${word}`), word);
  }
});

Deno.test("usage: every workload with its summary and each parameter's doc", () => {
  const lines = section("Workloads (workload start NAME KEY=VALUE ...):");
  const expected: string[] = [];
  for (const w of WORKLOAD_NAMES) {
    expected.push(`  ${w}: ${WORKLOAD_SUMMARIES[w]}`);
    for (const [k, d] of Object.entries(WORKLOAD_PARAM_DOCS[w])) {
      expected.push(`    ${k.padEnd(10)} ${d}`);
    }
  }
  assert.deepEqual(lines, expected);
  assert.ok(lines.some((l) => /^ {4}rate +.*\(default \d+, 0\.\.100000\)$/.test(l)));
});

Deno.test("usage: every exit status with its meaning, then the pointer to the README", () => {
  const lines = section("Exit status:");
  assert.deepEqual(lines, EXIT_STATUSES.map(([c, m]) => `  ${String(c).padEnd(4)} ${m}`));
  assert.deepEqual(lines.map((l) => Number(l.trim().split(" ")[0])), [
    0,
    1,
    2,
    70,
    74,
    130,
    141,
    143,
  ]);
  assert.equal(
    LINES.at(-1),
    "See README.md (Scripted sessions) for the JSON format, compare and record.",
  );
  assert.match(LINES[0], /^tmemtop - /);
});
