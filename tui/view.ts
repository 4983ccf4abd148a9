/** The dashboard's view state: everything a frame is drawn from. */
import type { Snapshot } from "../src/snapshot.ts";
import type { History } from "./history.ts";
import type { CmdLine } from "./command_line.ts";
import type { Progress } from "../src/session_port.ts";
import type { Pager } from "./pager.ts";
import type { RegisterForm } from "./register_form.ts";
import { UiEventLog } from "./event_log.ts";
import type { HostSnapshot } from "../src/host/snapshot.ts";

/** The panels Tab can focus (their order: `FOCUS_ORDER` in `panel_list.ts`). */
export type Focus = "pools" | "swap" | "events";

export type Overlay = Pager | RegisterForm;

/** The split view's part of the view state (drawn by `split.ts`). */
export interface SplitView {
  /** One snapshot per regime in `REGIMES` order; null until the sessions have started. */
  regimes: Snapshot[] | null;
}

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
  /** Event groups scrolled up from the newest (0 = following the log). */
  eventScroll: number;
  /** Event groups that arrived while scrolled up (the `↓ N new` marker). */
  newEvents: number;
  /** Show only events of this kind (`f` cycles), or all. */
  eventFilter: string | null;
  /** The dashboard's event log (simulation events and its own errors). */
  events: UiEventLog;
  overlay: Overlay | null;
  /** Open command line, with the error of its last run shown in place. */
  cmdline: CmdLine | null;
  /** Result of the last key's command, shown in the footer for a while. */
  status: { text: string; error: boolean } | null;
  record?: string;
  /** The long command in progress (footer progress; Esc cancels), or null. */
  progress: Progress | null;
  /** How many times slower than `speed` the simulation runs (header `behind ×N` above 1). */
  behind: number;
  /** The terminal is below the minimum size: only the quit keys act. */
  tooSmall: boolean;
  /** Graphs shown (`g` toggles); null: beside the panels when the terminal is large enough. */
  graphs: boolean | null;
  /** First chart shown when not all fit (↑↓ scroll them in the full graphs view). */
  graphFirst: number;
  /** Terminal size of the last frame (pager paging). */
  cols: number;
  rows: number;
  /** False for `--once`: no focus marks, no footer. */
  interactive: boolean;
  /** The host view's latest sample (null: nothing readable); undefined without `--host`. */
  host?: HostSnapshot | null;
  /** Whether the Host panel is drawn (`H` toggles it). */
  hostShown: boolean;
  /** The split view (`v`, `--split`): the three regimes side by side; null when closed. */
  split: SplitView | null;
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
    newEvents: 0,
    eventFilter: null,
    events: eventLogOf(snapshot),
    overlay: null,
    cmdline: null,
    status: null,
    progress: null,
    behind: 1,
    tooSmall: false,
    graphs: null,
    graphFirst: 0,
    cols: 120,
    rows: 40,
    hostShown: true,
    split: null,
    ...rest,
  };
}

/** A log holding the snapshot's events. */
function eventLogOf(snapshot: Snapshot): UiEventLog {
  const log = new UiEventLog();
  log.take(snapshot.events);
  return log;
}
