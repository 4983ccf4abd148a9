/**
 * The backend's page table alone: ns per frontswap load + store of a held
 * page with a null codec (compress returns 64 constant bytes, decompress
 * writes nothing), at 10k, 100k and 1M pages held, zswap over zsmalloc
 * (64-byte objects, 64 a frame, no pool limit). Each op loads a held page
 * (lookup) and stores it again (same-filled check, the duplicate dropped,
 * allocate, copy, insert, link), offsets in a fixed random order so a large
 * table misses the caches as it would. Baseline: the same at 10k pages (the
 * target: 1M within 3x).
 */
import * as compressors from "../src/backends/compressors.ts";
import { createBackend } from "../src/backends/catalog.ts";
import { PAGE_SIZE } from "../src/content.ts";
import { interleaved, ratio } from "./harness.ts";

export interface PageTableResult {
  /** ns per load+store, by pages held. */
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
      const be = createBackend("zswap", { allocator: "zsmalloc", limit: 1 << 24 });
      const fs = be.frontswap!;
      fs.init(0);
      for (let k = 0; k < n; k++) {
        if (!fs.store(0, k, page)) throw new Error("page table: a store refused");
      }
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
          if (!fs.load(0, k, out)) throw new Error("page table: a miss");
          fs.store(0, k, page);
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
