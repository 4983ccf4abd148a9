/** Counters: kernel counters with totals and per-second rates, and sparklines. */
import { beside, type Line, padLeft, padRight, seg, title } from "../line.ts";
import { count, rate, ratio } from "../format.ts";
import { COUNTERS } from "../history.ts";
import { sparkline } from "../sparkline.ts";
import type { ViewState } from "../view.ts";
import { DIM } from "../theme.ts";

/** Cell widths of the wide and the compact form: cleancache and frontswap always side by side. */
const WIDE = { name: 14, num: 7, rate: 7, sep: " │ " };
const COMPACT = { name: 13, num: 6, rate: 5, sep: " " };
const subWidth = (f: typeof WIDE) => f.name + f.num + f.rate + 2;
/** Narrowest counters panel that shows every counter (compact form). */
export const COUNTERS_MIN_W = 2 * subWidth(COMPACT) + COMPACT.sep.length;
export const SPARK_SAMPLES = 60;

function group(v: ViewState, name: "cleancache" | "frontswap", f: typeof WIDE): Line[] {
  const s = v.snapshot;
  const out: Line[] = [[
    seg(padRight(name, f.name), { bold: true }),
    seg(padLeft("total", f.num + 1) + padLeft("/s", f.rate + 1), DIM),
  ]];
  COUNTERS.forEach((c, i) => {
    if (c.group !== name) return;
    const r = v.history.rate(i);
    out.push([
      seg(padRight((f === WIDE ? " " : "") + c.name, f.name)),
      seg(" " + padLeft(count(c.get(s)), f.num)),
      seg(" " + padLeft(rate(r), f.rate), { dim: !r }),
    ]);
  });
  return out;
}

function sparks(v: ViewState, w: number): Line[] {
  const label = 13;
  const valueW = 8;
  const sw = Math.max(0, Math.min(SPARK_SAMPLES, w - label - valueW - 2));
  const h = v.history;
  const last = h.samples[h.samples.length - 1];
  const b = v.snapshot.backend;
  const rows: [string, number[], string, { min?: number; max?: number }][] = [
    [
      "hit ratio",
      h.series("hitRatio", SPARK_SAMPLES),
      last && Number.isFinite(last.hitRatio) ? `${(100 * last.hitRatio).toFixed(0)}%` : "-",
      { min: 0, max: 1 },
    ],
    // Auto-scaled: the trend of a ratio or a page count matters more than its distance from 0.
    ["compr ratio", h.series("compRatio", SPARK_SAMPLES), ratio(b?.compression_ratio), {}],
    ["stored pages", h.series("stored", SPARK_SAMPLES), count(b?.stored_pages ?? 0), {}],
  ];
  return rows.map(([name, series, value, range]) => [
    seg(padRight(name, label), DIM),
    seg(sparkline(series, sw, range), { color: "cyan" }),
    seg(" " + padLeft(value, valueW)),
  ]);
}

export function countersDesired(): number {
  return 1 + 5 + 3;
}

export function counters(v: ViewState, w: number, h: number): Line[] {
  const out: Line[] = [
    title("Counters", w, false, [seg("totals, per simulated second", DIM)]),
  ];
  const f = w >= 2 * subWidth(WIDE) + WIDE.sep.length ? WIDE : COMPACT;
  const cc = group(v, "cleancache", f);
  const fs = group(v, "frontswap", f);
  const body = cc.map((l, i) => beside(l, subWidth(f), fs[i], f.sep));
  const sp = sparks(v, w);
  // Sparklines go first when rows run short; the counters stay.
  const room = h - 1;
  out.push(...body.slice(0, room));
  out.push(...sp.slice(0, Math.max(0, room - body.length)));
  return out.slice(0, h);
}
