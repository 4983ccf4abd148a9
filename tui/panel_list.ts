/**
 * The dashboard's panels, top to bottom, in one list. Each descriptor says when the panel
 * is shown, how many rows it needs and wants, how it is drawn, whether Tab focuses it and
 * what the help says of it; `GROWTH` says in which order spare rows are handed out. The
 * layout (`screen.ts`), the focus order (Tab, `controller.ts`) and the help overlay
 * (`help.ts`) all derive from these two lists, so a panel is added in one place.
 */
import { beside, type Line } from "./line.ts";
import { growRows, MIDDLE_SEP, middleSplit } from "./layout.ts";
import { pools, poolsDesired } from "./panels/pools.ts";
import { swap, swapDesired } from "./panels/swap.ts";
import { pending, pendingDesired } from "./panels/pending.ts";
import { counters, countersDesired } from "./panels/counters.ts";
import { compression, compressionDesired } from "./panels/compression.ts";
import { hostDesired, hostLines } from "./panels/host.ts";
import { events } from "./panels/events.ts";
import type { Focus, ViewState } from "./view.ts";

export type PanelId = "pools" | "swap" | "pending" | "middle" | "host" | "events";

/** One panel of the dashboard's column. */
export interface PanelDescriptor {
  id: PanelId;
  /** The name the help overlay gives it. */
  name: string;
  /** What it shows (help overlay). */
  help: string;
  /** Tab focuses it; ↑↓ then move in its rows. */
  focus?: Focus;
  /** Rows below which it is not drawn usefully (header and first row). */
  min: number;
  /** Rows it would use to show everything, at width `w`. */
  desired(v: ViewState, w: number): number;
  /** Its lines, at most `h` of them, `w` cells wide. */
  draw(v: ViewState, w: number, h: number): Line[];
  /** Whether it is part of the screen now (default: always). */
  shown?(v: ViewState): boolean;
  /** Rows it takes in `--once` (default: everything it wants). */
  onceRows?(v: ViewState): number;
}

function pad(lines: Line[], h: number): Line[] {
  const out = lines.slice(0, h);
  while (out.length < h) out.push([]);
  return out;
}

/** The counters panel beside the compression panel, `h` lines of `w` cells. */
function middle(v: ViewState, w: number, h: number): Line[] {
  const { countersW, compressionW } = middleSplit(w);
  const c = pad(counters(v, countersW, h), h);
  const p = pad(compression(v, compressionW, h), h);
  return c.map((l, i) => beside(l, countersW, p[i], MIDDLE_SEP));
}

export const PANELS: readonly PanelDescriptor[] = [
  {
    id: "pools",
    name: "Pools",
    help: "one row per mounted filesystem: its pool id or why it has none, pages, hits",
    focus: "pools",
    min: 3,
    desired: poolsDesired,
    draw: pools,
  },
  {
    id: "swap",
    name: "Swap types",
    help: "one row per swap type: frontswap state, stores, failures, loads, writebacks",
    focus: "swap",
    min: 3,
    desired: swapDesired,
    draw: swap,
  },
  {
    id: "pending",
    name: "Pending",
    help: "superblocks and swap types waiting for a backend, and those never cached",
    min: 1,
    desired: pendingDesired,
    draw: pending,
  },
  {
    id: "middle",
    name: "Counters │ Compression",
    help: "frontend counters and hit ratios beside each registered backend's counters",
    min: 5,
    desired: (v, w) =>
      Math.max(countersDesired(), compressionDesired(v, middleSplit(w).compressionW)),
    draw: middle,
  },
  {
    id: "host",
    name: "Host",
    help: "this machine's memory and zswap/frontswap figures (--host; H shows or hides it)",
    min: 0,
    desired: (v) => hostDesired(v.host ?? null),
    draw: (v, w, h) => hostLines(v.host ?? null, w, h),
    shown: (v) => v.host !== undefined && v.hostShown,
  },
  {
    id: "events",
    name: "Events",
    help: "the event log, newest last; f filters by kind, repeats are folded",
    focus: "events",
    min: 2,
    desired: (v) => 1 + Math.max(1, v.events.events.length),
    draw: events,
    onceRows: (v) => 1 + Math.min(10, Math.max(1, v.snapshot.events.length)),
  },
];

/**
 * The order spare rows go in: each step grows one panel up to `to(want, body)` rows (at
 * most what it wants), granting nothing if it would get fewer than `atLeast` rows; rows
 * left at the end go to Events.
 */
export const GROWTH: readonly {
  id: PanelId;
  to: (want: number, body: number) => number;
  atLeast?: number;
}[] = [
  // The Host panel first: at most a third of the screen, and at least 3 rows or none.
  { id: "host", to: (want, body) => Math.min(want, Math.floor((body + 2) / 3)), atLeast: 3 },
  { id: "pools", to: (want, body) => Math.min(want, Math.max(3, Math.floor(body * 0.3))) },
  { id: "swap", to: (want, body) => Math.min(want, Math.max(3, Math.floor(body * 0.2))) },
  { id: "pending", to: (want) => want },
  { id: "events", to: () => 4 },
  { id: "middle", to: (want) => want },
  // A long list of mounts may have more rows now that the rest is served.
  { id: "pools", to: (want) => want },
  { id: "swap", to: (want) => want },
];

/** Tab's order: the focusable panels, top to bottom. */
export const FOCUS_ORDER: readonly Focus[] = PANELS.flatMap((p) => (p.focus ? [p.focus] : []));

/** The panels on screen now, top to bottom. */
export function shownPanels(v: ViewState): PanelDescriptor[] {
  return PANELS.filter((p) => p.shown?.(v) ?? true);
}

/** The panels between header and footer: exactly `body` lines of `w` cells. */
export function panelColumn(v: ViewState, w: number, body: number): Line[] {
  const shown = shownPanels(v);
  const rows = growRows(
    shown.map((p) => ({ id: p.id, min: p.min, want: p.desired(v, w) })),
    GROWTH,
    body,
    "events",
  );
  return shown.flatMap((p) => pad(p.draw(v, w, rows.get(p.id)!), rows.get(p.id)!));
}

/** Every shown panel at full length, for `--once`. */
export function onceColumn(v: ViewState, w: number): Line[] {
  return shownPanels(v).flatMap((p) => {
    const h = p.onceRows?.(v) ?? p.desired(v, w);
    return pad(p.draw(v, w, h), h);
  });
}
