/**
 * The integrity oracle: it knows what every read should return and checks
 * it. A file page must read back as the disk's current version; a swap slot
 * as the page last swapped out to it. Every wrong read (a stale read) and
 * every swapped page that can no longer be read back (a lost page) is
 * counted under a named cause (`causes` for stale reads, `lost_causes` for
 * lost pages): one of the kernel hazards the regimes and
 * backends reproduce on purpose, or `unexplained` (a bug of ours, which
 * `audit` reports).
 */

/** Why a read went wrong. */
export const CAUSES = [
  /** A backend registered over a live one (3.9, 3.10): pool ids and frontswap bits of the first reach the second. */
  "override",
  /** A write through a mount whose operations reach no pool, while a pool of the same uuid holds the page. */
  "uncached_sibling_of_shared_pool",
  /** A backend gave each mount of one uuid a private pool: a write through one leaves the other's copy. */
  "private_pool_for_shared_uuid",
  /** 3.9: a store to a swap type with no frontswap map succeeded; no bit recorded it, the disk was skipped. */
  "eager_unmapped_swap_store",
  /**
   * Staging zcache: the put of the current version was refused (`zcache_put_page` creates
   * the new pampd first; tmem.c `tmem_put`, which flushes the older copy, is never called),
   * so the older copy stays and a get returns it.
   */
  "refused_put_kept_older_copy",
  /**
   * 3.9/3.10: a backend's writeback overwrote the newer page the swap device held. A duplicate
   * store staging zcache refused kept its old copy (`__frontswap_store` only clears the bit of
   * a failed duplicate); evicting it, `zcache_frontswap_writeback_zpage` calls
   * `__frontswap_load`, which finds the bit clear and loads nothing, and `__swap_writepage`
   * writes the spare page frame as it was over the slot. Here the older copy is written.
   */
  "stale_copy_written_back",
  /** None of the above: a bug of the simulator. */
  "unexplained",
] as const;
export type Cause = typeof CAUSES[number];

/** Per-slot cause codes (index into CAUSES + 1; 0 = none). */
const NO_CAUSE = 0;
/** SwapTruth's per-slot state bits; the hazard code is above them. */
const LOST = 1, SWAP_CACHED = 2, HAZARD_SHIFT = 2;
if (CAUSES.length + 1 > 0xff >>> HAZARD_SHIFT) throw new Error("integrity: too many causes");

/** The truth of one swap device: what each slot must read back as, and what went wrong. */
export class SwapTruth {
  /** Digest of the page the slot must return. */
  readonly truth: Float64Array;
  /**
   * Per slot, one byte: LOST (already counted as lost), SWAP_CACHED (loaded
   * exclusively: the page lives, dirty, in the swap cache) and, above them,
   * the cause of a known hazard on the slot's current page (CAUSES index + 1,
   * 0 = none).
   */
  readonly #state: Uint8Array;
  /** The oracle's override count when the slot's page was stored. */
  readonly storedAfter: Uint32Array;

  constructor(slots: number) {
    this.truth = new Float64Array(slots);
    this.#state = new Uint8Array(slots);
    this.storedAfter = new Uint32Array(slots);
  }

  /** Whether the slot's page was already counted as lost. */
  isLost(offset: number): boolean {
    return (this.#state[offset] & LOST) !== 0;
  }
  markLost(offset: number): void {
    this.#state[offset] |= LOST;
  }
  /** Whether the slot's page was loaded exclusively and lives in the swap cache. */
  isSwapCached(offset: number): boolean {
    return (this.#state[offset] & SWAP_CACHED) !== 0;
  }
  markSwapCached(offset: number): void {
    this.#state[offset] |= SWAP_CACHED;
  }
  /** The hazard code of the slot's page (CAUSES index + 1, NO_CAUSE = none). */
  hazard(offset: number): number {
    return this.#state[offset] >>> HAZARD_SHIFT;
  }

  /** Name the hazard on the slot's current page (CAUSES index + 1), keeping its other bits. */
  setHazard(offset: number, code: number): void {
    this.#state[offset] = (this.#state[offset] & ((1 << HAZARD_SHIFT) - 1)) |
      (code << HAZARD_SHIFT);
  }

  /** A slot was freed or refilled: not lost, not swap-cached, hazard `code`. */
  reset(offset: number, code = NO_CAUSE): void {
    this.#state[offset] = code << HAZARD_SHIFT;
  }
}

/** What the oracle counts (the snapshot's `integrity` group). */
export interface IntegrityCounts {
  backend_overrides: number;
  verified_reads: number;
  stale_reads: number;
  lost_pages: number;
  /** Stale reads by cause (they add up to `stale_reads`). */
  causes: Record<Cause, number>;
  /** Lost pages by cause (they add up to `lost_pages`). */
  lost_causes: Record<Cause, number>;
}

/** The oracle: counts, causes, and the event hook. */
export class IntegrityOracle {
  verified = 0;
  stale = 0;
  lostPages = 0;
  overrides = 0;
  readonly causes: Record<Cause, number> = noCauses();
  readonly lostCauses: Record<Cause, number> = noCauses();
  /** Called for every stale read and lost page (the simulation logs it). */
  onWrong: (what: "STALE" | "LOST", cause: Cause, text: string) => void = () => {};

  /** A backend was registered over a live one. */
  noteOverride(): void {
    this.overrides++;
  }

  /** A read returned the right data. */
  verifiedRead(): void {
    this.verified++;
  }

  /** A read returned data other than the truth. */
  staleRead(cause: Cause, text: string): void {
    this.stale++;
    this.causes[cause]++;
    this.onWrong("STALE", cause, text);
  }

  // ---------------- swap ----------------

  /** A page was swapped out to `offset`; `hazard` names a loss the store itself caused. */
  swapStored(
    t: SwapTruth,
    offset: number,
    digest: number,
    hazard: Cause | null,
    text: () => string,
  ): void {
    t.truth[offset] = digest;
    t.storedAfter[offset] = this.overrides;
    t.reset(offset, hazard === null ? NO_CAUSE : CAUSES.indexOf(hazard) + 1);
    if (hazard !== null) this.#lose(t, offset, hazard, text());
  }

  /**
   * A swap-in of `offset` returned `digest` (from the backend when `hit`,
   * else from the disk). Verified, or counted stale (and lost when the disk
   * no longer has the page) under its cause; `what` describes it (called on
   * a wrong read only).
   */
  swapRead(
    t: SwapTruth,
    offset: number,
    digest: number,
    hit: boolean,
    what: () => string,
  ): boolean {
    if (digest === t.truth[offset]) {
      this.verified++;
      return true;
    }
    const cause = this.#swapCause(t, offset);
    const text = what();
    if (!hit && !t.isLost(offset)) this.#lose(t, offset, cause, text);
    this.staleRead(cause, text);
    return false;
  }

  /**
   * A backend wrote `digest` to the device's slot `offset` (writeback), and frontswap no
   * longer records the slot (its bit is clear): when that is not the slot's page, the page
   * is lost under `stale_copy_written_back`.
   */
  swapWrittenBack(t: SwapTruth, offset: number, digest: number, text: () => string): void {
    if (digest === t.truth[offset] || t.isLost(offset)) return;
    t.setHazard(offset, CAUSES.indexOf("stale_copy_written_back") + 1);
    this.#lose(t, offset, "stale_copy_written_back", text());
  }

  /** Whether the slot's page is known lost for a named reason (not `unexplained`). */
  explainedLoss(t: SwapTruth, offset: number): boolean {
    const h = t.hazard(offset);
    return (h !== NO_CAUSE && CAUSES[h - 1] !== "unexplained") ||
      t.storedAfter[offset] < this.overrides;
  }

  /** The snapshot's `integrity` group. */
  counts(): IntegrityCounts {
    return {
      backend_overrides: this.overrides,
      verified_reads: this.verified,
      stale_reads: this.stale,
      lost_pages: this.lostPages,
      causes: { ...this.causes },
      lost_causes: { ...this.lostCauses },
    };
  }

  #swapCause(t: SwapTruth, offset: number): Cause {
    const h = t.hazard(offset);
    if (h !== NO_CAUSE) return CAUSES[h - 1];
    if (t.storedAfter[offset] < this.overrides) return "override";
    return "unexplained";
  }

  #lose(t: SwapTruth, offset: number, cause: Cause, text: string): void {
    t.markLost(offset);
    this.lostPages++;
    this.lostCauses[cause]++;
    this.onWrong("LOST", cause, text);
  }
}

/** What the oracle needs to know about a cleancache read that returned the wrong data. */
export interface FileReadContext {
  /** The reader's uuid (a shared filesystem), or null. */
  uuid: string | null;
  /** The pool the reader's operations reach (`poolKey`), or -1. */
  pool: number;
  /** Another live superblock of a different filesystem reaches the same pool. */
  foreignSibling: boolean;
  /**
   * The reader's pool id, or the one the current version's write went through, was handed out
   * by an earlier backend, or a put through such an id reached the reader's pool.
   */
  oldIds: boolean;
  /** The pool the current version's write invalidated or replaced (-1: none); undefined when unknown. */
  writePool: number | undefined;
  /** The current version was put and the backend refused that put. */
  putRefused: boolean;
}

/** Names the cause of a stale cleancache read. */
export function fileReadCause(c: FileReadContext): Cause {
  if (c.foreignSibling || c.oldIds) return "override";
  if (c.putRefused && c.writePool === c.pool) return "refused_put_kept_older_copy";
  if (c.uuid === null || c.writePool === undefined) return "unexplained";
  if (c.writePool === -1) return "uncached_sibling_of_shared_pool";
  if (c.writePool !== c.pool) return "private_pool_for_shared_uuid";
  return "unexplained";
}

function noCauses(): Record<Cause, number> {
  return Object.fromEntries(CAUSES.map((c) => [c, 0])) as Record<Cause, number>;
}

/** One number per (backend registration, pool id): pools of different backends never compare equal. */
export function poolKey(backendSerial: number, poolId: number): number {
  return poolId < 0 ? -1 : backendSerial * 0x100000000 + poolId;
}
