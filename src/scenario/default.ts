/**
 * The scenario the dashboard (and the benchmark) starts from when nothing else
 * was asked for: no backend registered, three filesystems mounted (one of them
 * a shared cluster filesystem with a uuid), two swap types enabled and the
 * `pagecache` and `swap` workloads running. Under the default `deferred`
 * regime the first screen therefore shows pending superblocks and swap types
 * whose operations are skipped (counted as `skipped`, not as failed gets:
 * `cleancache_fs_enabled` keeps them from `__cleancache_get_page`);
 * registering a backend drains them into pools.
 *
 * These are command-language lines, executed through a `CommandSession` so a
 * `--record` file replays them too. The regime is not set here: it is whatever
 * the session was created with (`--regime`, default `deferred`). The workload
 * rates are half the workloads' own defaults: still about 200 frontend
 * operations per tick, with evictions and writeback within seconds of a
 * registration, at about half the CPU (compression dominates).
 */
import type { Snapshot } from "../snapshot.ts";
import { isPristine } from "../command/session.ts";

export const DEFAULT_SCENARIO: readonly string[] = [
  "mount root",
  "mount home",
  "mount gfs2 shared=6f1c2e9a-31b4-4c1e-9d2f-5a7b3c9e0d41",
  "swapon 0",
  "swapon 1 slots=2048",
  "workload start pagecache rate=100",
  "workload start swap rate=75",
];

/**
 * The lines a dashboard starts with: the default scenario when the simulation
 * is pristine (no time passed, nothing mounted, enabled, registered or
 * running), else none. The one place that decides it (dashboard and `--once`).
 */
export function startupScenario(s: Snapshot): readonly string[] {
  return isPristine(s) ? DEFAULT_SCENARIO : [];
}
