/**
 * The cleancache frontend (`mm/cleancache.c`) in three registration regimes.
 * The filesystem side calls `initFs`/`initSharedFs` at mount, the page ops
 * for clean pages, and `invalidateFs` at umount.
 */
import { PAGE_SIZE } from "../content.ts";
import type { CleancacheOps } from "../backends/ops.ts";
import type { Regime } from "../regime.ts";
import type { BackingState } from "../snapshot.ts";
import { SimError } from "../errors.ts";

/** `MAX_INITIALIZABLE_FS` under fake-poolid. */
export const MAX_INITIALIZABLE_FS = 32;
/** `FAKE_FS_POOLID_OFFSET` / `FAKE_SHARED_FS_POOLID_OFFSET`. */
export const FAKE_FS_POOLID_OFFSET = 1000;
export const FAKE_SHARED_FS_POOLID_OFFSET = 2000;
/** fake-poolid slot values: `FS_UNKNOWN` (free slot), `FS_NO_BACKEND`. */
export const FS_UNKNOWN = -2;
export const FS_NO_BACKEND = -1;
/** deferred pool ids: `CLEANCACHE_NO_POOL`, `CLEANCACHE_NO_BACKEND`, `CLEANCACHE_NO_BACKEND_SHARED`. */
export const CLEANCACHE_NO_POOL = -1;
export const CLEANCACHE_NO_BACKEND = -2;
export const CLEANCACHE_NO_BACKEND_SHARED = -3;

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

/** The cleancache frontend: pool ids per superblock, counters, lazy registration. */
export class CleancacheFrontend {
  readonly regime: Regime;
  readonly counters: CleancacheCounters = { succ_gets: 0, failed_gets: 0, puts: 0, invalidates: 0 };
  /** Puts and gets that reached no backend pool, over all superblocks ever mounted (ours). */
  skipped = 0;
  #ops: CleancacheOps | null = null;
  /** fake-poolid: `fs_poolid_map`, `shared_fs_poolid_map`, `uuids`. */
  readonly #fsMap = new Array<number>(MAX_INITIALIZABLE_FS).fill(FS_UNKNOWN);
  readonly #sharedMap = new Array<number>(MAX_INITIALIZABLE_FS).fill(FS_UNKNOWN);
  readonly #uuids = new Array<string | null>(MAX_INITIALIZABLE_FS).fill(null);
  /** Live superblocks (iterate_supers order = mount order). */
  readonly #supers = new Set<Superblock>();
  /** Called when a backend pool is created or destroyed (for the event log). */
  onPool: (what: "created" | "destroyed", sb: Superblock, poolId: number) => void = () => {};

  constructor(regime: Regime) {
    this.regime = regime;
  }

  get backend(): CleancacheOps | null {
    return this.#ops;
  }

  // ---------------- mount / umount ----------------

  /** `cleancache_init_fs`. */
  initFs(sb: Superblock): void {
    this.#supers.add(sb);
    switch (this.regime) {
      case "eager":
        sb.poolId = this.#ops ? this.#createPool(sb) : -1;
        break;
      case "fake-poolid":
        this.#takeSlot(sb);
        break;
      case "deferred":
        sb.poolId = this.#ops
          ? this.#createPool(sb)
          : sb.uuid === null
          ? CLEANCACHE_NO_BACKEND
          : CLEANCACHE_NO_BACKEND_SHARED;
        break;
    }
  }

  /** `cleancache_invalidate_fs` at umount. */
  invalidateFs(sb: Superblock): void {
    let real = sb.poolId;
    if (this.regime === "fake-poolid") {
      real = this.realPoolId(sb);
      const slot = this.#slotOf(sb);
      if (slot) {
        slot.map[slot.index] = FS_UNKNOWN;
        if (slot.map === this.#sharedMap) this.#uuids[slot.index] = null;
      }
    }
    sb.poolId = -1;
    this.#supers.delete(sb);
    if (this.#ops && real >= 0) {
      this.#ops.invalidateFs(real);
      this.onPool("destroyed", sb, real);
    }
  }

  // ---------------- page operations ----------------

  /** `cleancache_get_page`: true on a hit (page written to `out`). */
  getPage(sb: Superblock, ino: number, index: number, out: Uint8Array): boolean {
    if (sb.poolId < 0) return this.#skip(sb); // cleancache_fs_enabled(): nothing counted
    if (!this.#ops) {
      this.counters.failed_gets++;
      sb.misses++;
      return this.#skip(sb);
    }
    const real = this.realPoolId(sb);
    if (real < 0) this.#skip(sb);
    const hit = real >= 0 && this.#ops.getPage(real, ino, index, out);
    if (hit) {
      this.counters.succ_gets++;
      sb.hits++;
    } else {
      this.counters.failed_gets++;
      sb.misses++;
    }
    return hit;
  }

  /** `cleancache_put_page`. */
  putPage(sb: Superblock, ino: number, index: number, page: Uint8Array): void {
    if (sb.poolId < 0) {
      this.#skip(sb);
      return;
    }
    if (!this.#ops) {
      this.counters.puts++; // fake-poolid counts puts with no backend
      sb.puts++;
      this.#skip(sb);
      return;
    }
    const real = this.realPoolId(sb);
    if (real < 0) {
      this.#skip(sb);
      return;
    }
    this.#ops.putPage(real, ino, index, page);
    this.counters.puts++;
    sb.puts++;
  }

  /** `cleancache_invalidate_page`. */
  invalidatePage(sb: Superblock, ino: number, index: number): void {
    if (sb.poolId < 0 || !this.#ops) return;
    const real = this.realPoolId(sb);
    if (real < 0) return;
    this.#ops.invalidatePage(real, ino, index);
    this.counters.invalidates++;
    sb.invalidates++;
  }

  /** `cleancache_invalidate_inode` (not counted in `invalidates`). */
  invalidateInode(sb: Superblock, ino: number): void {
    if (sb.poolId < 0 || !this.#ops) return;
    const real = this.realPoolId(sb);
    if (real >= 0) this.#ops.invalidateInode(real, ino);
  }

  // ---------------- registration ----------------

  /**
   * `cleancache_register_ops`. Refused (EBUSY) in eager and deferred when a
   * backend is registered; accepted under fake-poolid, as in 3.10, where the
   * pools keep the ids the first backend gave them.
   */
  register(ops: CleancacheOps): void {
    if (this.#ops && this.regime !== "fake-poolid") {
      throw new SimError("register: a backend is already registered (EBUSY)");
    }
    switch (this.regime) {
      case "eager":
        this.#ops = ops; // superblocks mounted before stay at -1 forever
        break;
      case "fake-poolid":
        for (let i = 0; i < MAX_INITIALIZABLE_FS; i++) {
          if (this.#fsMap[i] === FS_NO_BACKEND) {
            this.#fsMap[i] = ops.initFs(PAGE_SIZE);
            this.#notifyCreated(FAKE_FS_POOLID_OFFSET + i, this.#fsMap[i]);
          }
          if (this.#sharedMap[i] === FS_NO_BACKEND) {
            this.#sharedMap[i] = ops.initSharedFs(this.#uuids[i]!, PAGE_SIZE);
            this.#notifyCreated(FAKE_SHARED_FS_POOLID_OFFSET + i, this.#sharedMap[i]);
          }
        }
        this.#ops = ops;
        break;
      case "deferred":
        this.#ops = ops;
        for (const sb of this.#supers) {
          if (sb.poolId === CLEANCACHE_NO_BACKEND || sb.poolId === CLEANCACHE_NO_BACKEND_SHARED) {
            sb.poolId = this.#createPool(sb);
          }
        }
        break;
    }
  }

  /** Unregister (ours): the backend's pools are gone; superblocks wait again. */
  unregister(): void {
    if (!this.#ops) return;
    for (const sb of this.#supers) {
      const real = this.realPoolId(sb);
      if (real >= 0) this.onPool("destroyed", sb, real);
    }
    switch (this.regime) {
      case "eager":
        for (const sb of this.#supers) sb.poolId = -1;
        break;
      case "fake-poolid":
        for (const map of [this.#fsMap, this.#sharedMap]) {
          for (let i = 0; i < map.length; i++) if (map[i] >= 0) map[i] = FS_NO_BACKEND;
        }
        break;
      case "deferred":
        for (const sb of this.#supers) {
          if (sb.poolId >= 0) {
            sb.poolId = sb.uuid === null ? CLEANCACHE_NO_BACKEND : CLEANCACHE_NO_BACKEND_SHARED;
          }
        }
        break;
    }
    this.#ops = null;
  }

  // ---------------- queries ----------------

  /** The backend pool id an operation on `sb` reaches (`get_poolid_from_fake`), or -1. */
  realPoolId(sb: Superblock): number {
    if (sb.poolId < 0) return -1;
    if (this.regime !== "fake-poolid") return sb.poolId;
    if (sb.poolId >= FAKE_SHARED_FS_POOLID_OFFSET) {
      return this.#sharedMap[sb.poolId - FAKE_SHARED_FS_POOLID_OFFSET];
    }
    if (sb.poolId >= FAKE_FS_POOLID_OFFSET) return this.#fsMap[sb.poolId - FAKE_FS_POOLID_OFFSET];
    return -1;
  }

  /** The fake pool id under fake-poolid, else null. */
  fakeId(sb: Superblock): number | null {
    return this.regime === "fake-poolid" && sb.poolId >= FAKE_FS_POOLID_OFFSET ? sb.poolId : null;
  }

  /** backed: reaches a backend pool; pending: will get one at registration; uncached: never. */
  state(sb: Superblock): BackingState {
    if (this.#ops && this.realPoolId(sb) >= 0) return "backed";
    switch (this.regime) {
      case "eager":
        return "uncached";
      case "fake-poolid":
        return sb.poolId >= FAKE_FS_POOLID_OFFSET && this.realPoolId(sb) === FS_NO_BACKEND
          ? "pending"
          : "uncached";
      case "deferred":
        return sb.poolId === CLEANCACHE_NO_BACKEND || sb.poolId === CLEANCACHE_NO_BACKEND_SHARED
          ? "pending"
          : "uncached";
    }
  }

  superblocks(): Iterable<Superblock> {
    return this.#supers;
  }

  // ---------------- internals ----------------

  /** Count an operation that reached no backend pool; returns false (a miss). */
  #skip(sb: Superblock): false {
    sb.skipped++;
    this.skipped++;
    return false;
  }

  #createPool(sb: Superblock): number {
    const id = sb.uuid === null
      ? this.#ops!.initFs(PAGE_SIZE)
      : this.#ops!.initSharedFs(sb.uuid, PAGE_SIZE);
    if (id < 0) return CLEANCACHE_NO_POOL;
    this.onPool("created", sb, id);
    return id;
  }

  #takeSlot(sb: Superblock): void {
    const shared = sb.uuid !== null;
    const map = shared ? this.#sharedMap : this.#fsMap;
    const i = map.indexOf(FS_UNKNOWN);
    if (i < 0) {
      sb.poolId = -1; // the 33rd concurrent mount: silently uncached
      return;
    }
    sb.poolId = i + (shared ? FAKE_SHARED_FS_POOLID_OFFSET : FAKE_FS_POOLID_OFFSET);
    if (shared) this.#uuids[i] = sb.uuid;
    if (this.#ops) {
      map[i] = shared ? this.#ops.initSharedFs(sb.uuid!, PAGE_SIZE) : this.#ops.initFs(PAGE_SIZE);
      if (map[i] >= 0) this.onPool("created", sb, map[i]);
    } else {
      map[i] = FS_NO_BACKEND;
    }
  }

  #slotOf(sb: Superblock): { map: number[]; index: number } | null {
    if (sb.poolId >= FAKE_SHARED_FS_POOLID_OFFSET) {
      return { map: this.#sharedMap, index: sb.poolId - FAKE_SHARED_FS_POOLID_OFFSET };
    }
    if (sb.poolId >= FAKE_FS_POOLID_OFFSET) {
      return { map: this.#fsMap, index: sb.poolId - FAKE_FS_POOLID_OFFSET };
    }
    return null;
  }

  #notifyCreated(fakeId: number, real: number): void {
    if (real < 0) return;
    for (const sb of this.#supers) {
      if (sb.poolId === fakeId) this.onPool("created", sb, real);
    }
  }
}
