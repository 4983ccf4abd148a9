/**
 * Reading what `tui/painter.ts` wrote: its writes are one synchronized update
 * each, every row addressed (`ESC[R;1H`), erased (`ESC[2K`) and written whole.
 */

/** The rows (1-based) a chunk moves the cursor to, in order. */
export function addressed(chunk: string): number[] {
  // deno-lint-ignore no-control-regex
  return [...chunk.matchAll(/\x1b\[(\d+);1H/g)].map((m) => Number(m[1]));
}

/** The text (escape codes kept) written at each row a chunk writes, by 1-based row. */
export function rowsWritten(chunk: string): Map<number, string> {
  // deno-lint-ignore no-control-regex
  const row = /\x1b\[(\d+);1H\x1b\[2K(.*?)(?=\x1b\[\d+;1H|\x1b\[0m\x1b\[\?7h)/g;
  return new Map([...chunk.matchAll(row)].map((m) => [Number(m[1]), m[2]]));
}
