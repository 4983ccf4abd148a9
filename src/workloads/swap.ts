/**
 * The `swap` workload: processes with anonymous memory larger than a
 * simulated RAM. Each tick it touches pages (Zipf-like per process):
 *
 * - a page touched for the first time is allocated in RAM;
 * - when RAM is full the least recently used page is swapped out to a free
 *   slot (`store`: frontswap, or the disk when refused);
 * - touching a swapped page swaps it in (`load`: frontswap, or the disk) and
 *   frees its slot (`free`: frontswap invalidate);
 * - processes exit at random (their slots are freed) and new ones start.
 *
 * When a swap type goes away (the `churn` workload swaps its pages in before
 * `swapoff`), pages that were on it count as resident again. A slot this
 * workload no longer finds in use is treated the same way. When no swap slot
 * is free, new pages are not allocated (the touch is dropped, `oom` counted).
 *
 * With `source=PATH` the pages hold real bytes instead of generated ones: a
 * process's memory is a run of consecutive pages of the file(s) at PATH
 * (read by the edge, at most 16 MiB), each version edited by its stamp
 * (src/real_pages.ts).
 */
import type { Workload, WorkloadHost, WorkloadParams } from "../workload.ts";
import { SimError } from "../errors.ts";
import { hash32 } from "../rng.ts";
import { LruMap } from "./lru.ts";
import type { ContentClass } from "../content.ts";
import type { PageContent } from "../page_version.ts";
import type { RealPages } from "../real_pages.ts";
import {
  type ContentMix,
  docsOf,
  type ParamSpecs,
  parseMix,
  pickClass,
  resolveParams,
} from "./params.ts";

/** Parameters of `swap`. */
export const SWAP_PARAMS: ParamSpecs = {
  rate: { kind: "int", default: 150, min: 0, max: 100_000, doc: "page touches per tick" },
  ram: { kind: "int", default: 512, min: 1, max: 1_000_000, doc: "simulated RAM in pages" },
  procs: { kind: "int", default: 6, min: 1, max: 1000, doc: "number of processes" },
  size: {
    kind: "int",
    default: 400,
    min: 1,
    max: 100_000,
    doc: "mean process size in pages (sizes vary from half to 1.5 times)",
  },
  skew: { kind: "number", default: 0.8, min: 0, max: 4, doc: "Zipf skew of page touches" },
  life: {
    kind: "int",
    default: 600,
    min: 1,
    max: 10_000_000,
    doc: "mean process lifetime in ticks",
  },
  mix: {
    kind: "mix",
    default: "heap:38,text:20,records:19,zero:12,same:4,random:7",
    doc: "content classes of anonymous pages, as class:weight",
  },
  source: {
    kind: "path",
    default: "",
    doc: "file or folder whose bytes fill the pages instead of mix (16 MiB at most)",
  },
};

/** Bytes of `source=PATH` read at most. */
const SOURCE_BUDGET = 16 << 20;

const UNALLOCATED = -2;
const RESIDENT = -1;
/** Page keys: pid * PAGE_SPAN + page index. */
const PAGE_SPAN = 2 ** 20;
/** Slot codes: type * SLOT_SPAN + offset. */
const SLOT_SPAN = 2 ** 21;

interface Proc {
  pid: number;
  size: number;
  /** Per page: UNALLOCATED, RESIDENT, or the slot code. */
  loc: Float64Array;
}

/** The anonymous-memory workload (see the module comment). */
export class SwapWorkload implements Workload {
  readonly name = "swap" as const;
  readonly params: WorkloadParams;
  readonly #rate: number;
  readonly #ram: number;
  readonly #procCount: number;
  readonly #size: number;
  readonly #skew: number;
  readonly #exitChance: number;
  readonly #mix: ContentMix;
  readonly #real: RealPages | null = null;
  readonly #procs: Proc[] = [];
  readonly #byPid = new Map<number, Proc>();
  /** Resident pages; insertion order is LRU order. Value: the owning process. */
  readonly #lru = new LruMap<Proc>();
  /** The version each resident page was last written with (stored when it is swapped out). */
  readonly #version = new Map<number, number>();
  /** Slot code -> page key of the page this workload put there. */
  readonly #owner = new Map<number, number>();
  #nextPid = 1;
  #types = new Set<number>();
  /** Own counters, for tests and curiosity. */
  readonly counters = {
    touches: 0,
    allocations: 0,
    swapOuts: 0,
    swapIns: 0,
    reclaimed: 0,
    exits: 0,
    oom: 0,
  };

  constructor(params: WorkloadParams, sim?: WorkloadHost) {
    this.params = resolveParams("swap", SWAP_PARAMS, params);
    const p = this.params;
    this.#rate = p.rate as number;
    this.#ram = p.ram as number;
    this.#procCount = p.procs as number;
    this.#size = p.size as number;
    this.#skew = p.skew as number;
    this.#exitChance = 1 / (p.life as number);
    this.#mix = parseMix(p.mix as string, "swap mix");
    if (p.source !== "") {
      if (!sim) throw new SimError("workload: swap source= needs the simulation's file reader");
      this.#real = sim.readFiles(
        "workload: swap",
        p.source as string,
        SOURCE_BUDGET,
        SOURCE_BUDGET,
      );
    }
  }

  /** Resident pages now. */
  get residentPages(): number {
    return this.#lru.size;
  }

  /** Pages this workload holds in swap slots now. */
  get swappedPages(): number {
    return this.#owner.size;
  }

  step(sim: WorkloadHost): void {
    const rng = sim.rng;
    this.#syncTypes(sim);
    // Processes come and go.
    for (const p of [...this.#procs]) {
      if (rng.chance(this.#exitChance)) this.#exit(sim, p);
    }
    while (this.#procs.length < this.#procCount) this.#spawn(sim);
    for (let i = 0; i < this.#rate; i++) {
      const p = this.#procs[rng.int(this.#procs.length)];
      const page = rng.zipf(p.size, this.#skew);
      try {
        this.#touch(sim, p, page);
      } catch (e) {
        if (!(e instanceof SimError)) throw e;
      }
    }
    // After a swapoff brought pages back, shrink to RAM again.
    try {
      while (this.#lru.size > this.#ram && this.#evictOne(sim));
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
    }
  }

  stop(sim: WorkloadHost): void {
    for (const p of [...this.#procs]) this.#exit(sim, p);
    this.#lru.clear();
    this.#version.clear();
    this.#owner.clear();
  }

  /** A page's content: a class of the mix, or its page of the source (a run per process). */
  #contentOf(p: Proc, page: number): PageContent {
    if (this.#real) {
      return {
        source: this.#real,
        page: (hash32(p.pid, 0x50c) + page) % this.#real.pageCount,
        edited: true,
      };
    }
    return this.#classOf(p, page);
  }

  #classOf(p: Proc, page: number): ContentClass {
    return pickClass(this.#mix, hash32(p.pid, page, 0x5a17) / 4294967296);
  }

  #spawn(sim: WorkloadHost): void {
    const size = Math.max(1, Math.round(this.#size * (0.5 + sim.rng.next())));
    const p: Proc = {
      pid: this.#nextPid++,
      size: Math.min(size, PAGE_SPAN),
      loc: new Float64Array(Math.min(size, PAGE_SPAN)).fill(UNALLOCATED),
    };
    this.#procs.push(p);
    this.#byPid.set(p.pid, p);
  }

  #exit(sim: WorkloadHost, p: Proc): void {
    this.counters.exits++;
    for (let page = 0; page < p.size; page++) {
      const code = p.loc[page];
      const key = p.pid * PAGE_SPAN + page;
      if (code === RESIDENT) {
        this.#lru.delete(key);
        this.#version.delete(key);
      } else if (code >= 0 && this.#owner.get(code) === key) {
        this.#owner.delete(code);
        const type = Math.floor(code / SLOT_SPAN), off = code % SLOT_SPAN;
        if (sim.slotInUse(type, off)) {
          try {
            sim.free(type, off);
          } catch (e) {
            if (!(e instanceof SimError)) throw e;
          }
        }
      }
    }
    this.#procs.splice(this.#procs.indexOf(p), 1);
    this.#byPid.delete(p.pid);
  }

  /** Pages on swap types that went away are resident again (swapoff swaps in). */
  #syncTypes(sim: WorkloadHost): void {
    const now = new Set(sim.activeTypes());
    let gone = false;
    for (const t of this.#types) if (!now.has(t)) gone = true;
    this.#types = now;
    if (!gone) return;
    for (const [code, key] of this.#owner) {
      if (now.has(Math.floor(code / SLOT_SPAN))) continue;
      this.#owner.delete(code);
      this.#reclaim(key);
    }
  }

  /** A page whose slot is gone becomes resident (it was swapped in for us). */
  #reclaim(key: number): void {
    const p = this.#byPid.get(Math.floor(key / PAGE_SPAN));
    if (!p) return;
    const page = key % PAGE_SPAN;
    if (p.loc[page] < 0) return;
    this.counters.reclaimed++;
    p.loc[page] = RESIDENT;
    this.#lru.touch(key, p);
  }

  #touch(sim: WorkloadHost, p: Proc, page: number): void {
    this.counters.touches++;
    const key = p.pid * PAGE_SPAN + page;
    const code = p.loc[page];
    if (code === RESIDENT) {
      this.#lru.touch(key, p);
      this.#version.set(key, sim.newVersion()); // a touch writes the page
      return;
    }
    if (code === UNALLOCATED) {
      if (this.#lru.size >= this.#ram && !this.#evictOne(sim)) {
        this.counters.oom++;
        return;
      }
      this.counters.allocations++;
    } else {
      // Swapped out: swap in, then free the slot.
      const type = Math.floor(code / SLOT_SPAN), off = code % SLOT_SPAN;
      if (this.#owner.get(code) === key) {
        this.#owner.delete(code);
        if (sim.slotInUse(type, off)) {
          this.counters.swapIns++;
          sim.load(type, off);
          sim.free(type, off);
        } else this.counters.reclaimed++;
      } else this.counters.reclaimed++;
    }
    p.loc[page] = RESIDENT;
    this.#lru.touch(key, p);
    this.#version.set(key, sim.newVersion());
    while (this.#lru.size > this.#ram && this.#evictOne(sim));
  }

  /** Swap out the least recently used page; false when no slot is free. */
  #evictOne(sim: WorkloadHost): boolean {
    const slot = sim.allocSlot();
    if (!slot) return false;
    const first = this.#lru.oldest();
    if (first === null) return false;
    const [key, p] = first;
    const page = key % PAGE_SPAN;
    const code = slot.type * SLOT_SPAN + slot.offset;
    // A stale claim on this slot (its type was swapped off and on): that page is resident.
    const stale = this.#owner.get(code);
    sim.store(slot.type, slot.offset, this.#contentOf(p, page), this.#version.get(key));
    this.#lru.delete(key);
    this.#version.delete(key);
    if (stale !== undefined && stale !== key) this.#reclaim(stale);
    p.loc[page] = code;
    this.#owner.set(code, key);
    this.counters.swapOuts++;
    return true;
  }
}

/** Parameter descriptions of `swap`. */
export const SWAP_DOCS: Record<string, string> = docsOf(SWAP_PARAMS);
