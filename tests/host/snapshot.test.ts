/** The pure host model: parsers and derived figures (fixture trees: tests/cli/host/). */
import assert from "node:assert/strict";
import {
  buildHostSnapshot,
  deriveHost,
  hostRates,
  parseMeminfo,
  parseSwaps,
} from "../../src/host/snapshot.ts";
import type { FileRead } from "../../src/host/files.ts";

Deno.test("parsers: meminfo kB, swaps with a space in a file name", () => {
  const m = parseMeminfo("MemTotal:       2050532 kB\nHugePages_Total:       0\nZswap: 12 kB\n");
  assert.equal(m.get("MemTotal"), 2050532);
  assert.equal(m.get("HugePages_Total"), 0);
  assert.equal(m.get("Zswap"), 12);
  assert.deepEqual(
    parseSwaps("Filename Type Size Used Priority\n/swap file\tfile\t100\t5\t-2\n"),
    [{ filename: "/swap file", type: "file", size: 100, used: 5, priority: -2 }],
  );
});

Deno.test("old kernels: the ratio comes from debugfs stored_pages over pool_total_size", () => {
  const d = deriveHost({
    zswap: { max_pool_percent: "20" },
    meminfo: {
      MemTotal: 1000,
      Zswap: null,
      Zswapped: null,
      SwapTotal: 0,
      SwapFree: 0,
      SwapCached: 0,
    },
    debugfs: {
      zswap: { stored_pages: 30, pool_total_size: 4096 * 10 },
      cleancache: { unavailable: "x" },
      frontswap: { unavailable: "x" },
    },
  });
  assert.equal(d.ratio, 3);
  assert.equal(d.poolBytes, 40960);
  assert.equal(d.poolLimitBytes, 204800);
  assert.equal(d.poolUse, 0.2);
});

Deno.test("rates: none without an interval, none for a counter that went backwards", () => {
  const files = (zswpout: number) =>
    new Map<string, FileRead>([["proc/vmstat", { text: `zswpin 5\nzswpout ${zswpout}\n` }]]);
  const a = buildHostSnapshot(files(100), "/", 1000)!;
  const b = buildHostSnapshot(files(50), "/", 3000, a)!;
  assert.deepEqual(b.rates, { seconds: 2, zswpin: 0, zswpout: null, zswpwb: null });
  assert.equal(hostRates(a, { ...a }), null);
});
