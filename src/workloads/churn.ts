/**
 * The `churn` workload: every `every` ticks one change of configuration -
 * a filesystem mounted or unmounted, a swap type enabled or disabled - within
 * the bounds of its parameters. The first change happens on the first tick.
 *
 * A swap type is disabled with `swapoff`, whose `try_to_unuse` swaps every
 * page still in one of its slots in first, so no swapped page is lost. The
 * `swap` workload then counts those pages as resident.
 */
import type { Workload, WorkloadHost, WorkloadParams } from "../workload.ts";
import { SimError } from "../errors.ts";
import { docsOf, type ParamSpecs, resolveParams } from "./params.ts";

/** Parameters of `churn`. */
export const CHURN_PARAMS: ParamSpecs = {
  every: { kind: "int", default: 30, min: 1, max: 10_000_000, doc: "ticks between two changes" },
  minfs: { kind: "int", default: 1, min: 0, max: 64, doc: "fewest filesystems kept mounted" },
  maxfs: { kind: "int", default: 5, min: 0, max: 64, doc: "most filesystems mounted" },
  mintypes: { kind: "int", default: 1, min: 0, max: 32, doc: "fewest swap types kept enabled" },
  maxtypes: { kind: "int", default: 3, min: 0, max: 32, doc: "most swap types enabled" },
  slots: {
    kind: "int",
    default: 2048,
    min: 1,
    max: 1 << 20,
    doc: "slots of each swap type it enables",
  },
  shared: {
    kind: "number",
    default: 0.2,
    min: 0,
    max: 1,
    doc: "probability a mount is a shared (cluster) filesystem",
  },
  names: {
    kind: "names",
    default: "home,var,srv,data,opt,build,media,backup",
    doc: "filesystem names it mounts",
  },
};

/** uuids of the shared filesystems churn mounts (two nodes' worth of sharing). */
const SHARED_UUIDS = [
  "c1a55e7a-0000-4000-8000-000000000001",
  "c1a55e7a-0000-4000-8000-000000000002",
];

/** The configuration churn workload (see the module comment). */
export class ChurnWorkload implements Workload {
  readonly name = "churn" as const;
  readonly params: WorkloadParams;
  readonly #every: number;
  readonly #minFs: number;
  readonly #maxFs: number;
  readonly #minTypes: number;
  readonly #maxTypes: number;
  readonly #slots: number;
  readonly #shared: number;
  readonly #names: string[];
  #ticks = 0;
  /** Own counters, for tests and curiosity. */
  readonly counters = { mounts: 0, umounts: 0, swapons: 0, swapoffs: 0, swappedIn: 0 };

  constructor(params: WorkloadParams) {
    this.params = resolveParams("churn", CHURN_PARAMS, params);
    const p = this.params;
    this.#every = p.every as number;
    this.#minFs = p.minfs as number;
    this.#maxFs = p.maxfs as number;
    this.#minTypes = p.mintypes as number;
    this.#maxTypes = p.maxtypes as number;
    this.#slots = p.slots as number;
    this.#shared = p.shared as number;
    this.#names = (p.names as string) === "" ? [] : (p.names as string).split(",");
    if (this.#minFs > this.#maxFs) {
      throw new SimError("workload: churn minfs must not exceed maxfs");
    }
    if (this.#minTypes > this.#maxTypes) {
      throw new SimError("workload: churn mintypes must not exceed maxtypes");
    }
  }

  step(sim: WorkloadHost): void {
    if (this.#ticks++ % this.#every !== 0) return;
    try {
      this.#change(sim);
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
    }
  }

  stop(_sim: WorkloadHost): void {
    this.#ticks = 0;
  }

  #change(sim: WorkloadHost): void {
    const rng = sim.rng;
    const mounted = sim.mountedNames();
    const types = sim.activeTypes();
    const free = this.#names.filter((n) => !sim.isMounted(n));
    const ours = mounted.filter((n) => this.#names.includes(n));
    const actions: (() => void)[] = [];
    const canMount = mounted.length < this.#maxFs && free.length > 0;
    const canUmount = mounted.length > this.#minFs && ours.length > 0;
    const canSwapon = types.length < this.#maxTypes && sim.nextFreeType() !== null;
    const canSwapoff = types.length > this.#minTypes;
    const mount = () => {
      const name = free[rng.int(free.length)];
      if (rng.chance(this.#shared)) sim.mount(name, { uuid: rng.pick(SHARED_UUIDS) });
      else sim.mount(name);
      this.counters.mounts++;
    };
    const umount = () => {
      sim.umount(ours[rng.int(ours.length)]);
      this.counters.umounts++;
    };
    const swapon = () => {
      sim.swapon(sim.nextFreeType()!, this.#slots);
      this.counters.swapons++;
    };
    const swapoff = () => {
      this.#swapoff(sim, types[rng.int(types.length)]);
    };
    // Below a minimum: restore it first.
    if (mounted.length < this.#minFs && canMount) return mount();
    if (types.length < this.#minTypes && canSwapon) return swapon();
    if (canMount) actions.push(mount);
    if (canUmount) actions.push(umount);
    if (canSwapon) actions.push(swapon);
    if (canSwapoff) actions.push(swapoff);
    if (actions.length) actions[rng.int(actions.length)]();
  }

  /** Disable the type; swapoff's `try_to_unuse` swaps every page in first. */
  #swapoff(sim: WorkloadHost, type: number): void {
    const slots = sim.slotCount(type);
    for (let off = 0; off < slots; off++) if (sim.slotInUse(type, off)) this.counters.swappedIn++;
    sim.swapoff(type);
    this.counters.swapoffs++;
  }
}

/** Parameter descriptions of `churn`. */
export const CHURN_DOCS: Record<string, string> = docsOf(CHURN_PARAMS);
