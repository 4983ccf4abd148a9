/**
 * The file side of a simulation: mounted filesystems, the disk holding their
 * pages, and the cleancache operations a filesystem makes (mount, umount,
 * put, get, invalidate, write, delete), each read checked by the oracle.
 */
import { type ContentClass, pageDigest } from "../content.ts";
import { fillVersion, type PageContent, versionOf } from "../page_version.ts";
import type { CleancacheFrontend, Superblock } from "../frontend/cleancache.ts";
import { newSuperblock } from "../frontend/cleancache.ts";
import { FileDisk } from "../devices/disk.ts";
import { fileReadCause, poolKey } from "../integrity.ts";
import { checkClass, checkIndex, checkName } from "../limits.ts";
import { SimError } from "../errors.ts";
import type { SuperblockSnapshot } from "../snapshot.ts";
import type { PageVersionRef } from "../workload.ts";
import type { SimContext } from "./context.ts";
import type { PoolUsage } from "../backends/ops.ts";

/** A mounted filesystem: the superblock plus where its files live on disk. */
export interface Mount extends Superblock {
  /** Disk identity: the uuid for a shared fs (cluster nodes see one disk), else the name. */
  readonly fsKey: string;
  /** Serial of the registration whose backend handed out the pool id (0: none yet). */
  poolSerial: number;
}

export class FileSide {
  cc: CleancacheFrontend;
  readonly #ctx: SimContext;
  readonly #mounts = new Map<string, Mount>();
  readonly #disk = new FileDisk();
  /** Deleted files (`fsKey:ino`) -> the pool their deletion invalidated (for the oracle). */
  readonly #deleted = new Map<string, number>();
  /**
   * Pools (`poolKey`) a put reached through a pool id an earlier backend handed out (the
   * override hazard): another file's page may sit there under any key (for the oracle).
   */
  readonly #oldIdPuts = new Set<number>();

  constructor(ctx: SimContext, cc: CleancacheFrontend) {
    this.#ctx = ctx;
    this.cc = cc;
  }

  get mountCount(): number {
    return this.#mounts.size;
  }

  /** Mount a filesystem: `cleancache_init_fs`, or `cleancache_init_shared_fs` with a uuid. */
  mount(name: string, uuid: string | null): void {
    checkName("mount", "filesystem name", name);
    if (uuid !== null) checkName("mount", "uuid", uuid);
    if (this.#mounts.has(name)) throw new SimError(`mount: '${name}' is already mounted`);
    const m: Mount = {
      ...newSuperblock(name, uuid),
      fsKey: uuid === null ? `fs:${name}` : `uuid:${uuid}`,
      poolSerial: 0,
    };
    this.#mounts.set(name, m);
    this.cc.initFs(m);
    this.#ctx.log(
      "mount",
      `mount ${name}${uuid ? ` shared=${uuid}` : ""}: pool id ${m.poolId} (${this.cc.state(m)})`,
    );
  }

  /** Unmount: `cleancache_invalidate_fs`. */
  umount(name: string): void {
    const m = this.#mount("umount", name);
    this.cc.invalidateFs(m);
    this.#mounts.delete(name);
    this.#ctx.log("umount", `umount ${name}`);
  }

  isMounted(name: string): boolean {
    return this.#mounts.has(name);
  }

  mountedNames(): string[] {
    return [...this.#mounts.keys()];
  }

  /** Write a new version of a file page to disk and put it (`cleancache_put_page`). */
  put(name: string, ino: number, index: number, cls: ContentClass): void {
    const m = this.#filePage("put", name, ino, index);
    checkClass("put", cls);
    this.#writeFile(m, ino, index, cls);
    const ctx = this.#ctx;
    ctx.ops++;
    ctx.putRefused = false;
    this.#notePut(m);
    this.cc.putPage(m, ino, index, ctx.page);
    if (ctx.putRefused) this.#disk.markPutRefused(m.fsKey, ino, index);
  }

  /** Put the current on-disk version of a clean page leaving the page cache. */
  putClean(name: string, ino: number, index: number): void {
    const m = this.#filePage("put", name, ino, index);
    const v = this.#disk.get(m.fsKey, ino, index);
    if (!v) throw new SimError(`put: ${name} inode ${ino} has no page ${index} on disk`);
    fillVersion(v, this.#ctx.page);
    this.#ctx.ops++;
    this.#notePut(m);
    this.cc.putPage(m, ino, index, this.#ctx.page);
  }

  /** A write: invalidate the cleancache copy, then write a new version to disk. */
  write(name: string, ino: number, index: number, cls: PageContent): void {
    const m = this.#filePage("write", name, ino, index);
    if (typeof cls === "string") checkClass("write", cls);
    this.#ctx.ops++;
    this.cc.invalidatePage(m, ino, index);
    this.#writeFile(m, ino, index, cls);
  }

  /** `cleancache_get_page`; a hit is checked against the disk's current version. */
  get(name: string, ino: number, index: number): "hit" | "miss" {
    const m = this.#filePage("get", name, ino, index);
    const ctx = this.#ctx;
    ctx.ops++;
    if (!this.cc.getPage(m, ino, index, ctx.page)) return "miss";
    const v = this.#disk.get(m.fsKey, ino, index);
    if (v && v.digest === pageDigest(ctx.page)) {
      ctx.oracle.verifiedRead();
      return "hit";
    }
    const pool = this.#pool(m);
    const putRefused = v?.putRefused ?? false;
    const cause = fileReadCause({
      uuid: m.uuid,
      pool,
      foreignSibling: [...this.#mounts.values()].some((o) =>
        o.fsKey !== m.fsKey && pool >= 0 && this.#pool(o) === pool
      ),
      oldIds: this.#oldId(m) || (v?.writeOldId ?? false) || this.#oldIdPuts.has(pool),
      writePool: v ? v.writePool : this.#deleted.get(`${m.fsKey}:${ino}`),
      putRefused,
    });
    ctx.oracle.staleRead(
      cause,
      `get ${name} ${ino} ${index} returned data other than the current version` +
        (cause === "refused_put_kept_older_copy"
          ? ": the backend refused the put of the current version and kept the older copy"
          : ""),
    );
    return "hit";
  }

  /** `cleancache_invalidate_page`, or `cleancache_invalidate_inode` when index is omitted. */
  invalidate(name: string, ino: number, index?: number): void {
    const m = this.#filePage("invalidate", name, ino, index ?? 0);
    this.#ctx.ops++;
    if (index === undefined) this.cc.invalidateInode(m, ino);
    else this.cc.invalidatePage(m, ino, index);
  }

  /** Truncate/delete a file: invalidate the inode and drop its pages from disk. */
  deleteFile(name: string, ino: number): void {
    const m = this.#filePage("delete", name, ino, 0);
    this.#ctx.ops++;
    this.cc.invalidateInode(m, ino);
    if (this.#disk.deleteFile(m.fsKey, ino) > 0) {
      this.#deleted.set(`${m.fsKey}:${ino}`, this.#pool(m));
    }
  }

  /** The current version of a file page on disk, or null. */
  fileVersion(name: string, ino: number, index: number): PageVersionRef | null {
    const m = this.#mounts.get(name);
    const v = m && this.#disk.get(m.fsKey, ino, index);
    if (!v) return null;
    const { digest: _digest, writePool: _pool, putRefused: _refused, ...ref } = v;
    return ref;
  }

  hasFilePage(name: string, ino: number, index: number): boolean {
    const m = this.#mounts.get(name);
    return m !== undefined && this.#disk.has(m.fsKey, ino, index);
  }

  /** A backend pool was created for `sb` (by the backend being registered, else the holder). */
  poolCreated(sb: Superblock): void {
    const m = this.#mounts.get(sb.name);
    if (m === sb) m.poolSerial = this.#ctx.registeringSerial || this.#ctx.cleancacheSerial;
  }

  /** Names of mounted filesystems waiting for a backend. */
  pendingFilesystems(): string[] {
    return [...this.#mounts.values()].filter((m) => this.cc.state(m) === "pending").map((m) =>
      m.name
    );
  }

  /** One row per mounted superblock; `usage` reads a pool of the cleancache backend. */
  snapshot(usage: ((pool: number) => PoolUsage | null) | null): SuperblockSnapshot[] {
    return [...this.#mounts.values()].map((m) => {
      const real = this.cc.realPoolId(m);
      const backed = usage !== null && this.cc.registered && real >= 0;
      const u = backed ? usage!(real) : null;
      return {
        name: m.name,
        uuid: m.uuid,
        poolId: m.poolId,
        realPoolId: backed ? real : null,
        fakeId: this.cc.fakeId(m),
        state: this.cc.state(m),
        pages: u?.pages ?? 0,
        compressedBytes: u?.compressedBytes ?? 0,
        puts: m.puts,
        hits: m.hits,
        misses: m.misses,
        invalidates: m.invalidates,
        skipped: m.skipped,
      };
    });
  }

  /** The pool `m`'s operations reach now (`poolKey`), or -1. */
  #pool(m: Mount): number {
    if (!this.cc.registered) return -1;
    return poolKey(this.#ctx.cleancacheSerial, this.cc.realPoolId(m));
  }

  /** Remember the pool a put through an earlier backend's pool id reaches. */
  #notePut(m: Mount): void {
    if (this.#oldId(m)) this.#oldIdPuts.add(this.#pool(m));
  }

  /** The backend that handed out `m`'s pool id is no longer the one its operations reach. */
  #oldId(m: Mount): boolean {
    return this.#pool(m) >= 0 && m.poolSerial !== this.#ctx.cleancacheSerial;
  }

  /** A new version on disk, with what its write did to cleancache (for the oracle). */
  #writeFile(m: Mount, ino: number, index: number, cls: PageContent): void {
    const v = versionOf(this.#ctx.nextStamp(), cls);
    const page = fillVersion(v, this.#ctx.page);
    this.#disk.set(m.fsKey, ino, index, {
      ...v,
      digest: pageDigest(page),
      writePool: this.#pool(m),
      writeOldId: this.#oldId(m),
      putRefused: false,
    });
  }

  #mount(cmd: string, name: string): Mount {
    const m = this.#mounts.get(name);
    if (!m) throw new SimError(`${cmd}: no filesystem named '${name}' is mounted`);
    return m;
  }

  #filePage(cmd: string, name: string, ino: number, index: number): Mount {
    const m = this.#mount(cmd, name);
    checkIndex(cmd, "inode", ino);
    checkIndex(cmd, "page index", index);
    return m;
  }
}
