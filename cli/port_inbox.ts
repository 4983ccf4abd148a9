/**
 * The UI side of the session protocol that both ports share (the Worker's,
 * `session_client.ts`, and the in-thread one, `local_port.ts`): a request id
 * for each request and its result delivered to it, results nobody asked for
 * (the live clock's errors, a stopped recording) to the notice listeners,
 * updates to the update listeners (the latest kept for late listeners),
 * record lines to the recorder, and the host's goodbye.
 */
import type { ExecResult, SessionUpdate } from "../src/session_port.ts";
import type { HostMessage } from "./session_host.ts";

export class PortInbox {
  readonly #pending = new Map<number, (r: ExecResult) => void>();
  readonly #listeners: ((u: SessionUpdate) => void)[] = [];
  readonly #notices: ((r: ExecResult) => void)[] = [];
  #last: SessionUpdate | null = null;
  #nextId = 1;

  /** `record` receives every record line; `closed` the host's goodbye. */
  constructor(
    private readonly hooks: { record?: (line: string) => void; closed?: () => void } = {},
  ) {}

  /** A fresh request id, and the promise of its result. */
  request(): { id: number; result: Promise<ExecResult> } {
    const id = this.#nextId++;
    return { id, result: new Promise((resolve) => this.#pending.set(id, resolve)) };
  }

  /** Deliver one message of the host. */
  receive(msg: HostMessage): void {
    switch (msg.type) {
      case "result": {
        const resolve = this.#pending.get(msg.id);
        if (resolve) {
          this.#pending.delete(msg.id);
          resolve(msg.result);
        } else for (const l of this.#notices) l(msg.result);
        break;
      }
      case "update":
        this.#last = msg.update;
        for (const l of this.#listeners) l(msg.update);
        break;
      case "record":
        this.hooks.record?.(msg.line);
        break;
      case "closed":
        this.hooks.closed?.();
        break;
    }
  }

  /** Listen to updates (a late listener gets the latest at once). */
  onUpdate(listener: (u: SessionUpdate) => void): void {
    this.#listeners.push(listener);
    if (this.#last) listener(this.#last);
  }

  /** Listen to results nobody asked for. */
  onNotice(listener: (r: ExecResult) => void): void {
    this.#notices.push(listener);
  }

  /** Resolve every request still waiting with `r` (the session closed under them). */
  failPending(r: ExecResult): void {
    for (const resolve of this.#pending.values()) resolve(r);
    this.#pending.clear();
  }
}
