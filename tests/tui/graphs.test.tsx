/**
 * The graphs view through ink's fake terminal: beside the panels at 200x60,
 * instead of them at 80x24 after `g`; titled charts with y ranges and units,
 * a time axis in simulated time covering 5 minutes, event markers (R for a
 * register, m for a mount) at the column of their tick; values from the
 * counters (a rate chart shows the puts per second the samples imply).
 */
import assert from "node:assert/strict";
import { dashboardApp, defaultSession, frameMatching, press, renderSized } from "./helpers.tsx";
import { CHARTS, columnValues, GRAPH_WINDOW_TICKS } from "../../tui/graphs.ts";
import { History } from "../../tui/history.ts";

Deno.test("at 200x60 the graphs are beside the panels: labels, axes, markers", async () => {
  const session = defaultSession();
  const { app, port } = dashboardApp(session, { paused: false, speed: 20 });
  const ui = renderSized(app, 200, 60);
  try {
    port.advance(0);
    port.advance(1000); // 20 ticks
    await press(ui.stdin, "r\r");
    port.advance(1000);
    await press(ui.stdin, "m");
    port.advance(1000);
    const f = await frameMatching(ui, /events .*R.*m/);
    assert.match(f, /▶ Pools .*│ Graphs {2}last 5m00\.0s of simulated time/);
    assert.match(f, /cleancache hit ratio \(hits \/ gets, per column\) {2}now \d+%/);
    assert.match(f, /100% ┤/);
    assert.match(f, /0% ┤/);
    assert.match(f, /pool memory, frames of 4 KiB .*limit 2048 frames/);
    assert.match(f, /frontswap stores per second {2}now [\d.k]+\/s/);
    assert.match(f, /└─+/);
    const lines = f.split("\n");
    const axisRow = lines.findIndex((l) => /└─+/.test(l));
    const times = lines[axisRow + 1];
    const now = /tick \d+ {2}\(([\d.ms]+)\)/.exec(lines[0])![1];
    assert.ok(times.trimEnd().endsWith(now), `the axis ends at the time in the header (${now})`);
    const events = lines[axisRow + 2];
    const r = events.indexOf("R"), m = events.lastIndexOf("m");
    assert.ok(r > 0 && m > r, `R then m on the marker row: ${events}`);
  } finally {
    ui.unmount();
  }
});

Deno.test("at 80x24, g swaps the panels for the graphs; g again brings them back", async () => {
  const ui = renderSized(dashboardApp(defaultSession()).app, 80, 24);
  try {
    assert.doesNotMatch(ui.frame(), /Graphs/);
    await press(ui.stdin, "g");
    const f = await frameMatching(ui, /Graphs/);
    assert.doesNotMatch(f, /▶ Pools/);
    assert.match(f, /… \d+ more charts/);
    await press(ui.stdin, "g");
    assert.match(await frameMatching(ui, /▶ Pools/), /▶ Pools/);
  } finally {
    ui.unmount();
  }
});

Deno.test("chart values come from the counters: puts per second, hit ratio per column", () => {
  const session = defaultSession();
  session.execute("register zcache");
  const h = new History();
  const puts: [number, number][] = [];
  for (let i = 0; i < 30; i++) {
    session.execute("run 5");
    const s = session.snapshot();
    h.push(s);
    puts.push([s.tick, s.cleancache.puts]);
  }
  const spec = CHARTS.find((c) => c.title.startsWith("cleancache puts"))!;
  const end = puts.at(-1)![0];
  // Columns of 25 ticks: the last one spans ticks end-25..end (2.5 simulated seconds).
  const vals = columnValues(h.samples, spec.measure, end - 250, 25, 10);
  const at = (t: number) => puts.find(([tick]) => tick === t)![1];
  assert.equal(vals[9], (at(end) - at(end - 25)) / 2.5);
  const ratio = CHARTS[0];
  const r = columnValues(h.samples, ratio.measure, end - 250, 25, 10);
  assert.ok(r.every((x) => Number.isNaN(x) || (x >= 0 && x <= 100)));
  assert.equal(GRAPH_WINDOW_TICKS, 3000, "5 simulated minutes");
});
