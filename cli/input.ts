/**
 * Script input: stdin or a `--script` file, decoded leniently (binary
 * garbage becomes U+FFFD) and split into bounded lines, one batch per chunk
 * read. A script that cannot be opened is a `StartupError`.
 */
import { LineSplitter, type ScriptLine } from "../src/command/mod.ts";
import { StartupError } from "./startup.ts";

/** The lines of a byte stream, in batches as the chunks arrive. */
export async function* readLines(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<ScriptLine[]> {
  const splitter = new LineSplitter();
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    const lines = splitter.push(value);
    if (lines.length) yield lines;
  }
  const last = splitter.end();
  if (last.length) yield last;
}

/** The script's byte stream: `file`, or stdin when undefined. */
export async function openScript(file: string | undefined): Promise<ReadableStream<Uint8Array>> {
  if (file === undefined) return Deno.stdin.readable;
  try {
    const f = await Deno.open(file, { read: true });
    return f.readable;
  } catch (e) {
    throw new StartupError(`cannot read script '${file}': ${messageOf(e)}`);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
