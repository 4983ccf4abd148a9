/**
 * Where the panels go for a terminal size. Rows are handed out so the screen
 * is exactly `rows` high: header, pools, swap types, pending, the middle band
 * (counters beside compression), events, footer.
 */
import { COUNTERS_MIN_W } from "./panels/counters.ts";

export const MIN_COLS = 80;
export const MIN_ROWS = 20;

export interface Desired {
  pools: number;
  swap: number;
  pending: number;
  middle: number;
}

export interface Layout {
  pools: number;
  swap: number;
  pending: number;
  middle: number;
  events: number;
  /** Width of the counters panel (left of the middle band). */
  countersW: number;
  /** Width of the compression panel (right of the middle band). */
  compressionW: number;
}

export const MIDDLE_SEP = " │ ";

export function tooSmall(cols: number, rows: number): boolean {
  return cols < MIN_COLS || rows < MIN_ROWS;
}

/** Width of the counters panel: half the screen, never below what shows every counter. */
export function middleSplit(cols: number): { countersW: number; compressionW: number } {
  const countersW = Math.max(COUNTERS_MIN_W, Math.floor((cols - MIDDLE_SEP.length) / 2));
  return { countersW, compressionW: Math.max(0, cols - MIDDLE_SEP.length - countersW) };
}

export function layout(cols: number, rows: number, want: Desired): Layout {
  const body = rows - 2;
  const min = { pools: 3, swap: 3, pending: 1, middle: 5, events: 2 };
  const h = { ...min };
  let left = body - (min.pools + min.swap + min.pending + min.middle + min.events);
  const grow = (k: keyof typeof h, to: number) => {
    const add = Math.max(0, Math.min(left, to - h[k]));
    h[k] += add;
    left -= add;
  };
  grow("pools", Math.min(want.pools, Math.max(min.pools, Math.floor(body * 0.3))));
  grow("swap", Math.min(want.swap, Math.max(min.swap, Math.floor(body * 0.2))));
  grow("pending", want.pending);
  grow("events", 4);
  grow("middle", want.middle);
  // A long list of mounts may have more rows now that the rest is served.
  grow("pools", want.pools);
  grow("swap", want.swap);
  h.events += left;
  return { ...h, ...middleSplit(cols) };
}
