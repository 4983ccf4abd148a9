/** Sparklines: a series of numbers as one row of block characters. */

const BLOCKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/**
 * The last `w` values as block characters scaled between `min` (default: the
 * series' minimum, or 0 when `zeroBased`) and the series' maximum (or `max`).
 * Missing values (NaN) are blanks; a flat series sits on the bottom row.
 */
export function sparkline(
  values: readonly number[],
  w: number,
  opts: { min?: number; max?: number } = {},
): string {
  if (w <= 0) return "";
  const tail = values.slice(-w);
  const finite = tail.filter((v) => Number.isFinite(v));
  const lo = opts.min ?? (finite.length ? Math.min(...finite) : 0);
  const hi = opts.max ?? (finite.length ? Math.max(...finite) : 1);
  const span = hi - lo;
  let out = "";
  for (const v of tail) {
    if (!Number.isFinite(v)) {
      out += " ";
      continue;
    }
    const f = span > 0 ? (Math.min(hi, Math.max(lo, v)) - lo) / span : 0;
    out += BLOCKS[Math.min(BLOCKS.length - 1, Math.round(f * (BLOCKS.length - 1)))];
  }
  return " ".repeat(w - tail.length) + out;
}
