/**
 * The UI thread's side of the dashboard's simulation: a `SessionPort` over a
 * Worker running `session_worker.ts`. Requests and clock changes are
 * messages; cancel and close also set a flag in shared memory that the
 * worker checks between chunks of ticks, so they reach a busy simulation.
 * Record lines arrive as messages and are written here (the UI thread is the
 * only writer of the record file). `close()` waits for the worker's goodbye
 * (all record lines delivered) at most `closeWaitMs`, then terminates it:
 * quitting never waits for the simulation.
 */
import type {
  Clock,
  ExecResult,
  Request,
  SessionPort,
  SessionUpdate,
} from "../src/session_port.ts";
import { type ClientMessage, FLAG_CANCEL, FLAG_CLOSE } from "./session_host.ts";
import type { InitMessage } from "./session_worker.ts";
import { PortInbox } from "./port_inbox.ts";
import { type HostPost, postedMessages } from "./post_batch.ts";

/** What the client needs of a Worker (tests pass a fake). */
export interface WorkerLike {
  postMessage(msg: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
}

export interface WorkerSessionOptions {
  regime: InitMessage["regime"];
  seed: number;
  options?: InitMessage["options"];
  /** Receives every recorded command line, in order. */
  record?: (line: string) => void;
  scenario?: readonly string[];
  /** The split view: the three regimes in lockstep (`regime` ignored; `scenario` replayed). */
  split?: boolean;
  /** Longest wait for the worker at close (default 150 ms). */
  closeWaitMs?: number;
  /** Start a worker (default: `session_worker.ts` as a module Worker). */
  spawn?: () => WorkerLike;
}

function spawnSessionWorker(): WorkerLike {
  return new Worker(new URL("./session_worker.ts", import.meta.url).href, {
    type: "module",
  }) as unknown as WorkerLike;
}

export class WorkerSessionPort implements SessionPort {
  readonly #worker: WorkerLike;
  readonly #flag = new Int32Array(new SharedArrayBuffer(4));
  readonly #inbox: PortInbox;
  readonly #closeWaitMs: number;
  #closed: Promise<void> | null = null;
  #goodbye: (() => void) | null = null;

  constructor(opts: WorkerSessionOptions) {
    this.#inbox = new PortInbox({ record: opts.record, closed: () => this.#goodbye?.() });
    this.#closeWaitMs = opts.closeWaitMs ?? 150;
    this.#worker = (opts.spawn ?? spawnSessionWorker)();
    this.#worker.onmessage = (e) => {
      for (const m of postedMessages(e.data as HostPost)) this.#inbox.receive(m);
    };
    const init: InitMessage = {
      type: "init",
      regime: opts.regime,
      seed: opts.seed,
      options: opts.options ?? {},
      record: opts.record !== undefined,
      scenario: opts.scenario,
      flag: this.#flag.buffer as SharedArrayBuffer,
      ...(opts.split ? { split: true } : {}),
    };
    this.#worker.postMessage(init);
  }

  #post(msg: ClientMessage): void {
    if (!this.#closed) this.#worker.postMessage(msg);
  }

  send(req: Request): Promise<ExecResult> {
    if (this.#closed) return Promise.resolve({ ok: false, error: "the session is closed" });
    const { id, result } = this.#inbox.request();
    this.#post({ type: "request", id, req });
    return result;
  }

  setClock(clock: Clock): void {
    this.#post({ type: "clock", clock });
  }

  cancel(): void {
    Atomics.store(this.#flag, 0, FLAG_CANCEL);
  }

  onUpdate(listener: (u: SessionUpdate) => void): void {
    this.#inbox.onUpdate(listener);
  }

  onNotice(listener: (r: ExecResult) => void): void {
    this.#inbox.onNotice(listener);
  }

  close(): Promise<void> {
    if (this.#closed) return this.#closed;
    Atomics.store(this.#flag, 0, FLAG_CLOSE);
    this.#worker.postMessage({ type: "close" } satisfies ClientMessage);
    this.#closed = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#goodbye = null;
        this.#worker.terminate();
        this.#inbox.failPending({ ok: false, error: "the session is closed" });
        resolve();
      };
      const timer = setTimeout(done, this.#closeWaitMs);
      this.#goodbye = done;
    });
    return this.#closed;
  }
}
