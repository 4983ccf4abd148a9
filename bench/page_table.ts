/**
 * The backend's page table alone: ns per cleancache get + put of a held page
 * with a null codec (compress returns 64 constant bytes, decompress writes
 * nothing), at 10k, 100k and 1M pages held, zsmalloc (64-byte objects, 64 a
 * frame). Each op takes a page out of the pool (an exclusive get: lookup,
 * free, unlink) and puts it back (same-filled check, allocate, copy, insert,
 * link), keys in a fixed random order so a large table misses the caches as
 * it would. Baseline: the same at 10k pages (the target: 1M within 3x).
 */
import * as compressors from "../src/backend/compressor.ts";
import { createBackend } from "../src/backend/tmem_backend.ts";
import { PAGE_SIZE } from "../src/content.ts";
import { interleaved, ratio } from "./harness.ts";

export interface PageTableResult {
  /** ns per get+put, by pages held. */
  ns_per_op: Record<string, number>;
  /** Each size's time over the smallest's. */
  vs_smallest: Record<string, number>;
}

/** Swap every compressor class's methods for a null codec while `f` runs. */
export function withNullCodec<T>(f: () => T): T {
  const out = new Uint8Array(64).fill(7);
  const restore: (() => void)[] = [];
  for (const v of Object.values(compressors)) {
    const proto = typeof v === "function" ? v.prototype : null;
    if (!proto || typeof proto.compress !== "function") continue;
    const { compress, decompress } = proto;
    proto.compress = () => out;
    proto.decompress = () => {};
    restore.push(() => Object.assign(proto, { compress, decompress }));
  }
  try {
    return f();
  } finally {
    for (const r of restore) r();
  }
}

const OPS = 20_000;

export function benchPageTable(rounds: number, sizes: readonly number[]): PageTableResult {
  return withNullCodec(() => {
    const page = new Uint8Array(PAGE_SIZE);
    page[1] = 1; // not same-filled
    const out = new Uint8Array(PAGE_SIZE);
    const cases: Record<string, () => number> = {};
    for (const n of sizes) {
      const be = createBackend("zcache", { allocator: "zsmalloc", limit: 0 });
      const pool = be.initFs(PAGE_SIZE);
      for (let k = 0; k < n; k++) be.putPage(pool, k >> 4, k & 15, page);
      const order = new Int32Array(OPS);
      let s = 0x9e3779b9 ^ n;
      for (let i = 0; i < OPS; i++) {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        order[i] = (s >>> 0) % n;
      }
      cases[String(n)] = () => {
        for (let i = 0; i < OPS; i++) {
          const k = order[i];
          if (!be.getPage(pool, k >> 4, k & 15, out)) throw new Error("page table: a miss");
          be.putPage(pool, k >> 4, k & 15, page);
        }
        return OPS;
      };
    }
    const m = interleaved(cases, rounds, 1, 2);
    const first = String(sizes[0]);
    const ns_per_op: Record<string, number> = {}, vs_smallest: Record<string, number> = {};
    for (const n of sizes) {
      ns_per_op[n] = m[String(n)].nsPerUnit;
      vs_smallest[n] = ratio(m[String(n)], m[first]);
    }
    return { ns_per_op, vs_smallest };
  });
}
