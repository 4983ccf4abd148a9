/**
 * `deno task bench`: how fast the simulator pushes pages through the
 * frontends and the compressing backend, every figure beside a baseline
 * measured in the same process on the same pages (interleaved rounds,
 * medians). Prints a table, then the JSON object. Flags:
 * `--json` (stdout holds only the JSON object; the table goes to stderr),
 * `--quick` (fewer rounds and pages, for a smoke run),
 * `--workers N` (compression worker pool size for the speed-up figure, default 2).
 */
import { cpus } from "node:os";
import { benchBookkeeping } from "./bookkeeping.ts";
import { benchCompress } from "./compress.ts";
import { benchFrame } from "./frame.tsx";
import { progress } from "./harness.ts";
import { benchMemory, fillBackend } from "./memory.ts";
import { pageMix } from "./pages.ts";
import { benchSim } from "./sim.ts";
import { benchWorkers } from "./workers.ts";

function flagValue(name: string): string | undefined {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Deno.args[i + 1] : Deno.args.find((a) => a.startsWith(`${name}=`))?.slice(
    name.length + 1,
  );
}

const json = Deno.args.includes("--json");
const quick = Deno.args.includes("--quick");
const workers = Math.max(1, Number(flagValue("--workers") ?? 2) || 2);
const rounds = quick ? 3 : 7;
const TARGETS = {
  bookkeeping_ns: 150,
  zcache_vs_raw_fflate: 1.05,
  same_filled_us: 2,
  overhead_bytes_per_page: 100,
  frame_ms: 5,
};

const t0 = performance.now();
progress("1/7 frontend bookkeeping (null backend, 100k resident pages)");
const book = benchBookkeeping(rounds);
progress("2-4/7 zcache vs raw compressor, ram, memcpy, same-filled");
const set = pageMix(1024);
const comp = benchCompress(set, rounds);
progress("5/7 headless default scenario");
const sim = benchSim(rounds, workers);
progress(`6/7 memory per stored page (${quick ? "20k" : "100k"} pages)`);
const mem = benchMemory(quick ? 20_000 : 100_000);
progress("density of the mix: fflate/zsmalloc, zlib/zbud");
const density = (allocator: "zbud" | "zsmalloc", compressor: "deflate" | "deflate-native") => {
  const s = fillBackend(quick ? 2000 : 10_000, { allocator, compressor }).stats();
  return { compression_ratio: s.compression_ratio, effective_ratio: s.effective_ratio };
};
const densities = {
  "fflate/zbud": {
    compression_ratio: mem.stats.compression_ratio,
    effective_ratio: mem.stats.effective_ratio,
  },
  "fflate/zsmalloc": density("zsmalloc", "deflate"),
  "zlib/zbud": density("zbud", "deflate-native"),
  "zlib/zsmalloc": density("zsmalloc", "deflate-native"),
};
progress("7/7 dashboard frame at 120x40");
const frame = benchFrame(rounds);
progress(`worker pool (${workers} workers) vs inline compression`);
const wf = await benchWorkers(set, workers, rounds, "deflate");
const wz = await benchWorkers(set, workers, rounds, "deflate-native");

const hw = {
  date: new Date().toISOString(),
  cpus: navigator.hardwareConcurrency,
  cpu_model: (() => {
    try {
      return cpus()[0]?.model ?? "?"; // needs --allow-sys=cpus
    } catch {
      return "?";
    }
  })(),
  deno: Deno.version.deno,
  v8: Deno.version.v8,
  node_env: Deno.env.get("NODE_ENV") ?? null,
  gc_exposed: mem.gc,
};

const result = {
  machine: hw,
  bookkeeping_ns_per_op: book.ns,
  bookkeeping_direct_ns_per_op: book.direct_ns,
  zcache_vs_raw_fflate: comp.zcache_vs_raw_fflate,
  zcache_vs_raw_fflate_stored: comp.zcache_vs_raw_fflate_stored,
  zcache_pages_per_s: comp.zcache_pages_per_s,
  raw_fflate_pages_per_s: comp.raw_fflate_pages_per_s,
  zcache_zlib_pages_per_s: comp.zlib_pages_per_s,
  raw_zlib_pages_per_s: comp.raw_zlib_pages_per_s,
  zcache_zlib_vs_raw_zlib: comp.zcache_zlib_vs_raw_zlib,
  ram_pages_per_s: comp.ram_pages_per_s,
  memcpy_pages_per_s: comp.memcpy_pages_per_s,
  same_filled_us: comp.same_filled_us,
  same_filled_vs_memcpy: comp.same_filled_vs_memcpy,
  sim_ops_per_s: sim.ops_per_s,
  sim_ticks_per_s: sim.ticks_per_s,
  sim_ops_per_tick: sim.ops_per_tick,
  sim_no_backend_ops_per_s: sim.no_backend_ops_per_s,
  sim_no_backend_ticks_per_s: sim.no_backend_ticks_per_s,
  sim_workers_ticks_per_s: sim.workers_ticks_per_s,
  sim_workers_inline_ticks_per_s: sim.workers_inline_ticks_per_s,
  sim_workers_speedup: sim.workers_speedup,
  sim_workers_hit_share: sim.workers_hit_share,
  overhead_bytes_per_page: mem.overhead_bytes_per_page,
  memory: {
    stored_pages: mem.pages,
    heap_bytes_per_page: mem.heap_bytes_per_page,
    compressed_bytes_per_page: mem.compressed_bytes_per_page,
    pool_bytes_per_page: mem.pool_bytes_per_page,
  },
  compression_ratio: mem.stats.compression_ratio,
  effective_ratio: mem.stats.effective_ratio,
  density: densities,
  frame_ms: frame.frame_ms,
  frame_fresh_tree_ms: frame.fresh_frame_ms,
  frame_segment_texts_ms: frame.flat_frame_ms,
  frame_plain_text_ms: frame.plain_frame_ms,
  frame_vs_plain_text: frame.frame_vs_plain,
  workers: {
    n: workers,
    fflate_speedup: wf.speedup,
    fflate_pool_pages_per_s: wf.pool_pages_per_s,
    fflate_inline_pages_per_s: wf.inline_pages_per_s,
    fflate_unpipelined_speedup: wf.batched_speedup,
    zlib_speedup: wz.speedup,
  },
  targets: {
    bookkeeping: Math.max(...Object.values(book.ns)) < TARGETS.bookkeeping_ns,
    zcache_vs_raw_fflate: comp.zcache_vs_raw_fflate <= TARGETS.zcache_vs_raw_fflate,
    same_filled: comp.same_filled_us < TARGETS.same_filled_us,
    overhead_bytes_per_page: mem.overhead_bytes_per_page < TARGETS.overhead_bytes_per_page,
    frame: frame.frame_ms < TARGETS.frame_ms,
  },
  seconds: 0,
};
result.seconds = (performance.now() - t0) / 1000;

// ---------------------------------------------------------------- table

const f = (x: number, d = 0) =>
  x.toLocaleString("en-US", {
    minimumFractionDigits: d,
    maximumFractionDigits: d,
  });
const ok = (b: boolean) => b ? "met" : "MISSED";
const rows: string[][] = [
  ["figure", "value", "baseline (same run)", "ratio", "target"],
  ...(["eager", "fake-poolid", "deferred", "no_backend"] as const).map((r) => [
    `1 bookkeeping ${r}`,
    `${f(book.ns[r], 1)} ns/op`,
    `direct call ${f(book.direct_ns, 1)} ns/op`,
    `${f(book.ns[r] / book.direct_ns, 2)}x`,
    `< 150 ns/op ${ok(book.ns[r] < 150)}`,
  ]),
  [
    "2 zcache put+get (fflate-1, mix)",
    `${f(comp.zcache_pages_per_s)} pages/s`,
    `raw fflate ${f(comp.raw_fflate_pages_per_s)} pages/s`,
    `${f(comp.zcache_vs_raw_fflate, 3)}`,
    `<= 1.05 ${ok(result.targets.zcache_vs_raw_fflate)}`,
  ],
  [
    "2 same, compressible pages only",
    "",
    "raw fflate, same pages",
    `${f(comp.zcache_vs_raw_fflate_stored, 3)}`,
    "",
  ],
  [
    "2 zcache put+get (zlib-1, mix)",
    `${f(comp.zlib_pages_per_s)} pages/s`,
    `raw node:zlib ${f(comp.raw_zlib_pages_per_s)} pages/s`,
    `${f(comp.zcache_zlib_vs_raw_zlib, 3)}`,
    "",
  ],
  [
    "3 ram backend put+get",
    `${f(comp.ram_pages_per_s)} pages/s`,
    `4 KiB copy in+out ${f(comp.memcpy_pages_per_s)} pages/s`,
    `${f(comp.memcpy_pages_per_s / comp.ram_pages_per_s, 2)}x slower`,
    "",
  ],
  [
    "4 same-filled store+load",
    `${f(comp.same_filled_us, 2)} µs`,
    "4 KiB copy in+out",
    `${f(comp.same_filled_vs_memcpy, 2)}x`,
    `< 2 µs ${ok(result.targets.same_filled)}`,
  ],
  [
    "5 sim default scenario + zcache",
    `${f(sim.ops_per_s)} ops/s`,
    `${f(sim.ticks_per_s, 1)} ticks/s, ${f(sim.ops_per_tick)} ops/tick`,
    `${f(sim.ops_per_s / comp.raw_fflate_pages_per_s, 2)}x raw fflate pages/s`,
    "",
  ],
  [
    "5 sim default scenario, no backend",
    `${f(sim.no_backend_ops_per_s)} ops/s`,
    `${f(sim.no_backend_ticks_per_s, 1)} ticks/s`,
    "",
    "",
  ],
  [
    `5 same + zcache, ${workers} workers ahead`,
    `${f(sim.workers_ticks_per_s, 1)} ticks/s`,
    `inline ${f(sim.workers_inline_ticks_per_s, 1)} ticks/s (50-tick blocks)`,
    `${f(sim.workers_speedup, 2)}x speed-up`,
    `${f(sim.workers_hit_share * 100, 0)}% of puts/stores precomputed`,
  ],
  [
    "6 heap+external per stored page",
    `${f(mem.overhead_bytes_per_page, 1)} B`,
    `compressed ${f(mem.compressed_bytes_per_page)} B, frames ${f(mem.pool_bytes_per_page)} B`,
    `${f(mem.overhead_bytes_per_page / mem.compressed_bytes_per_page * 100, 1)}%`,
    `< 100 B ${ok(result.targets.overhead_bytes_per_page)}`,
  ],
  ...Object.entries(densities).map(([k, d]) => [
    `  density ${k}`,
    `compression ${f(d.compression_ratio, 2)}:1`,
    `effective ${f(d.effective_ratio, 2)}:1`,
    "",
    "",
  ]),
  [
    "7 dashboard frame 120x40 (ink)",
    `${f(frame.frame_ms, 2)} ms`,
    `plain text frame ${f(frame.plain_frame_ms, 2)} ms`,
    `${f(frame.frame_vs_plain, 1)}x`,
    `< 5 ms ${ok(result.targets.frame)}`,
  ],
  [
    "  same, one <Text> per segment",
    `${f(frame.flat_frame_ms, 2)} ms`,
    `one <Text> per line ${f(frame.frame_ms, 2)} ms`,
    `${f(frame.flat_frame_ms / frame.frame_ms, 2)}x`,
    "",
  ],
  [
    `  workers=${workers} fflate (pipelined)`,
    `${f(wf.pool_pages_per_s)} pages/s`,
    `inline ${f(wf.inline_pages_per_s)} pages/s`,
    `${f(wf.speedup, 2)}x speed-up`,
    "",
  ],
  [
    `  workers=${workers} zlib (pipelined)`,
    `${f(wz.pool_pages_per_s)} pages/s`,
    `inline ${f(wz.inline_pages_per_s)} pages/s`,
    `${f(wz.speedup, 2)}x speed-up`,
    "",
  ],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const table = [
  `tmemtop bench  ${hw.date}  ${hw.cpus} x ${hw.cpu_model}  deno ${hw.deno}  ${
    f(result.seconds, 1)
  } s`,
  ...rows.map((r, i) => {
    const line = r.map((c, j) => c.padEnd(widths[j])).join("  ").trimEnd();
    return i === 0 ? `${line}\n${"-".repeat(line.length)}` : line;
  }),
].join("\n");

if (json) {
  console.error(table);
  console.log(JSON.stringify(result));
} else {
  console.log(table);
  console.log();
  console.log(JSON.stringify(result, null, 2));
}
