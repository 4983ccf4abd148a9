/**
 * The session worker's outgoing messages, record lines held back: every live
 * tick records a `run k` line, and posting it alone cost a message (and a
 * wake-up of the UI thread) per tick beside the update. Record lines wait
 * for the next other message (an update, a result, the goodbye) and go out
 * with it, in one post, in order; lines that nothing follows go out alone
 * after `maxDelayMs`. The UI side hands a batch's messages to its inbox one
 * by one (`session_client.ts`), so the order of records and results is the
 * order they were posted in.
 */
import type { HostMessage } from "./session_host.ts";

/** What the worker posts: one message, or several in the order they were posted. */
export type HostPost = HostMessage | HostMessage[];

export interface BatchEnv {
  send(post: HostPost): void;
  /** Call `fn` after `ms` (the worker's timers; tests pass their own); returns its cancel. */
  later(fn: () => void, ms: number): () => void;
  /** Longest a record line waits for company (default 100 ms). */
  maxDelayMs?: number;
}

export class PostBatcher {
  readonly #env: BatchEnv;
  #held: HostMessage[] = [];
  /** Cancels the pending flush timer. */
  #timer: (() => void) | null = null;

  constructor(env: BatchEnv) {
    this.#env = env;
  }

  /** Post `msg`: a record line is held; anything else goes out with the lines held before it. */
  post = (msg: HostMessage): void => {
    if (msg.type === "record") {
      this.#held.push(msg);
      this.#timer ??= this.#env.later(() => {
        this.#timer = null;
        this.flush();
      }, this.#env.maxDelayMs ?? 100);
      return;
    }
    if (!this.#held.length) return this.#env.send(msg);
    this.#held.push(msg);
    this.flush();
  };

  /** Send what is held now. */
  flush(): void {
    this.#timer?.();
    this.#timer = null;
    if (!this.#held.length) return;
    const batch = this.#held;
    this.#held = [];
    this.#env.send(batch.length === 1 ? batch[0] : batch);
  }
}

/** The messages of one post, in order. */
export function postedMessages(post: HostPost): HostMessage[] {
  return Array.isArray(post) ? post : [post];
}
