/** A table whose columns fit the width: low-priority columns go first, the flexible one stretches. */
import { type Line, padLeft, padRight, type Seg, seg, type Style } from "./line.ts";

export interface Column<R> {
  header: string;
  width: number;
  align?: "left" | "right";
  /** Higher survives longer when the table is too wide (default 0). */
  priority?: number;
  /** Takes the width left over. */
  flex?: boolean;
  cell: (row: R) => string | { text: string; style: Style };
}

const FLEX_MAX = 16;
const SPREAD_MAX = 4;

export function fitColumns<R>(cols: readonly Column<R>[], w: number): Column<R>[] {
  let kept = [...cols];
  const total = (cs: Column<R>[]) => cs.reduce((n, c) => n + c.width, 0) + cs.length - 1;
  while (total(kept) > w && kept.length > 1) {
    let victim = 0;
    for (let i = 1; i < kept.length; i++) {
      if ((kept[i].priority ?? 0) < (kept[victim].priority ?? 0)) victim = i;
      else if ((kept[i].priority ?? 0) === (kept[victim].priority ?? 0)) victim = i;
    }
    kept = kept.filter((_, i) => i !== victim);
  }
  // Spare width: the flexible column takes up to FLEX_MAX, then every column up to SPREAD_MAX.
  let spare = w - total(kept);
  kept = kept.map((c) => {
    if (!c.flex || spare <= 0) return c;
    const add = Math.min(spare, FLEX_MAX);
    spare -= add;
    return { ...c, width: c.width + add };
  });
  const each = Math.min(SPREAD_MAX, Math.floor(spare / kept.length));
  if (each > 0) kept = kept.map((c) => ({ ...c, width: c.width + each }));
  return kept;
}

function cellText(text: string, c: Column<unknown>): string {
  return c.align === "right" ? padLeft(text, c.width) : padRight(text, c.width);
}

export function headerLine<R>(cols: Column<R>[]): Line {
  return [
    seg(cols.map((c) => cellText(c.header, c as Column<unknown>)).join(" "), {
      dim: true,
      bold: true,
    }),
  ];
}

export function rowLine<R>(cols: Column<R>[], row: R, rowStyle: Style = {}): Line {
  const out: Seg[] = [];
  cols.forEach((c, i) => {
    const v = c.cell(row);
    const text = typeof v === "string" ? v : v.text;
    const style = typeof v === "string" ? {} : v.style;
    if (i > 0) out.push(seg(" ", rowStyle));
    out.push(seg(cellText(text, c as Column<unknown>), { ...style, ...rowStyle }));
  });
  return out;
}
