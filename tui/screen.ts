/**
 * A whole frame as lines: exactly `rows` lines of at most `cols` cells, or the
 * "terminal too small" message. Pure: the same view state gives the same frame. The
 * panels and their order come from `panel_list.ts`.
 */
import { beside, fit, type Line, seg, strip } from "./line.ts";
import { MIDDLE_SEP, MIN_COLS, MIN_ROWS, tooSmall } from "./layout.ts";
import { header } from "./panels/header.ts";
import { footer } from "./panels/footer.ts";
import { box, placeOver } from "./frame.ts";
import { pagerBox } from "./pager.ts";
import { graphs } from "./graphs.ts";
import { formBody } from "./register_form.ts";
import type { ViewState } from "./view.ts";
import { DIM } from "./theme.ts";
import { onceColumn, panelColumn } from "./panel_list.ts";
import { splitBody, splitHeader } from "./split.ts";

/** From this size on the graphs are shown beside the panels (`g` hides them). */
export const GRAPHS_BESIDE = { cols: 160, rows: 48 };

function pad(lines: Line[], h: number): Line[] {
  const out = lines.slice(0, h);
  while (out.length < h) out.push([]);
  return out;
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
    const left = panelColumn(v, pw, rows - 2);
    const right = pad(graphs(v, gw, rows - 2, v.graphFirst), rows - 2);
    body = left.map((l, i) => beside(l, pw, right[i], MIDDLE_SEP));
  } else body = panelColumn(v, cols, rows - 2);
  let lines: Line[] = [...top, ...body, footer(v, cols)];
  const o = v.overlay;
  if (o) {
    const { title, body } = o.kind === "pager"
      ? pagerBox(o, cols, rows)
      : { title: "Register a backend", body: formBody(o, cols - 8, rows - 5) };
    lines = placeOver(lines, box(title, body, cols - 4, rows - 3), cols, 2);
  }
  lines = lines.slice(0, rows).map((l) => fit(l, cols));
  return noColor ? lines.map(strip) : lines;
}

/** Every panel at full length, for `--once`: no row limit, no footer, no colour. */
export function fullLines(v: ViewState, cols: number): Line[] {
  return [header(v, cols), ...onceColumn(v, cols)].map((l) => strip(fit(l, cols)));
}
