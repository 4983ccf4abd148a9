/** Sizes, the too-small view, resizing, colour and NO_COLOR, and the --once text. */
import assert from "node:assert/strict";
import { renderOnce } from "../../tui/mod.ts";
import { MIN_COLS, MIN_ROWS } from "../../tui/layout.ts";
import { width } from "../../tui/line.ts";
import {
  dashboardApp,
  defaultSession,
  frameMatching,
  renderSized,
  stableFrame,
} from "./helpers.tsx";
import { CommandSession } from "../../src/command/mod.ts";
import { Simulation } from "../../src/simulation.ts";

function assertFits(frame: string, cols: number, rows: number) {
  const lines = frame.split("\n");
  assert.ok(lines.length <= rows, `${lines.length} lines on a ${rows}-row terminal`);
  for (const l of lines) assert.ok(width(l) <= cols, `line wider than ${cols}: ${l}`);
}

for (const [cols, rows] of [[80, 20], [80, 24], [100, 30], [120, 40], [200, 60]]) {
  Deno.test(`at ${cols}x${rows} the frame fills the terminal and never exceeds it`, async () => {
    const session = defaultSession();
    session.execute("run 10");
    const ui = renderSized(dashboardApp(session).app, cols, rows);
    try {
      const f = await stableFrame(ui);
      assertFits(f, cols, rows);
      assert.equal(f.split("\n").length, rows);
      for (const panel of ["Pools", "Swap types", "Pending", "Counters", "Compression", "Events"]) {
        assert.match(f, new RegExp(`[─▶] ${panel}`), `${panel} shown at ${cols}x${rows}`);
      }
    } finally {
      ui.unmount();
    }
  });
}

Deno.test("many filesystems: the pools panel scrolls instead of growing past the terminal", async () => {
  const session = defaultSession();
  for (let i = 0; i < 40; i++) session.execute(`mount extra${i}`);
  const ui = renderSized(dashboardApp(session).app, 80, 24);
  try {
    await stableFrame(ui);
    assertFits(ui.frame(), 80, 24);
    const lines = ui.frame().split("\n");
    const shown = lines.filter((l) => /^[› ] [●◌○] /.test(l)).length;
    const more = lines.map((l) => l.match(/… (\d+) more/)).find((m) => m);
    assert.ok(more, "a '… N more' line");
    assert.equal(shown + Number(more[1]), session.sim.mountedNames().length);
    assert.ok(shown >= 1);
  } finally {
    ui.unmount();
  }
});

Deno.test("below the minimum size: 'terminal too small', and resizing works live", async () => {
  const session = defaultSession();
  const ui = renderSized(dashboardApp(session).app, 60, 15);
  try {
    await frameMatching(ui, /terminal too small/);
    assert.equal(
      ui.frame().split("\n")[0].trim(),
      `terminal too small (need ${MIN_COLS}x${MIN_ROWS}, have 60x15)`,
    );
    assert.match(ui.frame(), /keys are ignored until it is larger; q quits/);
    ui.stdout.resize(120, 40);
    assert.match(await frameMatching(ui, /▶ Pools/), /▶ Pools/);
    assertFits(ui.frame(), 120, 40);
    ui.stdout.resize(90, MIN_ROWS - 1);
    const re = new RegExp(`have 90x${MIN_ROWS - 1}`);
    assert.match(await frameMatching(ui, re), re);
  } finally {
    ui.unmount();
  }
});

async function frameIn(mode: "color" | "nocolor"): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-env", "--allow-read", "tests/tui/fixtures/frame.tsx", mode],
    env: { FORCE_COLOR: "1", NODE_ENV: "production" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

Deno.test("colours carry meaning; --no-color gives a plain screen with the same words", async () => {
  const coloured = await frameIn("color");
  const plain = await frameIn("nocolor");
  // deno-lint-ignore no-control-regex
  const sgr = /\x1b\[[0-9;]*m/;
  assert.match(coloured, sgr, "with colour on, backed rows are green");
  // green, then possibly other attributes (the selected row is inverse), then symbol and name
  // deno-lint-ignore no-control-regex
  assert.match(coloured, /\x1b\[32m(\x1b\[[0-9;]*m)*● root/, "green and a symbol");
  assert.doesNotMatch(plain, sgr);
  assert.ok(!plain.includes("\x1b"), "no escape at all");
  assert.match(plain, /● root/, "the state symbol stays without colour");
  assert.match(plain, /backend ● zcache/);
});

Deno.test("--once: renderOnce prints the numbers as plain text", () => {
  const session = defaultSession();
  session.execute("register zcache");
  session.execute("run 40");
  const s = session.sim.snapshot();
  const text = renderOnce(s);
  assert.ok(!text.includes("\x1b"), "no escape codes");
  assert.match(text, new RegExp(`tick ${s.tick}\\b`));
  assert.match(text, new RegExp(`regime ${s.regime}`));
  for (const sb of s.superblocks) {
    const row = text.split("\n").find((l) => l.includes(`● ${sb.name}`))!;
    assert.ok(row, `a row for ${sb.name}`);
    assert.match(row, new RegExp(`\\s${sb.puts}\\s`));
  }
  assert.match(
    text.split("\n").find((l) => l.includes("stored pages") && l.includes("cleancache "))!,
    new RegExp(`\\b${s.backend!.stored_pages}\\b`),
  );
  assert.ok(!text.includes("quit"), "no key hints in --once");
});

Deno.test("panel titles count backed, pending and uncached (eager after a late register)", () => {
  const session = new CommandSession(new Simulation({ regime: "eager" }));
  for (const l of ["mount early", "swapon 0", "register zcache", "mount late", "swapon 1"]) {
    assert.ok(session.execute(l).ok, l);
  }
  const text = renderOnce(session.sim.snapshot());
  assert.match(text, /Pools 2 mounted, 1 backed, 0 pending, 1 uncached/);
  assert.match(text, /Swap types 2 enabled, 1 active, 0 pending, 1 off/);
});
