/**
 * The dashboard's public surface, imported by mod.ts (after it set
 * FORCE_COLOR=0 under NO_COLOR / --no-color):
 * - `runDashboard({ port, rate, speed, noColor, record })` opens the live
 *   dashboard over a session port and resolves with the exit status;
 * - `renderOnce(snapshot)` is the plain-text `--once` view.
 */
export { renderOnce, runDashboard } from "./run.tsx";
export type { DashboardOptions } from "./types.ts";
export type { SessionPort } from "../src/session_port.ts";
