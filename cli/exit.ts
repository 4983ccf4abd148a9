/**
 * Every exit status tmemtop returns, with its meaning. `--help` and the
 * README's "Errors and exit status" section list exactly these
 * (tests/cli/exit.test.ts checks the README).
 */
import { EXIT_EXPECT_FAILED, EXIT_LINE_ERROR, EXIT_OK } from "../src/command/mod.ts";

/** The exit statuses by name. */
export const EXIT = {
  ok: EXIT_OK,
  expectFailed: EXIT_EXPECT_FAILED,
  lineError: EXIT_LINE_ERROR,
  internal: 70,
} as const;

/** `[status, meaning]` for every status, in order. */
export const EXIT_STATUSES: readonly (readonly [number, string])[] = [
  [EXIT.ok, "all went well"],
  [EXIT.expectFailed, "an expect failed (and no line was in error)"],
  [
    EXIT.lineError,
    "a line was in error, or bad flags, or the script could not be read, " +
    "or the record file could not be written before anything ran",
  ],
  [EXIT.internal, "internal error (a bug: please report it with the script)"],
];
