/**
 * The dashboard's state machine, outside React: what each key press does, and
 * what each update from the session does to the view. Every change to the
 * simulation is a request to the session port (a command line, or an intent
 * the session resolves), so `--record` captures it; the controller never
 * waits for an answer: results and snapshots arrive as they come.
 */
import type { SimEvent, Snapshot } from "../src/snapshot.ts";
import { History } from "./history.ts";
import { type Action, lookup } from "./keymap.ts";
import { editCmdLine, openCmdLine } from "./command_line.ts";
import { shownGroups } from "./panels/events.ts";
import { kindsIn } from "./event_log.ts";
import { newView, type ViewState } from "./view.ts";
import { FOCUS_ORDER } from "./panel_list.ts";
import type { KeyPress } from "./input.ts";
import type { HostFeed } from "./types.ts";
import type {
  ExecResult,
  Request,
  SessionPort,
  SessionUpdate,
  SplitOpener,
} from "../src/session_port.ts";
import { tooSmall } from "./layout.ts";
import { BACKEND_FORM } from "./constants.ts";
import { formKey, openForm, type RegisterForm } from "./register_form.ts";
import { linePager, pagerKey, pagerStatus, textPager } from "./pager.ts";
import { helpLines } from "./help.ts";
import { graphsMode } from "./screen.ts";
import { CHART_COUNT } from "./graphs.ts";

/** Refresh rates `+`/`-` step through, Hz. */
export const RATES: readonly number[] = [1, 2, 5, 10, 15, 20, 30];
export const DEFAULT_RATE = 10;
export const DEFAULT_SPEED = 10;
/** Exit statuses: `q` (or `:quit`) and Ctrl-C (as a shell reports SIGINT). */
export const EXIT_QUIT = 0;
export const EXIT_INTERRUPT = 130;

export interface ControllerOptions {
  port: SessionPort;
  /** The first snapshot (the session's state when the dashboard opens). */
  snapshot: Snapshot;
  rate?: number;
  speed?: number;
  record?: string;
  paused?: boolean;
  /** Events to show from the start. */
  events?: SimEvent[];
  /** The host view (`--host`): its samples redraw the Host panel. */
  host?: HostFeed;
  /** The split view (`|`, `--split`). */
  split?: SplitOpener;
}

export class Controller {
  readonly port: SessionPort;
  readonly view: ViewState;
  readonly cmdHistory: string[] = [];
  /** Exit status once the user asked to quit. */
  exitCode: number | null = null;
  /** The register form's last choice (kept across `u`/`r`). */
  #lastForm?: { index: number; values: RegisterForm["values"] };
  #listeners: (() => void)[] = [];
  readonly #splitOpener?: SplitOpener;
  /** The split view's sessions while it is open: keys act on them, the single session waits. */
  #split: SessionPort | null = null;

  constructor(opts: ControllerOptions) {
    this.port = opts.port;
    const history = new History();
    history.push(opts.snapshot);
    this.view = newView(opts.snapshot, history, {
      paused: opts.paused ?? false,
      rate: opts.rate ?? DEFAULT_RATE,
      speed: opts.speed ?? DEFAULT_SPEED,
      record: opts.record,
      interactive: true,
    });
    for (const e of opts.events ?? []) this.view.events.add(e);
    this.port.onUpdate((u) => this.update(u));
    const host = opts.host;
    if (host) {
      this.view.host = host.latest();
      host.onSample(() => {
        this.view.host = host.latest();
        if (this.view.hostShown) this.#changed();
      });
    }
    this.port.onNotice((r) => {
      this.#report(r.cmd ?? "session", r);
      this.#changed();
    });
    this.#splitOpener = opts.split;
    if (opts.split?.atStart) this.#openSplit();
    this.#clock();
  }

  get snapshot(): Snapshot {
    return this.view.snapshot;
  }

  /** Call `fn` whenever the view changed (an update or a result arrived). */
  onChange(fn: () => void): void {
    this.#listeners.push(fn);
  }

  #changed(): void {
    for (const l of this.#listeners) l();
  }

  #clock(): void {
    const v = this.view;
    const clock = { speed: v.speed, paused: v.paused, rate: v.rate };
    // While the split view is open the single session waits where it was.
    this.port.setClock(this.#split ? { ...clock, paused: true } : clock);
    this.#split?.setClock(clock);
  }

  /** The port keys act on: the split view's sessions while it is open. */
  get #active(): SessionPort {
    return this.#split ?? this.port;
  }

  /** The state keys resolve against (selection, names): the split view's last regime while open. */
  #world(): Snapshot {
    const r = this.view.split?.regimes;
    return r ? r[r.length - 1] : this.view.snapshot;
  }

  #openSplit(): void {
    const v = this.view;
    const opened = this.#splitOpener?.open();
    if (!opened) return this.#note("no split view in this session");
    if ("error" in opened) return this.#note(`split view: ${opened.error}`);
    const port = opened;
    this.#split = port;
    v.split = { regimes: null };
    v.progress = null;
    v.behind = 1;
    port.onUpdate((u) => {
      if (this.#split !== port || !v.split) return;
      v.split.regimes = u.regimes ?? [u.snapshot];
      v.progress = u.progress;
      v.behind = u.behind;
      v.selPool = clamp(v.selPool, this.#world().superblocks.length);
      v.selSwap = clamp(v.selSwap, this.#world().swapTypes.length);
      this.#changed();
    });
    port.onNotice((r) => {
      if (this.#split !== port) return;
      this.#report(r.cmd ?? "split", r);
      this.#changed();
    });
    v.status = { text: "split view: eager, fake-poolid, deferred (v returns)", error: false };
  }

  /** Close the split view's sessions (leaving it, or quitting). */
  closeSplit(): Promise<void> {
    const port = this.#split;
    this.#split = null;
    this.view.split = null;
    this.view.progress = null;
    this.view.behind = 1;
    return port ? port.close() : Promise.resolve();
  }

  /** A new snapshot (and progress, behind) from the session. */
  update(u: SessionUpdate): void {
    const v = this.view;
    v.snapshot = u.snapshot;
    v.history.push(u.snapshot);
    this.#addEvents(() => v.events.take(u.snapshot.events));
    if (v.split) return this.#changed(); // the split view's sessions own progress and selection
    v.progress = u.progress;
    v.behind = u.behind;
    v.selPool = clamp(v.selPool, v.snapshot.superblocks.length);
    v.selSwap = clamp(v.selSwap, v.snapshot.swapTypes.length);
    this.#changed();
  }

  /** Add events; while scrolled up, keep the view where it is and count what arrived. */
  #addEvents(add: () => void): void {
    const v = this.view;
    const before = v.eventScroll ? shownGroups(v).length : 0;
    add();
    if (v.eventScroll) {
      const grew = shownGroups(v).length - before;
      if (grew > 0) {
        v.eventScroll += grew;
        v.newEvents += grew;
      }
    }
  }

  /** The terminal's size: on a too-small terminal only the quit keys act. */
  resize(cols: number, rows: number): void {
    this.view.tooSmall = tooSmall(cols, rows);
    this.view.cols = cols;
    this.view.rows = rows;
  }

  /** Send a request; its outcome is reported when it arrives. */
  send(req: Request, label: string): Promise<ExecResult> {
    const p = this.#active.send(req);
    p.then((r) => {
      this.#report(label, r);
      this.#changed();
    });
    return p;
  }

  #report(line: string, r: ExecResult): void {
    const v = this.view;
    if (r.ok) {
      const text = r.text?.trim();
      v.status = { text: text ? text.split("\n")[0] : line, error: false };
      return;
    }
    const error = errorText(r);
    // The record file could not be written: the header stops saying REC.
    if (r.cmd === "record" && v.record) v.record = `${v.record} stopped (write failed)`;
    v.status = { text: `${line}: ${error}`, error: true };
    this.#addEvents(() =>
      v.events.add({ tick: v.snapshot.tick, kind: "error", text: `${line}: ${error}` })
    );
  }

  /** Handle the presses of one input chunk in order; returns the exit status on quit. */
  keys(presses: readonly KeyPress[]): number | void {
    for (let i = 0; i < presses.length; i++) {
      const wasCmd = this.view.cmdline !== null;
      const code = this.key(presses[i]);
      if (code !== undefined) return code;
      // A pasted script: after Enter the rest of the chunk goes to a fresh command line.
      if (wasCmd && presses[i].key.return && this.view.cmdline === null && i + 1 < presses.length) {
        this.view.cmdline = openCmdLine(this.cmdHistory);
      }
    }
  }

  /** Handle one key press; returns the exit status when the dashboard should exit. */
  key({ input, key }: KeyPress): number | void {
    const v = this.view;
    if (key.ctrl && input === "c") return this.#quit(EXIT_INTERRUPT);
    if (v.tooSmall) {
      if (input === "q" && !key.ctrl && !key.meta) return this.#quit(EXIT_QUIT);
      return;
    }
    const o = v.overlay;
    if (o?.kind === "pager") {
      if (pagerKey(o, { input, key }, v.cols, v.rows) === "close") {
        v.overlay = null;
        if (v.status?.text === pagerStatus(o)) {
          v.status = { text: pagerStatus(o, false), error: false };
        }
      }
      return;
    }
    if (o?.kind === "form") {
      const a = formKey(o, { input, key });
      if (a === "cancel") v.overlay = null;
      else if (a) {
        v.overlay = null;
        this.#lastForm = { index: o.index, values: o.values };
        this.send(a, a.line);
      }
      return;
    }
    if (v.cmdline) return this.#cmdKey(input, key);
    const b = lookup(input, key);
    if (b) return this.action(b.action);
  }

  #quit(code: number): number {
    this.exitCode = code;
    return code;
  }

  #cmdKey(input: string, key: KeyPress["key"]): number | void {
    const v = this.view;
    const a = editCmdLine(v.cmdline!, input, key, this.cmdHistory);
    if (a.kind === "close") v.cmdline = null;
    else if (a.kind === "edit") v.cmdline = a.line;
    else {
      if (this.cmdHistory[this.cmdHistory.length - 1] !== a.text) this.cmdHistory.push(a.text);
      v.cmdline = null;
      this.send({ line: a.text }, a.text).then((r) => {
        if (!r.ok) {
          // Open again with the error in place, unless the user is typing another line.
          if (!v.cmdline?.text) {
            v.cmdline = { text: a.text, error: errorText(r), hist: this.cmdHistory.length };
          }
          return;
        }
        if (r.quit) {
          this.#quit(EXIT_QUIT);
          this.#changed();
          return;
        }
        const lines = r.text?.trimEnd().split("\n") ?? [];
        if (lines.length > 1) {
          const pager = textPager(a.text, lines);
          v.overlay = pager;
          v.status = { text: pagerStatus(pager), error: false };
        }
      });
    }
  }

  /** Perform a keymap action. */
  action(action: Action): number | void {
    const v = this.view;
    const s = this.#world();
    switch (action) {
      case "register":
        v.overlay = openForm(BACKEND_FORM, this.#lastForm);
        return;
      case "unregister":
        this.send({ line: "unregister" }, "unregister");
        return;
      case "mount":
        this.send({ intent: "mount-next" }, "mount");
        return;
      case "umount": {
        const sb = s.superblocks[v.selPool];
        if (sb) this.send({ line: `umount ${sb.name}` }, `umount ${sb.name}`);
        else this.#note("no filesystem to unmount (m mounts one)");
        return;
      }
      case "swapon":
        this.send({ intent: "swapon-next" }, "swapon");
        return;
      case "swapoff": {
        const t = s.swapTypes[v.selSwap];
        if (t) this.send({ line: `swapoff ${t.type}` }, `swapoff ${t.type}`);
        else this.#note("no swap type to disable (s enables one)");
        return;
      }
      case "workloads":
        this.send({ intent: "workloads-toggle" }, "workloads");
        return;
      case "pause":
        v.paused = !v.paused;
        v.status = { text: v.paused ? "paused (. steps one tick)" : "resumed", error: false };
        this.#clock();
        return;
      case "step":
        if (v.paused) this.send({ line: "run 1" }, "run 1");
        else this.#note("single steps work while paused (space pauses)");
        return;
      case "faster":
      case "slower": {
        const next = action === "faster"
          ? RATES.find((r) => r > v.rate) ?? RATES[RATES.length - 1]
          : RATES.findLast((r) => r < v.rate) ?? RATES[0];
        v.rate = next;
        v.status = { text: `refresh ${next} Hz`, error: false };
        this.#clock();
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
        if (!v.split && graphsMode(v, v.cols, v.rows) === "full") {
          v.graphFirst = Math.max(0, Math.min(CHART_COUNT - 1, v.graphFirst + d));
        } else if (v.focus === "pools" || (v.split && v.focus !== "swap")) {
          v.selPool = clamp(v.selPool + d, s.superblocks.length);
        } else if (v.focus === "swap") v.selSwap = clamp(v.selSwap + d, s.swapTypes.length);
        else {
          // Up scrolls back in time; down returns to the newest (then the log is followed).
          v.eventScroll = clamp(v.eventScroll - d, shownGroups(v).length);
          if (v.eventScroll === 0) v.newEvents = 0;
        }
        return;
      }
      case "cancel":
        if (v.progress) {
          this.#active.cancel();
          v.status = { text: `cancelling ${v.progress.line}…`, error: false };
        }
        return;
      case "graphs": {
        const shown = graphsMode(v, v.cols, v.rows) !== "off";
        v.graphs = !shown;
        v.status = { text: shown ? "graphs hidden" : "graphs shown (g hides them)", error: false };
        return;
      }
      case "filter": {
        const kinds = kindsIn(v.events.events);
        const i = v.eventFilter === null ? -1 : kinds.indexOf(v.eventFilter);
        v.eventFilter = i + 1 < kinds.length ? kinds[i + 1] : null;
        v.eventScroll = 0;
        v.newEvents = 0;
        v.status = { text: `events: ${v.eventFilter ?? "all kinds"}`, error: false };
        return;
      }
      case "command":
        v.cmdline = openCmdLine(this.cmdHistory);
        return;
      case "help":
        v.overlay = linePager("Keys", helpLines());
        return;
      case "host":
        if (v.host === undefined) this.#note("no host view (start with --host or --host-root DIR)");
        else v.hostShown = !v.hostShown;
        return;
      case "split":
        if (v.split) {
          void this.closeSplit();
          v.status = {
            text: `split view closed: the ${v.snapshot.regime} session at tick ${v.snapshot.tick}`,
            error: false,
          };
          this.#clock();
        } else {
          this.#openSplit();
          this.#clock();
        }
        return;
      case "quit":
        return this.#quit(EXIT_QUIT);
      case "interrupt":
        return this.#quit(EXIT_INTERRUPT);
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
