/** The dashboard's view state: everything a frame is drawn from. */
import type { SimEvent, Snapshot } from "../src/snapshot.ts";
import type { History } from "./history.ts";
import type { CmdLine } from "./command_line.ts";
import type { Progress } from "../src/session_port.ts";
import type { HostSnapshot } from "../src/host/snapshot.ts";

export type Focus = "pools" | "swap" | "events";
export const FOCUS_ORDER: readonly Focus[] = ["pools", "swap", "events"];

export type Overlay =
  | { kind: "help" }
  | { kind: "chooser"; options: readonly string[]; index: number }
  | { kind: "output"; title: string; lines: string[] };

export interface ViewState {
  snapshot: Snapshot;
  history: History;
  paused: boolean;
  /** Refresh rate, Hz. */
  rate: number;
  /** Simulation speed, ticks per second. */
  speed: number;
  focus: Focus;
  selPool: number;
  selSwap: number;
  /** Events scrolled past (0 = newest on top). */
  eventScroll: number;
  overlay: Overlay | null;
  /** Open command line, with the error of its last run shown in place. */
  cmdline: CmdLine | null;
  /** Result of the last key's command, shown in the footer for a while. */
  status: { text: string; error: boolean } | null;
  /** Dashboard-side events (failed commands), merged into the events panel. */
  uiEvents: SimEvent[];
  record?: string;
  /** The long command in progress (footer progress; Esc cancels), or null. */
  progress: Progress | null;
  /** How many times slower than `speed` the simulation runs (header `behind ×N` above 1). */
  behind: number;
  /** The terminal is below the minimum size: only the quit keys act. */
  tooSmall: boolean;
  /** False for `--once`: no focus marks, no footer. */
  interactive: boolean;
  /** The host view's latest sample (null: nothing readable); undefined without `--host`. */
  host?: HostSnapshot | null;
  /** Whether the Host panel is drawn (`H` toggles it). */
  hostShown: boolean;
}

/** A fresh view: nothing selected, focus on Pools, no overlay. */
export function newView(
  snapshot: Snapshot,
  history: History,
  rest: Pick<ViewState, "rate" | "speed" | "paused" | "interactive"> & Partial<ViewState>,
): ViewState {
  return {
    snapshot,
    history,
    focus: "pools",
    selPool: 0,
    selSwap: 0,
    eventScroll: 0,
    overlay: null,
    cmdline: null,
    status: null,
    uiEvents: [],
    progress: null,
    behind: 1,
    tooSmall: false,
    hostShown: true,
    ...rest,
  };
}
