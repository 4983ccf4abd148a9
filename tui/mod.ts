/**
 * The dashboard's public surface, imported by mod.ts (after it set
 * FORCE_COLOR=0 under NO_COLOR / --no-color):
 * - `runDashboard({ session, rate, speed, noColor, record })` opens the live
 *   dashboard and resolves when the user quits;
 * - `renderOnce(snapshot)` is the plain-text `--once` view.
 */
export { renderOnce, runDashboard } from "./run.tsx";
export type { DashboardOptions, DashboardSession } from "./types.ts";
