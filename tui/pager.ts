/**
 * The pager overlay (`?`, and commands printing several lines: `:stats`,
 * `:compare`, `:help`): a box over the screen whose text scrolls with ↑↓
 * PgUp PgDn Home End, searches with `/` (Enter ends the query, `n` finds the
 * next match) and closes with Esc or `q`. Long lines wrap, so nothing is cut
 * silently, except in tables (the compare output), which scroll sideways with
 * ←→ instead, a `→` marking the rows that go on; the bottom line says which
 * rows and columns are shown. In the compare output the rows whose values
 * differ between regimes are marked `≠` and coloured.
 */
import { fit, type Line, lineWidth, padRight, plain, seg, slice } from "./line.ts";
import type { KeyPress } from "./input.ts";
import { DIM, KEY, WARN } from "./theme.ts";

export interface Pager {
  kind: "pager";
  title: string;
  lines: Line[];
  /** First shown row of the wrapped text. */
  top: number;
  /** The search query being typed (null: not typing). */
  typing: string | null;
  /** The last query searched for. */
  query: string;
  /** A table: rows are not wrapped but scroll sideways (←→) from column `left`. */
  table?: boolean;
  left?: number;
  /** Leading cells that stay in place while a table scrolls (its row names). */
  frozen?: number;
  /** Compare output: how many rows differ between the regimes. */
  differ?: number;
}

/** A pager over plain text; compare output gets its differing rows marked. */
export function textPager(title: string, text: string[]): Pager {
  const compare = text.length > 1 && /^counter\s+eager\s+fake-poolid\s+deferred\s*$/.test(text[0]);
  const lines = text.map((t, i): Line => {
    if (!compare || i === 0) return [seg(compare ? "  " + t : t, compare ? { bold: true } : {})];
    const cells = t.trim().split(/\s{2,}/);
    const differs = cells.length === 4 && new Set(cells.slice(1)).size > 1;
    return differs ? [seg("≠ ", WARN), seg(t, WARN)] : [seg("  " + t)];
  });
  const p = linePager(title, lines);
  if (!compare) return p;
  const differ = lines.filter((l) => l[0]?.text === "≠ ").length;
  // The counter names (and the ≠ mark) stay put while the regimes' columns scroll.
  const names = Math.max(...text.slice(1).map((t) => t.trim().split(/\s{2,}/)[0].length));
  return { ...p, table: true, left: 0, differ, frozen: 2 + names + 1 };
}

/** What the footer says when a command's output opens a pager (`open`), and once it closed. */
export function pagerStatus(p: Pager, open = true): string {
  const first = p.lines[0]?.map((x) => x.text).join("") ?? "";
  const what = p.differ !== undefined
    ? `compare: 3 regimes, ${p.differ} row${p.differ === 1 ? "" : "s"} differ`
    // The split view's answers, one per regime (cli/split_session.ts `combine`).
    : /^(── )?eager\b/.test(first)
    ? `${p.title}: the three regimes answered differently`
    : `${p.title}: ${p.lines.length} lines`;
  if (!open) return what;
  return `${what} — pager open (${p.differ !== undefined ? "≠ marks them; " : ""}Esc closes)`;
}

/** Columns one ←/→ press scrolls a table. */
export const SIDE_STEP = 8;

export function linePager(title: string, lines: Line[]): Pager {
  return { kind: "pager", title, lines, top: 0, typing: null, query: "" };
}

/** `line` cut into rows of at most `w` cells (an empty line stays one row). */
export function wrap(line: Line, w: number): Line[] {
  const n = lineWidth(line);
  if (n <= w || w <= 0) return [line];
  // Continuation rows hang under the text after the line's own indentation.
  const lead = /^ */.exec(plain(line))![0].length;
  const indent = Math.min(lead + 2, Math.floor(w / 2));
  const out: Line[] = [];
  let a = 0;
  while (a < n) {
    const room = out.length === 0 ? w : w - indent;
    let b = Math.min(n, a + room);
    if (b < n) {
      // Break after the last space of the row when there is one past its first third,
      // so that words stay whole; a row without one is cut at the cell.
      const space = plain(slice(line, a, b + 1)).lastIndexOf(" ");
      if (space > room / 3) b = a + space;
    }
    const row = slice(line, a, b);
    out.push(out.length === 0 ? row : [seg(" ".repeat(indent)), ...row]);
    a = b;
    while (a < n && plain(slice(line, a, a + 1)) === " ") a++;
  }
  return out;
}

/** The pager's text wrapped to `w` cells (two kept for the match mark), with each row's line. */
function rows(p: Pager, w: number): { row: Line; src: number }[] {
  if (p.table) {
    const left = p.left ?? 0;
    const f = p.frozen ?? 0;
    const fw = frozenWidth(p, w);
    return p.lines.map((l, src) => ({
      row: [...fitCut(slice(l, 0, f), fw), ...slice(l, f + left, sideEnd(p, w, left))],
      src,
    }));
  }
  return p.lines.flatMap((l, src) => wrap(l, w - 2).map((row) => ({ row, src })));
}

/** Cells the frozen row names get: all they need, or at most 45% of the box (cut with …). */
const frozenWidth = (p: Pager, w: number) =>
  Math.min(p.frozen ?? 0, Math.max(12, Math.floor((w - 2) * 0.45)));

/** A row name in `w` cells: padded, or cut with "…" (keeping a space before the values). */
function fitCut(name: Line, w: number): Line {
  const used = lineWidth([seg(name.map((x) => x.text).join("").trimEnd())]);
  return used <= w - 1 ? fit(slice(name, 0, w), w) : [...fit(name, w - 1), seg(" ")];
}

/** The column (of the text) after the last one a table shows, scrolled by `left`. */
const sideEnd = (p: Pager, w: number, left: number) =>
  (p.frozen ?? 0) + left + w - 2 - frozenWidth(p, w);

/** Which columns a table shows: "1-50", or "1-19 + 28-58" when scrolled past frozen ones. */
function shownCols(frozen: number, left: number, end: number): string {
  if (left === 0) return `1-${end}`;
  return frozen ? `1-${frozen} + ${frozen + left + 1}-${end}` : `${left + 1}-${end}`;
}

/** The widest line of the pager's text. */
const widest = (p: Pager) => Math.max(0, ...p.lines.map(lineWidth));

/** Rows of text a pager box shows at this terminal size. */
function pageRows(termRows: number): number {
  return Math.max(1, termRows - 3 - 2 - 2);
}

function innerWidth(p: Pager, cols: number): number {
  const widest = Math.max(lineWidth([seg(p.title)]), ...p.lines.map(lineWidth), 40) + 2;
  return Math.max(10, Math.min(cols - 8, widest));
}

const plainText = (l: Line) => l.map((s) => s.text).join("").toLowerCase();

/** Whether source line `src` holds the query (searched before wrapping). */
const matches = (p: Pager, src: number, q: string) =>
  q !== "" && plainText(p.lines[src]).includes(q.toLowerCase());

/** The first row of the next line (after row `from`) holding `query`, wrapping around; -1: none. */
function findRow(p: Pager, all: { src: number }[], query: string, from: number): number {
  for (let k = 1; k <= all.length; k++) {
    const i = (from + k) % all.length;
    if ((i === 0 || all[i - 1].src !== all[i].src) && matches(p, all[i].src, query)) return i;
  }
  return -1;
}

/** What a key does to the pager; "close" closes it. */
export function pagerKey(p: Pager, { input, key }: KeyPress, cols: number, termRows: number) {
  const all = rows(p, innerWidth(p, cols));
  const page = pageRows(termRows);
  const maxTop = Math.max(0, all.length - page);
  if (p.typing !== null) {
    if (key.escape) p.typing = null;
    else if (key.return) {
      p.query = p.typing;
      p.typing = null;
      if (p.query) {
        const i = findRow(p, all, p.query, p.top - 1);
        if (i >= 0) p.top = Math.min(i, maxTop);
      }
    } else if (key.backspace || key.delete) p.typing = [...p.typing].slice(0, -1).join("");
    else if (input && !key.ctrl && !key.meta) p.typing += input;
    return;
  }
  if (key.escape || input === "q") return "close";
  if (key.upArrow) p.top--;
  else if (key.downArrow) p.top++;
  else if (key.pageUp) p.top -= page;
  else if (key.pageDown || input === " ") p.top += page;
  else if (key.home || input === "g") p.top = 0;
  else if (key.end || input === "G") p.top = maxTop;
  else if (input === "/") p.typing = "";
  else if (p.table && (key.leftArrow || key.rightArrow)) {
    const maxLeft = Math.max(0, widest(p) - sideEnd(p, innerWidth(p, cols), 0));
    const left = (p.left ?? 0) + (key.rightArrow ? SIDE_STEP : -SIDE_STEP);
    p.left = Math.max(0, Math.min(left, maxLeft));
  } else if (input === "n" && p.query) {
    const i = findRow(p, all, p.query, p.top);
    if (i >= 0) p.top = i;
  }
  p.top = Math.max(0, Math.min(p.top, maxTop));
}

/** The pager as a box for a `cols` x `termRows` terminal. */
export function pagerBox(p: Pager, cols: number, termRows: number): {
  title: string;
  body: Line[];
} {
  const w = innerWidth(p, cols);
  const all = rows(p, w);
  const page = pageRows(termRows);
  const top = Math.max(0, Math.min(p.top, Math.max(0, all.length - page)));
  const left = p.left ?? 0;
  const shown = all.slice(top, top + page).map(({ row, src }) => {
    const more = p.table && lineWidth(p.lines[src]) > sideEnd(p, w, left);
    if (!matches(p, src, p.query) && !more) return row;
    const mark = matches(p, src, p.query) ? " ◀" : " →";
    return [...row, seg(" ".repeat(Math.max(0, w - 2 - lineWidth(row)))), seg(mark, KEY)];
  });
  const cut = p.table && widest(p) > sideEnd(p, w, 0);
  const sideways: Line = cut
    ? [
      seg(
        `  cols ${shownCols(p.frozen ?? 0, left, Math.min(widest(p), sideEnd(p, w, left)))} of ${
          widest(p)
        } ←→`,
        DIM,
      ),
    ]
    : [];
  const end = Math.min(all.length, top + page);
  const where = all.length > page
    ? `rows ${top + 1}-${end} of ${all.length}`
    : `${all.length} rows`;
  const status: Line = p.typing !== null
    ? [
      seg("/", KEY),
      seg(p.typing),
      seg("█", DIM),
      seg("  Enter searches", DIM),
    ]
    : [
      seg(where, DIM),
      ...sideways,
      seg("  ↑↓ PgUp PgDn Home End · / search", DIM),
      ...(p.query ? [seg(` · n next "${p.query}"`, DIM)] : []),
      seg(" · Esc closes", DIM),
    ];
  return {
    title: p.title,
    body: [...shown, [seg(padRight("", 0))], status],
  };
}
