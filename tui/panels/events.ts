/** Events: the simulation's event log merged with the dashboard's own errors, newest first. */
import type { SimEvent } from "../../src/snapshot.ts";
import { type Line, padLeft, padRight, seg, title } from "../line.ts";
import { simTime } from "../format.ts";
import { EVENT_STYLE } from "../theme.ts";
import type { ViewState } from "../view.ts";

/** Newest first; on equal ticks the dashboard's own events come first. */
export function mergedEvents(v: ViewState): SimEvent[] {
  const sim = v.snapshot.events;
  const ui = v.uiEvents;
  if (!ui.length) return sim;
  const out: SimEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < sim.length || j < ui.length) {
    if (j < ui.length && (i >= sim.length || ui[j].tick >= sim[i].tick)) out.push(ui[j++]);
    else out.push(sim[i++]);
  }
  return out;
}

export function eventLine(e: SimEvent): Line {
  const st = EVENT_STYLE[e.kind] ?? EVENT_STYLE.info;
  return [
    seg(padLeft(simTime(e.tick), 9), { dim: true }),
    seg(` ${st.symbol} `, st.style),
    seg(padRight(e.kind, 15), st.style),
    seg(e.text, e.kind === "error" ? st.style : {}),
  ];
}

export function events(v: ViewState, w: number, h: number): Line[] {
  const all = mergedEvents(v);
  const focused = v.interactive && v.focus === "events";
  const scroll = Math.min(v.eventScroll, Math.max(0, all.length - 1));
  const out: Line[] = [
    title("Events", w, focused, [
      seg(`${all.length} kept, newest first${scroll ? `, scrolled ${scroll}` : ""}`, { dim: true }),
    ]),
  ];
  if (!all.length) out.push([seg("  no events yet", { dim: true })]);
  for (const e of all.slice(scroll, scroll + Math.max(0, h - 1))) out.push(eventLine(e));
  return out.slice(0, h);
}
