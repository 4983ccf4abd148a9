/**
 * Page compression in a pool of Web Workers, for headless runs and the
 * benchmark. Determinism by construction: deflate is a pure function of the
 * page bytes and the level, so the pool only *precomputes* results for pages
 * known in advance (a batch); the backend still stores pages one by one, in
 * order, and takes a precomputed result only for a page whose bytes are
 * equal to the batch's copy (`PrecompressedCache`), computing inline
 * otherwise. Every counter, handle and stored byte is therefore identical to
 * a single-threaded run.
 */
import type { CompressorKind } from "../backends/compressors.ts";
import type { CompressReply, CompressRequest } from "./compress_worker.ts";
import { compressBatch } from "./compress_worker.ts";
import { pageDigest, samePage } from "../content.ts";

const PAGE = 4096;

/** Compressed results of a batch, in page order. */
export interface BatchResult {
  kind: CompressorKind;
  level: number;
  /** The pages' bytes back to back (a copy). */
  pages: Uint8Array;
  /** Compressed bytes back to back. */
  data: Uint8Array;
  /** Offset of each result in `data` (count + 1 entries). */
  offsets: Int32Array;
}

/** A pool of N compression workers (N = 0: compress inline, same results). */
export class CompressorPool {
  readonly kind: CompressorKind;
  readonly level: number;
  readonly size: number;
  readonly #workers: Worker[] = [];
  readonly #waiting = new Map<number, (r: CompressReply) => void>();
  #next = 0;

  constructor(kind: CompressorKind, level: number, workers: number) {
    this.kind = kind;
    this.level = level;
    this.size = Math.max(0, Math.floor(workers));
    for (let i = 0; i < this.size; i++) {
      const w = new Worker(new URL("./compress_worker.ts", import.meta.url).href, {
        type: "module",
      });
      w.onmessage = (ev: MessageEvent<CompressReply>) => {
        const done = this.#waiting.get(ev.data.id);
        this.#waiting.delete(ev.data.id);
        done?.(ev.data);
      };
      this.#workers.push(w);
    }
  }

  /** Compress `pages` (4 KiB each), split over the workers; results in page order. */
  async compress(pages: readonly Uint8Array[]): Promise<BatchResult> {
    const n = pages.length;
    const all = new Uint8Array(n * PAGE);
    pages.forEach((p, i) => all.set(p, i * PAGE));
    const parts = Math.max(1, Math.min(this.size, n));
    const replies: Omit<CompressReply, "id">[] = await Promise.all(
      Array.from({ length: parts }, (_, k) => {
        const from = Math.floor((n * k) / parts), to = Math.floor((n * (k + 1)) / parts);
        const req = {
          kind: this.kind,
          level: this.level,
          pages: all.slice(from * PAGE, to * PAGE).buffer,
          count: to - from,
        };
        if (this.size === 0) return Promise.resolve(compressBatch(req));
        const id = this.#next++;
        return new Promise<CompressReply>((resolve) => {
          this.#waiting.set(id, resolve);
          this.#workers[k].postMessage({ id, ...req } satisfies CompressRequest, [req.pages]);
        });
      }),
    );
    let total = 0;
    for (const r of replies) total += r.data.byteLength;
    const data = new Uint8Array(total);
    const offsets = new Int32Array(n + 1);
    let o = 0, i = 0;
    for (const r of replies) {
      data.set(new Uint8Array(r.data), o);
      for (const s of r.sizes) {
        offsets[i++] = o;
        o += s;
      }
    }
    offsets[n] = o;
    return { kind: this.kind, level: this.level, pages: all, data, offsets };
  }

  /** Stop the workers. */
  close(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers.length = 0;
  }
}

/**
 * Precomputed compressions waiting to be used, looked up by the page's
 * digest and verified byte for byte: a page the batch did not foresee (or a
 * digest collision) falls back to compressing inline.
 */
export class PrecompressedCache {
  readonly #byDigest = new Map<number, { page: Uint8Array; out: Uint8Array }[]>();
  /** Insertion order, for dropping the oldest unused results beyond `capacity`. */
  readonly #order: { d: number; e: { page: Uint8Array; out: Uint8Array } }[] = [];
  #head = 0;
  #pending = 0;
  hits = 0;
  misses = 0;

  /** At most `capacity` unused results are kept (oldest dropped first). */
  constructor(readonly capacity = 1 << 16) {}

  /** Add a batch's results. */
  add(batch: BatchResult): void {
    const n = batch.offsets.length - 1;
    for (let i = 0; i < n; i++) {
      const page = batch.pages.subarray(i * PAGE, (i + 1) * PAGE);
      const out = batch.data.subarray(batch.offsets[i], batch.offsets[i + 1]);
      const d = pageDigest(page);
      const e = { page, out };
      const list = this.#byDigest.get(d);
      if (list) list.push(e);
      else this.#byDigest.set(d, [e]);
      this.#order.push({ d, e });
      this.#pending++;
    }
    while (this.#pending > this.capacity && this.#head < this.#order.length) {
      const { d, e } = this.#order[this.#head++];
      const list = this.#byDigest.get(d);
      const at = list ? list.indexOf(e) : -1;
      if (at < 0) continue; // already used
      list!.splice(at, 1);
      if (list!.length === 0) this.#byDigest.delete(d);
      this.#pending--;
    }
    if (this.#head > 4096 && this.#head * 2 > this.#order.length) {
      this.#order.splice(0, this.#head);
      this.#head = 0;
    }
  }

  /** The precomputed compression of `page` (consumed), or null. */
  take(page: Uint8Array): Uint8Array | null {
    const d = pageDigest(page);
    const list = this.#byDigest.get(d);
    if (list) {
      for (let i = 0; i < list.length; i++) {
        if (samePage(list[i].page, page)) {
          const { out } = list[i];
          list.splice(i, 1);
          if (list.length === 0) this.#byDigest.delete(d);
          this.#pending--;
          this.hits++;
          return out;
        }
      }
    }
    this.misses++;
    return null;
  }

  /** Results not used yet. */
  get pending(): number {
    return this.#pending;
  }

  clear(): void {
    this.#byDigest.clear();
    this.#order.length = 0;
    this.#head = 0;
    this.#pending = 0;
  }
}
