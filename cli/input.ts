/**
 * Script input: stdin or a `--script` file, decoded leniently (binary
 * garbage becomes U+FFFD) and split into bounded lines, one batch per chunk
 * read. A script that cannot be opened or read ends the run with exit
 * status 2 and the reason.
 */
import { LineSplitter, type ScriptLine } from "../src/command/mod.ts";
import { EXIT, StopError } from "./exit.ts";

/** The lines of a byte stream, in batches as the chunks arrive; `name` is for messages. */
export async function* readLines(
  stream: ReadableStream<Uint8Array>,
  name: string,
): AsyncGenerator<ScriptLine[]> {
  const splitter = new LineSplitter();
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  while (true) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch (e) {
      throw new StopError(EXIT.lineError, `cannot read script ${name}: ${messageOf(e)}`);
    }
    if (chunk.done) break;
    const lines = splitter.push(chunk.value);
    if (lines.length) yield lines;
  }
  const last = splitter.end();
  if (last.length) yield last;
}

/** The script's lines: from `file`, or from stdin when undefined. */
export function openScript(file: string | undefined): AsyncGenerator<ScriptLine[]> {
  if (file === undefined) return readLines(Deno.stdin.readable, "(stdin)");
  let f: Deno.FsFile;
  try {
    f = Deno.openSync(file, { read: true });
    if (f.statSync().isDirectory) {
      f.close();
      throw new Error("is a directory");
    }
  } catch (e) {
    throw new StopError(EXIT.lineError, `cannot read script '${file}': ${messageOf(e)}`);
  }
  return readLines(f.readable, `'${file}'`);
}

/** Whether two paths name the same existing file (same device and inode). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = Deno.statSync(a), sb = Deno.statSync(b);
    return sa.dev === sb.dev && sa.ino !== null && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
