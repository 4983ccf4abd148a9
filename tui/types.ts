/** Options of `runDashboard` (given by mod.ts). */
import type { SessionPort, SplitOpener } from "../src/session_port.ts";
import type { HostSnapshot } from "../src/host/snapshot.ts";

/** The host view's samples (`--host`, `--host-root`), taken at the edge. */
export interface HostFeed {
  /** The latest sample (null: nothing readable). */
  latest(): HostSnapshot | null;
  /** Call `fn` after every new sample. */
  onSample(fn: () => void): void;
}

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
  /** The host view: a Host panel (`H` hides and shows it). Absent: no panel. */
  host?: HostFeed;
  /** The split view (`v`, `--split`); absent: not available. */
  split?: SplitOpener;
}
