/**
 * The workloads' own costs (#10.4), each beside a same-work baseline in the
 * same run:
 *
 * - text page generation (`generatePage(stamp, "text")`) against the byte loop
 *   it replaced (`tests/helpers/text_reference.ts`, byte-identical output);
 * - a `pagecache` tick over a page cache of 500,000 pages with the default
 *   truncate and delete rates, against the same workload with them off (no
 *   backend registered: the workload's own cost, every cleancache call is
 *   skipped as pending).
 */
import { generatePage, PAGE_SIZE } from "../src/content.ts";
import { Simulation } from "../src/simulation.ts";
import { PagecacheWorkload } from "../src/workloads/pagecache.ts";
import { referenceTextPage } from "../tests/helpers/text_reference.ts";
import { interleaved, ratio } from "./harness.ts";

export interface WorkloadResult {
  text_page_us: number;
  text_page_reference_us: number;
  /** Reference time / new time: how many times faster. */
  text_page_speedup: number;
  pagecache_500k_tick_ms: number;
  pagecache_500k_no_drops_tick_ms: number;
  /** Tick with truncates and deletes / tick without. */
  pagecache_500k_drops_ratio: number;
  pagecache_500k_cached_pages: number;
}

const CACHE = 500_000;

function pagecacheSim(drops: boolean): { tick: () => number; cached: () => number } {
  const sim = new Simulation({ seed: 3 });
  sim.mount("root");
  sim.mount("home");
  // 2M pages of files, so the 500,000-page cache fills and evicts
  const w = new PagecacheWorkload({
    cache: CACHE,
    files: 1000,
    pages: 1024,
    rate: 2000,
    skew: 0.2,
    ...(drops ? {} : { truncates: 0, deletes: 0 }),
  });
  return { tick: () => (w.step(sim), 1), cached: () => w.cachedPages };
}

export function benchWorkloads(rounds: number, quick: boolean): WorkloadResult {
  const out = new Uint8Array(PAGE_SIZE);
  let stamp = 1;
  const N = 2000;
  const text = interleaved(
    {
      table: () => {
        for (let i = 0; i < N; i++) generatePage(stamp++, "text", out);
        return N;
      },
      reference: () => {
        for (let i = 0; i < N; i++) referenceTextPage(stamp++, out);
        return N;
      },
    },
    rounds,
    1,
    5,
  );
  const withDrops = pagecacheSim(true), without = pagecacheSim(false);
  // fill both caches (truncates and deletes keep one a little below the other)
  for (let i = 0; i < (quick ? 150 : 600) && without.cached() < CACHE; i++) {
    withDrops.tick(), without.tick();
  }
  const tick = interleaved(
    { drops: withDrops.tick, none: without.tick },
    rounds,
    1,
    3,
  );
  return {
    text_page_us: text.table.nsPerUnit / 1000,
    text_page_reference_us: text.reference.nsPerUnit / 1000,
    text_page_speedup: ratio(text.reference, text.table),
    pagecache_500k_tick_ms: tick.drops.ms / tick.drops.units,
    pagecache_500k_no_drops_tick_ms: tick.none.ms / tick.none.units,
    pagecache_500k_drops_ratio: ratio(tick.drops, tick.none),
    pagecache_500k_cached_pages: withDrops.cached(),
  };
}
