/** Pools: one row per mounted filesystem. */
import { PAGE_SIZE } from "../constants.ts";
import type { SuperblockSnapshot } from "../../src/snapshot.ts";
import { type Line, seg } from "../line.ts";
import { bytes, count, pct, ratio } from "../format.ts";
import type { Column } from "../table.ts";
import { DIM, STATE_STYLE } from "../theme.ts";
import type { ViewState } from "../view.ts";
import { listPanel } from "./list_panel.ts";

/** The pool id cell: real id (with the fake id under fake-poolid), "pending" or "uncached". */
export function poolIdText(sb: SuperblockSnapshot): string {
  const fake = sb.fakeId !== null ? ` fake ${sb.fakeId}` : "";
  if (sb.state === "backed") return `${sb.realPoolId ?? sb.poolId}${fake}`;
  if (sb.state === "pending") return `pending${fake}`;
  return "uncached";
}

const COLUMNS: Column<SuperblockSnapshot>[] = [
  {
    header: "filesystem",
    width: 10,
    flex: true,
    priority: 9,
    cell: (sb) => {
      const st = STATE_STYLE[sb.state];
      return { text: `${st.symbol} ${sb.name}${sb.uuid ? " *" : ""}`, style: st.style };
    },
  },
  {
    header: "pool id",
    width: 13,
    priority: 9,
    cell: (sb) => ({ text: poolIdText(sb), style: STATE_STYLE[sb.state].style }),
  },
  { header: "pages", width: 6, align: "right", priority: 8, cell: (sb) => count(sb.pages) },
  { header: "puts", width: 7, align: "right", priority: 6, cell: (sb) => count(sb.puts) },
  { header: "hits", width: 7, align: "right", priority: 7, cell: (sb) => count(sb.hits) },
  { header: "misses", width: 7, align: "right", priority: 5, cell: (sb) => count(sb.misses) },
  {
    header: "hit%",
    width: 6,
    align: "right",
    priority: 8,
    cell: (sb) => pct(sb.hits, sb.hits + sb.misses),
  },
  {
    header: "compr",
    width: 7,
    align: "right",
    priority: 4,
    cell: (sb) => bytes(sb.compressedBytes),
  },
  {
    header: "ratio",
    width: 7,
    align: "right",
    priority: 3,
    cell: (
      sb,
    ) => (sb.compressedBytes > 0 ? ratio((sb.pages * PAGE_SIZE) / sb.compressedBytes) : "-"),
  },
];

export function poolsDesired(v: ViewState): number {
  return 2 + Math.max(1, v.snapshot.superblocks.length);
}

export function pools(v: ViewState, w: number, h: number): Line[] {
  const sbs = v.snapshot.superblocks;
  const count = (state: string) => sbs.filter((s) => s.state === state).length;
  const uncached = count("uncached");
  const shared = sbs.some((s) => s.uuid);
  return listPanel(
    {
      title: "Pools",
      info: [
        seg(
          `${sbs.length} mounted, ${count("backed")} backed, ${count("pending")} pending${
            uncached ? `, ${uncached} uncached` : ""
          }`,
          DIM,
        ),
        ...(shared ? [seg("  (* shared, with uuid)", DIM)] : []),
      ],
      focused: v.interactive && v.focus === "pools",
      items: sbs,
      columns: COLUMNS,
      empty: "no filesystem mounted (m mounts one)",
      selected: v.interactive ? v.selPool : -1,
    },
    w,
    h,
  );
}
