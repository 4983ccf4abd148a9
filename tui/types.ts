/**
 * What the dashboard needs from the command session: a structural subset of
 * `CommandSession` (src/command/mod.ts), so the UI depends on nothing else.
 * Every state change the dashboard makes goes through `execute`, so `--record`
 * captures it; `sim` is read afresh every frame because `regime`/`seed`
 * commands may replace it.
 */
import type { Snapshot } from "../src/snapshot.ts";

/** The fields of a `CommandResult` the dashboard reads. */
export interface ExecResult {
  ok: boolean;
  cmd?: string;
  text?: string;
  error?: string;
  quit?: boolean;
}

export interface DashboardSession {
  readonly sim: { snapshot(): Snapshot };
  execute(line: string): ExecResult;
}

/** Options of `runDashboard` (given by mod.ts). */
export interface DashboardOptions {
  session: DashboardSession;
  /** Refresh rate in Hz (default 10). */
  rate?: number;
  /** Simulation speed in ticks per wall-clock second (default 10). */
  speed?: number;
  noColor?: boolean;
  /** Path of the record file, shown in the header; the session does the recording. */
  record?: string;
  /**
   * Command lines to run at start. Default: `DEFAULT_SCENARIO`, but only when
   * the simulation is still pristine (nothing mounted, enabled, registered or running).
   */
  scenario?: readonly string[];
}
