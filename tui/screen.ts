/**
 * A whole frame as lines: exactly `rows` lines of at most `cols` cells, or the
 * "terminal too small" message. Pure: the same view state gives the same frame.
 */
import { beside, fit, type Line, seg, strip } from "./line.ts";
import { layout, MIDDLE_SEP, middleSplit, MIN_COLS, MIN_ROWS, tooSmall } from "./layout.ts";
import { header } from "./panels/header.ts";
import { pools, poolsDesired } from "./panels/pools.ts";
import { swap, swapDesired } from "./panels/swap.ts";
import { pending, pendingDesired } from "./panels/pending.ts";
import { counters, countersDesired } from "./panels/counters.ts";
import { compression, compressionDesired } from "./panels/compression.ts";
import { events } from "./panels/events.ts";
import { footer } from "./panels/footer.ts";
import { box, placeOver } from "./frame.ts";
import { pagerBox, wrap } from "./pager.ts";
import { graphs } from "./graphs.ts";
import { splitBody, splitHeader } from "./split.ts";

/** From this size on the graphs are shown beside the panels (`g` hides them). */
export const GRAPHS_BESIDE = { cols: 160, rows: 48 };
import { formLines } from "./register_form.ts";
import type { ViewState } from "./view.ts";
import { hostDesired, hostLines } from "./panels/host.ts";
import { DIM } from "./theme.ts";

function pad(lines: Line[], h: number): Line[] {
  const out = lines.slice(0, h);
  while (out.length < h) out.push([]);
  return out;
}

function middle(v: ViewState, h: number, cw: number, pw: number): Line[] {
  const c = pad(counters(v, cw, h), h);
  const p = pad(compression(v, pw, h), h);
  return c.map((l, i) => beside(l, cw, p[i], MIDDLE_SEP));
}

export function tooSmallLines(cols: number, rows: number): Line[] {
  const msg = `terminal too small (need ${MIN_COLS}x${MIN_ROWS}, have ${cols}x${rows})`;
  return [
    [seg(msg, { color: "yellow", bold: true })],
    [seg("keys are ignored until it is larger; q quits", DIM)],
  ];
}

/** Where the graphs go: beside the panels on a large terminal, instead of them on a small one. */
export function graphsMode(v: ViewState, cols: number, rows: number): "off" | "beside" | "full" {
  const big = cols >= GRAPHS_BESIDE.cols && rows >= GRAPHS_BESIDE.rows;
  if (!(v.graphs ?? big)) return "off";
  return big ? "beside" : "full";
}

/** The panels between header and footer, exactly `rows - 2` lines of `cols` cells. */
function panelLines(v: ViewState, cols: number, rows: number): Line[] {
  const { countersW, compressionW } = middleSplit(cols);
  // The Host panel (--host) takes its rows first: at most a third of the screen, and never
  // below what the other panels need (16 rows); fewer than 3 rows, it waits for a taller one.
  const room = Math.min(Math.floor(rows / 3), rows - 16);
  const hostH = v.host !== undefined && v.hostShown && room >= 3
    ? Math.min(hostDesired(v.host), room)
    : 0;
  const showHost = hostH > 0;
  const L = layout(cols, rows - hostH, {
    pools: poolsDesired(v),
    swap: swapDesired(v),
    pending: pendingDesired(v),
    middle: Math.max(countersDesired(), compressionDesired(v, compressionW)),
  });
  return [
    ...pad(pools(v, cols, L.pools), L.pools),
    ...pad(swap(v, cols, L.swap), L.swap),
    ...pad(pending(v, cols, L.pending), L.pending),
    ...middle(v, L.middle, countersW, compressionW),
    ...(showHost ? pad(hostLines(v.host!, cols, hostH), hostH) : []),
    ...pad(events(v, cols, L.events), L.events),
  ];
}

export function screen(v: ViewState, cols: number, rows: number, noColor = false): Line[] {
  if (tooSmall(cols, rows)) {
    const l = tooSmallLines(cols, rows).slice(0, Math.max(0, rows)).map((x) => fit(x, cols));
    return noColor ? l.map(strip) : l;
  }
  const mode = graphsMode(v, cols, rows);
  let body: Line[];
  let top = [header(v, cols)];
  if (v.split) {
    top = splitHeader(v, cols);
    body = pad(splitBody(v, cols, rows - 1 - top.length), rows - 1 - top.length);
  } else if (mode === "full") body = pad(graphs(v, cols, rows - 2, v.graphFirst), rows - 2);
  else if (mode === "beside") {
    const pw = Math.max(MIN_COLS, Math.floor(cols / 2));
    const gw = cols - pw - MIDDLE_SEP.length;
    const left = panelLines(v, pw, rows);
    const right = pad(graphs(v, gw, rows - 2, v.graphFirst), rows - 2);
    body = left.map((l, i) => beside(l, pw, right[i], MIDDLE_SEP));
  } else body = panelLines(v, cols, rows);
  let lines: Line[] = [...top, ...body, footer(v, cols)];
  const o = v.overlay;
  if (o) {
    const { title, body } = o.kind === "pager"
      ? pagerBox(o, cols, rows)
      : { title: "Register a backend", body: formLines(o).flatMap((l) => wrap(l, cols - 8)) };
    lines = placeOver(lines, box(title, body, cols - 4, rows - 3), cols, 2);
  }
  lines = lines.slice(0, rows).map((l) => fit(l, cols));
  return noColor ? lines.map(strip) : lines;
}

/** Every panel at full length, for `--once`: no row limit, no footer, no colour. */
export function fullLines(v: ViewState, cols: number): Line[] {
  const { countersW, compressionW } = middleSplit(cols);
  const big = 10_000;
  const mid = Math.max(countersDesired(), compressionDesired(v, compressionW));
  const lines: Line[] = [
    header(v, cols),
    ...pools(v, cols, big),
    ...swap(v, cols, big),
    ...pending(v, cols, big),
    ...middle(v, mid, countersW, compressionW),
    ...events(v, cols, 1 + Math.min(10, Math.max(1, v.snapshot.events.length))),
  ];
  return lines.map((l) => strip(fit(l, cols)));
}
