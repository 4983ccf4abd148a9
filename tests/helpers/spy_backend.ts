/** A recording backend for frontend tests: plain copies, every call logged. */
import type { CleancacheOps, FrontswapOps } from "../../src/backends/ops.ts";

export class SpyBackend implements CleancacheOps {
  readonly calls: string[] = [];
  readonly pages = new Map<string, Uint8Array>();
  readonly shared = new Map<string, number>();
  /** Pool ids handed out so far (next id = count). */
  nextPool = 0;
  /** Make initFs fail (return -1). */
  failInit = false;
  /** Refuse every frontswap store. */
  refuseStores = false;
  readonly frontswap: FrontswapOps;

  constructor(readonly label = "spy") {
    this.frontswap = {
      init: (type) => void this.calls.push(`init ${type}`),
      store: (type, offset, page) => {
        this.calls.push(`store ${type} ${offset}`);
        this.pages.delete(`s:${type}:${offset}`);
        if (this.refuseStores) return false;
        this.pages.set(`s:${type}:${offset}`, page.slice());
        return true;
      },
      load: (type, offset, out) => {
        this.calls.push(`load ${type} ${offset}`);
        const p = this.pages.get(`s:${type}:${offset}`);
        if (p) out.set(p);
        return p !== undefined;
      },
      invalidatePage: (type, offset) => {
        this.calls.push(`invalidate_page ${type} ${offset}`);
        this.pages.delete(`s:${type}:${offset}`);
      },
      invalidateArea: (type) => {
        this.calls.push(`invalidate_area ${type}`);
        for (const k of [...this.pages.keys()]) {
          if (k.startsWith(`s:${type}:`)) this.pages.delete(k);
        }
      },
    };
  }

  initFs(): number {
    this.calls.push("init_fs");
    return this.failInit ? -1 : this.nextPool++;
  }
  initSharedFs(uuid: string): number {
    this.calls.push(`init_shared_fs ${uuid}`);
    if (this.failInit) return -1;
    const id = this.shared.get(uuid) ?? this.nextPool++;
    this.shared.set(uuid, id);
    return id;
  }
  getPage(pool: number, ino: number, index: number, out: Uint8Array): boolean {
    this.calls.push(`get ${pool} ${ino} ${index}`);
    const p = this.pages.get(`c:${pool}:${ino}:${index}`);
    if (p) out.set(p);
    return p !== undefined;
  }
  putPage(pool: number, ino: number, index: number, page: Uint8Array): void {
    this.calls.push(`put ${pool} ${ino} ${index}`);
    this.pages.set(`c:${pool}:${ino}:${index}`, page.slice());
  }
  invalidatePage(pool: number, ino: number, index: number): void {
    this.calls.push(`invalidate_page ${pool} ${ino} ${index}`);
    this.pages.delete(`c:${pool}:${ino}:${index}`);
  }
  invalidateInode(pool: number, ino: number): void {
    this.calls.push(`invalidate_inode ${pool} ${ino}`);
  }
  invalidateFs(pool: number): void {
    this.calls.push(`invalidate_fs ${pool}`);
  }

  /** Calls matching a prefix. */
  count(prefix: string): number {
    return this.calls.filter((c) => c.startsWith(prefix)).length;
  }
}

/** A fresh superblock object for frontend tests. */
export function superblock(name: string, uuid: string | null = null) {
  return { name, uuid, poolId: -1, puts: 0, hits: 0, misses: 0, invalidates: 0, skipped: 0 };
}
