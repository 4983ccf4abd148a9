/**
 * Recording: the canonical lines of a session, written as a script that
 * replays the same run. Consecutive `run N` lines are merged (the dashboard
 * issues `run 1` per tick), never beyond what one `run` line accepts.
 */
import { PARSE_LIMITS } from "./args.ts";

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
 * Where a recorder writes. `append` gets text ending in a newline. With
 * `replaceLast`, a merged `run` line replaces the one written just before
 * (the file is complete at every moment, even if the process is killed);
 * without it, a trailing `run` is held back until the next command or `flush()`.
 */
export interface RecordSink {
  append(text: string): void;
  /** Replace the line `oldLine` (the last one appended) with `newLine`; both without newline. */
  replaceLast?(oldLine: string, newLine: string): void;
}

/** Hands recorded lines to a sink, merging consecutive `run` lines. */
export class ScriptRecorder {
  #pending: string[] = [];
  /** The last line written, when it is a `run` that may still grow (replace mode). */
  #lastRun: string | null = null;
  readonly #sink: RecordSink;

  /** A plain function is an append-only sink. `header` becomes `# ` comment lines. */
  constructor(sink: RecordSink | ((text: string) => void), header?: string) {
    this.#sink = typeof sink === "function" ? { append: sink } : sink;
    if (header !== undefined) {
      this.#sink.append(header.split("\n").map((l) => `# ${l}`).join("\n") + "\n");
    }
  }

  /** Record one canonical command line. */
  push(line: string): void {
    const replace = this.#sink.replaceLast?.bind(this.#sink);
    if (replace) {
      if (this.#lastRun !== null) {
        const merged = [this.#lastRun];
        mergeRun(merged, line);
        if (merged.length === 1) {
          replace(this.#lastRun, merged[0]);
          this.#lastRun = merged[0];
          return;
        }
      }
      this.#sink.append(line + "\n");
      this.#lastRun = RUN.test(line) ? line : null;
      return;
    }
    mergeRun(this.#pending, line);
    const keep = RUN.test(this.#pending[this.#pending.length - 1]) ? 1 : 0;
    const done = this.#pending.splice(0, this.#pending.length - keep);
    if (done.length) this.#sink.append(done.join("\n") + "\n");
  }

  /** Hand over everything held back. */
  flush(): void {
    if (this.#pending.length) {
      const text = this.#pending.join("\n") + "\n";
      this.#pending = [];
      this.#sink.append(text);
    }
  }
}
