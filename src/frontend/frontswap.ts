/**
 * What every release's frontswap frontend (`mm/frontswap.c`) has in common:
 * the swap area with its bitmap (`frontswap_map`, one bit per slot: set = a
 * backend holds that slot's page) and `frontswap_pages`, the debugfs
 * counters, the writethrough and exclusive-gets switches. The release-specific
 * state machines (no map, need_init, the ops list) are the regime modules in
 * src/regimes/, each a subclass of `FrontswapFrontend`.
 */
import type { FrontswapOps } from "../backends/ops.ts";
import type { BackingState } from "../snapshot.ts";

/** One enabled swap type as frontswap sees it (`swap_info_struct`). */
export interface SwapArea {
  readonly type: number;
  readonly slots: number;
  /** `sis->frontswap_map`: 1 = a backend holds the slot; null = no map (3.9 swapon with no backend). */
  map: Uint8Array | null;
  /** `sis->frontswap_pages`, as the release keeps it (3.9 can over-count it). */
  pages: number;
  /** How far `pages` is above the set bits because of a reproduced kernel bug (3.9). */
  overcount: number;
  /** The newest registered backend was told `init(type)`. */
  inited: boolean;
  succ_stores: number;
  failed_stores: number;
  loads: number;
  invalidates: number;
  written_back: number;
  /** Stores that reached no backend (pending, uncached, no backend): ours. */
  skipped: number;
}

/** debugfs `frontswap/` counters. */
export interface FrontswapCounters {
  loads: number;
  succ_stores: number;
  failed_stores: number;
  invalidates: number;
}

export interface FrontswapOptions {
  /** `frontswap_writethrough(true)`: a successful store is reported failed, so swap writes the disk too. */
  writethrough?: boolean;
  /**
   * `frontswap_tmem_exclusive_gets(true)`: a successful load clears the bit
   * and the backend drops its copy; the page lives on, dirty, in the swap cache.
   */
  exclusiveLoads?: boolean;
}

/** `__frontswap_store` outcome: refused (the page goes to disk), stored with its bit set, or stored with no bit (3.9, no map). */
export const STORE_REFUSED = 0;
export const STORE_OK = 1;
export const STORE_OK_NO_BIT = 2;
export type StoreResult = typeof STORE_REFUSED | typeof STORE_OK | typeof STORE_OK_NO_BIT;

/**
 * What `frontswap_register_ops` did: `registered` (first backend),
 * `override` (replaced a live one: 3.9, 3.10), `stacked` (put at the head of
 * the ops list: 4.2).
 */
export type FrontswapRegistration = "registered" | "override" | "stacked";

/** The frontswap frontend of one release; see src/regimes/ for each. */
export abstract class FrontswapFrontend {
  writethrough: boolean;
  exclusiveLoads: boolean;
  readonly counters: FrontswapCounters = {
    loads: 0,
    succ_stores: 0,
    failed_stores: 0,
    invalidates: 0,
  };
  /** Stores that reached no backend, over all types ever enabled (ours). */
  skipped = 0;
  protected readonly areaMap = new Map<number, SwapArea>();
  /** Called when a reproduced kernel bug shows (for the event log). */
  onKernelBug: (text: string) => void = () => {};

  constructor(opts: FrontswapOptions = {}) {
    this.writethrough = opts.writethrough ?? false;
    this.exclusiveLoads = opts.exclusiveLoads ?? false;
  }

  /** `frontswap_init(type)` at swapon (`enable_swap_info`). */
  abstract init(type: number, slots: number): SwapArea;
  /** `__frontswap_store`. */
  abstract store(type: number, offset: number, page: Uint8Array): StoreResult;
  /** `__frontswap_load`: true on a hit (page written to `out`). */
  abstract load(type: number, offset: number, out: Uint8Array): boolean;
  /** `__frontswap_invalidate_page` (`swap_entry_free`). */
  abstract invalidatePage(type: number, offset: number): void;
  /** `__frontswap_invalidate_area` as swapoff reaches it; the area is gone afterwards. */
  abstract invalidateArea(type: number): void;
  /** `frontswap_register_ops`. */
  abstract registerOps(ops: FrontswapOps): FrontswapRegistration;
  /** Unregister `ops` (ours): drop it from the frontend; the caller wrote its pages back first. */
  protected abstract dropOps(ops: FrontswapOps): void;
  /** The registered ops, newest first. */
  abstract holders(): readonly FrontswapOps[];
  abstract state(a: SwapArea): BackingState;

  /**
   * Unregister (ours). Every set bit whose page `ops` holds is written back
   * by `writeBack(type, offset)` (it returns whether `ops` had the page, and
   * counts it) and its bit cleared; when no backend is left, every bit is.
   * Returns the pages written back.
   */
  unregisterOps(ops: FrontswapOps, writeBack: (type: number, offset: number) => boolean): number {
    let written = 0;
    const last = this.holders().length === 1;
    for (const a of this.areaMap.values()) {
      if (a.map) {
        for (let off = 0; off < a.slots; off++) {
          if (a.map[off] !== 1) continue;
          const had = writeBack(a.type, off);
          if (had) written++;
          if (had || last) {
            a.map[off] = 0;
            a.pages--;
          }
        }
      }
      if (last) {
        a.pages = 0;
        a.overcount = 0;
      }
      ops.invalidateArea(a.type);
    }
    this.dropOps(ops);
    return written;
  }

  area(type: number): SwapArea | undefined {
    return this.areaMap.get(type);
  }

  areas(): Iterable<SwapArea> {
    return this.areaMap.values();
  }

  /** A new area (`swapon`): with a bitmap, or with none (3.9 with no backend). */
  protected newArea(type: number, slots: number, withMap: boolean): SwapArea {
    const a: SwapArea = {
      type,
      slots,
      map: withMap ? new Uint8Array(slots) : null,
      pages: 0,
      overcount: 0,
      inited: false,
      succ_stores: 0,
      failed_stores: 0,
      loads: 0,
      invalidates: 0,
      written_back: 0,
      skipped: 0,
    };
    this.areaMap.set(type, a);
    return a;
  }

  /** A store that reached no backend (ours: the kernel counts nothing). */
  protected skip(a: SwapArea): StoreResult {
    a.skipped++;
    this.skipped++;
    return STORE_REFUSED;
  }

  /** `inc_frontswap_succ_stores()` / `inc_frontswap_failed_stores()`. */
  protected countStore(a: SwapArea, ok: boolean): void {
    if (ok) {
      this.counters.succ_stores++;
      a.succ_stores++;
    } else {
      this.counters.failed_stores++;
      a.failed_stores++;
    }
  }

  /** `inc_frontswap_loads()`. */
  protected countLoad(a: SwapArea): void {
    this.counters.loads++;
    a.loads++;
  }

  /** `inc_frontswap_invalidates()`. */
  protected countInvalidate(a: SwapArea): void {
    this.counters.invalidates++;
    a.invalidates++;
  }
}
