/**
 * The one list panel: a titled list (a table with a header line, or free-form rows) drawn
 * in `h` rows, keeping one row in view — the selected row, or the end of the list scrolled
 * up by some rows — with a `… N more above` / `… N more below` line exactly where rows are
 * hidden. Pools, Swap types and Events are all this component with their own rows.
 */
import { type Line, seg, title } from "../line.ts";
import { type Column, fitColumns, headerLine, rowLine } from "../table.ts";
import { DIM } from "../theme.ts";

/** What a list panel shows. */
export interface ListPanel<T> {
  title: string;
  /** Dim text after the title (counts, filter, markers). */
  info: Line;
  /** The panel has the keyboard focus (title marked, selected row inverse). */
  focused: boolean;
  items: readonly T[];
  /** A table: a header line, then one `rowLine` per item. */
  columns?: readonly Column<T>[];
  /** A free-form row (when there are no columns). */
  row?: (item: T) => Line;
  /** The line shown when there are no items. */
  empty: string;
  /** The selected row (drawn with `›`), kept in view; absent: no selection marks. */
  selected?: number;
  /** No selection: the last rows are in view, scrolled up by this many. */
  fromEnd?: number;
}

/** Rows `start..end` of `n` are drawn; `above`/`below` rows are hidden before/after them. */
export interface ListWindow {
  start: number;
  end: number;
  above: number;
  below: number;
}

/**
 * Which rows of a list of `n` fit in `h` lines with row `keep` in view, leaving one line
 * for each `… N more` marker that is needed.
 * @example listWindow(10, 4, 9) // { start: 7, end: 10, above: 7, below: 0 }
 */
export function listWindow(n: number, h: number, keep: number): ListWindow {
  if (h <= 0) return { start: 0, end: 0, above: 0, below: n };
  if (n <= h) return { start: 0, end: n, above: 0, below: 0 };
  const k = Math.min(Math.max(0, keep), n - 1);
  for (const rows of [h - 1, h - 2]) {
    if (rows < 1) break;
    const start = Math.min(Math.max(0, k - rows + 1), n - rows);
    const end = start + rows;
    const markers = (start > 0 ? 1 : 0) + (end < n ? 1 : 0);
    if (rows + markers <= h) return { start, end, above: start, below: n - end };
  }
  // One line only: the marker says how many are hidden.
  return { start: 0, end: 0, above: 0, below: n };
}

/** The marker line for `n` hidden rows. */
export function moreLine(n: number, where: "above" | "below"): Line {
  return [seg(`  … ${n} more ${where} (↑↓ scrolls)`, DIM)];
}

/** The panel's lines: at most `h`, `w` cells wide (rows are cut by the caller's `fit`). */
export function listPanel<T>(p: ListPanel<T>, w: number, h: number): Line[] {
  const out: Line[] = [title(p.title, w, p.focused, p.info)];
  const cols = p.columns ? fitColumns(p.columns, w - 2) : null;
  if (cols) out.push([seg("  "), ...headerLine(cols)]);
  if (h <= out.length) return out.slice(0, Math.max(0, h));
  const n = p.items.length;
  if (n === 0) {
    out.push([seg(`  ${p.empty}`, DIM)]);
    return out.slice(0, h);
  }
  const marks = p.selected !== undefined;
  const keep = marks ? p.selected! : n - 1 - Math.min(p.fromEnd ?? 0, n - 1);
  const win = listWindow(n, h - out.length, keep);
  if (win.above) out.push(moreLine(win.above, "above"));
  for (let i = win.start; i < win.end; i++) {
    const item = p.items[i];
    const sel = marks && i === p.selected;
    const body = cols
      ? rowLine(cols, item, sel && p.focused ? { inverse: true } : {})
      : p.row!(item);
    out.push(marks ? [seg(sel ? "› " : "  ", { color: "cyan", bold: true }), ...body] : body);
  }
  if (win.below) out.push(moreLine(win.below, "below"));
  return out;
}
