/**
 * Output to stdout or stderr: whole lines, buffered, written on `flush()`.
 * A failed write is not swallowed: the writer remembers the error, drops
 * further output, and the caller turns it into an exit status and a message
 * on stderr.
 */

const encoder = new TextEncoder();

/** Something that takes bytes synchronously (`Deno.stdout`, `Deno.stderr`, a file). */
export interface SyncSink {
  writeSync(p: Uint8Array): number;
}

/** Lines are written when the buffer passes this size even without `flush()`. */
const BUFFER_LIMIT = 1 << 16;

/** Buffered line output with explicit flushing and remembered failure. */
export class Writer {
  #parts: string[] = [];
  #size = 0;
  #failure: Error | null = null;

  constructor(readonly sink: SyncSink) {}

  /** The error of the first failed write, or null. */
  get failure(): Error | null {
    return this.#failure;
  }

  /** Whether output waits in the buffer. */
  get pending(): boolean {
    return this.#parts.length > 0;
  }

  /** Queue one line (without its newline). */
  line(s: string): void {
    if (this.#failure) return;
    this.#parts.push(s, "\n");
    this.#size += s.length + 1;
    if (this.#size > BUFFER_LIMIT) this.flush();
  }

  /** Write everything queued. Returns false once a write has failed. */
  flush(): boolean {
    if (this.#failure) return false;
    if (this.#parts.length === 0) return true;
    const bytes = encoder.encode(this.#parts.join(""));
    this.#parts = [];
    this.#size = 0;
    try {
      let off = 0;
      while (off < bytes.length) off += this.sink.writeSync(bytes.subarray(off));
      return true;
    } catch (e) {
      this.#failure = e instanceof Error ? e : new Error(String(e));
      return false;
    }
  }
}
