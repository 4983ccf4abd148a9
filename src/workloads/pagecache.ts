/**
 * The `pagecache` workload: file reads and writes over the mounted
 * filesystems with Zipf-like popularity, through a bounded LRU page cache.
 *
 * - A read that misses the page cache tries a cleancache get, then the disk;
 *   a page read for the first time is created on disk (a `write`).
 * - A clean page leaving the page cache is a cleancache put (`putClean`).
 * - A write gives the page a new version (`write` invalidates the stale
 *   cleancache copy first) and keeps it in the page cache.
 * - A truncate invalidates the whole inode; a delete removes the file from
 *   disk (later reads recreate it). Both drop the file from the page cache.
 *
 * Filesystems are looked up every tick: pages of an unmounted filesystem
 * leave the page cache without a put, newly mounted ones join in.
 *
 * Cost: the page cache is one `LruMap` of numeric page keys, with a count of cached pages per file and per filesystem. A
 * truncate or delete visits only the file's own key range, and stops once the
 * file's cached pages are gone; an unmount visits only that filesystem's
 * files: never the whole cache (`dropVisits` counts the keys looked at).
 */
import type { Workload, WorkloadHost, WorkloadParams } from "../workload.ts";
import { SimError } from "../errors.ts";
import { hash32 } from "../rng.ts";
import { LruMap } from "./lru.ts";
import type { ContentClass } from "../content.ts";
import {
  type ContentMix,
  docsOf,
  PAGE_CACHE_PARAMS,
  type ParamSpecs,
  parseMix,
  pickClass,
  resolveParams,
  strideFor,
} from "./params.ts";

/** Parameters of `pagecache`. */
export const PAGECACHE_PARAMS: ParamSpecs = {
  rate: PAGE_CACHE_PARAMS.rate,
  files: { kind: "int", default: 64, min: 1, max: 10_000, doc: "files per filesystem" },
  pages: { kind: "int", default: 64, min: 1, max: 1024, doc: "pages per file" },
  cache: PAGE_CACHE_PARAMS.cache,
  skew: PAGE_CACHE_PARAMS.skew,
  writes: PAGE_CACHE_PARAMS.writes,
  truncates: {
    kind: "number",
    default: 0.002,
    min: 0,
    max: 1,
    doc: "fraction of operations that truncate a file (invalidate inode)",
  },
  deletes: {
    kind: "number",
    default: 0.001,
    min: 0,
    max: 1,
    doc: "fraction of operations that delete a file",
  },
  mix: {
    kind: "mix",
    default: "text:45,records:25,heap:10,zero:8,same:4,random:8",
    doc: "content classes of files, as class:weight",
  },
  fs: PAGE_CACHE_PARAMS.fs,
};

/**
 * A filesystem the page cache has seen. Its pages have numeric keys
 * `slot * filePages + (ino - 1) * pages + index`, so a file's pages are one
 * range of keys and need no index of their own.
 */
interface FsPages {
  readonly name: string;
  readonly slot: number;
  /** Cached pages per file (by ino - 1). */
  readonly perFile: Int32Array;
  /** Cached pages in all. */
  cached: number;
}

function nameHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The page-cache workload (see the module comment). */
export class PagecacheWorkload implements Workload {
  readonly name = "pagecache" as const;
  readonly params: WorkloadParams;
  readonly #rate: number;
  readonly #files: number;
  readonly #pages: number;
  readonly #capacity: number;
  readonly #skew: number;
  readonly #writes: number;
  readonly #truncates: number;
  readonly #deletes: number;
  readonly #mix: ContentMix;
  readonly #only: Set<string> | null;
  readonly #pageStride: number;
  readonly #fileStride: number;
  /** The page cache: page keys, insertion order is LRU order (oldest first). */
  readonly #cache = new LruMap<true>();
  /** Filesystems by name, and by slot (the key's high part). */
  readonly #fsByName = new Map<string, FsPages>();
  readonly #fsBySlot: FsPages[] = [];
  #known = new Set<string>();
  /** Own counters, for tests and curiosity. */
  readonly counters = {
    reads: 0,
    cacheHits: 0,
    writes: 0,
    creates: 0,
    truncates: 0,
    deletes: 0,
    evictions: 0,
    /** Page keys looked at to drop a file's or a filesystem's pages (the cost of truncates, deletes, unmounts). */
    dropVisits: 0,
  };

  constructor(params: WorkloadParams) {
    this.params = resolveParams("pagecache", PAGECACHE_PARAMS, params);
    const p = this.params;
    this.#rate = p.rate as number;
    this.#files = p.files as number;
    this.#pages = p.pages as number;
    this.#capacity = p.cache as number;
    this.#skew = p.skew as number;
    this.#writes = p.writes as number;
    this.#truncates = p.truncates as number;
    this.#deletes = p.deletes as number;
    if (this.#writes + this.#truncates + this.#deletes > 1) {
      throw new SimError("workload: pagecache writes + truncates + deletes must not exceed 1");
    }
    this.#mix = parseMix(p.mix as string, "pagecache mix");
    this.#only = p.fs === "" ? null : new Set((p.fs as string).split(","));
    this.#pageStride = strideFor(this.#files * this.#pages);
    this.#fileStride = strideFor(this.#files);
  }

  /** Pages in the page cache now. */
  get cachedPages(): number {
    return this.#cache.size;
  }

  step(sim: WorkloadHost): void {
    const targets = this.#syncMounts(sim);
    if (targets.length === 0) return;
    const rng = sim.rng;
    const total = this.#files * this.#pages;
    for (let i = 0; i < this.#rate; i++) {
      const fs = targets.length === 1 ? targets[0] : targets[rng.int(targets.length)];
      const u = rng.next();
      try {
        if (u < this.#deletes) this.#dropFile(sim, fs, this.#pickFile(sim), true);
        else if (u < this.#deletes + this.#truncates) {
          this.#dropFile(sim, fs, this.#pickFile(sim), false);
        } else {
          const p = (rng.zipf(total, this.#skew) * this.#pageStride) % total;
          const ino = 1 + Math.floor(p / this.#pages), index = p % this.#pages;
          if (u < this.#deletes + this.#truncates + this.#writes) this.#write(sim, fs, ino, index);
          else this.#read(sim, fs, ino, index);
        }
      } catch (e) {
        if (!(e instanceof SimError)) throw e;
      }
    }
  }

  stop(_sim: WorkloadHost): void {
    this.#cache.clear();
    for (const fs of this.#fsBySlot) {
      fs.perFile.fill(0);
      fs.cached = 0;
    }
    this.#known.clear();
  }

  /** The filesystem record of `name` (a slot is given on first sight, for good). */
  #fsPages(name: string): FsPages {
    let fs = this.#fsByName.get(name);
    if (!fs) {
      fs = { name, slot: this.#fsBySlot.length, perFile: new Int32Array(this.#files), cached: 0 };
      this.#fsByName.set(name, fs);
      this.#fsBySlot.push(fs);
    }
    return fs;
  }

  #keyOf(fs: FsPages, ino: number, index: number): number {
    return (fs.slot * this.#files + ino - 1) * this.#pages + index;
  }

  /** [filesystem, ino, index] of a page key. */
  #pageOf(key: number): [FsPages, number, number] {
    const file = Math.floor(key / this.#pages);
    return [
      this.#fsBySlot[Math.floor(file / this.#files)],
      1 + (file % this.#files),
      key % this.#pages,
    ];
  }

  #add(fs: FsPages, ino: number, key: number): void {
    this.#cache.touch(key, true);
    fs.perFile[ino - 1]++;
    fs.cached++;
  }

  #remove(fs: FsPages, ino: number, key: number): void {
    this.#cache.delete(key);
    fs.perFile[ino - 1]--;
    fs.cached--;
  }

  /** Drop the cached pages of one file: its own key range, until none is left. */
  #dropCachedFile(fs: FsPages, ino: number): void {
    const base = this.#keyOf(fs, ino, 0);
    for (let i = 0; i < this.#pages && fs.perFile[ino - 1] > 0; i++) {
      this.counters.dropVisits++;
      if (this.#cache.has(base + i)) this.#remove(fs, ino, base + i);
    }
  }

  #pickFile(sim: WorkloadHost): number {
    return 1 + (sim.rng.zipf(this.#files, this.#skew) * this.#fileStride) % this.#files;
  }

  #classOf(fs: string, ino: number): ContentClass {
    return pickClass(this.#mix, hash32(nameHash(fs), ino) / 4294967296);
  }

  /** Names to work on now; forget cached pages of filesystems that went away. */
  #syncMounts(sim: WorkloadHost): string[] {
    const mounted = sim.mountedNames();
    const now = new Set(mounted);
    for (const n of this.#known) {
      if (now.has(n)) continue;
      const fs = this.#fsPages(n);
      for (let ino = 1; ino <= this.#files && fs.cached > 0; ino++) this.#dropCachedFile(fs, ino);
    }
    this.#known = now;
    return this.#only ? mounted.filter((n) => this.#only!.has(n)) : mounted;
  }

  #read(sim: WorkloadHost, fs: string, ino: number, index: number): void {
    this.counters.reads++;
    const f = this.#fsPages(fs);
    const key = this.#keyOf(f, ino, index);
    if (this.#cache.has(key)) {
      this.counters.cacheHits++;
      this.#cache.touch(key, true);
      return;
    }
    if (sim.hasFilePage(fs, ino, index)) sim.get(fs, ino, index);
    else {
      // First access: the file page is created.
      this.counters.creates++;
      sim.write(fs, ino, index, this.#classOf(fs, ino));
    }
    this.#insert(sim, f, ino, key);
  }

  #write(sim: WorkloadHost, fs: string, ino: number, index: number): void {
    this.counters.writes++;
    const f = this.#fsPages(fs);
    const key = this.#keyOf(f, ino, index);
    sim.write(fs, ino, index, this.#classOf(fs, ino));
    if (this.#cache.has(key)) {
      this.#cache.touch(key, true);
    } else this.#insert(sim, f, ino, key);
  }

  #insert(sim: WorkloadHost, fs: FsPages, ino: number, key: number): void {
    while (this.#cache.size >= this.#capacity) {
      const [oldKey] = this.#cache.oldest()!;
      const [old, oldIno, oldIndex] = this.#pageOf(oldKey);
      this.#remove(old, oldIno, oldKey);
      this.counters.evictions++;
      if (sim.isMounted(old.name) && sim.hasFilePage(old.name, oldIno, oldIndex)) {
        sim.putClean(old.name, oldIno, oldIndex);
      }
    }
    this.#add(fs, ino, key);
  }

  #dropFile(sim: WorkloadHost, fs: string, ino: number, remove: boolean): void {
    if (remove) {
      this.counters.deletes++;
      sim.deleteFile(fs, ino);
    } else {
      this.counters.truncates++;
      sim.invalidate(fs, ino);
    }
    this.#dropCachedFile(this.#fsPages(fs), ino);
  }
}

/** Parameter descriptions of `pagecache`. */
export const PAGECACHE_DOCS: Record<string, string> = docsOf(PAGECACHE_PARAMS);
