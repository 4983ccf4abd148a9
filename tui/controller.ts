/**
 * The dashboard's state machine, outside React: what each key does, and what
 * each refresh does (advance the simulation by the ticks owed at the current
 * speed, take one snapshot). Every change to the simulation is a command line
 * executed by the session, so `--record` captures it.
 */
import type { Key } from "ink";
import type { SimEvent, Snapshot } from "../src/snapshot.ts";
import { BACKEND_KINDS } from "../src/backends/catalog.ts";
import { MAX_SWAPFILES } from "../src/simulation.ts";
import { History } from "./history.ts";
import { type Action, lookup } from "./keymap.ts";
import { editCmdLine, openCmdLine } from "./command_line.ts";
import { mergedEvents } from "./panels/events.ts";
import { FOCUS_ORDER, newView, type ViewState } from "./view.ts";
import type { DashboardSession, ExecResult } from "./types.ts";

/** Refresh rates `+`/`-` step through, Hz. */
export const RATES: readonly number[] = [1, 2, 5, 10, 15, 20, 30];
export const DEFAULT_RATE = 10;
export const DEFAULT_SPEED = 10;
const UI_EVENT_LIMIT = 50;

export interface ControllerOptions {
  session: DashboardSession;
  rate?: number;
  speed?: number;
  record?: string;
  paused?: boolean;
  /** Events to show from the start (errors of the start-up scenario). */
  events?: SimEvent[];
}

export class Controller {
  readonly session: DashboardSession;
  readonly view: ViewState;
  readonly cmdHistory: string[] = [];
  /** Workloads `w` stopped, to start them again. */
  #stopped: { name: string; params: Record<string, number | string> }[] = [];
  #owed = 0;
  #last: number | null = null;

  constructor(opts: ControllerOptions) {
    this.session = opts.session;
    const history = new History();
    const snapshot = this.session.sim.snapshot();
    history.push(snapshot, this.session.sim);
    this.view = newView(snapshot, history, {
      paused: opts.paused ?? false,
      rate: opts.rate ?? DEFAULT_RATE,
      speed: opts.speed ?? DEFAULT_SPEED,
      uiEvents: [...(opts.events ?? [])],
      record: opts.record,
      interactive: true,
    });
  }

  get snapshot(): Snapshot {
    return this.view.snapshot;
  }

  /** Re-read the simulation (after a command, or once per refresh). */
  refresh(): void {
    const v = this.view;
    v.snapshot = this.session.sim.snapshot();
    v.history.push(v.snapshot, this.session.sim);
    v.selPool = clamp(v.selPool, v.snapshot.superblocks.length);
    v.selSwap = clamp(v.selSwap, v.snapshot.swapTypes.length);
  }

  /**
   * One refresh at wall-clock time `now` (ms): run the ticks owed at the
   * current speed (at most one second's worth; a backlog is dropped), then
   * snapshot. Returns false when nothing could have changed (paused).
   */
  frame(now: number): boolean {
    const v = this.view;
    if (v.paused) {
      this.#last = now;
      return false;
    }
    if (this.#last !== null) this.#owed += ((now - this.#last) / 1000) * v.speed;
    this.#last = now;
    const n = Math.min(Math.floor(this.#owed), Math.max(1, Math.ceil(v.speed)));
    if (n > 0) {
      this.#owed = Math.min(this.#owed - n, v.speed);
      const r = this.session.execute(`run ${n}`);
      if (!r.ok) {
        v.paused = true;
        this.#report(`run ${n}`, r);
      }
    }
    this.refresh();
    return true;
  }

  /** Execute a command line through the session and report its outcome. */
  exec(line: string): ExecResult {
    const r = this.session.execute(line);
    this.#report(line, r);
    this.refresh();
    return r;
  }

  #report(line: string, r: ExecResult): void {
    const v = this.view;
    if (r.ok) {
      const text = r.text?.trim();
      v.status = { text: text ? text.split("\n")[0] : line, error: false };
      return;
    }
    const error = errorText(r);
    v.status = { text: `${line}: ${error}`, error: true };
    v.uiEvents.unshift({ tick: v.snapshot.tick, kind: "error", text: `${line}: ${error}` });
    if (v.uiEvents.length > UI_EVENT_LIMIT) v.uiEvents.length = UI_EVENT_LIMIT;
  }

  /** Handle a key press; returns "quit" when the dashboard should exit. */
  key(input: string, key: Key): "quit" | void {
    const v = this.view;
    const o = v.overlay;
    if (o?.kind === "help" || o?.kind === "output") {
      v.overlay = null;
      return;
    }
    if (o?.kind === "chooser") {
      if (key.escape || input === "q") v.overlay = null;
      else if (key.upArrow) o.index = (o.index + o.options.length - 1) % o.options.length;
      else if (key.downArrow) o.index = (o.index + 1) % o.options.length;
      else if (key.return) {
        v.overlay = null;
        this.exec(`register ${o.options[o.index]}`);
      }
      return;
    }
    if (v.cmdline) return this.#cmdKey(input, key);
    const b = lookup(input, key);
    if (b) return this.action(b.action);
  }

  #cmdKey(input: string, key: Key): "quit" | void {
    const v = this.view;
    const a = editCmdLine(v.cmdline!, input, key, this.cmdHistory);
    if (a.kind === "close") v.cmdline = null;
    else if (a.kind === "edit") v.cmdline = a.line;
    else {
      if (this.cmdHistory[this.cmdHistory.length - 1] !== a.text) this.cmdHistory.push(a.text);
      const r = this.exec(a.text);
      if (!r.ok) {
        v.cmdline = { text: a.text, error: errorText(r), hist: this.cmdHistory.length };
        return;
      }
      v.cmdline = null;
      if (r.quit) return "quit";
      const lines = r.text?.trimEnd().split("\n") ?? [];
      if (lines.length > 1) v.overlay = { kind: "output", title: a.text, lines };
    }
  }

  /** Perform a keymap action. */
  action(action: Action): "quit" | void {
    const v = this.view;
    const s = v.snapshot;
    switch (action) {
      case "register":
        if (BACKEND_KINDS.length > 1) {
          v.overlay = { kind: "chooser", options: BACKEND_KINDS, index: 0 };
        } else this.exec(`register ${BACKEND_KINDS[0]}`);
        return;
      case "unregister":
        this.exec("unregister");
        return;
      case "mount": {
        const names = new Set(s.superblocks.map((sb) => sb.name));
        let n = 1;
        while (names.has(`fs${n}`)) n++;
        this.exec(`mount fs${n}`);
        return;
      }
      case "umount": {
        const sb = s.superblocks[v.selPool];
        if (sb) this.exec(`umount ${sb.name}`);
        else this.#note("no filesystem to unmount (m mounts one)");
        return;
      }
      case "swapon": {
        const used = new Set(s.swapTypes.map((t) => t.type));
        let t = 0;
        while (used.has(t)) t++;
        if (t >= MAX_SWAPFILES) this.#note(`all ${MAX_SWAPFILES} swap types are enabled`);
        else this.exec(`swapon ${t}`);
        return;
      }
      case "swapoff": {
        const t = s.swapTypes[v.selSwap];
        if (t) this.exec(`swapoff ${t.type}`);
        else this.#note("no swap type to disable (s enables one)");
        return;
      }
      case "workloads": {
        const running = s.workloads.filter((w) => w.running);
        if (running.length) {
          this.#stopped = running.map((w) => ({ name: w.name, params: w.params }));
          this.exec("workload stop all");
        } else {
          const again = this.#stopped.length
            ? this.#stopped
            : [{ name: "pagecache", params: {} }, { name: "swap", params: {} }];
          for (const w of again) {
            const params = Object.entries(w.params)
              .filter(([, val]) => val !== "")
              .map(([k, val]) => ` ${k}=${val}`)
              .join("");
            this.exec(`workload start ${w.name}${params}`);
          }
          this.#stopped = [];
        }
        return;
      }
      case "pause":
        v.paused = !v.paused;
        v.status = { text: v.paused ? "paused (. steps one tick)" : "resumed", error: false };
        return;
      case "step":
        if (v.paused) this.exec("run 1");
        else this.#note("single steps work while paused (space pauses)");
        return;
      case "faster":
      case "slower": {
        const next = action === "faster"
          ? RATES.find((r) => r > v.rate) ?? RATES[RATES.length - 1]
          : RATES.findLast((r) => r < v.rate) ?? RATES[0];
        v.rate = next;
        v.status = { text: `refresh ${next} Hz`, error: false };
        return;
      }
      case "focusNext":
      case "focusPrev": {
        const i = FOCUS_ORDER.indexOf(v.focus);
        const d = action === "focusNext" ? 1 : FOCUS_ORDER.length - 1;
        v.focus = FOCUS_ORDER[(i + d) % FOCUS_ORDER.length];
        return;
      }
      case "up":
      case "down": {
        const d = action === "up" ? -1 : 1;
        if (v.focus === "pools") v.selPool = clamp(v.selPool + d, s.superblocks.length);
        else if (v.focus === "swap") v.selSwap = clamp(v.selSwap + d, s.swapTypes.length);
        else v.eventScroll = clamp(v.eventScroll + d, mergedEvents(v).length);
        return;
      }
      case "command":
        v.cmdline = openCmdLine(this.cmdHistory);
        return;
      case "help":
        v.overlay = { kind: "help" };
        return;
      case "quit":
        return "quit";
    }
  }

  #note(text: string): void {
    this.view.status = { text, error: true };
  }
}

/** The session's error without its "line N: " prefix (the dashboard has no line numbers). */
export function errorText(r: ExecResult): string {
  return (r.error ?? "failed").replace(/^line \d+: /, "");
}

function clamp(i: number, n: number): number {
  return Math.max(0, Math.min(i, n - 1));
}
