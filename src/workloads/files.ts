/**
 * The `files` workload: reads and writes through a bounded LRU page cache,
 * like `pagecache`, over the real files under `dir=PATH`, so that every page
 * a backend compresses is the user's bytes (src/real_pages.ts). The bytes are
 * read once, at start, by the edge's file reader (at most `budget` MiB,
 * `filemax` pages of each file); every mounted filesystem (or those of
 * `fs=`) holds the same tree, file i being inode i+1.
 *
 * - A read that misses the page cache tries a cleancache get, then the disk;
 *   the first read of a page puts the file's own bytes on disk.
 * - A clean page leaving the page cache is a cleancache put (`putClean`).
 * - A write makes a new version: the file's bytes with an edit that depends
 *   only on the version's stamp (`write` invalidates the cleancache copy).
 *
 * Popularity is Zipf-like over all pages, spread across the files by a
 * stride. Deterministic for the same files and seed.
 */
import type { Workload, WorkloadHost, WorkloadParams } from "../workload.ts";
import type { RealPages } from "../real_pages.ts";
import { SimError } from "../errors.ts";
import { docsOf, PAGE_CACHE_PARAMS, type ParamSpecs, resolveParams, strideFor } from "./params.ts";
import { LruMap } from "./lru.ts";
import { PAGE_SIZE } from "../content.ts";

/** Parameters of `files`. */
export const FILES_PARAMS: ParamSpecs = {
  dir: { kind: "path", default: "", doc: "folder (or one file) whose files make the pages" },
  rate: PAGE_CACHE_PARAMS.rate,
  budget: {
    kind: "number",
    default: 16,
    min: 0.0625,
    max: 1024,
    doc: "MiB read from the files at most",
  },
  filemax: {
    kind: "int",
    default: 256,
    min: 1,
    max: 262_144,
    doc: "pages read of one file at most",
  },
  cache: PAGE_CACHE_PARAMS.cache,
  skew: PAGE_CACHE_PARAMS.skew,
  writes: PAGE_CACHE_PARAMS.writes,
  fs: PAGE_CACHE_PARAMS.fs,
};

/** Bytes per MiB. */
const MIB = 1 << 20;

/** The files workload (see the module comment). */
export class FilesWorkload implements Workload {
  readonly name = "files" as const;
  readonly params: WorkloadParams;
  /** The real pages, in file order. */
  readonly pages: RealPages;
  readonly #rate: number;
  readonly #capacity: number;
  readonly #skew: number;
  readonly #writes: number;
  readonly #only: Set<string> | null;
  readonly #stride: number;
  /** First page of each file, for the page -> file search. */
  readonly #starts: Int32Array;
  /** The page cache, keyed by filesystem number * pages + page: [fs, page]. */
  readonly #lru = new LruMap<[string, number]>();
  /** Numbers of the filesystems seen, for the keys. */
  readonly #fsNumber = new Map<string, number>();
  /** Filesystems mounted at the last step. */
  #known = new Set<string>();
  /** Own counters, for tests and curiosity. */
  readonly counters = { reads: 0, cacheHits: 0, writes: 0, creates: 0, evictions: 0 };

  constructor(params: WorkloadParams, sim: WorkloadHost) {
    this.params = resolveParams("files", FILES_PARAMS, params);
    const p = this.params;
    if (p.dir === "") throw new SimError("workload: files needs dir=PATH");
    this.#rate = p.rate as number;
    this.#capacity = p.cache as number;
    this.#skew = p.skew as number;
    this.#writes = p.writes as number;
    this.#only = p.fs === "" ? null : new Set((p.fs as string).split(","));
    this.pages = sim.readFiles(
      "workload: files",
      p.dir as string,
      Math.floor((p.budget as number) * MIB),
      (p.filemax as number) * PAGE_SIZE,
    );
    this.#starts = Int32Array.from(this.pages.files, (f) => f.firstPage);
    this.#stride = strideFor(this.pages.pageCount);
  }

  /** Pages in the page cache now. */
  get cachedPages(): number {
    return this.#lru.size;
  }

  step(sim: WorkloadHost): void {
    const mounted = sim.mountedNames();
    const live = new Set(mounted);
    if (mounted.length !== this.#known.size || mounted.some((n) => !this.#known.has(n))) {
      // Mounts changed: pages of a filesystem that went away leave the page cache without a put.
      for (const [k, [fs]] of [...this.#lru.entries()]) if (!live.has(fs)) this.#lru.delete(k);
      for (const n of mounted) {
        if (!this.#fsNumber.has(n)) this.#fsNumber.set(n, this.#fsNumber.size);
      }
      this.#known = live;
    }
    const targets = this.#only ? mounted.filter((n) => this.#only!.has(n)) : mounted;
    if (targets.length === 0) return;
    const rng = sim.rng;
    const n = this.pages.pageCount;
    for (let i = 0; i < this.#rate; i++) {
      const fs = targets.length === 1 ? targets[0] : targets[rng.int(targets.length)];
      const write = rng.next() < this.#writes;
      const page = (rng.zipf(n, this.#skew) * this.#stride) % n;
      try {
        this.#access(sim, fs, page, write);
      } catch (e) {
        if (!(e instanceof SimError)) throw e;
      }
    }
  }

  stop(_sim: WorkloadHost): void {
    this.#lru.clear();
  }

  /** Inode (file number + 1) and page index of a page. */
  #place(page: number): [number, number] {
    let lo = 0, hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid] <= page) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, page - this.#starts[lo]];
  }

  #access(sim: WorkloadHost, fs: string, page: number, write: boolean): void {
    const [ino, index] = this.#place(page);
    const key = this.#fsNumber.get(fs)! * this.pages.pageCount + page;
    const cached = this.#lru.get(key);
    if (write) {
      this.counters.writes++;
      sim.write(fs, ino, index, { source: this.pages, page, edited: true });
    } else {
      this.counters.reads++;
      if (cached) this.counters.cacheHits++;
      else if (sim.hasFilePage(fs, ino, index)) sim.get(fs, ino, index);
      else {
        this.counters.creates++;
        sim.write(fs, ino, index, { source: this.pages, page, edited: false });
      }
    }
    if (!cached) { while (this.#lru.size >= this.#capacity) this.#evictOldest(sim); }
    this.#lru.touch(key, cached ?? [fs, page]);
  }

  #evictOldest(sim: WorkloadHost): void {
    const [key, [fs, page]] = this.#lru.oldest()!;
    this.#lru.delete(key);
    this.counters.evictions++;
    const [ino, index] = this.#place(page);
    if (sim.isMounted(fs) && sim.hasFilePage(fs, ino, index)) sim.putClean(fs, ino, index);
  }
}

/** Parameter descriptions of `files`. */
export const FILES_DOCS: Record<string, string> = docsOf(FILES_PARAMS);
