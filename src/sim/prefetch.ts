/**
 * Compression ahead of time: at each tick, finished precompressions are
 * offered to the backend and the workloads' upcoming pages handed to the
 * precompressor (e.g. Web Workers). Results are the same with or without it.
 */
import { fillVersion } from "../page_version.ts";
import { type Backend, isPrecompressing } from "../backends/ops.ts";
import type { Precompressor } from "../backend/prefetch_pool.ts";
import type { Workload, WorkloadHost } from "../workload.ts";

export class Prefetcher {
  /** Stamps already handed to the precompressor. */
  readonly #prefetched = new Set<number>();

  constructor(private readonly pre: Precompressor) {}

  /** One tick's exchange with the precompressor. */
  step(b: Backend | null, workloads: readonly Workload[], host: WorkloadHost): void {
    const pre = this.pre;
    const batches = pre.collect();
    if (!b || !isPrecompressing(b)) return;
    for (const batch of batches) b.precompressed(batch); // ignored unless compressor and level match
    const room = pre.room();
    if (room === 0) return;
    const pages: Uint8Array[] = [];
    if (this.#prefetched.size > 1 << 16) this.#prefetched.clear();
    for (const w of workloads) {
      const share = Math.ceil(room / workloads.length);
      let taken = 0;
      for (const v of w.upcoming?.(host, share * 2) ?? []) {
        if (this.#prefetched.has(v.stamp) || v.cls === "zero" || v.cls === "same") continue;
        this.#prefetched.add(v.stamp);
        pages.push(fillVersion(v));
        if (++taken >= share) break;
      }
    }
    if (pages.length > 0) pre.submit(pages, b.codec.kind, b.codec.level);
  }
}
