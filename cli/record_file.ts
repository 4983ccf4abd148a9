/**
 * The `--record` file: a `RecordSink` writing through one open file
 * handle. A merged `run` line is rewritten in place, so the file replays
 * even if the process is killed. If a write fails (a full disk), the file is
 * cut back to its last whole line and the error is thrown, so the session
 * stops recording and the caller stops the run.
 */
import { type RecordSink, ScriptRecorder } from "../src/command/mod.ts";
import { EXIT, StopError } from "./exit.ts";

const encoder = new TextEncoder();

/** Writes a session's recording to a file. */
export class RecordFile implements RecordSink {
  #size = 0;

  private constructor(readonly path: string, readonly file: Deno.FsFile) {}

  /**
   * Create or empty `path` and write the header; throws `StopError` (exit
   * status 2) when the file cannot be written.
   */
  static open(path: string, header: string): { file: RecordFile; recorder: ScriptRecorder } {
    let handle: Deno.FsFile;
    try {
      handle = Deno.openSync(path, { write: true, create: true, truncate: true });
    } catch (e) {
      throw new StopError(EXIT.lineError, `cannot write record file '${path}': ${messageOf(e)}`);
    }
    const file = new RecordFile(path, handle);
    try {
      return { file, recorder: new ScriptRecorder(file, header) };
    } catch (e) {
      file.close();
      throw new StopError(EXIT.lineError, messageOf(e));
    }
  }

  /** Append text (whole lines). */
  append(text: string): void {
    this.#writeAt(this.#size, text);
  }

  /** Replace the last line, `oldLine`, by `newLine` (both without newline). */
  replaceLast(oldLine: string, newLine: string): void {
    const start = this.#size - encoder.encode(oldLine + "\n").length;
    try {
      this.#writeAt(start, newLine + "\n");
    } catch (e) {
      // Put the old line back if there is room; #writeAt already cut the file at `start`.
      try {
        this.#writeAt(start, oldLine + "\n");
      } catch {
        // the file now ends before the old line: still whole lines
      }
      throw e;
    }
  }

  /** Close the handle (idempotent). */
  close(): void {
    try {
      this.file.close();
    } catch {
      // already closed
    }
  }

  #writeAt(at: number, text: string): void {
    const bytes = encoder.encode(text);
    try {
      this.file.seekSync(at, Deno.SeekMode.Start);
      let off = 0;
      while (off < bytes.length) off += this.file.writeSync(bytes.subarray(off));
      if (at + bytes.length < this.#size) this.file.truncateSync(at + bytes.length);
      this.#size = at + bytes.length;
    } catch (e) {
      try {
        this.file.truncateSync(at);
        this.#size = at;
      } catch {
        // nothing more we can do; the caller stops the run
      }
      throw new Error(`cannot write record file '${this.path}': ${messageOf(e)}`);
    }
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
