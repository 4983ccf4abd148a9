/**
 * A `SessionPort` over a `SessionHost` in this thread: the same request,
 * update and record protocol as the Worker, without the Worker. Tests drive
 * it with a manual clock (`advance(ms)` runs what fell due); the bench uses
 * it to feed the dashboard without a second thread.
 */
import type {
  Clock,
  ExecResult,
  Request,
  SessionPort,
  SessionUpdate,
} from "../src/session_port.ts";
import { FLAG_CANCEL, FLAG_CLOSE, type HostSession, SessionHost } from "./session_host.ts";
import { PortInbox } from "./port_inbox.ts";

export interface LocalPortOptions {
  /** Receives every recorded command line (the session's record callback must post them). */
  record?: (line: string) => void;
  /** Manual clock (default): time moves only with `advance`. False: real timers. */
  manual?: boolean;
  /** Most ticks per chunk (default 4 with the manual clock: a slice is at most 64 ticks). */
  maxChunk?: number;
}

export class LocalSessionPort implements SessionPort {
  readonly host: SessionHost;
  readonly flag = new Int32Array(1);
  readonly records: string[] = [];
  #now = 0;
  #timers: { at: number; fn: () => void }[] = [];
  readonly #inbox: PortInbox;
  #closed = false;
  readonly #manual: boolean;

  constructor(session: HostSession, opts: LocalPortOptions = {}) {
    this.#manual = opts.manual ?? true;
    this.#inbox = new PortInbox({
      record: (line) => {
        this.records.push(line);
        opts.record?.(line);
      },
    });
    this.host = new SessionHost(session, {
      now: () => (this.#manual ? this.#now : performance.now()),
      post: (m) => this.#inbox.receive(m),
      later: (fn, ms) => {
        // At least 1 ms: a job rescheduling itself at 0 ms moves on only as time does.
        if (this.#manual) this.#timers.push({ at: this.#now + Math.max(1, ms), fn });
        else setTimeout(() => !this.#closed && fn(), ms);
      },
      flag: this.flag,
      maxChunk: opts.maxChunk ?? (this.#manual ? 4 : undefined),
    });
    this.host.start();
  }

  /** Forward a session record line as the worker does (pass as the session's `record`). */
  recordLine = (line: string): void => this.#inbox.receive({ type: "record", line });

  /** Manual clock: move time by `ms`, running every timer that falls due (in order). */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at);
      const t = this.#timers[0];
      if (!t || t.at > end) break;
      this.#timers.shift();
      this.#now = Math.max(this.#now, t.at);
      t.fn();
    }
    this.#now = end;
  }

  /** Manual clock: run the timers due now (a job's next slice, a pending update). */
  settle(): void {
    this.advance(0);
  }

  get now(): number {
    return this.#now;
  }

  send(req: Request): Promise<ExecResult> {
    const { id, result } = this.#inbox.request();
    this.host.handle({ type: "request", id, req });
    return result;
  }

  setClock(clock: Clock): void {
    this.host.handle({ type: "clock", clock });
  }

  cancel(): void {
    Atomics.store(this.flag, 0, FLAG_CANCEL);
  }

  onUpdate(listener: (u: SessionUpdate) => void): void {
    this.#inbox.onUpdate(listener);
  }

  onNotice(listener: (r: ExecResult) => void): void {
    this.#inbox.onNotice(listener);
  }

  close(): Promise<void> {
    this.#closed = true;
    Atomics.store(this.flag, 0, FLAG_CLOSE);
    this.host.handle({ type: "close" });
    return Promise.resolve();
  }
}
