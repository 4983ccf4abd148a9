/**
 * Constants of the simulated machine that code outside the core may read
 * (the dashboard reads these and snapshots, nothing else of `src/`).
 */

/** Simulated milliseconds per tick. */
export const TICK_MS = 100;
