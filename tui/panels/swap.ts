/** Swap types: one row per enabled type with its frontswap counters. */
import type { SwapTypeSnapshot } from "../../src/snapshot.ts";
import { type Line, seg } from "../line.ts";
import { count } from "../format.ts";
import type { Column } from "../table.ts";
import { DIM, STATE_STYLE, SWAP_STATE_WORD } from "../theme.ts";
import type { ViewState } from "../view.ts";
import { listPanel } from "./list_panel.ts";

const COLUMNS: Column<SwapTypeSnapshot>[] = [
  { header: "type", width: 4, align: "right", priority: 9, cell: (t) => String(t.type) },
  {
    header: "state",
    width: 9,
    priority: 9,
    cell: (t) => ({
      text: `${STATE_STYLE[t.state].symbol} ${SWAP_STATE_WORD[t.state]}`,
      style: STATE_STYLE[t.state].style,
    }),
  },
  {
    header: "used/slots",
    width: 11,
    align: "right",
    priority: 4,
    cell: (t) => `${count(t.usedSlots)}/${count(t.slots)}`,
  },
  { header: "fs pages", width: 8, align: "right", priority: 8, cell: (t) => count(t.pages) },
  { header: "stores", width: 7, align: "right", priority: 7, cell: (t) => count(t.succ_stores) },
  {
    header: "failed",
    width: 7,
    align: "right",
    priority: 6,
    cell: (t) => ({
      text: count(t.failed_stores),
      style: t.failed_stores ? { color: "yellow" } : {},
    }),
  },
  { header: "loads", width: 7, align: "right", priority: 7, cell: (t) => count(t.loads) },
  { header: "inval", width: 6, align: "right", priority: 3, cell: (t) => count(t.invalidates) },
  {
    header: "wrote back",
    width: 10,
    align: "right",
    priority: 5,
    cell: (t) => ({
      text: count(t.written_back),
      style: t.written_back ? { color: "magenta" } : {},
    }),
  },
];

export function swapDesired(v: ViewState): number {
  return 2 + Math.max(1, v.snapshot.swapTypes.length);
}

export function swap(v: ViewState, w: number, h: number): Line[] {
  const types = v.snapshot.swapTypes;
  const count = (state: string) => types.filter((t) => t.state === state).length;
  const off = count("uncached");
  return listPanel(
    {
      title: "Swap types",
      info: [
        seg(
          `${types.length} enabled, ${count("backed")} active, ${count("pending")} pending${
            off ? `, ${off} off` : ""
          }`,
          DIM,
        ),
      ],
      focused: v.interactive && v.focus === "swap",
      items: types,
      columns: COLUMNS,
      empty: "no swap enabled (s enables the next type)",
      selected: v.interactive ? v.selSwap : -1,
    },
    w,
    h,
  );
}
