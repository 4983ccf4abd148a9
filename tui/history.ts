/**
 * Samples of the snapshot over time: per-second rates of the kernel counters
 * and the series behind the sparklines. One sample per frame in which the
 * simulation advanced; at most `capacity` kept.
 */
import type { Snapshot } from "../src/snapshot.ts";
import { PAGE_SIZE, TICK_MS } from "./constants.ts";

/** The kernel counters the dashboard shows with totals and rates (debugfs names). */
export const COUNTERS = [
  { group: "cleancache", name: "succ_gets", get: (s: Snapshot) => s.cleancache.succ_gets },
  { group: "cleancache", name: "failed_gets", get: (s: Snapshot) => s.cleancache.failed_gets },
  { group: "cleancache", name: "puts", get: (s: Snapshot) => s.cleancache.puts },
  { group: "cleancache", name: "invalidates", get: (s: Snapshot) => s.cleancache.invalidates },
  { group: "frontswap", name: "succ_stores", get: (s: Snapshot) => s.frontswap.succ_stores },
  { group: "frontswap", name: "failed_stores", get: (s: Snapshot) => s.frontswap.failed_stores },
  { group: "frontswap", name: "loads", get: (s: Snapshot) => s.frontswap.loads },
  { group: "frontswap", name: "invalidates", get: (s: Snapshot) => s.frontswap.invalidates },
] as const;

export interface Sample {
  tick: number;
  counters: number[];
  /** Hit ratio of the gets since the previous sample (NaN when none). */
  hitRatio: number;
  /** Backend compression ratio (NaN without a backend or with nothing compressed). */
  compRatio: number;
  /** Pages the backend holds (0 without one). */
  stored: number;
  /** Cumulative counts and levels the graphs view charts (`graphs.ts`). */
  g: GraphSample;
}

/** What the graphs view needs of each snapshot: cumulative counters and levels. */
export interface GraphSample {
  ccHits: number;
  ccGets: number;
  ccPuts: number;
  fsStores: number;
  fsLoads: number;
  /** Swap-ins: frontswap loads plus reads from the swap disk. */
  fsSwapins: number;
  /** Evictions, cumulative across registrations. */
  evictions: number;
  writebacks: number;
  compRatio: number;
  effRatio: number;
  /** Pool memory in frames of 4 KiB, and its limit (0 = none). */
  poolFrames: number;
  limit: number;
  pendingSb: number;
  pendingTypes: number;
}

/** Simulated time the history keeps (ticks): twice the graphs' window. */
export const HISTORY_TICKS = 6000;

export class History {
  readonly samples: Sample[] = [];
  #origin = "";
  #lastEvicted = 0;

  constructor(readonly capacity = HISTORY_TICKS, readonly rateWindowTicks = 10) {}

  /** Record a snapshot; time going back or a new regime or seed starts the history afresh. */
  push(snap: Snapshot): void {
    const last = this.samples[this.samples.length - 1];
    const origin = `${snap.regime}/${snap.seed}`;
    if (origin !== this.#origin || (last && snap.tick < last.tick)) {
      this.samples.length = 0;
      this.#origin = origin;
    } else if (last && snap.tick === last.tick) {
      return;
    }
    const counters = COUNTERS.map((c) => c.get(snap));
    const prev = this.samples[this.samples.length - 1];
    let hitRatio = NaN;
    const hits = snap.cleancache.succ_gets;
    const gets = hits + snap.cleancache.failed_gets;
    if (prev) {
      const dh = hits - prev.counters[0];
      const dg = gets - prev.counters[0] - prev.counters[1];
      if (dg > 0) hitRatio = dh / dg;
    } else if (gets > 0) {
      hitRatio = hits / gets;
    }
    const b = snap.backend;
    const compRatio = b && b.compressed_bytes > 0 ? b.compression_ratio : NaN;
    // The backend's own counters restart with each registration: carry the sum across.
    const ev = b?.evicted_pages ?? 0;
    const evictions = prev ? prev.g.evictions + Math.max(0, ev - this.#lastEvicted) : ev;
    this.#lastEvicted = ev;
    this.samples.push({
      tick: snap.tick,
      counters,
      hitRatio,
      compRatio,
      stored: b ? b.stored_pages : 0,
      g: {
        ccHits: hits,
        ccGets: gets,
        ccPuts: snap.cleancache.puts,
        fsStores: snap.frontswap.succ_stores,
        fsLoads: snap.frontswap.loads,
        fsSwapins: snap.frontswap.loads + snap.swapTypes.reduce((n, t) => n + t.disk_reads, 0),
        evictions,
        writebacks: snap.frontswap.written_back_pages,
        compRatio,
        effRatio: b && b.pool_total_size > 0 ? b.effective_ratio : NaN,
        poolFrames: b ? b.pool_total_size / PAGE_SIZE : 0,
        limit: b?.limit ?? 0,
        pendingSb: snap.cleancache.pending.length,
        pendingTypes: snap.frontswap.pending.length,
      },
    });
    const first = this.samples.findIndex((x) => x.tick >= snap.tick - HISTORY_TICKS);
    if (first > 0) this.samples.splice(0, first);
    if (this.samples.length > this.capacity) this.samples.shift();
  }

  clear(): void {
    this.samples.length = 0;
  }

  /** Per simulated second over the last `rateWindowTicks` ticks (or what there is); null before two samples. */
  rate(index: number): number | null {
    const n = this.samples.length;
    if (n < 2) return null;
    const last = this.samples[n - 1];
    let i = n - 2;
    while (i > 0 && last.tick - this.samples[i].tick < this.rateWindowTicks) i--;
    const first = this.samples[i];
    const dt = ((last.tick - first.tick) * TICK_MS) / 1000;
    if (dt <= 0) return null;
    return (last.counters[index] - first.counters[index]) / dt;
  }

  series(key: "hitRatio" | "compRatio" | "stored", n = 60): number[] {
    return this.samples.slice(-n).map((s) => s[key]);
  }
}
