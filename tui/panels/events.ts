/**
 * Events: the dashboard's event log, oldest at the top and the newest at the
 * bottom, followed as it grows unless the user scrolled up on purpose (then
 * the title says `↓ N new`); repeats folded (`×N`); `f` filters by kind.
 */
import type { SimEvent } from "../../src/snapshot.ts";
import { type Line, padLeft, padRight, seg } from "../line.ts";
import { count, simTime } from "../format.ts";
import { DIM, EVENT_STYLE, WARN } from "../theme.ts";
import { EVENT_LOG_LIMIT, type EventGroup, eventGroups } from "../event_log.ts";
import type { ViewState } from "../view.ts";
import { listPanel } from "./list_panel.ts";

export function eventLine(e: SimEvent, times = 1): Line {
  const st = EVENT_STYLE[e.kind] ?? EVENT_STYLE.info;
  const text = times > 1 ? `${e.text.split(":")[0]} ×${count(times)} (first: ${e.text})` : e.text;
  return [
    seg(padLeft(simTime(e.tick), 9), DIM),
    seg(` ${st.symbol} `, st.style),
    seg(padRight(e.kind, 15), st.style),
    seg(text, e.kind === "error" ? st.style : {}),
  ];
}

/** The groups the panel shows from (filter applied). */
export function shownGroups(v: ViewState): EventGroup[] {
  return eventGroups(v.events.events, v.eventFilter);
}

export function events(v: ViewState, w: number, h: number): Line[] {
  const groups = shownGroups(v);
  const info: Line = [
    seg(`${count(v.events.events.length)} kept (last ${count(EVENT_LOG_LIMIT)}), newest last`, DIM),
    seg(`  filter: ${v.eventFilter ?? "all"}${v.interactive ? " (f)" : ""}`, DIM),
    ...(v.newEvents ? [seg(`  ↓ ${v.newEvents} new`, { ...WARN, bold: true })] : []),
  ];
  return listPanel(
    {
      title: "Events",
      info,
      focused: v.interactive && v.focus === "events",
      items: groups,
      row: (g) => eventLine(g.first, g.count),
      empty: v.eventFilter ? `no ${v.eventFilter} events` : "no events yet",
      fromEnd: v.eventScroll,
    },
    w,
    h,
  );
}
