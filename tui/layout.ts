/**
 * Sizes for the dashboard: the minimum terminal, the middle band's split, and `growRows`,
 * which hands out a column's rows among panels (the panels and the order come from
 * `panel_list.ts`) so that the screen is exactly as high as the terminal.
 */
import { COUNTERS_MIN_W } from "./panels/counters.ts";

export const MIN_COLS = 80;
export const MIN_ROWS = 20;

export const MIDDLE_SEP = " │ ";

export function tooSmall(cols: number, rows: number): boolean {
  return cols < MIN_COLS || rows < MIN_ROWS;
}

/** Width of the counters panel: half the screen, never below what shows every counter. */
export function middleSplit(cols: number): { countersW: number; compressionW: number } {
  const countersW = Math.max(COUNTERS_MIN_W, Math.floor((cols - MIDDLE_SEP.length) / 2));
  return { countersW, compressionW: Math.max(0, cols - MIDDLE_SEP.length - countersW) };
}

/**
 * Hands out `body` rows: every panel first gets its minimum, then the `steps` in order grow
 * one panel each up to `to(want, body)` rows (a step that would leave it with fewer than
 * `atLeast` rows grants none), and what is left goes to `rest`.
 * @example growRows([{ id: "a", min: 1, want: 9 }], [{ id: "a", to: (w) => w }], 5, "a") // a: 5
 */
export function growRows<Id extends string>(
  panels: readonly { id: Id; min: number; want: number }[],
  steps: readonly { id: Id; to: (want: number, body: number) => number; atLeast?: number }[],
  body: number,
  rest: Id,
): Map<Id, number> {
  const rows = new Map(panels.map((p) => [p.id, p.min]));
  const want = new Map(panels.map((p) => [p.id, p.want]));
  let left = body - panels.reduce((n, p) => n + p.min, 0);
  for (const s of steps) {
    const have = rows.get(s.id);
    if (have === undefined) continue;
    const add = Math.max(0, Math.min(left, s.to(want.get(s.id)!, body) - have));
    if (add === 0 || have + add < (s.atLeast ?? 0)) continue;
    rows.set(s.id, have + add);
    left -= add;
  }
  if (rows.has(rest)) rows.set(rest, rows.get(rest)! + Math.max(0, left));
  return rows;
}
