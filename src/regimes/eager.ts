/**
 * Regime `eager`: Linux 3.9 (read from v3.9.6: mm/cleancache.c,
 * mm/frontswap.c, include/linux/cleancache.h, include/linux/frontswap.h,
 * mm/swapfile.c). No lazy initialisation at all.
 *
 * cleancache. `cleancache_enabled` is 0 until the first
 * `cleancache_register_ops`, which copies the new ops over the old ones,
 * sets `cleancache_enabled = 1` and returns the old ops: nothing is refused.
 *
 *   mount, no backend yet:  `cleancache_init_fs` does nothing (the wrapper
 *                           checks `cleancache_enabled`); `sb->cleancache_poolid`
 *                           stays -1 as `alloc_super` left it: uncached for good.
 *   mount, backend:         `__cleancache_init_fs` stores whatever `init_fs`
 *                           returns (negative on failure: uncached for good).
 *   get/put/invalidate:     only for pool id >= 0 (`cleancache_fs_enabled`);
 *                           nothing is counted otherwise.
 *   umount:                 `__cleancache_invalidate_fs`: id >= 0 -> -1, and
 *                           the CURRENT ops' `invalidate_fs(old id)`.
 *   second register:        accepted (the override hazard): superblocks keep
 *                           the ids the first backend gave them and use them
 *                           against the second; the second hands out its own
 *                           ids from 0 again, so two filesystems can share one
 *                           pool id, and an old superblock's umount destroys
 *                           the second backend's pool of that id.
 *
 * frontswap. `frontswap_enabled` is false until the first
 * `frontswap_register_ops` (ops copied, old returned, never refused, and NO
 * `init` call for the active swap types).
 *
 *   swapon, no backend:     `sys_swapon` allocates a `frontswap_map` only
 *                           `if (frontswap_enabled)`: the type has no map.
 *   swapon, backend:        a map, and `__frontswap_init` calls `init(type)`.
 *   store:                  `frontswap_store` checks only `frontswap_enabled`,
 *                           so a type without a map DOES reach the backend's
 *                           `store(type, ...)`: on success `frontswap_set`
 *                           does nothing (no map) but `frontswap_pages` is
 *                           incremented, and `swap_writepage` skips the disk.
 *                           The next swap-in finds no bit (`frontswap_test`
 *                           is false without a map) and reads the stale disk
 *                           slot: a lost page (cause `eager_unmapped_swap_store`).
 *                           A failed duplicate only clears the bit
 *                           (`__frontswap_clear`): the backend keeps the old
 *                           copy, unreachable.
 *   load, exclusive gets:   `frontswap_clear` (the header's) clears the bit
 *                           without decrementing `frontswap_pages`: the
 *                           counter over-counts (3.7-3.9 bug, fixed in 3.10).
 *   swapoff:                `try_to_unuse` first (see Simulation.swapoff),
 *                           then `frontswap_invalidate_area` while the map is
 *                           still there: the backend is told (a type without
 *                           a map: `__frontswap_invalidate_area` returns early).
 *   second register:        replaces the ops; the new backend is told `init`
 *                           for no type, and pages held by the first backend
 *                           (bits still set) are asked of the second on load.
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
  STORE_OK_NO_BIT,
  STORE_REFUSED,
  type StoreResult,
  type SwapArea,
} from "../frontend/frontswap.ts";

/** mm/cleancache.c of 3.9. */
export class EagerCleancache extends CleancacheFrontend {
  initFs(sb: Superblock): void {
    this.supers.add(sb);
    // cleancache_init_fs(): `if (cleancache_enabled) __cleancache_init_fs(sb)`
    if (this.ops) sb.poolId = this.initPool(this.ops, sb);
  }

  invalidateFs(sb: Superblock): void {
    this.supers.delete(sb);
    // __cleancache_invalidate_fs(): the current ops, whoever gave the id
    if (this.ops && sb.poolId >= 0) {
      const old = sb.poolId;
      sb.poolId = -1;
      this.ops.invalidateFs(old);
      this.onPool("destroyed", sb, old);
    }
  }

  getPage(sb: Superblock, ino: number, index: number, out: Uint8Array): boolean {
    if (!this.ops || sb.poolId < 0) return this.skip(sb); // cleancache_fs_enabled()
    return this.countGet(sb, this.ops.getPage(sb.poolId, ino, index, out));
  }

  putPage(sb: Superblock, ino: number, index: number, page: Uint8Array): void {
    if (!this.ops || sb.poolId < 0) {
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

  /** `cleancache_register_ops`: `old = cleancache_ops; cleancache_ops = *ops; return old`. */
  registerOps(ops: CleancacheOps): CleancacheRegistration {
    const old = this.ops;
    this.ops = ops;
    return old ? "override" : "registered";
  }

  unregisterOps(): void {
    for (const sb of this.supers) {
      if (sb.poolId >= 0) this.onPool("destroyed", sb, sb.poolId);
      sb.poolId = -1; // no lazy init in 3.9: uncached for good
    }
    this.ops = null;
  }

  state(sb: Superblock): BackingState {
    return this.ops && sb.poolId >= 0 ? "backed" : "uncached";
  }
}

/** mm/frontswap.c and include/linux/frontswap.h of 3.9. */
export class EagerFrontswap extends FrontswapFrontend {
  /** `frontswap_ops` (copied in), null before the first registration. */
  #ops: FrontswapOps | null = null;

  init(type: number, slots: number): SwapArea {
    // sys_swapon(): `if (frontswap_enabled) frontswap_map = vzalloc(...)`
    const a = this.newArea(type, slots, this.#ops !== null);
    // __frontswap_init(): `if (sis->frontswap_map == NULL) return; frontswap_ops.init(type)`
    if (this.#ops) {
      this.#ops.init(type);
      a.inited = true;
    }
    return a;
  }

  store(type: number, offset: number, page: Uint8Array): StoreResult {
    const a = this.areaMap.get(type)!;
    if (!this.#ops) return this.skip(a); // frontswap_store(): `if (frontswap_enabled)`
    const dup = a.map !== null && a.map[offset] === 1; // frontswap_test()
    const ok = this.#ops.store(type, offset, page);
    this.countStore(a, ok);
    if (ok) {
      if (a.map) a.map[offset] = 1; // frontswap_set(): nothing without a map
      if (!dup) {
        a.pages++; // atomic_inc(&sis->frontswap_pages), map or not
        if (!a.map) a.overcount++;
      }
      if (!a.map && a.succ_stores === 1) {
        this.onKernelBug(
          `swap type ${type} has no frontswap map, yet its stores reach the backend and succeed: ` +
            `no bit records them (3.9 frontswap_store checks only frontswap_enabled; ` +
            `fixed in 3.10, where every swapon gets a map)`,
        );
      }
      return a.map ? STORE_OK : STORE_OK_NO_BIT;
    }
    if (dup) {
      // __frontswap_clear(): the backend keeps the old copy, unreachable
      a.map![offset] = 0;
      a.pages--;
    }
    return STORE_REFUSED;
  }

  load(type: number, offset: number, out: Uint8Array): boolean {
    const a = this.areaMap.get(type)!;
    if (!this.#ops || !a.map || a.map[offset] !== 1) return false; // frontswap_test()
    const ok = this.#ops.load(type, offset, out);
    if (!ok) return false;
    this.countLoad(a);
    if (this.exclusiveLoads) {
      // the header's frontswap_clear(): the bit only, frontswap_pages is NOT
      // decremented (3.7-3.9 bug, fixed in 3.10 by __frontswap_clear)
      a.map[offset] = 0;
      if (a.overcount++ === 0) {
        this.onKernelBug(
          `frontswap_pages of swap type ${type} over-counts: an exclusive load clears the bit ` +
            `with frontswap_clear(), which does not decrement it (3.7-3.9; fixed in 3.10)`,
        );
      }
      this.#ops.invalidatePage(type, offset); // ours: the backend's get_and_free
    }
    return true;
  }

  invalidatePage(type: number, offset: number): void {
    const a = this.areaMap.get(type)!;
    if (!this.#ops || !a.map || a.map[offset] !== 1) return;
    this.#ops.invalidatePage(type, offset);
    a.map[offset] = 0; // __frontswap_clear()
    a.pages--;
    this.countInvalidate(a);
  }

  invalidateArea(type: number): void {
    const a = this.areaMap.get(type);
    if (!a) return;
    // 3.9 sys_swapoff() calls frontswap_invalidate_area() with the map still set
    if (this.#ops && a.map) {
      this.#ops.invalidateArea(type);
      a.pages = 0;
      a.overcount = 0;
      a.map.fill(0);
    }
    this.areaMap.delete(type);
  }

  /** `frontswap_register_ops`: copy the ops in, return the old; no `init` for anything. */
  registerOps(ops: FrontswapOps): FrontswapRegistration {
    const old = this.#ops;
    this.#ops = ops;
    for (const a of this.areaMap.values()) a.inited = false;
    return old ? "override" : "registered";
  }

  protected dropOps(_ops: FrontswapOps): void {
    this.#ops = null;
    for (const a of this.areaMap.values()) a.inited = false;
  }

  holders(): readonly FrontswapOps[] {
    return this.#ops ? [this.#ops] : [];
  }

  /** backed once `init(type)` reached the current backend; 3.9 never inits later: uncached. */
  state(a: SwapArea): BackingState {
    return this.#ops && a.map && a.inited ? "backed" : "uncached";
  }
}
