/**
 * The simulated disk holding every file page's current version. A page is
 * remembered by its stamp, content class and digest: enough to regenerate its
 * bytes and to check any read against it.
 *
 * A million pages are held without an object per page: each page is a
 * record number, its fields in typed arrays, found by an open-addressing
 * table over (filesystem, inode, index), and linked in a circular list per
 * file so that deleting a file costs its pages, not the disk.
 */
import { CONTENT_CLASSES, type ContentClass } from "../content.ts";
import type { PageVersionRef } from "../page_version.ts";
import type { RealPageRef } from "../real_pages.ts";
import { grownCapacity } from "../capacity.ts";
import { KeySlots, tagOf } from "../key_slots.ts";

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

const NIL = -1;
/**
 * A record's byte of class and oracle flags: the class code in the low six
 * bits (a generated class's CONTENT_CLASSES index, or FILE_CLASS for a real
 * page, `cls: "file"`), WRITE_OLD_ID and PUT_REFUSED above it.
 */
const CLASS_MASK = 0x3f, FILE_CLASS = CLASS_MASK;
const WRITE_OLD_ID = 0x40, PUT_REFUSED = 0x80;
const INITIAL = 256;
if (CONTENT_CLASSES.length >= FILE_CLASS) throw new Error("disk: too many content classes");

/** Hash of a key; inodes and page indexes are 32-bit (`LIMITS`). */
function mix(fs: number, ino: number, index: number): number {
  let h = Math.imul(fs ^ 0x5bd1e995, 0x9e3779b1);
  h = Math.imul(h ^ ino, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ index, 0xc2b2ae35);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Files on disk, per filesystem identity (a name, or a shared fs's uuid). */
export class FileDisk {
  /** Filesystem identity -> its number, and per filesystem: inode -> a record of the file. */
  readonly #fsIds = new Map<string, number>();
  readonly #files: Map<number, number>[] = [];
  /** Record fields. */
  #fs = new Int32Array(INITIAL);
  #ino = new Uint32Array(INITIAL);
  #index = new Uint32Array(INITIAL);
  #stamp = new Float64Array(INITIAL);
  /** Class code and oracle flags (see CLASS_MASK). */
  #cls = new Uint8Array(INITIAL);
  #digest = new Float64Array(INITIAL);
  /** `writePool` as an index into `#pools` (the distinct pool keys are few). */
  #pool = new Int32Array(INITIAL);
  readonly #pools: number[] = [];
  readonly #poolIndex = new Map<number, number>();
  /** Circular list of a file's records, in no order (the free list reuses it). */
  #next = new Int32Array(INITIAL);
  /** Real pages of `file` records. */
  readonly #real = new Map<number, RealPageRef>();
  /** The records by (filesystem, inode, index). */
  readonly #keys = new KeySlots();
  readonly #hashOf = (r: number) => mix(this.#fs[r], this.#ino[r], this.#index[r]);
  #top = 0;
  #free = NIL;
  #pages = 0;

  /** Number of file pages on disk. */
  get pages(): number {
    return this.#pages;
  }

  get(fs: string, ino: number, index: number): PageVersion | undefined {
    const id = this.#fsIds.get(fs);
    const r = id === undefined ? NIL : this.#find(id, ino, index);
    if (r === NIL) return undefined;
    // the keys in the order the writer built them (`versionOf`, then the oracle's fields)
    const stamp = this.#stamp[r], byte = this.#cls[r], c = byte & CLASS_MASK;
    const rest = {
      digest: this.#digest[r],
      writePool: this.#pools[this.#pool[r]],
      writeOldId: (byte & WRITE_OLD_ID) !== 0,
      putRefused: (byte & PUT_REFUSED) !== 0,
    };
    return c === FILE_CLASS
      ? { stamp, cls: "file", real: this.#real.get(r)!, ...rest }
      : { stamp, cls: CONTENT_CLASSES[c], ...rest };
  }

  /** Whether the page is on disk. */
  has(fs: string, ino: number, index: number): boolean {
    const id = this.#fsIds.get(fs);
    return id !== undefined && this.#find(id, ino, index) !== NIL;
  }

  set(fs: string, ino: number, index: number, v: PageVersion): void {
    let id = this.#fsIds.get(fs);
    if (id === undefined) {
      id = this.#files.length;
      this.#fsIds.set(fs, id);
      this.#files.push(new Map());
    }
    let r = this.#find(id, ino, index);
    if (r === NIL) {
      r = this.#newRecord(id, ino, index);
      const files = this.#files[id], head = files.get(ino);
      if (head === undefined) {
        this.#next[r] = r;
        files.set(ino, r);
      } else {
        this.#next[r] = this.#next[head];
        this.#next[head] = r;
      }
      this.#pages++;
    }
    this.#stamp[r] = v.stamp;
    this.#digest[r] = v.digest;
    let pool = this.#poolIndex.get(v.writePool);
    if (pool === undefined) {
      pool = this.#pools.push(v.writePool) - 1;
      this.#poolIndex.set(v.writePool, pool);
    }
    this.#pool[r] = pool;
    const flags = (v.writeOldId ? WRITE_OLD_ID : 0) | (v.putRefused ? PUT_REFUSED : 0);
    if (v.real) {
      this.#cls[r] = FILE_CLASS | flags;
      this.#real.set(r, v.real);
    } else {
      this.#cls[r] = CONTENT_CLASSES.indexOf(v.cls as ContentClass) | flags;
      this.#real.delete(r);
    }
  }

  /** Note that the put of the page's current version was refused (for the oracle). */
  markPutRefused(fs: string, ino: number, index: number): void {
    const id = this.#fsIds.get(fs);
    const r = id === undefined ? NIL : this.#find(id, ino, index);
    if (r !== NIL) this.#cls[r] |= PUT_REFUSED;
  }

  /** Delete a file's pages; returns how many there were. */
  deleteFile(fs: string, ino: number): number {
    const id = this.#fsIds.get(fs);
    const files = id === undefined ? undefined : this.#files[id];
    const head = files?.get(ino);
    if (head === undefined) return 0;
    files!.delete(ino);
    let n = 0;
    for (let r = head;;) {
      const next = this.#next[r];
      this.#unindex(r);
      this.#real.delete(r);
      this.#next[r] = this.#free;
      this.#free = r;
      n++;
      if (next === head) break;
      r = next;
    }
    this.#pages -= n;
    return n;
  }

  // ---------------- internals ----------------

  #find(fs: number, ino: number, index: number): number {
    const k = this.#keys, slots = k.slots, tags = k.tags, mask = slots.length - 1;
    const h = mix(fs, ino, index), tag = tagOf(h);
    for (let i = h & mask;; i = (i + 1) & mask) {
      const r = slots[i] - 1;
      if (r === NIL) return NIL;
      if (tags[i] !== tag) continue;
      if (this.#index[r] === index && this.#ino[r] === ino && this.#fs[r] === fs) return r;
    }
  }

  #newRecord(fs: number, ino: number, index: number): number {
    if (!(ino >= 0 && ino <= 0xffffffff && index >= 0 && index <= 0xffffffff)) {
      throw new RangeError(`disk: inode ${ino} page ${index} outside 0..${0xffffffff}`);
    }
    let r = this.#free;
    if (r !== NIL) this.#free = this.#next[r];
    else {
      if (this.#top === this.#fs.length) this.#grow();
      r = this.#top++;
    }
    this.#fs[r] = fs;
    this.#ino[r] = ino;
    this.#index[r] = index;
    this.#keys.insert(r, mix(fs, ino, index), this.#hashOf);
    return r;
  }

  /** Take record `r` out of the key table. */
  #unindex(r: number): void {
    this.#keys.remove(r, this.#hashOf(r), this.#hashOf);
  }

  /** Grow the records' capacity; called only when the free list is empty (all below `#top` live). */
  #grow(): void {
    const n = grownCapacity(this.#fs.length, this.#top);
    this.#fs = grown(this.#fs, n);
    this.#ino = grown(this.#ino, n);
    this.#index = grown(this.#index, n);
    this.#stamp = grown(this.#stamp, n);
    this.#cls = grown(this.#cls, n);
    this.#digest = grown(this.#digest, n);
    this.#pool = grown(this.#pool, n);
    this.#next = grown(this.#next, n);
  }
}

function grown<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(
  a: T,
  n: number,
): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
