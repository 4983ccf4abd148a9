/**
 * SIGTERM and SIGINT in the headless mode: write out the output so far and
 * exit with 143 or 130 (128 + the signal number, as a shell reports a
 * process killed by it). The record file needs nothing: every recorded line
 * is already written. A signal takes effect between two commands, or between two
 * slices of a long `run` (`headless.ts` runs those in slices).
 */
import { EXIT } from "./exit.ts";

/** Install the handlers; `flush` writes pending output. Returns the uninstaller. */
export function exitOnSignals(flush: () => void): () => void {
  const handlers: [Deno.Signal, () => void][] = [
    ["SIGTERM", () => {
      flush();
      Deno.exit(EXIT.sigterm);
    }],
    ["SIGINT", () => {
      flush();
      Deno.exit(EXIT.sigint);
    }],
  ];
  for (const [sig, h] of handlers) Deno.addSignalListener(sig, h);
  return () => {
    for (const [sig, h] of handlers) Deno.removeSignalListener(sig, h);
  };
}
