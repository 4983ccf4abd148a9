/**
 * The simulated disk holding every file page's current version. A page is
 * remembered by its stamp, content class and digest: enough to regenerate its
 * bytes and to check any read against it.
 */
import type { PageVersionRef } from "../page_version.ts";

/** The current version of one file page (its bytes: `fillVersion`). */
export type PageVersion = PageVersionRef & {
  digest: number;
  /**
   * For the oracle: the pool (`poolKey`) the write of this version
   * invalidated or replaced in cleancache, -1 when it reached none.
   */
  writePool: number;
  /** For the oracle: the write went through a pool id an earlier backend handed out. */
  writeOldId: boolean;
  /** For the oracle: this version was put and the backend refused the put (older copy kept). */
  putRefused: boolean;
};

/** Files on disk, per filesystem identity (a name, or a shared fs's uuid). */
export class FileDisk {
  readonly #fs = new Map<string, Map<number, Map<number, PageVersion>>>();
  #pages = 0;

  /** Number of file pages on disk. */
  get pages(): number {
    return this.#pages;
  }

  get(fs: string, ino: number, index: number): PageVersion | undefined {
    return this.#fs.get(fs)?.get(ino)?.get(index);
  }

  set(fs: string, ino: number, index: number, v: PageVersion): void {
    let files = this.#fs.get(fs);
    if (!files) this.#fs.set(fs, files = new Map());
    let file = files.get(ino);
    if (!file) files.set(ino, file = new Map());
    if (!file.has(index)) this.#pages++;
    file.set(index, v);
  }

  /** Delete a file's pages; returns how many there were. */
  deleteFile(fs: string, ino: number): number {
    const files = this.#fs.get(fs);
    const file = files?.get(ino);
    if (!files || !file) return 0;
    files.delete(ino);
    this.#pages -= file.size;
    return file.size;
  }
}
