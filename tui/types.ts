/** Options of `runDashboard` (given by mod.ts). */
import type { SessionPort } from "../src/session_port.ts";

export interface DashboardOptions {
  /** The simulation, running elsewhere (`cli/session_client.ts`). */
  port: SessionPort;
  /** Refresh rate in Hz (default 10). */
  rate?: number;
  /** Simulation speed in ticks per wall-clock second (default 10). */
  speed?: number;
  noColor?: boolean;
  /** Path of the record file, shown in the header; the caller writes it. */
  record?: string;
}
