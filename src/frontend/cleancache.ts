/**
 * What every release's cleancache frontend (`mm/cleancache.c`) has in common:
 * the superblock as cleancache sees it, the debugfs counters, the live
 * superblock list. The release-specific state machines (pool ids, fake ids,
 * what registration does) are the regime modules in src/regimes/, each a
 * subclass of `CleancacheFrontend`.
 */
import { PAGE_SIZE } from "../content.ts";
import type { CleancacheOps } from "../backends/ops.ts";
import type { BackingState } from "../snapshot.ts";

/** A mounted filesystem as cleancache sees it (`struct super_block`). */
export interface Superblock {
  readonly name: string;
  readonly uuid: string | null;
  /** `sb->cleancache_poolid` (a fake id under fake-poolid). */
  poolId: number;
  puts: number;
  hits: number;
  misses: number;
  invalidates: number;
  /** Puts and gets that reached no backend pool (pending, uncached, no backend): ours. */
  skipped: number;
}

/** debugfs `cleancache/` counters. */
export interface CleancacheCounters {
  succ_gets: number;
  failed_gets: number;
  puts: number;
  invalidates: number;
}

/**
 * What `cleancache_register_ops` did: `registered` (first backend),
 * `override` (accepted over a live backend: 3.9, 3.10), `refused` (-EBUSY: 4.1).
 */
export type CleancacheRegistration = "registered" | "override" | "refused";

/** A fresh superblock (pool id -1 as `alloc_super` leaves it). */
export function newSuperblock(name: string, uuid: string | null = null): Superblock {
  return { name, uuid, poolId: -1, puts: 0, hits: 0, misses: 0, invalidates: 0, skipped: 0 };
}

/** The cleancache frontend of one release; see src/regimes/ for each. */
export abstract class CleancacheFrontend {
  readonly counters: CleancacheCounters = { succ_gets: 0, failed_gets: 0, puts: 0, invalidates: 0 };
  /** Puts and gets that reached no backend pool, over all superblocks ever mounted (ours). */
  skipped = 0;
  /** `cleancache_ops`: the registered backend's ops, or null. */
  protected ops: CleancacheOps | null = null;
  /** Live superblocks (`iterate_supers` order = mount order). */
  protected readonly supers = new Set<Superblock>();
  /** Called when a backend pool is created or destroyed (for the event log and the oracle). */
  onPool: (what: "created" | "destroyed", sb: Superblock, poolId: number) => void = () => {};
  /** Called when a reproduced kernel bug shows (for the event log). */
  onKernelBug: (text: string) => void = () => {};

  /** Whether a backend's cleancache ops are registered. */
  get registered(): boolean {
    return this.ops !== null;
  }

  /** `cleancache_init_fs`, or `cleancache_init_shared_fs` when `sb.uuid` is set (mount). */
  abstract initFs(sb: Superblock): void;
  /** `cleancache_invalidate_fs` (umount). */
  abstract invalidateFs(sb: Superblock): void;
  /** `cleancache_get_page`: true on a hit (page written to `out`). */
  abstract getPage(sb: Superblock, ino: number, index: number, out: Uint8Array): boolean;
  /** `cleancache_put_page`. */
  abstract putPage(sb: Superblock, ino: number, index: number, page: Uint8Array): void;
  /** `cleancache_invalidate_page`. */
  abstract invalidatePage(sb: Superblock, ino: number, index: number): void;
  /** `cleancache_invalidate_inode` (not counted in `invalidates`). */
  abstract invalidateInode(sb: Superblock, ino: number): void;
  /** `cleancache_register_ops`. */
  abstract registerOps(ops: CleancacheOps): CleancacheRegistration;
  /** Unregister (ours): the backend's pools are gone; superblocks wait again where the release can. */
  abstract unregisterOps(): void;
  /** backed: reaches a backend pool; pending: will get one at registration; uncached: never. */
  abstract state(sb: Superblock): BackingState;

  /** The backend pool id an operation on `sb` reaches, or a negative number. */
  realPoolId(sb: Superblock): number {
    return sb.poolId;
  }

  /** The fake pool id (fake-poolid only), else null. */
  fakeId(_sb: Superblock): number | null {
    return null;
  }

  // ---------------- counting helpers shared by the releases ----------------

  /** An operation that reached no backend pool (ours); returns false (a miss). */
  protected skip(sb: Superblock): false {
    sb.skipped++;
    this.skipped++;
    return false;
  }

  /** `cleancache_succ_gets++` or `cleancache_failed_gets++`. */
  protected countGet(sb: Superblock, hit: boolean): boolean {
    if (hit) {
      this.counters.succ_gets++;
      sb.hits++;
    } else {
      this.counters.failed_gets++;
      sb.misses++;
    }
    return hit;
  }

  /** `cleancache_puts++`. */
  protected countPut(sb: Superblock): void {
    this.counters.puts++;
    sb.puts++;
  }

  /** `cleancache_invalidates++`. */
  protected countInvalidate(sb: Superblock): void {
    this.counters.invalidates++;
    sb.invalidates++;
  }

  /** `ops->init_fs` or `ops->init_shared_fs` for `sb`; the raw result (negative = failure). */
  protected initPool(ops: CleancacheOps, sb: Superblock, uuid: string | null = sb.uuid): number {
    const id = uuid === null ? ops.initFs(PAGE_SIZE) : ops.initSharedFs(uuid, PAGE_SIZE);
    if (id >= 0) this.onPool("created", sb, id);
    return id;
  }
}
