/**
 * Pages made of real bytes: the contents of files a user pointed at
 * (`workload start files dir=PATH`, `workload start swap source=PATH`), so
 * that what a backend compresses is the user's data, not a generator's.
 *
 * The bytes are read at the edge (cli/files.ts) and handed in through the
 * `FileContentPort`; here they are pure data. Each file is cut into
 * 4096-byte pages, the tail of the last one zero-filled as the kernel fills
 * a page-cache page past end of file. A page version is either the file's
 * own bytes, or, for a page written in the simulation, those bytes with a
 * small edit that is a pure function of the version's stamp: a run of 8-64
 * bytes copied from elsewhere in the page, and the stamp itself in a 32-bit
 * word, so two versions never look alike.
 */
import { PAGE_SIZE } from "./content.ts";
import { hash32 } from "./rng.ts";
import { SimError } from "./errors.ts";

/** One file as read at the edge: its path (relative to what was asked for) and bytes. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * The edge's file reader. Synchronous, because commands run synchronously.
 * `read` returns regular files under `path` (a directory, or one file), in
 * an order that depends only on their paths, at most `budget` bytes in all
 * and `perFile` bytes of each; it throws `SimError` with a one-line reason
 * when `path` cannot be read.
 */
export interface FileContentPort {
  read(path: string, budget: number, perFile: number): SourceFile[];
}

/** A file's place among the pages. */
export interface RealFile {
  path: string;
  /** Bytes taken from it. */
  size: number;
  /** Its first page in the set. */
  firstPage: number;
  pages: number;
}

/** A reference to one real page, as a page version carries it. */
export interface RealPageRef {
  source: RealPages;
  /** Page number in the set. */
  page: number;
  /** Whether this version was written in the simulation (edited by its stamp). */
  edited: boolean;
}

/** The pages of a set of files (see the module comment). */
export class RealPages {
  readonly files: readonly RealFile[];
  readonly pageCount: number;
  readonly #bytes: Uint8Array;

  constructor(readonly label: string, sources: readonly SourceFile[]) {
    const files: RealFile[] = [];
    let pages = 0;
    for (const s of sources) {
      if (s.bytes.length === 0) continue;
      const n = Math.ceil(s.bytes.length / PAGE_SIZE);
      files.push({ path: s.path, size: s.bytes.length, firstPage: pages, pages: n });
      pages += n;
    }
    if (pages === 0) throw new SimError(`${label}: no bytes to make pages of (empty files only)`);
    this.#bytes = new Uint8Array(pages * PAGE_SIZE);
    for (let i = 0, j = 0; i < sources.length; i++) {
      if (sources[i].bytes.length === 0) continue;
      this.#bytes.set(sources[i].bytes, files[j++].firstPage * PAGE_SIZE);
    }
    this.files = files;
    this.pageCount = pages;
  }

  /** Bytes held (whole pages). */
  get bytes(): number {
    return this.#bytes.length;
  }

  /** Fill `out` with page `page`, edited by `stamp` when `stamp` is not 0. */
  fill(page: number, stamp: number, out: Uint8Array = new Uint8Array(PAGE_SIZE)): Uint8Array {
    if (!Number.isInteger(page) || page < 0 || page >= this.pageCount) {
      throw new SimError(`${this.label}: no page ${page} (${this.pageCount} pages)`);
    }
    out.set(this.#bytes.subarray(page * PAGE_SIZE, (page + 1) * PAGE_SIZE));
    if (stamp !== 0) editPage(out, stamp, page);
    return out;
  }
}

/** The deterministic edit of a written version (see the module comment). */
function editPage(out: Uint8Array, stamp: number, page: number): void {
  const h1 = hash32(stamp, page, 0xed17);
  const h2 = hash32(h1, stamp);
  const len = 8 + (h1 % 57);
  const from = h2 % (PAGE_SIZE - len);
  const to = (h2 >>> 12) % (PAGE_SIZE - len) & ~3;
  out.copyWithin(to, from, from + len);
  new DataView(out.buffer, out.byteOffset, PAGE_SIZE).setUint32(to, stamp >>> 0, true);
}
