/** Number formatting for narrow table cells. */
import { TICK_MS } from "./constants.ts";

/** A count in at most 6 cells: 12345, 123.4k, 12.3M. */
export function count(n: number): string {
  if (!Number.isFinite(n)) return "-";
  const a = Math.abs(n);
  if (a < 100_000) return String(Math.round(n));
  // the next unit from where one decimal would round to 1000.0 (7 cells)
  if (a < 999_950) return (n / 1000).toFixed(1) + "k";
  if (a < 999_950_000) return (n / 1_000_000).toFixed(1) + "M";
  return (n / 1_000_000_000).toFixed(1) + "G";
}

/** Bytes with a binary unit: 512B, 12.3K, 1.20M. */
export function bytes(n: number): string {
  if (!Number.isFinite(n)) return "-";
  if (n < 1024) return `${Math.round(n)}B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)}K`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(2)}M`;
  return `${(n / 1024 ** 3).toFixed(2)}G`;
}

/** A ratio as "2.71:1", or "-" when undefined. */
export function ratio(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r) || r <= 0) return "-";
  return `${r.toFixed(2)}:1`;
}

/** part / whole as a percentage, or "-" when whole is 0. */
export function pct(part: number, whole: number): string {
  if (!whole) return "-";
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** A per-second rate in at most 5 cells: 0, 3.5, 120, 12.3k, 123k, 1.2M. */
export function rate(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return "-";
  const a = Math.abs(r);
  if (a === 0) return "0";
  if (a < 10) return r.toFixed(1);
  if (a < 10_000) return String(Math.round(r));
  if (a < 1_000_000) return (r / 1000).toFixed(a < 99_950 ? 1 : 0) + "k";
  return (r / 1_000_000).toFixed(a < 10_000_000 ? 1 : 0) + "M";
}

/** Simulated time of a tick: "12.3s", "4m05.2s", "1h02m". */
export function simTime(tick: number): string {
  const s = (tick * TICK_MS) / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return `${m}m${(s - m * 60).toFixed(1).padStart(4, "0")}s`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s - h * 3600) / 60);
  return `${h}h${String(m).padStart(2, "0")}m`;
}
