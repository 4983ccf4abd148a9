/**
 * `StartupError`: a problem found before any command ran (a script that
 * cannot be read, a record file that cannot be written). Reported as
 * `tmemtop: MESSAGE` on stderr with exit status 2.
 */

/** A problem found before any command ran; exit status 2. */
export class StartupError extends Error {}
