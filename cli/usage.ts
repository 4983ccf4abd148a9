/**
 * The `--help` text: flags from the flag table, regimes, the command list
 * from the command table, the workloads and their parameters, and the exit
 * statuses.
 */
import { REGIME_INFO, REGIMES } from "../src/regime.ts";
import { helpText } from "../src/command/mod.ts";
import { WORKLOAD_PARAM_DOCS, WORKLOAD_SUMMARIES } from "../src/workloads/mod.ts";
import { WORKLOAD_NAMES } from "../src/workload.ts";
import { flagHelp } from "./flags.ts";
import { EXIT_STATUSES } from "./exit.ts";

/** The whole `--help` text. */
export function usage(): string {
  const lines = [
    "tmemtop - transcendent memory (cleancache + frontswap + zcache) simulator",
    "",
    "Usage: deno task monitor [FLAGS]",
    "  With a terminal on stdin: the dashboard. Otherwise (or with --script) the",
    "  headless mode: one command per line from stdin or FILE, results on stdout.",
    "",
    "Flags:",
    ...flagHelp(),
    "",
    "Regimes:",
    ...REGIMES.map((r) =>
      `  ${r.padEnd(12)} cleancache ${REGIME_INFO[r].cleancache}, frontswap ${
        REGIME_INFO[r].frontswap
      }: ${REGIME_INFO[r].summary}`
    ),
    "",
    "Commands (one per line, # starts a comment):",
    ...helpText().split("\n").map((l) => `  ${l}`),
    "",
    "Workloads (workload start NAME KEY=VALUE ...):",
  ];
  for (const w of WORKLOAD_NAMES) {
    lines.push(`  ${w}: ${WORKLOAD_SUMMARIES[w]}`);
    for (const [k, d] of Object.entries(WORKLOAD_PARAM_DOCS[w])) {
      lines.push(`    ${k.padEnd(10)} ${d}`);
    }
  }
  lines.push("", "Exit status:");
  for (const [code, meaning] of EXIT_STATUSES) lines.push(`  ${String(code).padEnd(4)} ${meaning}`);
  lines.push("", "See README.md (Scripted sessions) for the JSON format, compare and record.");
  return lines.join("\n");
}
