/**
 * The dashboard's port to the simulation (an interface of the core the edge implements): the UI sends command lines (or
 * intents the session resolves against its current state, like "mount the
 * next filesystem") and receives snapshots. The simulation runs elsewhere (a
 * Worker, `cli/session_client.ts`), so nothing here ever waits for it; tests
 * plug in an in-process session behind the same interface.
 */
import type { Snapshot } from "./snapshot.ts";

/** The outcome of one request, as the dashboard reads it. */
export interface ExecResult {
  ok: boolean;
  /** The command word. */
  cmd?: string;
  /** Output (several lines for `stats`, `compare`, `help`). */
  text?: string;
  /** One line, possibly starting with `line N: `. */
  error?: string;
  quit?: boolean;
  /** Set when a long `run` was cancelled: the ticks it did (kept) and asked for. */
  cancelled?: { done: number; total: number };
}

/**
 * What the dashboard asks for: a command line of the script language, or an
 * intent that needs the session's current state to become one (the next free
 * filesystem name or swap type, the workloads to stop or start again).
 */
export type Request =
  | { line: string }
  | { intent: "mount-next" | "swapon-next" | "workloads-toggle" };

/** A long command in progress. */
export interface Progress {
  line: string;
  done: number;
  total: number;
}

/** What the session sends after commands and on its own clock. */
export interface SessionUpdate {
  snapshot: Snapshot;
  /** The long command in progress, or null. */
  progress: Progress | null;
  /** How many times slower than `speed` the simulation runs (1 when it keeps up). */
  behind: number;
  /** The split view's sessions: one snapshot per regime, in `REGIMES` order (`snapshot` is the last). */
  regimes?: Snapshot[];
}

/** The live clock: simulated ticks per wall-clock second, paused, and snapshots per second. */
export interface Clock {
  speed: number;
  paused: boolean;
  rate: number;
}

export interface SessionPort {
  /** Run one request; the promise settles when the session has done it. */
  send(req: Request): Promise<ExecResult>;
  /** Set the live clock. */
  setClock(clock: Clock): void;
  /** Ask the long command in progress to stop (the ticks done so far are kept). */
  cancel(): void;
  /** Receive every update (the latest snapshot first thing after subscribing, when there is one). */
  onUpdate(listener: (u: SessionUpdate) => void): void;
  /** Receive results nobody asked for: errors of the start-up scenario or of the live clock. */
  onNotice(listener: (r: ExecResult) => void): void;
  /** Stop the session: never waits for a busy simulation longer than a bounded time. */
  close(): Promise<void>;
}

/**
 * Starts the split view's sessions: the three regimes in lockstep behind one
 * port, replaying the session so far (the edge knows its lines).
 */
export interface SplitOpener {
  /** Open the split view at start (`--split`). */
  atStart: boolean;
  /** The split sessions' port, or why they cannot start. */
  open(): SessionPort | { error: string };
}
