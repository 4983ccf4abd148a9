/**
 * The split view: the pure lines (three aligned columns, differing values
 * marked ≠, the header naming every key, windowing of many filesystems), and
 * the controller (v opens and closes it, keys act on the three sessions at the
 * same tick while the single session waits, --split opens it at start).
 */
import assert from "node:assert/strict";
import { SplitSession } from "../../cli/split_session.ts";
import { LocalSessionPort } from "../../cli/local_port.ts";
import { DEFAULT_SCENARIO } from "../../src/scenario/default.ts";
import type { Snapshot } from "../../src/snapshot.ts";
import { plain } from "../../tui/line.ts";
import { History } from "../../tui/history.ts";
import { newView, type ViewState } from "../../tui/view.ts";
import {
  DIFF_MARK,
  foldEvents,
  SPLIT_KEYS,
  SPLIT_SEP,
  splitBody,
  splitColumnWidth,
  splitHeader,
} from "../../tui/split.ts";
import { screen } from "../../tui/screen.ts";
import { Controller } from "../../tui/controller.ts";
import { defaultSession, settle, type } from "./helpers.tsx";

function splitOf(lines: readonly string[], seed = 7): SplitSession {
  const s = new SplitSession({ seed });
  assert.deepEqual(s.replay(lines), []);
  return s;
}

function viewOf(regimes: Snapshot[]): ViewState {
  const h = new History();
  h.push(regimes[2]);
  return newView(regimes[2], h, {
    paused: true,
    rate: 10,
    speed: 10,
    interactive: true,
    split: { regimes },
  });
}

/** The three cells of a body line. */
const columns = (line: string, w: number) => {
  const cw = splitColumnWidth(w);
  const sep = SPLIT_SEP.length;
  return [0, 1, 2].map((i) => line.slice(i * (cw + sep), i * (cw + sep) + cw));
};

Deno.test("split lines: one column per regime, rows aligned, differing rows marked", () => {
  const s = splitOf([...DEFAULT_SCENARIO, "run 5"]);
  const v = viewOf(s.snapshots());
  const body = splitBody(v, 120, 36).map(plain);
  const [title] = body;
  assert.match(title, /^eager .*│ fake-poolid .*│ deferred /);
  const rootRow = body.find((l) => /[●◌○] root/.test(l))!;
  const [e, f, d] = columns(rootRow, 120);
  // Before any backend: eager never caches root, fake-poolid gives it fake id 1000, deferred waits.
  assert.match(e, /^≠.*○ root\s+uncached/);
  assert.match(f, /^≠.*◌ root\s+pending fake 1000|^≠.*◌ root\s+pend\/f1000/);
  assert.match(d, /^≠.*◌ root\s+pend/);
  // The same value in all three: no mark.
  const stale = body.find((l) => l.includes("stale"))!;
  for (const c of columns(stale, 120)) assert.equal(c[0], " ", `unmarked: ${stale}`);
  const pending = body.find((l) => l.includes("pending") && !l.includes("root ") && /swap/.test(l));
  assert.ok(pending?.startsWith(DIFF_MARK), "pending lists differ: eager has none");
});

Deno.test("split lines: a row one regime lacks is marked and shown as none there", () => {
  const s = splitOf(["run 1"]);
  const [e, f, d] = s.snapshots();
  // A made-up cause in one regime only (the renderer compares rows by key).
  const odd = structuredClone(e);
  odd.integrity.causes.override = 3;
  odd.integrity.stale_reads = 3;
  const body = splitBody(viewOf([odd, f, d]), 120, 30).map(plain);
  const row = body.find((l) => l.includes("override"))!;
  const [a, b, c] = columns(row, 120);
  assert.match(a, /^≠✗ 3\s+override/);
  assert.match(b, /^≠ \(none\)/);
  assert.match(c, /^≠ \(none\)/);
});

Deno.test("split lines: every line fits its width at 80, 120 and 200 columns", () => {
  const s = splitOf([...DEFAULT_SCENARIO, "register zcache", "run 20"]);
  for (const [w, h] of [[80, 24], [120, 40], [200, 60]]) {
    const lines = screen(viewOf(s.snapshots()), w, h);
    assert.equal(lines.length, h);
    for (const l of lines.map(plain)) assert.ok([...l].length <= w, `${w}: ${l}`);
  }
});

Deno.test("split header: says which key does what, on as many lines as the width needs", () => {
  const s = splitOf(["run 1"]);
  for (const w of [80, 200]) {
    const text = splitHeader(viewOf(s.snapshots()), w).map(plain).join("\n");
    for (const [k, label] of SPLIT_KEYS) assert.ok(text.includes(`${k} ${label}`), `${w}: ${k}`);
    assert.match(text, /≠ differs/);
    assert.match(text, /keys act on all three at the same tick/);
  }
});

Deno.test("split lines: many filesystems are windowed around the selection with … N more", () => {
  const lines = Array.from({ length: 40 }, (_, i) => `mount m${i}`);
  const v = viewOf(splitOf(lines).snapshots());
  v.selPool = 39;
  const body = splitBody(v, 120, 30).map(plain);
  assert.equal(body.length, 30);
  assert.ok(body.some((l) => l.includes("›○ m39") || l.includes("›◌ m39")), "selection shown");
  assert.ok(body.some((l) => /… \d+ more above/.test(l)), "hidden rows counted where they are");
});

/** A controller over the default session whose split opener replays the same scenario. */
function splitController(atStart = false) {
  const session = defaultSession(7);
  const port = new LocalSessionPort(session);
  const opened: LocalSessionPort[] = [];
  const ctl = new Controller({
    port,
    snapshot: session.sim.snapshot(),
    paused: true,
    split: {
      atStart,
      open: () => {
        const p = new LocalSessionPort(splitOf(DEFAULT_SCENARIO));
        opened.push(p);
        return p;
      },
    },
  });
  return { ctl, port, opened, session };
}

Deno.test("controller: v opens the split view; m mounts in all three at the same tick", async () => {
  const { ctl, port, opened, session } = splitController();
  await type(ctl, port, "v");
  assert.equal(opened.length, 1);
  const split = opened[0];
  await settle(split);
  assert.equal(ctl.view.split?.regimes?.length, 3);
  await type(ctl, split, "mm.");
  await settle(split);
  const r = ctl.view.split!.regimes!;
  assert.deepEqual(r.map((x) => x.superblocks.map((sb) => sb.name).slice(-2)), [
    ["fs1", "fs2"],
    ["fs1", "fs2"],
    ["fs1", "fs2"],
  ]);
  assert.deepEqual(r.map((x) => x.tick), [1, 1, 1], ". stepped all three one tick");
  // The single session was not touched.
  assert.equal(session.sim.snapshot().superblocks.length, 3);
  const frame = screen(ctl.view, 120, 40).map(plain).join("\n");
  const row = frame.split("\n").find((l) => /[●◌○] fs2/.test(l))!;
  assert.equal(row.match(/[●◌○] fs2/g)?.length, 3, `fs2 in every column: ${row}`);
});

Deno.test("controller: v again closes the split view and the single session is back", async () => {
  const { ctl, port, opened } = splitController();
  await type(ctl, port, "v");
  await settle(opened[0]);
  await type(ctl, opened[0], "v");
  assert.equal(ctl.view.split, null);
  assert.match(ctl.view.status!.text, /split view closed: the deferred session/);
  const frame = screen(ctl.view, 120, 40).map(plain).join("\n");
  assert.match(frame, /regime deferred/);
  await type(ctl, port, "m");
  assert.equal(ctl.view.snapshot.superblocks.length, 4, "keys act on the single session again");
});

Deno.test("controller: --split opens the split view at start; q still quits", async () => {
  const { ctl, opened } = splitController(true);
  assert.equal(opened.length, 1);
  await settle(opened[0]);
  assert.equal(ctl.view.split?.regimes?.length, 3);
  assert.equal(await type(ctl, opened[0], "q"), 0);
});

Deno.test("controller: a split view that cannot start says why and stays closed", async () => {
  const session = defaultSession(7);
  const port = new LocalSessionPort(session);
  const ctl = new Controller({
    port,
    snapshot: session.sim.snapshot(),
    split: { atStart: false, open: () => ({ error: "too long" }) },
  });
  await type(ctl, port, "v");
  assert.equal(ctl.view.split, null);
  assert.deepEqual(ctl.view.status, { text: "split view: too long", error: true });
});

Deno.test("split events: those of one kind and head fold into the newest with a count", () => {
  const ev = (tick: number, text: string) => ({ tick, kind: "error" as const, text });
  const folded = foldEvents([
    ev(9, "STALE (override): load type 0 offset 1"),
    ev(9, "LOST (override): load type 0 offset 1"),
    ev(8, "STALE (override): load type 0 offset 2"),
    ev(8, "LOST (override): load type 0 offset 2"),
    ev(7, "something else"),
    ev(6, "something else"),
  ]);
  assert.deepEqual(folded.map((f) => [f.e.text, f.n]), [
    ["STALE (override): load type 0 offset 1", 2],
    ["LOST (override): load type 0 offset 1", 2],
    ["something else", 1],
    ["something else", 1],
  ]);
});

Deno.test("controller: answers that differ between the regimes open a pager saying so", async () => {
  const { ctl, port, opened } = splitController();
  await type(ctl, port, "v");
  const split = opened[0];
  await settle(split);
  await type(ctl, split, ":register zcache\r");
  await type(ctl, split, ":register zcache\r");
  for (let i = 0; i < 5 && !ctl.view.overlay; i++) await settle(split);
  assert.equal(ctl.view.overlay?.kind, "pager");
  assert.match(ctl.view.status!.text, /^register zcache: the three regimes answered differently/);
  const text = screen(ctl.view, 120, 40).map(plain).join("\n");
  assert.match(text, /eager: register zcache: accepted OVER zcache/);
  assert.match(text, /deferred: register zcache: frontswap stacked over zcache/);
});
