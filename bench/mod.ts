/**
 * `deno task bench`: how fast the simulator pushes pages through the
 * frontends and the compressing backend, each figure beside a baseline
 * measured in the same run. `--json` prints one JSON object on stdout (the
 * table and progress go to stderr); `--quick` runs fewer rounds.
 */
import { benchBookkeeping } from "./bookkeeping.ts";
import { benchCompress } from "./compress.ts";
import { benchMemory } from "./memory.ts";
import { pageMix } from "./pages.ts";
import { progress } from "./harness.ts";

const args = new Set(Deno.args);
const json = args.has("--json");
const quick = args.has("--quick");
const rounds = quick ? 3 : 7;

const t0 = performance.now();
progress("1/7 frontend bookkeeping");
const book = benchBookkeeping(rounds);
progress("2-4/7 compression paths");
const set = pageMix(1024);
const comp = benchCompress(set, rounds);
progress("6/7 memory per stored page");
const mem = benchMemory(quick ? 20_000 : 100_000);

const result = {
  bookkeeping_ns_per_op: book.ns,
  bookkeeping_direct_ns_per_op: book.direct_ns,
  ...comp,
  overhead_bytes_per_page: mem.overhead_bytes_per_page,
  memory: { ...mem, stats: undefined },
  compression_ratio: mem.stats.compression_ratio,
  effective_ratio: mem.stats.effective_ratio,
  seconds: (performance.now() - t0) / 1000,
};
if (json) console.log(JSON.stringify(result));
else console.log(result);
