/** The host panel over the fixture trees: what it says for each kind of machine. */
import assert from "node:assert/strict";
import { dirReader, hostSource, openHostSource } from "../../../cli/host/read.ts";
import { hostDesired, hostLines } from "../../../tui/panels/host.ts";
import { lineWidth, plain } from "../../../tui/line.ts";
import { Controller } from "../../../tui/controller.ts";
import { screen } from "../../../tui/screen.ts";
import { keyPresses } from "../../../tui/input.ts";
import { controllerFor, defaultSession, localPort } from "../helpers.tsx";

const FIXTURES = new URL("../../cli/host/fixtures/", import.meta.url).pathname;

async function panel(name: string, w = 100): Promise<string[]> {
  const h = await openHostSource(FIXTURES + name).sample();
  const lines = hostLines(h, w, 100);
  assert.equal(lines.length, hostDesired(h));
  for (const l of lines.slice(1)) assert.ok(lineWidth(l) <= w || /not available/.test(plain(l)));
  return lines.map(plain);
}

Deno.test("host panel: 6.x zswap enabled shows parameters, pool use, ratio, debugfs", async () => {
  const t = (await panel("zswap-6x-enabled")).join("\n");
  assert.match(t, /zswap +enabled +compressor zstd +zpool zsmalloc +max pool 20%/);
  assert.match(t, /pool +402\.95M of 3\.11G \(12\.7% of the limit\) +ratio 3\.47:1/);
  assert.match(t, /swaps +\/dev\/nvme0n1p3 partition 1\.61G\/8\.00G prio -2/);
  assert.match(t, /zswap dbg +stored_pages 358\.2k/);
  assert.match(t, /reject_compress_poor 2210/);
});

Deno.test("host panel: this machine's copy says disabled, lzo, no swap, no debugfs", async () => {
  const t = (await panel("zswap-disabled")).join("\n");
  assert.match(t, /zswap +disabled +compressor lzo/);
  assert.match(t, /swaps +none/);
  assert.match(t, /debugfs +not available: debugfs not mounted/);
});

Deno.test("host panel: an old kernel shows cleancache and frontswap; rows are capped", async () => {
  const t = await panel("v3.10-cleancache-frontswap");
  assert.ok(t.some((l) => /^cleancache +succ_gets 18211 +failed_gets 40377/.test(l)));
  assert.ok(t.some((l) => /^frontswap +loads 51022/.test(l)));
  assert.ok(t.some((l) => /^zswap +not available: no zswap module/.test(l)));
  const h = await openHostSource(FIXTURES + "v3.10-cleancache-frontswap").sample();
  assert.equal(hostLines(h, 80, 3).length, 3);
  assert.match(plain(hostLines(null, 80, 5)[1]), /nothing readable/);
});

Deno.test("dashboard: the Host panel from the feed, H hides and shows it, samples redraw it", async () => {
  // a manual clock: the second sample is one second after the first (rates need time to pass)
  let now = 1_000_000;
  const root = FIXTURES + "zswap-6x-enabled";
  const src = hostSource(root, dirReader(root), () => now);
  await src.sample();
  const listeners: (() => void)[] = [];
  const feed = { latest: () => src.last, onSample: (fn: () => void) => listeners.push(fn) };
  const session = defaultSession();
  const port = localPort(session);
  const ctl = new Controller({ port, snapshot: session.sim.snapshot(), paused: true, host: feed });
  const frame = () => screen(ctl.view, 120, 40).map(plain).join("\n");
  assert.match(frame(), /─ Host 6\.8\.0-45-generic/);
  assert.match(frame(), /zswap +enabled +compressor zstd/);
  assert.equal(screen(ctl.view, 120, 40).length, 40, "still exactly the screen's rows");
  ctl.keys(keyPresses("H"));
  assert.doesNotMatch(frame(), /─ Host/);
  ctl.keys(keyPresses("H"));
  assert.match(frame(), /─ Host/);
  let redraws = 0;
  ctl.onChange(() => redraws++);
  now += 1000;
  await src.sample();
  listeners.forEach((fn) => fn());
  assert.equal(redraws, 1);
  assert.match(frame(), /zswpout 2\.1M \(0\/s\)/, "the second sample brings rates");
  // A small terminal keeps the other panels whole: no Host panel below 3 rows of room.
  assert.equal(screen(ctl.view, 80, 20).length, 20);
  // Without --host, H says so.
  const plainCtl = controllerFor(defaultSession()).ctl;
  plainCtl.keys(keyPresses("H"));
  assert.match(plainCtl.view.status!.text, /no host view/);
});
