/**
 * Splitting a stream of text into script lines with bounded memory: a line
 * longer than `MAX_LINE_LENGTH` (not counting a final `\r` of a CRLF
 * ending) is cut and flagged, the rest of it skipped, so binary garbage or a
 * huge line never exhausts memory.
 */
import { MAX_LINE_LENGTH } from "./text.ts";

/** One line of input. `tooLong` holds the real length when the line was cut. */
export interface ScriptLine {
  text: string;
  tooLong?: number;
}

/** Incremental splitter on `\n` (a `\r` before it is dropped by the parser). */
export class LineSplitter {
  #buf = "";
  #overflow = 0;
  /** Longest line kept, not counting a final `\r`. */
  readonly max: number;
  /** What the buffer holds at most: `max` and room for a final `\r`. */
  readonly #room: number;

  constructor(max = MAX_LINE_LENGTH) {
    this.max = max;
    this.#room = max + 1;
  }

  /** Feed a chunk; returns the lines it completed. */
  push(chunk: string): ScriptLine[] {
    const out: ScriptLine[] = [];
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf("\n", start);
      const piece = nl < 0 ? chunk.slice(start) : chunk.slice(start, nl);
      this.#append(piece);
      if (nl < 0) break;
      out.push(this.#take());
      start = nl + 1;
    }
    return out;
  }

  /** End of input: the last line if it had no newline. */
  end(): ScriptLine[] {
    if (this.#buf.length === 0 && this.#overflow === 0) return [];
    return [this.#take()];
  }

  #append(piece: string): void {
    if (this.#overflow > 0) {
      this.#overflow += piece.length;
      return;
    }
    if (this.#buf.length + piece.length > this.#room) {
      this.#overflow = this.#buf.length + piece.length;
      this.#buf = (this.#buf + piece.slice(0, this.#room - this.#buf.length)).slice(0, this.max);
      return;
    }
    this.#buf += piece;
  }

  #take(): ScriptLine {
    if (this.#overflow === 0 && this.#buf.length === this.#room && !this.#buf.endsWith("\r")) {
      this.#overflow = this.#buf.length;
      this.#buf = this.#buf.slice(0, this.max);
    }
    const line: ScriptLine = this.#overflow > 0
      ? { text: this.#buf, tooLong: this.#overflow }
      : { text: this.#buf };
    this.#buf = "";
    this.#overflow = 0;
    return line;
  }
}

/** Split a whole text into script lines (a final newline ends the last line). */
export function splitScript(text: string, max = MAX_LINE_LENGTH): ScriptLine[] {
  const s = new LineSplitter(max);
  return [...s.push(text), ...s.end()];
}
