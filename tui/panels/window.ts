import { type Line, seg } from "../line.ts";
import { DIM } from "../theme.ts";

/**
 * Which rows of a list fit in `h` rows with the selected row visible; when not
 * all fit, one row is left for a "… N more" line (`more` = rows not shown).
 */
export function listWindow(
  n: number,
  h: number,
  selected: number,
): { start: number; end: number; more: number } {
  if (h <= 0) return { start: 0, end: 0, more: n };
  if (n <= h) return { start: 0, end: n, more: 0 };
  const rows = Math.max(1, h - 1);
  const sel = Math.min(Math.max(0, selected), n - 1);
  const start = Math.min(Math.max(0, sel - rows + 1), n - rows);
  return { start, end: start + rows, more: n - rows };
}

export function moreLine(more: number): Line {
  return [seg(`  … ${more} more (↑↓ scrolls)`, DIM)];
}
