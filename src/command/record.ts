/**
 * Recording: the canonical lines of a session, written as a script that
 * replays the same run. Consecutive `run N` lines are merged (the dashboard
 * issues `run 1` per tick), never beyond what one `run` line accepts.
 */
import { PARSE_LIMITS } from "./parse.ts";

const RUN = /^run ([0-9]+)$/;

/** Append `line` to `lines`, merging it into a preceding `run` line when both are runs. */
export function mergeRun(lines: string[], line: string): void {
  const m = RUN.exec(line);
  const prev = lines.length ? RUN.exec(lines[lines.length - 1]) : null;
  if (m && prev) {
    const sum = Number(prev[1]) + Number(m[1]);
    if (sum <= PARSE_LIMITS.ticks) {
      lines[lines.length - 1] = `run ${sum}`;
      return;
    }
  }
  lines.push(line);
}

/**
 * Buffers recorded lines and hands finished ones to a sink (a file, an
 * array). A trailing `run` is held back until the next command or `flush()`,
 * so it can absorb the runs that follow.
 */
export class ScriptRecorder {
  #pending: string[] = [];
  readonly #sink: (text: string) => void;

  /** `sink` receives text ending in a newline, one or more lines at a time. */
  constructor(sink: (text: string) => void, header?: string) {
    this.#sink = sink;
    if (header !== undefined) {
      sink(header.split("\n").map((l) => `# ${l}`).join("\n") + "\n");
    }
  }

  /** Record one canonical command line. */
  push(line: string): void {
    mergeRun(this.#pending, line);
    const keep = RUN.test(this.#pending[this.#pending.length - 1]) ? 1 : 0;
    const done = this.#pending.splice(0, this.#pending.length - keep);
    if (done.length) this.#sink(done.join("\n") + "\n");
  }

  /** Hand over everything held back. */
  flush(): void {
    if (this.#pending.length) {
      const text = this.#pending.join("\n") + "\n";
      this.#pending = [];
      this.#sink(text);
    }
  }
}
