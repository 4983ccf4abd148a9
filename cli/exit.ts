/**
 * Every exit status tmemtop returns, with its meaning. `--help` and the
 * README's "Errors and exit status" section list exactly these
 * (tests/cli/exit.test.ts checks the README), and `StopError` carries a
 * status with the message that goes to stderr.
 */
import { EXIT_EXPECT_FAILED, EXIT_LINE_ERROR, EXIT_OK } from "../src/command/mod.ts";

/** The exit statuses by name. */
export const EXIT = {
  ok: EXIT_OK,
  expectFailed: EXIT_EXPECT_FAILED,
  lineError: EXIT_LINE_ERROR,
  internal: 70,
  io: 74,
  sigint: 130,
  brokenPipe: 141,
  sigterm: 143,
} as const;

/** `[status, meaning]` for every status, in order. */
export const EXIT_STATUSES: readonly (readonly [number, string])[] = [
  [EXIT.ok, "all went well"],
  [EXIT.expectFailed, "an expect failed (and no line was in error)"],
  [
    EXIT.lineError,
    "a line was in error; or bad flags; or the script could not be read; or the record " +
    "file could not be written before anything ran",
  ],
  [EXIT.internal, "internal error (a bug: please report it with the script)"],
  [
    EXIT.io,
    "output could not be written (e.g. a full disk), or the record file failed mid-run: " +
    "the run stopped there",
  ],
  [EXIT.sigint, "interrupted by SIGINT (Ctrl-C) in the headless mode; output so far written"],
  [EXIT.brokenPipe, "stdout was closed by its reader (as if killed by SIGPIPE)"],
  [EXIT.sigterm, "terminated by SIGTERM in the headless mode; output so far written"],
];

/** Ends the run with `status`; `message` (if not empty) goes to stderr as `tmemtop: message`. */
export class StopError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
