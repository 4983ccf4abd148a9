/** tui/panels/counters.ts: the eight kernel counters with totals and rates, then the sparklines. */
import assert from "node:assert/strict";
import { counters, COUNTERS_MIN_W, countersDesired } from "../../../tui/panels/counters.ts";
import { COUNTERS } from "../../../tui/history.ts";
import { lineWidth, plain } from "../../../tui/line.ts";
import { count, rate } from "../../../tui/format.ts";
import { viewAfter } from "../../helpers/view.ts";

const BUSY = [
  "mount home",
  "swapon 0",
  "register zcache",
  "workload start pagecache rate=80",
  "workload start swap rate=60",
  "run 20",
  "run 20",
];
/** Built once: the tests only read it. */
const BUSY_VIEW = viewAfter(BUSY);

Deno.test("counters: a title, the two groups side by side, one row per counter with its total", () => {
  const v = BUSY_VIEW;
  const lines = counters(v, 90, 20).map(plain);
  assert.match(lines[0], /^─ Counters totals, per simulated second/);
  assert.match(lines[1], /^cleancache +total +\/s │ frontswap +total +\/s/);
  const s = v.snapshot;
  for (const [i, c] of COUNTERS.entries()) {
    const row = lines[2 + (i % 4)];
    const re = new RegExp(`${c.name} +${count(c.get(s))} `);
    assert.match(row, re, `${c.group}/${c.name} in ${row}`);
  }
  assert.ok(s.cleancache.puts > 0 && s.frontswap.succ_stores > 0, "the workloads did something");
});

Deno.test("counters: the rate column is the history's per-second rate", () => {
  const v = BUSY_VIEW;
  const r = v.history.rate(2); // cleancache puts
  assert.ok(r !== null && r > 0);
  const row = counters(v, 90, 20).map(plain).find((l) => /^ ?puts /.test(l))!;
  const cleancacheSide = row.split(" │ ")[0];
  assert.match(cleancacheSide, new RegExp(` ${rate(r).replace(".", "\\.")}$`), `${row}: ${r}`);
});

Deno.test("counters: sparklines of hit ratio, compression ratio and stored pages below", () => {
  const v = BUSY_VIEW;
  const lines = counters(v, 90, 20).map(plain);
  assert.equal(lines.length, countersDesired(), "all rows when there is room");
  assert.match(lines[6], /^hit ratio +[▁-█ ]+ +(\d+%|-)$/);
  assert.match(lines[7], /^compr ratio +[▁-█ ]+ +(\d+\.\d\d:1|-)$/);
  assert.match(
    lines[8],
    new RegExp(`^stored pages +[▁-█ ]+ +${count(v.snapshot.backend!.stored_pages)}$`),
  );
});

Deno.test("counters: when rows run short the sparklines go first; never more than h rows", () => {
  const v = BUSY_VIEW;
  for (let h = 0; h <= countersDesired() + 2; h++) {
    const lines = counters(v, 90, h).map(plain);
    assert.equal(lines.length, Math.min(h, countersDesired()), `h=${h}`);
    if (h === 6) assert.ok(!lines.some((l) => l.startsWith("hit ratio")), "no sparkline at 6 rows");
    if (h === 6) assert.match(lines[5], /invalidates/, "but every counter");
  }
});

Deno.test("counters: the compact form from COUNTERS_MIN_W keeps every counter within the width", () => {
  const v = BUSY_VIEW;
  for (const w of [COUNTERS_MIN_W, COUNTERS_MIN_W + 5, 70, 90]) {
    const lines = counters(v, w, 20);
    const text = lines.map(plain);
    for (const l of lines.slice(1, 6)) assert.ok(lineWidth(l) <= w, `${w}: ${plain(l)}`);
    for (const c of COUNTERS) assert.ok(text.some((l) => l.includes(c.name)), `${w}: ${c.name}`);
  }
});
