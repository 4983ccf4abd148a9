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
 */
import type { PageVersionRef, Workload, WorkloadHost, WorkloadParams } from "../workload.ts";
import { SimError } from "../errors.ts";
import { hash32 } from "../rng.ts";
import type { ContentClass } from "../content.ts";
import {
  type ContentMix,
  docsOf,
  type ParamSpecs,
  parseMix,
  pickClass,
  resolveParams,
  strideFor,
} from "./params.ts";

/** Parameters of `pagecache`. */
export const PAGECACHE_PARAMS: ParamSpecs = {
  rate: { kind: "int", default: 200, min: 0, max: 100_000, doc: "file operations per tick" },
  files: { kind: "int", default: 64, min: 1, max: 10_000, doc: "files per filesystem" },
  pages: { kind: "int", default: 64, min: 1, max: 1024, doc: "pages per file" },
  cache: {
    kind: "int",
    default: 1024,
    min: 1,
    max: 1_000_000,
    doc: "page cache size in pages, shared by all filesystems",
  },
  skew: { kind: "number", default: 0.8, min: 0, max: 4, doc: "Zipf skew of page popularity" },
  writes: {
    kind: "number",
    default: 0.05,
    min: 0,
    max: 1,
    doc: "fraction of operations that write",
  },
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
  fs: {
    kind: "names",
    default: "",
    doc: "filesystems to use, comma-separated (empty: every mounted one)",
  },
};

interface CachedPage {
  fs: string;
  ino: number;
  index: number;
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
  /** The page cache: insertion order is LRU order (oldest first). */
  readonly #cache = new Map<string, CachedPage>();
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

  /** The oldest pages of the page cache: the next clean pages to be put. */
  upcoming(sim: WorkloadHost, max: number): PageVersionRef[] {
    const out: PageVersionRef[] = [];
    for (const pg of this.#cache.values()) {
      if (out.length >= max) break;
      const v = sim.fileVersion(pg.fs, pg.ino, pg.index);
      if (v) out.push(v);
    }
    return out;
  }

  stop(_sim: WorkloadHost): void {
    this.#cache.clear();
    this.#known.clear();
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
    let gone = false;
    for (const n of this.#known) if (!now.has(n)) gone = true;
    if (gone) {
      for (const [k, pg] of this.#cache) if (!now.has(pg.fs)) this.#cache.delete(k);
    }
    this.#known = now;
    return this.#only ? mounted.filter((n) => this.#only!.has(n)) : mounted;
  }

  #read(sim: WorkloadHost, fs: string, ino: number, index: number): void {
    this.counters.reads++;
    const key = `${fs}\0${ino}\0${index}`;
    const hit = this.#cache.get(key);
    if (hit) {
      this.counters.cacheHits++;
      this.#cache.delete(key);
      this.#cache.set(key, hit);
      return;
    }
    if (sim.hasFilePage(fs, ino, index)) sim.get(fs, ino, index);
    else {
      // First access: the file page is created.
      this.counters.creates++;
      sim.write(fs, ino, index, this.#classOf(fs, ino));
    }
    this.#insert(sim, key, { fs, ino, index });
  }

  #write(sim: WorkloadHost, fs: string, ino: number, index: number): void {
    this.counters.writes++;
    const key = `${fs}\0${ino}\0${index}`;
    sim.write(fs, ino, index, this.#classOf(fs, ino));
    const had = this.#cache.get(key);
    if (had) {
      this.#cache.delete(key);
      this.#cache.set(key, had);
    } else this.#insert(sim, key, { fs, ino, index });
  }

  #insert(sim: WorkloadHost, key: string, page: CachedPage): void {
    while (this.#cache.size >= this.#capacity) {
      const [oldKey, old] = this.#cache.entries().next().value!;
      this.#cache.delete(oldKey);
      this.counters.evictions++;
      if (sim.isMounted(old.fs) && sim.hasFilePage(old.fs, old.ino, old.index)) {
        sim.putClean(old.fs, old.ino, old.index);
      }
    }
    this.#cache.set(key, page);
  }

  #dropFile(sim: WorkloadHost, fs: string, ino: number, remove: boolean): void {
    if (remove) {
      this.counters.deletes++;
      sim.deleteFile(fs, ino);
    } else {
      this.counters.truncates++;
      sim.invalidate(fs, ino);
    }
    const prefix = `${fs}\0${ino}\0`;
    for (const k of this.#cache.keys()) if (k.startsWith(prefix)) this.#cache.delete(k);
  }
}

/** Parameter descriptions of `pagecache`. */
export const PAGECACHE_DOCS: Record<string, string> = docsOf(PAGECACHE_PARAMS);
