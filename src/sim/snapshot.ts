/**
 * The snapshot builder: the plain object every view, `stats` and `expect`
 * read, assembled from the parts of a simulation.
 */
import type {
  BackendSnapshot,
  SimEvent,
  Snapshot,
  SuperblockSnapshot,
  SwapTypeSnapshot,
} from "../snapshot.ts";
import type { Regime } from "../regime.ts";
import type { CleancacheFrontend } from "../frontend/cleancache.ts";
import type { FrontswapFrontend } from "../frontend/frontswap.ts";
import type { IntegrityCounts } from "../integrity.ts";
import type { Workload } from "../workload.ts";

/** The parts a snapshot is made of. */
export interface SnapshotParts {
  tick: number;
  regime: Regime;
  seed: number;
  ops: number;
  cleancache: CleancacheFrontend;
  frontswap: FrontswapFrontend;
  superblocks: SuperblockSnapshot[];
  swapTypes: SwapTypeSnapshot[];
  writtenBack: number;
  backend: BackendSnapshot | null;
  backends: BackendSnapshot[];
  integrity: IntegrityCounts;
  workloads: Workload[];
  events: SimEvent[];
}

export function buildSnapshot(p: SnapshotParts): Snapshot {
  const { superblocks, swapTypes } = p;
  return {
    tick: p.tick,
    regime: p.regime,
    seed: p.seed,
    cleancache: {
      ...p.cleancache.counters,
      pools: superblocks.filter((s) => s.state === "backed").length,
      pending: superblocks.filter((s) => s.state === "pending").map((s) => s.name),
      uncached: superblocks.filter((s) => s.state === "uncached").map((s) => s.name),
      skipped: p.cleancache.skipped,
    },
    frontswap: {
      ...p.frontswap.counters,
      pages: swapTypes.reduce((n, s) => n + s.pages, 0),
      active: swapTypes.map((s) => s.type),
      pending: swapTypes.filter((s) => s.state === "pending").map((s) => s.type),
      uncached: swapTypes.filter((s) => s.state === "uncached").map((s) => s.type),
      written_back_pages: p.writtenBack,
      skipped: p.frontswap.skipped,
    },
    backend: p.backend,
    backends: p.backends,
    integrity: p.integrity,
    superblocks,
    swapTypes,
    workloads: p.workloads.map((w) => ({ name: w.name, running: true, params: { ...w.params } })),
    events: p.events,
    ops: p.ops,
  };
}
