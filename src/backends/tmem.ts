/**
 * `tmem`: Xen's transcendent memory as a guest's cleancache and frontswap
 * saw it (`drivers/xen/tmem.c`, 3.9-4.2). The guest driver only issues
 * hypercalls; the hypervisor keeps the pages, uncompressed from the guest's
 * view (Xen could compress them, invisibly), so here each page takes a
 * frame of the `limit`.
 *
 * - `tmem_cleancache_init_fs` asks for a private pool,
 *   `tmem_cleancache_init_shared_fs` for a shared one by uuid: the
 *   hypervisor gives every superblock of one uuid the same pool, and gets
 *   from it do not remove the page (private pools: exclusive gets).
 * - `xen_tmem_new_pool` returns the hypercall's result, negative when the
 *   hypervisor refuses. Xen refuses a 17th pool of a domain
 *   (`MAX_POOLS_PER_DOMAIN` = 16 in Xen's common/tmem.c, which is not among
 *   the sources here): the 17th pool fails, the frontswap pool included.
 * - `tmem_cleancache_flush_fs` ignores a negative pool and destroys the
 *   pool (a shared pool when its last sharer goes).
 * - `tmem_frontswap_init`: "a single tmem poolid is used for all frontswap
 *   types", created (persistent) by the first `init`; until then stores
 *   fail (`pool < 0`), afterwards a store to any type is accepted, which is
 *   what loses pages under the eager regime.
 * - When the hypervisor has no memory left, ephemeral pages are evicted to
 *   make room and a persistent put that still finds none fails.
 */
import { UncompressedBackend, type UncompressedOptions } from "./uncompressed.ts";

/** Pools Xen gives one domain (`MAX_POOLS_PER_DOMAIN`). */
export const XEN_MAX_POOLS = 16;

/** The `tmem` backend. */
export class TmemBackend extends UncompressedBackend {
  readonly name = "tmem";
  /** `tmem_frontswap_poolid`: -1 until the first `init`. */
  #swapPool = -1;
  #failedNewPool = 0;

  constructor(options: UncompressedOptions) {
    super(options);
  }

  protected override newPool(uuid: string | null): number {
    if (this.s.pools.size >= XEN_MAX_POOLS) {
      this.#failedNewPool++;
      return -1;
    }
    return super.newPool(uuid);
  }
  protected override isCleancachePool(pool: number): boolean {
    return pool !== this.#swapPool;
  }
  protected initType(_type: number): void {
    if (this.#swapPool < 0) this.#swapPool = this.newPool(null);
  }
  protected acceptsType(_type: number): boolean {
    return this.#swapPool >= 0;
  }
  protected rejectType(): "no_pool" {
    return "no_pool";
  }
  protected dropType(_type: number): void {}
  protected debugfs(): Record<string, number> {
    return { frontswap_poolid: this.#swapPool, failed_new_pool: this.#failedNewPool };
  }
}
