/**
 * The frontswap frontend (`mm/frontswap.c`) in three registration regimes.
 * Each enabled swap type has a bitmap, one bit per slot: set = the backend
 * holds that slot's page.
 */
import type { FrontswapOps } from "../backends/ops.ts";
import type { Regime } from "../regime.ts";
import type { BackingState } from "../snapshot.ts";
import { SimError } from "../errors.ts";

/** One enabled swap type as frontswap sees it (`swap_info_struct`). */
export interface SwapArea {
  readonly type: number;
  readonly slots: number;
  /** `frontswap_map`: 1 = the backend holds the slot. */
  readonly map: Uint8Array;
  /** `frontswap_pages`: set bits. */
  pages: number;
  /** The current backend was told `init(type)`. */
  inited: boolean;
  /** eager only: enabled before any backend, never uses frontswap. */
  uncached: boolean;
  succ_stores: number;
  failed_stores: number;
  loads: number;
  invalidates: number;
  written_back: number;
  /** Stores that reached no backend (pending, uncached): ours. */
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
  /** A successful store still reports failure so the page is written to disk too. */
  writethrough?: boolean;
  /**
   * `frontswap_tmem_exclusive_gets`: a successful load clears the bit and the
   * backend drops its copy; the page lives on, dirty, in the swap cache.
   */
  exclusiveLoads?: boolean;
}

/** The frontswap frontend: per-type bitmaps, counters, lazy registration. */
export class FrontswapFrontend {
  readonly regime: Regime;
  readonly writethrough: boolean;
  /** Switched on by a backend calling `frontswap_tmem_exclusive_gets(true)` (zcache). */
  exclusiveLoads: boolean;
  readonly counters: FrontswapCounters = {
    loads: 0,
    succ_stores: 0,
    failed_stores: 0,
    invalidates: 0,
  };
  /** Stores that reached no backend, over all types ever enabled (ours). */
  skipped = 0;
  #ops: FrontswapOps | null = null;
  readonly #areas = new Map<number, SwapArea>();

  constructor(regime: Regime, opts: FrontswapOptions = {}) {
    this.regime = regime;
    this.writethrough = opts.writethrough ?? false;
    this.exclusiveLoads = opts.exclusiveLoads ?? false;
  }

  get backend(): FrontswapOps | null {
    return this.#ops;
  }

  /** `frontswap_init(type)` at swapon. */
  init(type: number, slots: number): SwapArea {
    const area: SwapArea = {
      type,
      slots,
      map: new Uint8Array(slots),
      pages: 0,
      inited: false,
      uncached: false,
      succ_stores: 0,
      failed_stores: 0,
      loads: 0,
      invalidates: 0,
      written_back: 0,
      skipped: 0,
    };
    this.#areas.set(type, area);
    if (this.#ops) {
      this.#ops.init(type);
      area.inited = true;
    } else if (this.regime === "eager") {
      area.uncached = true; // frontswap_enabled was false: no frontswap_map
    }
    // fake-poolid: need_init bit; deferred: an active type without backend
    return area;
  }

  /**
   * `frontswap_store`: true when the backend holds the page and the disk
   * write can be skipped. With writethrough it is stored yet reported false.
   */
  store(type: number, offset: number, page: Uint8Array): boolean {
    const a = this.#areas.get(type)!;
    if (!this.#ops || a.uncached) {
      // no backend: no kernel counter moves; ours counts the store that went to disk
      a.skipped++;
      this.skipped++;
      return false;
    }
    const dup = a.map[offset] === 1;
    const ok = this.#ops.store(type, offset, page);
    if (ok) {
      a.map[offset] = 1;
      if (!dup) a.pages++;
      this.counters.succ_stores++;
      a.succ_stores++;
    } else {
      this.counters.failed_stores++;
      a.failed_stores++;
      if (dup) {
        // a failed duplicate store must not leave the older copy loadable
        a.map[offset] = 0;
        a.pages--;
        this.#ops.invalidatePage(type, offset);
      }
    }
    return ok && !this.writethrough;
  }

  /** `frontswap_load`: asks the backend only when the bit is set. */
  load(type: number, offset: number, out: Uint8Array): boolean {
    const a = this.#areas.get(type)!;
    if (!this.#ops || a.map[offset] !== 1) return false;
    const ok = this.#ops.load(type, offset, out);
    if (ok) {
      this.counters.loads++;
      a.loads++;
      if (this.exclusiveLoads) {
        this.#ops.invalidatePage(type, offset);
        a.map[offset] = 0;
        a.pages--;
      }
    }
    return ok;
  }

  /** `frontswap_invalidate_page` when a slot is freed. */
  invalidatePage(type: number, offset: number): void {
    const a = this.#areas.get(type)!;
    if (a.map[offset] !== 1) return;
    this.#ops?.invalidatePage(type, offset);
    a.map[offset] = 0;
    a.pages--;
    this.counters.invalidates++;
    a.invalidates++;
  }

  /** `frontswap_invalidate_area` at swapoff (not counted). */
  invalidateArea(type: number): void {
    const a = this.#areas.get(type);
    if (!a) return;
    if (this.#ops && a.inited) this.#ops.invalidateArea(type);
    this.#areas.delete(type);
  }

  /** The backend wrote a page back to its slot under pool pressure: clear the bit. */
  wroteBack(type: number, offset: number): void {
    const a = this.#areas.get(type);
    if (!a || a.map[offset] !== 1) return;
    a.map[offset] = 0;
    a.pages--;
    a.written_back++;
  }

  /**
   * `frontswap_register_ops`: init every type waiting for a backend
   * (fake-poolid: the need_init bits; deferred: every active type). Under
   * fake-poolid a second registration replaces the first, as in 3.10.
   */
  register(ops: FrontswapOps): void {
    if (this.#ops && this.regime !== "fake-poolid") {
      throw new SimError("register: a backend is already registered (EBUSY)");
    }
    for (const a of this.#areas.values()) {
      if (!a.inited && !a.uncached) {
        ops.init(a.type);
        a.inited = true;
      }
    }
    this.#ops = ops;
  }

  /**
   * Unregister (ours). `writeBack(type, offset)` must save each held page to
   * its slot first (it returns whether the page could be read back); then
   * every bit is cleared and every type waits again (eager: never again).
   */
  unregister(writeBack: (type: number, offset: number) => void): void {
    if (!this.#ops) return;
    for (const a of this.#areas.values()) {
      for (let off = 0; off < a.slots; off++) {
        if (a.map[off] !== 1) continue;
        writeBack(a.type, off);
        a.map[off] = 0;
        a.written_back++;
      }
      a.pages = 0;
      if (a.inited) this.#ops.invalidateArea(a.type);
      a.inited = false;
      if (this.regime === "eager") a.uncached = true;
    }
    this.#ops = null;
  }

  state(a: SwapArea): BackingState {
    if (a.uncached) return "uncached";
    return this.#ops && a.inited ? "backed" : "pending";
  }

  area(type: number): SwapArea | undefined {
    return this.#areas.get(type);
  }

  areas(): Iterable<SwapArea> {
    return this.#areas.values();
  }
}
