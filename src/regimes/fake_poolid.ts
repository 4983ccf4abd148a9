/**
 * Regime `fake-poolid`: Linux 3.10 (read from v3.10.33: mm/cleancache.c,
 * mm/frontswap.c, include/linux/cleancache.h, include/linux/frontswap.h,
 * mm/swapfile.c). Dan Magenheimer's lazy pool creation with fake pool ids.
 *
 * cleancache. Two maps of `MAX_INITIALIZABLE_FS` (32) slots,
 * `fs_poolid_map` and `shared_fs_poolid_map`, each slot `FS_UNKNOWN` (-2,
 * free) until a mount takes it.
 *
 *   mount:                  `__cleancache_init_fs` takes the first free slot
 *                           i: `sb->cleancache_poolid = 1000 + i` (shared:
 *                           2000 + i, uuid remembered), and the slot holds
 *                           `init_fs()` if a backend is registered, else
 *                           `FS_NO_BACKEND` (-1). No free slot (the 33rd
 *                           concurrent mount): the id stays -1, uncached for good.
 *   get/put/invalidate:     the wrapper needs a pool id >= 0; with no backend
 *                           a get counts `failed_gets` and a put counts `puts`
 *                           (nothing stored); with one, `get_poolid_from_fake`
 *                           maps the fake id to the slot's real id and only a
 *                           real id >= 0 reaches the backend (a get on a
 *                           failed slot still counts `failed_gets`).
 *   umount:                 `__cleancache_invalidate_fs` frees the slot and,
 *                           with a backend, calls `invalidate_fs(old)` with
 *                           no check: -1 for a slot whose init failed or a
 *                           33rd mount.
 *   register:               every slot still `FS_NO_BACKEND` gets `init_fs`
 *                           / `init_shared_fs(uuids[i])` (a failed init
 *                           leaves -1: retried by the next registration),
 *                           then the ops are set; the old ones are returned.
 *   second register:        accepted (the override hazard, as in 3.9): slots
 *                           holding the first backend's ids keep them.
 *
 * frontswap. A map for every swap type (`frontswap_enabled` is 1), and the
 * `need_init` bitmap.
 *
 *   swapon, no backend:     `__frontswap_init` sets the map and bit `type`
 *                           in `need_init`; stores return -1, counting nothing.
 *   register:               `init(i)` for each bit of `need_init`
 *                           (test_and_clear), then the ops are set. A second
 *                           backend finds `need_init` empty: no `init` for
 *                           the active types, so its stores fail.
 *   store:                  a failed duplicate only clears the bit
 *                           (`__frontswap_clear`): the old copy stays in the
 *                           backend, unreachable.
 *   load, exclusive gets:   `__frontswap_clear` clears the bit and
 *                           decrements `frontswap_pages` (the 3.9 bug is fixed).
 *   swapoff:                `try_to_unuse` first, then 3.10's `sys_swapoff`
 *                           sets `frontswap_map` to NULL BEFORE calling
 *                           `frontswap_invalidate_area`, which then returns
 *                           early: the backend's `invalidate_area` is never
 *                           called (fixed in 3.13). With no backend it clears
 *                           the `need_init` bit.
 */
import type { CleancacheOps, FrontswapOps } from "../backends/ops.ts";
import type { BackingState } from "../snapshot.ts";
import { MAX_SWAPFILES } from "../limits.ts";
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

/** `MAX_INITIALIZABLE_FS`. */
export const MAX_INITIALIZABLE_FS = 32;
/** `FAKE_FS_POOLID_OFFSET` / `FAKE_SHARED_FS_POOLID_OFFSET`. */
export const FAKE_FS_POOLID_OFFSET = 1000;
export const FAKE_SHARED_FS_POOLID_OFFSET = 2000;
/** Slot values: `FS_UNKNOWN` (free slot), `FS_NO_BACKEND`. */
export const FS_UNKNOWN = -2;
export const FS_NO_BACKEND = -1;

/** mm/cleancache.c of 3.10. */
export class FakePoolidCleancache extends CleancacheFrontend {
  readonly #fsMap = new Array<number>(MAX_INITIALIZABLE_FS).fill(FS_UNKNOWN);
  readonly #sharedMap = new Array<number>(MAX_INITIALIZABLE_FS).fill(FS_UNKNOWN);
  readonly #uuids = new Array<string | null>(MAX_INITIALIZABLE_FS).fill(null);

  initFs(sb: Superblock): void {
    this.supers.add(sb);
    const shared = sb.uuid !== null;
    const map = shared ? this.#sharedMap : this.#fsMap;
    const i = map.indexOf(FS_UNKNOWN);
    if (i < 0) return; // the 33rd concurrent mount: the id stays -1
    sb.poolId = i + (shared ? FAKE_SHARED_FS_POOLID_OFFSET : FAKE_FS_POOLID_OFFSET);
    if (shared) this.#uuids[i] = sb.uuid;
    map[i] = this.ops ? this.initPool(this.ops, sb) : FS_NO_BACKEND;
  }

  invalidateFs(sb: Superblock): void {
    this.supers.delete(sb);
    const fake = sb.poolId;
    let old = fake;
    if (fake >= FAKE_SHARED_FS_POOLID_OFFSET) {
      const i = fake - FAKE_SHARED_FS_POOLID_OFFSET;
      old = this.#sharedMap[i];
      this.#sharedMap[i] = FS_UNKNOWN;
      this.#uuids[i] = null;
    } else if (fake >= FAKE_FS_POOLID_OFFSET) {
      const i = fake - FAKE_FS_POOLID_OFFSET;
      old = this.#fsMap[i];
      this.#fsMap[i] = FS_UNKNOWN;
    }
    sb.poolId = -1;
    if (!this.ops) return;
    this.ops.invalidateFs(old); // no check: -1 reaches the backend too
    if (old >= 0) this.onPool("destroyed", sb, old);
    else {
      this.onKernelBug(
        `umount ${sb.name}: invalidate_fs(${old}) reaches the backend ` +
          `(3.10 __cleancache_invalidate_fs has no check; 4.1 checks the id)`,
      );
    }
  }

  getPage(sb: Superblock, ino: number, index: number, out: Uint8Array): boolean {
    if (sb.poolId < 0) return this.skip(sb); // cleancache_fs_enabled()
    if (!this.ops) {
      this.countGet(sb, false); // `if (!cleancache_ops) { cleancache_failed_gets++; ...`
      return this.skip(sb);
    }
    const pool = this.realPoolId(sb);
    if (pool < 0) this.skip(sb);
    return this.countGet(sb, pool >= 0 && this.ops.getPage(pool, ino, index, out));
  }

  putPage(sb: Superblock, ino: number, index: number, page: Uint8Array): void {
    if (sb.poolId < 0) {
      this.skip(sb);
      return;
    }
    if (!this.ops) {
      this.countPut(sb); // `if (!cleancache_ops) { cleancache_puts++; return; }`
      this.skip(sb);
      return;
    }
    const pool = this.realPoolId(sb);
    if (pool < 0) {
      this.skip(sb);
      return;
    }
    this.ops.putPage(pool, ino, index, page);
    this.countPut(sb);
  }

  invalidatePage(sb: Superblock, ino: number, index: number): void {
    if (!this.ops || sb.poolId < 0) return;
    const pool = this.realPoolId(sb);
    if (pool < 0) return;
    this.ops.invalidatePage(pool, ino, index);
    this.countInvalidate(sb);
  }

  invalidateInode(sb: Superblock, ino: number): void {
    if (!this.ops || sb.poolId < 0) return;
    const pool = this.realPoolId(sb);
    if (pool >= 0) this.ops.invalidateInode(pool, ino);
  }

  /** `cleancache_register_ops`: init every slot still `FS_NO_BACKEND`, then set the ops. */
  registerOps(ops: CleancacheOps): CleancacheRegistration {
    const old = this.ops;
    for (let i = 0; i < MAX_INITIALIZABLE_FS; i++) {
      if (this.#fsMap[i] === FS_NO_BACKEND) {
        this.#fsMap[i] = this.#initSlot(ops, FAKE_FS_POOLID_OFFSET + i, null);
      }
      if (this.#sharedMap[i] === FS_NO_BACKEND) {
        this.#sharedMap[i] = this.#initSlot(ops, FAKE_SHARED_FS_POOLID_OFFSET + i, this.#uuids[i]);
      }
    }
    this.ops = ops;
    return old ? "override" : "registered";
  }

  unregisterOps(): void {
    for (const sb of this.supers) {
      const real = this.realPoolId(sb);
      if (real >= 0) this.onPool("destroyed", sb, real);
    }
    for (const map of [this.#fsMap, this.#sharedMap]) {
      for (let i = 0; i < map.length; i++) if (map[i] >= 0) map[i] = FS_NO_BACKEND;
    }
    this.ops = null;
  }

  /** `get_poolid_from_fake`. */
  override realPoolId(sb: Superblock): number {
    const id = sb.poolId;
    if (id >= FAKE_SHARED_FS_POOLID_OFFSET) {
      return this.#sharedMap[id - FAKE_SHARED_FS_POOLID_OFFSET];
    }
    if (id >= FAKE_FS_POOLID_OFFSET) return this.#fsMap[id - FAKE_FS_POOLID_OFFSET];
    return FS_NO_BACKEND;
  }

  override fakeId(sb: Superblock): number | null {
    return sb.poolId >= FAKE_FS_POOLID_OFFSET ? sb.poolId : null;
  }

  /** pending: a slot at `FS_NO_BACKEND`, which the next registration inits (even after a failed init). */
  state(sb: Superblock): BackingState {
    const real = this.realPoolId(sb);
    if (this.ops && real >= 0) return "backed";
    return sb.poolId >= FAKE_FS_POOLID_OFFSET && real === FS_NO_BACKEND ? "pending" : "uncached";
  }

  #initSlot(ops: CleancacheOps, fakeId: number, uuid: string | null): number {
    for (const sb of this.supers) if (sb.poolId === fakeId) return this.initPool(ops, sb, uuid);
    return FS_NO_BACKEND; // not reached: a slot at FS_NO_BACKEND belongs to a live superblock
  }
}

/** mm/frontswap.c of 3.10, with 3.10's sys_swapoff order. */
export class FakePoolidFrontswap extends FrontswapFrontend {
  #ops: FrontswapOps | null = null;
  /** `need_init`: swap types enabled while no backend was registered. */
  readonly #needInit = new Set<number>();

  init(type: number, slots: number): SwapArea {
    const a = this.newArea(type, slots, true); // frontswap_map_set(sis, map)
    if (this.#ops) {
      this.#ops.init(type);
      a.inited = true;
    } else {
      this.#needInit.add(type); // set_bit(type, need_init)
    }
    return a;
  }

  store(type: number, offset: number, page: Uint8Array): StoreResult {
    const a = this.areaMap.get(type)!;
    if (!this.#ops) return this.skip(a); // "Don't need to inc frontswap_failed_stores here."
    const map = a.map!;
    const dup = map[offset] === 1;
    const ok = this.#ops.store(type, offset, page);
    this.countStore(a, ok);
    if (ok) {
      map[offset] = 1;
      if (!dup) a.pages++;
      return STORE_OK;
    }
    if (dup) {
      map[offset] = 0; // __frontswap_clear(): the backend keeps the old copy, unreachable
      a.pages--;
    }
    return STORE_REFUSED;
  }

  load(type: number, offset: number, out: Uint8Array): boolean {
    const a = this.areaMap.get(type)!;
    if (!this.#ops || a.map![offset] !== 1) return false; // __frontswap_test()
    if (!this.#ops.load(type, offset, out)) return false;
    this.countLoad(a);
    if (this.exclusiveLoads) {
      a.map![offset] = 0; // __frontswap_clear(): bit and frontswap_pages
      a.pages--;
      this.#ops.invalidatePage(type, offset); // ours: the backend's get_and_free
    }
    return true;
  }

  invalidatePage(type: number, offset: number): void {
    const a = this.areaMap.get(type)!;
    if (!this.#ops || a.map![offset] !== 1) return;
    this.#ops.invalidatePage(type, offset);
    a.map![offset] = 0;
    a.pages--;
    this.countInvalidate(a);
  }

  invalidateArea(type: number): void {
    // sys_swapoff(): frontswap_map_set(p, NULL) first, then
    // __frontswap_invalidate_area(): `if (frontswap_ops) { if (sis->frontswap_map
    // == NULL) return; ... }` -- the backend is never told (fixed in 3.13)
    if (!this.#ops) this.#needInit.delete(type); // clear_bit(type, need_init)
    else {
      this.onKernelBug(
        `swapoff type ${type}: the backend's invalidate_area is never called (3.10 sys_swapoff ` +
          `clears frontswap_map before frontswap_invalidate_area; fixed in 3.13)`,
      );
    }
    this.areaMap.delete(type);
  }

  /** `frontswap_register_ops`: `init(i)` for each `need_init` bit, then the ops are set. */
  registerOps(ops: FrontswapOps): FrontswapRegistration {
    const old = this.#ops;
    for (const a of this.areaMap.values()) a.inited = false;
    for (let i = 0; i < MAX_SWAPFILES; i++) {
      if (!this.#needInit.delete(i)) continue; // test_and_clear_bit(i, need_init)
      ops.init(i);
      this.areaMap.get(i)!.inited = true;
    }
    this.#ops = ops;
    const untold = [...this.areaMap.values()].filter((a) => !a.inited).map((a) => a.type);
    if (old && untold.length) {
      this.onKernelBug(
        `the new backend is told init for no active swap type (${untold.join(", ")}): ` +
          `need_init was cleared by the first registration (3.10-4.1; fixed in 4.2)`,
      );
    }
    return old ? "override" : "registered";
  }

  protected dropOps(_ops: FrontswapOps): void {
    this.#ops = null;
    for (const a of this.areaMap.values()) {
      a.inited = false;
      this.#needInit.add(a.type); // ours: waiting again, as at swapon with no backend
    }
  }

  holders(): readonly FrontswapOps[] {
    return this.#ops ? [this.#ops] : [];
  }

  /** pending: a `need_init` bit; a type a second backend was never told about: uncached. */
  state(a: SwapArea): BackingState {
    if (this.#ops && a.inited) return "backed";
    return this.#needInit.has(a.type) ? "pending" : "uncached";
  }
}
