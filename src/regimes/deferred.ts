/**
 * Regime `deferred`: Linux 4.1 cleancache and 4.2 frontswap (read from
 * v4.1.15 and v4.2.8: mm/cleancache.c, identical in both; mm/frontswap.c of
 * 4.2; include/linux/cleancache.h, include/linux/frontswap.h, mm/swapfile.c).
 * The deferred initialisation of the 2012 thread, as the kernel settled it.
 *
 * cleancache. The pool id lives in the superblock; no table, no limit.
 *
 *   mount, no backend:      `__cleancache_init_fs` leaves
 *                           `CLEANCACHE_NO_BACKEND` (-2), shared
 *                           `CLEANCACHE_NO_BACKEND_SHARED` (-3): pending.
 *   mount, backend:         `init_fs` / `init_shared_fs(sb->s_uuid)`; a
 *                           negative result becomes `CLEANCACHE_NO_POOL` (-1):
 *                           uncached for good.
 *   get/put/invalidate:     only for pool id >= 0 (`cleancache_fs_enabled`):
 *                           pending superblocks count nothing.
 *   umount:                 `__cleancache_invalidate_fs` sets -1 and calls
 *                           `invalidate_fs` only for an id >= 0.
 *   register:               `cmpxchg(&cleancache_ops, NULL, ops)`: a second
 *                           backend gets -EBUSY and changes nothing; the
 *                           first walks the live superblocks
 *                           (`iterate_supers`) and inits exactly those at -2/-3.
 *
 * frontswap. Every swap type has a map; the backends form a list, newest
 * first (`ops->next`).
 *
 *   swapon:                 `__frontswap_init` sets the map and calls `init`
 *                           of every registered backend (none: pending).
 *   register:               `frontswap_register_ops` returns void, refusing
 *                           nothing: the new backend gets `init` for every
 *                           active type and goes to the head of the list.
 *   store:                  a duplicate (bit set) is first cleared and the
 *                           old copy invalidated in EVERY backend; then the
 *                           backends are tried newest first until one takes it.
 *   load:                   asks each backend in turn (bit set only).
 *   invalidate page/area:   every backend. swapoff calls
 *                           `frontswap_invalidate_area` before clearing the map.
 */
import type { CleancacheOps, FrontswapOps } from "../backends/ops.ts";
import type { BackingState } from "../snapshot.ts";
import {
  CleancacheFrontend,
  type CleancacheRegistration,
  type Superblock,
} from "../frontend/cleancache.ts";
import {
  FrontswapFrontend,
  type FrontswapRegistration,
  STORE_OK,
  STORE_REFUSED,
  type StoreResult,
  type SwapArea,
} from "../frontend/frontswap.ts";

/** `CLEANCACHE_NO_POOL`, `CLEANCACHE_NO_BACKEND`, `CLEANCACHE_NO_BACKEND_SHARED`. */
export const CLEANCACHE_NO_POOL = -1;
export const CLEANCACHE_NO_BACKEND = -2;
export const CLEANCACHE_NO_BACKEND_SHARED = -3;

/** mm/cleancache.c of 4.1 (and 4.2). */
export class DeferredCleancache extends CleancacheFrontend {
  initFs(sb: Superblock): void {
    this.supers.add(sb);
    this.#init(sb);
  }

  invalidateFs(sb: Superblock): void {
    this.supers.delete(sb);
    const pool = sb.poolId;
    sb.poolId = CLEANCACHE_NO_POOL;
    if (this.ops && pool >= 0) {
      this.ops.invalidateFs(pool);
      this.onPool("destroyed", sb, pool);
    }
  }

  getPage(sb: Superblock, ino: number, index: number, out: Uint8Array): boolean {
    if (sb.poolId < 0) return this.skip(sb); // cleancache_fs_enabled()
    if (!this.ops) {
      this.countGet(sb, false);
      return this.skip(sb);
    }
    return this.countGet(sb, this.ops.getPage(sb.poolId, ino, index, out));
  }

  putPage(sb: Superblock, ino: number, index: number, page: Uint8Array): void {
    if (sb.poolId < 0 || !this.ops) {
      this.skip(sb);
      return;
    }
    this.ops.putPage(sb.poolId, ino, index, page);
    this.countPut(sb);
  }

  invalidatePage(sb: Superblock, ino: number, index: number): void {
    if (!this.ops || sb.poolId < 0) return;
    this.ops.invalidatePage(sb.poolId, ino, index);
    this.countInvalidate(sb);
  }

  invalidateInode(sb: Superblock, ino: number): void {
    if (this.ops && sb.poolId >= 0) this.ops.invalidateInode(sb.poolId, ino);
  }

  /** `cleancache_register_ops`: -EBUSY when one is registered, else `iterate_supers`. */
  registerOps(ops: CleancacheOps): CleancacheRegistration {
    if (this.ops) return "refused";
    this.ops = ops;
    for (const sb of this.supers) {
      // cleancache_register_ops_sb()
      if (sb.poolId === CLEANCACHE_NO_BACKEND || sb.poolId === CLEANCACHE_NO_BACKEND_SHARED) {
        this.#init(sb);
      }
    }
    return "registered";
  }

  unregisterOps(): void {
    for (const sb of this.supers) {
      if (sb.poolId < 0) continue;
      this.onPool("destroyed", sb, sb.poolId);
      sb.poolId = sb.uuid === null ? CLEANCACHE_NO_BACKEND : CLEANCACHE_NO_BACKEND_SHARED;
    }
    this.ops = null;
  }

  state(sb: Superblock): BackingState {
    if (this.ops && sb.poolId >= 0) return "backed";
    return sb.poolId === CLEANCACHE_NO_BACKEND || sb.poolId === CLEANCACHE_NO_BACKEND_SHARED
      ? "pending"
      : "uncached";
  }

  /** `__cleancache_init_fs` / `__cleancache_init_shared_fs`. */
  #init(sb: Superblock): void {
    if (!this.ops) {
      sb.poolId = sb.uuid === null ? CLEANCACHE_NO_BACKEND : CLEANCACHE_NO_BACKEND_SHARED;
      return;
    }
    const id = this.initPool(this.ops, sb);
    sb.poolId = id < 0 ? CLEANCACHE_NO_POOL : id;
  }
}

/** mm/frontswap.c of 4.2: the ops list. */
export class DeferredFrontswap extends FrontswapFrontend {
  /** `frontswap_ops` and its `next` chain, newest first. */
  readonly #list: FrontswapOps[] = [];

  init(type: number, slots: number): SwapArea {
    const a = this.newArea(type, slots, true);
    for (const ops of this.#list) ops.init(type); // for_each_frontswap_ops
    a.inited = this.#list.length > 0;
    return a;
  }

  store(type: number, offset: number, page: Uint8Array): StoreResult {
    const a = this.areaMap.get(type)!;
    if (this.#list.length === 0) return this.skip(a);
    const map = a.map!;
    if (map[offset] === 1) {
      // a dup: remove the old page first, from every implementation
      map[offset] = 0;
      a.pages--;
      for (const ops of this.#list) ops.invalidatePage(type, offset);
    }
    let ok = false;
    for (const ops of this.#list) if ((ok = ops.store(type, offset, page))) break;
    this.countStore(a, ok);
    if (!ok) return STORE_REFUSED;
    map[offset] = 1; // __frontswap_set(): bit and frontswap_pages
    a.pages++;
    return STORE_OK;
  }

  load(type: number, offset: number, out: Uint8Array): boolean {
    const a = this.areaMap.get(type)!;
    if (this.#list.length === 0 || a.map![offset] !== 1) return false;
    let hit: FrontswapOps | null = null;
    for (const ops of this.#list) {
      if (ops.load(type, offset, out)) {
        hit = ops;
        break;
      }
    }
    if (!hit) return false;
    this.countLoad(a);
    if (this.exclusiveLoads) {
      a.map![offset] = 0; // __frontswap_clear()
      a.pages--;
      hit.invalidatePage(type, offset); // ours: the backend's get_and_free
    }
    return true;
  }

  invalidatePage(type: number, offset: number): void {
    const a = this.areaMap.get(type)!;
    if (this.#list.length === 0 || a.map![offset] !== 1) return;
    for (const ops of this.#list) ops.invalidatePage(type, offset);
    a.map![offset] = 0;
    a.pages--;
    this.countInvalidate(a);
  }

  invalidateArea(type: number): void {
    const a = this.areaMap.get(type);
    if (!a) return;
    if (this.#list.length > 0) {
      for (const ops of this.#list) ops.invalidateArea(type);
      a.pages = 0;
      a.map!.fill(0);
    }
    this.areaMap.delete(type);
  }

  /** `frontswap_register_ops`: `init` for every active type, then at the head of the list. */
  registerOps(ops: FrontswapOps): FrontswapRegistration {
    for (const a of this.areaMap.values()) {
      ops.init(a.type);
      a.inited = true;
    }
    this.#list.unshift(ops);
    return this.#list.length > 1 ? "stacked" : "registered";
  }

  protected dropOps(ops: FrontswapOps): void {
    const i = this.#list.indexOf(ops);
    if (i >= 0) this.#list.splice(i, 1);
    if (this.#list.length === 0) { for (const a of this.areaMap.values()) a.inited = false; }
  }

  holders(): readonly FrontswapOps[] {
    return this.#list;
  }

  state(a: SwapArea): BackingState {
    return this.#list.length > 0 && a.inited ? "backed" : "pending";
  }
}
