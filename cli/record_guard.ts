/**
 * The dashboard's record file when a write fails mid-session (a full disk): the recorder
 * has already cut the file back to its last whole line; the guard stops recording there
 * (later lines are dropped, never half-written) and tells the dashboard through a notice,
 * so the header and the event log say that the recording stopped and why. The session
 * itself goes on: the dashboard never blocks or exits on its own account. (The headless
 * mode stops the script instead, exit 2: see `headless.ts`.)
 */
import type { ExecResult, SessionPort } from "../src/session_port.ts";

/** A record callback that stops at the first failed write, and the notices it sends. */
export class RecordGuard {
  #stopped: string | null = null;
  #listeners: ((r: ExecResult) => void)[] = [];

  constructor(private readonly push: (line: string) => void) {}

  /** The first write error, or null while recording. */
  get stopped(): string | null {
    return this.#stopped;
  }

  /** Pass as the session's record callback. */
  record = (line: string): void => {
    if (this.#stopped !== null) return;
    try {
      this.push(line);
    } catch (e) {
      this.#stopped = e instanceof Error ? e.message : String(e);
      const notice: ExecResult = {
        ok: false,
        cmd: "record",
        error: `recording stopped: ${this.#stopped}; the file ends on its last whole line ` +
          `and the session goes on unrecorded`,
      };
      for (const l of this.#listeners) l(notice);
    }
  };

  /** `port` with the guard's notices added to its own. */
  port(port: SessionPort): SessionPort {
    return {
      send: (req) => port.send(req),
      setClock: (clock) => port.setClock(clock),
      cancel: () => port.cancel(),
      onUpdate: (listener) => port.onUpdate(listener),
      onNotice: (listener) => {
        this.#listeners.push(listener);
        port.onNotice(listener);
      },
      close: () => port.close(),
    };
  }
}
