/**
 * The graphs view (`g`): charts over simulated time, full width, one column
 * per slice of the window (the last 5 simulated minutes): cleancache and
 * frontswap hit ratios, compression and effective ratios, pool memory against
 * its limit, puts/gets/stores/loads per second, evictions and writebacks per
 * second, pending superblocks and swap types. Each chart has a y axis
 * labelled with its range and unit; one time axis in simulated time runs under
 * them; register, unregister, mount, umount, swapon and swapoff are marked
 * with the letter of their key (R U m M s S) on a row of their own and as
 * dotted columns through the charts.
 */
import { type Line, padLeft, padRight, seg, type Style } from "./line.ts";
import { TICK_MS } from "./constants.ts";
import { count, simTime } from "./format.ts";
import type { GraphSample, Sample } from "./history.ts";
import type { ViewState } from "./view.ts";
import type { SimEvent } from "../src/snapshot.ts";
import { DIM } from "./theme.ts";

/** The window the charts cover, in ticks (5 simulated minutes). */
export const GRAPH_WINDOW_TICKS = (5 * 60 * 1000) / TICK_MS;
/** Width of the y-axis labels. */
const AXIS_W = 9;
const BLOCKS = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** Letters marking events in the charts (the keys that cause them). */
export const MARKERS: Partial<Record<SimEvent["kind"], string>> = {
  register: "R",
  unregister: "U",
  mount: "m",
  umount: "M",
  swapon: "s",
  swapoff: "S",
};

/** How a chart's value for one column comes out of the samples at its two ends. */
type Measure =
  | { kind: "rate"; of: (g: GraphSample) => number }
  | { kind: "ratio"; num: (g: GraphSample) => number; den: (g: GraphSample) => number }
  | { kind: "level"; of: (g: GraphSample) => number };

export interface ChartSpec {
  title: string;
  unit: string;
  measure: Measure;
  /** Fixed y range (ratios in %); absent: 0 to the largest value shown. */
  range?: { min: number; max: number };
  /** A ceiling drawn as the range's top (the pool limit). */
  ceiling?: (g: GraphSample) => number;
  style: Style;
}

const pct = (num: (g: GraphSample) => number, den: (g: GraphSample) => number): Measure => ({
  kind: "ratio",
  num,
  den,
});

/** The charts, in order. */
export const CHARTS: readonly ChartSpec[] = [
  {
    title: "cleancache hit ratio (hits / gets, per column)",
    unit: "%",
    measure: pct((g) => g.ccHits, (g) => g.ccGets),
    range: { min: 0, max: 100 },
    style: { color: "green" },
  },
  {
    title: "frontswap hit ratio (loads / swap-ins, per column)",
    unit: "%",
    measure: pct((g) => g.fsLoads, (g) => g.fsSwapins),
    range: { min: 0, max: 100 },
    style: { color: "green" },
  },
  {
    title: "compression ratio (original / compressed)",
    unit: ":1",
    measure: { kind: "level", of: (g) => g.compRatio },
    style: { color: "cyan" },
  },
  {
    title: "effective ratio (original / pool memory)",
    unit: ":1",
    measure: { kind: "level", of: (g) => g.effRatio },
    style: { color: "cyan" },
  },
  {
    title: "pool memory, frames of 4 KiB (top = the limit)",
    unit: "fr",
    measure: { kind: "level", of: (g) => g.poolFrames },
    ceiling: (g) => g.limit,
    style: { color: "magenta" },
  },
  {
    title: "cleancache puts per second",
    unit: "/s",
    measure: { kind: "rate", of: (g) => g.ccPuts },
    style: { color: "blue" },
  },
  {
    title: "cleancache gets per second",
    unit: "/s",
    measure: { kind: "rate", of: (g) => g.ccGets },
    style: { color: "blue" },
  },
  {
    title: "frontswap stores per second",
    unit: "/s",
    measure: { kind: "rate", of: (g) => g.fsStores },
    style: { color: "blue" },
  },
  {
    title: "frontswap loads per second",
    unit: "/s",
    measure: { kind: "rate", of: (g) => g.fsLoads },
    style: { color: "blue" },
  },
  {
    title: "evictions per second (cleancache, LRU)",
    unit: "/s",
    measure: { kind: "rate", of: (g) => g.evictions },
    style: { color: "yellow" },
  },
  {
    title: "writebacks per second (frontswap pages to swap slots)",
    unit: "/s",
    measure: { kind: "rate", of: (g) => g.writebacks },
    style: { color: "magenta" },
  },
  {
    title: "pending superblocks",
    unit: "",
    measure: { kind: "level", of: (g) => g.pendingSb },
    style: { color: "yellow" },
  },
  {
    title: "pending swap types",
    unit: "",
    measure: { kind: "level", of: (g) => g.pendingTypes },
    style: { color: "yellow" },
  },
];

/** The last sample at or before `tick` (samples are in tick order), or undefined. */
function at(samples: readonly Sample[], tick: number): Sample | undefined {
  let lo = 0, hi = samples.length - 1, found: Sample | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid].tick <= tick) {
      found = samples[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** One value per column: column c covers ticks (start + c*step, start + (c+1)*step]. */
export function columnValues(
  samples: readonly Sample[],
  m: Measure,
  start: number,
  step: number,
  n: number,
): number[] {
  const out: number[] = [];
  const first = samples[0]?.tick ?? Infinity;
  for (let c = 0; c < n; c++) {
    const t0 = start + c * step;
    const t1 = t0 + step;
    const b = at(samples, t1);
    if (!b || b.tick <= t0 || t1 < first) {
      out.push(NaN);
      continue;
    }
    if (m.kind === "level") {
      out.push(m.of(b.g));
      continue;
    }
    const a = at(samples, t0) ?? samples[0];
    if (a === b) {
      out.push(NaN);
      continue;
    }
    if (m.kind === "rate") {
      const dt = ((b.tick - a.tick) * TICK_MS) / 1000;
      out.push(Math.max(0, m.of(b.g) - m.of(a.g)) / dt);
    } else {
      const den = m.den(b.g) - m.den(a.g);
      out.push(den > 0 ? (100 * (m.num(b.g) - m.num(a.g))) / den : NaN);
    }
  }
  return out;
}

function fmt(v: number, unit: string): string {
  if (!Number.isFinite(v)) return "-";
  if (unit === ":1") return `${v.toFixed(2)}:1`;
  if (unit === "%") return `${Math.round(v)}%`;
  return `${count(v >= 100 || Number.isInteger(v) ? v : Number(v.toFixed(1)))}${unit}`;
}

/** One chart: a title row, then `h` rows of bars with the y range on the left. */
function chart(
  spec: ChartSpec,
  values: number[],
  latest: GraphSample | undefined,
  marks: Set<number>,
  h: number,
): Line[] {
  const finite = values.filter(Number.isFinite);
  const ceiling = spec.ceiling && latest ? spec.ceiling(latest) : 0;
  const min = spec.range?.min ?? 0;
  const max = spec.range?.max ?? Math.max(ceiling, ...finite, spec.unit === ":1" ? 1 : 1);
  const now = finite.length ? finite[finite.length - 1] : NaN;
  const head: Line = [
    seg(padRight("", AXIS_W)),
    seg(spec.title, { bold: true }),
    seg(`  now ${fmt(now, spec.unit)}`, spec.style),
    ...(spec.ceiling
      ? [seg(ceiling ? `  limit ${count(ceiling)} frames` : "  no limit", DIM)]
      : []),
  ];
  const rows: Line[] = [];
  const span = max - min;
  for (let r = 0; r < h; r++) {
    // Row r (0 = top) holds the part of each bar between its levels.
    const label = r === 0 ? fmt(max, spec.unit) : r === h - 1 ? fmt(min, spec.unit) : "";
    const cells: string[] = values.map((v, c) => {
      if (!Number.isFinite(v)) return marks.has(c) ? "┊" : " ";
      const f = span > 0 ? Math.max(0, Math.min(1, (v - min) / span)) : 0;
      const eighths = Math.round(f * h * 8) - (h - 1 - r) * 8;
      const ch = BLOCKS[Math.max(0, Math.min(8, eighths))];
      return ch === " " && marks.has(c) ? "┊" : ch;
    });
    rows.push([
      seg(padLeft(label, AXIS_W - 2) + " ┤", DIM),
      seg(cells.join(""), spec.style),
    ]);
  }
  return [head, ...rows];
}

/** The time axis and the marker row under the charts. */
function timeAxis(start: number, step: number, n: number, marks: Map<number, string>): Line[] {
  const axis = " ".repeat(AXIS_W - 1) + "└" + "─".repeat(n);
  const labels: string[] = Array(n + AXIS_W).fill(" ");
  const every = Math.max(12, Math.floor(n / 6));
  for (let c = 0; c + 8 <= n - 10; c += every) {
    const t = Math.round(start + c * step);
    if (t < 0) continue; // before the simulation started
    const text = simTime(t);
    [...text].forEach((ch, i) => (labels[AXIS_W + c + i] = ch));
  }
  const end = simTime(Math.round(start + n * step));
  [...end].forEach((ch, i) => (labels[AXIS_W + n - end.length + i] = ch));
  const markRow: string[] = Array(n).fill(" ");
  for (const [c, letter] of marks) markRow[c] = letter;
  return [
    [seg(axis, DIM)],
    [seg(labels.join(""), DIM)],
    [
      seg(padRight("events", AXIS_W), DIM),
      seg(markRow.join(""), { color: "cyan", bold: true }),
    ],
  ];
}

/** The graphs view in `w` x `h` cells; `first` is the first chart shown (↑↓ scroll them). */
export function graphs(v: ViewState, w: number, h: number, first = 0): Line[] {
  const n = Math.max(10, w - AXIS_W);
  const last = v.history.samples[v.history.samples.length - 1];
  const end = last ? last.tick : v.snapshot.tick;
  const step = GRAPH_WINDOW_TICKS / n;
  const start = end - GRAPH_WINDOW_TICKS;
  const marks = new Map<number, string>();
  for (const e of v.events.events) {
    const letter = MARKERS[e.kind];
    if (!letter || e.tick <= start) continue;
    const c = Math.min(n - 1, Math.floor((e.tick - start) / step));
    marks.set(c, letter);
  }
  const markCols = new Set(marks.keys());
  const footer = timeAxis(start, step, n, marks);
  const title: Line = [
    seg("Graphs", { bold: true }),
    seg(
      `  last ${simTime(GRAPH_WINDOW_TICKS)} of simulated time, ${
        (step * TICK_MS / 1000).toFixed(1)
      } s per column · markers: R register U unregister m mount M umount s swapon S swapoff`,
      DIM,
    ),
  ];
  const room = h - 1 - footer.length;
  // Chart height: as tall as the room allows for every chart, at least one row of bars;
  // when not all fit, a row says how many more there are.
  const per = Math.max(3, Math.min(6, Math.floor(room / CHARTS.length)));
  const fitsAll = per * CHARTS.length <= room;
  const shown = fitsAll ? CHARTS.length : Math.max(1, Math.floor((room - 1) / per));
  const from = Math.max(0, Math.min(first, CHARTS.length - shown));
  const out: Line[] = [title];
  for (const spec of CHARTS.slice(from, from + shown)) {
    const values = columnValues(v.history.samples, spec.measure, start, step, n);
    out.push(...chart(spec, values, last?.g, markCols, per - 1));
  }
  const hidden = CHARTS.length - shown;
  if (hidden > 0) {
    out.push([seg(`  … ${hidden} more charts (${from} above, ↑↓ scroll them)`, DIM)]);
  }
  while (out.length < h - footer.length) out.push([]);
  return [...out.slice(0, h - footer.length), ...footer];
}

/** How many charts the graphs view has (the limit of its scrolling). */
export const CHART_COUNT = CHARTS.length;
