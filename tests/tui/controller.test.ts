/**
 * The controller: every key of the keymap does what the help says, through the
 * session port; the live clock and jobs driven by a manual clock (no sleeps).
 * Frames are drawn with `screen()` at 120x40.
 */
import assert from "node:assert/strict";
import { KEYMAP } from "../../tui/keymap.ts";
import { screen } from "../../tui/screen.ts";
import { plain } from "../../tui/line.ts";
import { EXIT_INTERRUPT, EXIT_QUIT } from "../../tui/controller.ts";
import type { Controller } from "../../tui/controller.ts";
import { CommandSession } from "../../src/command/mod.ts";
import { Simulation } from "../../src/simulation.ts";
import { DEFAULT_SCENARIO } from "../../src/scenario/default.ts";
import { controllerFor, defaultSession, KEYS, rowsWith, type } from "./helpers.tsx";

function start() {
  const session = defaultSession();
  session.execute("run 20");
  const { ctl, port } = controllerFor(session);
  return { session, ctl, port };
}

const frame = (ctl: Controller, cols = 120, rows = 40) =>
  screen(ctl.view, cols, rows).map(plain).join("\n");

Deno.test("first screen: no backend, every superblock and swap type pending", () => {
  const { session, ctl } = start();
  const f = frame(ctl);
  const s = session.sim.snapshot();
  assert.equal(s.backend, null);
  assert.match(rowsWith(f, "tmemtop")[0], /backend ◌ none/);
  for (const sb of s.superblocks) assert.match(rowsWith(f, `◌ ${sb.name}`)[0], /pending/);
  assert.match(
    f,
    new RegExp(
      `${s.cleancache.pending.length} superblocks, ${s.frontswap.pending.length} swap types waiting`,
    ),
  );
  for (const sb of s.superblocks) assert.equal(sb.hits, 0);
  assert.match(f, /no backend: nothing is stored/);
});

Deno.test("r opens the register form; Enter registers zcache and pending drains into pools", async () => {
  const { session, ctl, port } = start();
  await type(ctl, port, "r");
  const f0 = screen(ctl.view, 120, 40).map(plain).join("\n");
  assert.match(f0, /Register a backend/);
  // One row per backend of the catalog, with its one-line description.
  assert.match(f0, /› zcache +staging zcache/);
  assert.match(f0, /zswap +mm\/zswap\.c/);
  assert.match(f0, /tmem +Xen tmem/);
  assert.match(f0, /ram +reference/);
  assert.match(f0, /Enter sends: register zcache\b/);
  await type(ctl, port, KEYS.enter);
  const s = session.sim.snapshot();
  assert.equal(s.backend?.name, "zcache");
  assert.deepEqual(s.cleancache.pending, []);
  const f = frame(ctl);
  assert.match(rowsWith(f, "tmemtop")[0], /backend ● zcache/);
  for (const sb of s.superblocks) {
    assert.match(rowsWith(f, `● ${sb.name}`)[0], new RegExp(`\\s${sb.realPoolId}\\s`));
  }
  assert.doesNotMatch(f, /Register a backend/);
});

Deno.test("the form: ←→ change the backend and options, the footer shows the line, the choice is kept across u/r", async () => {
  const { session, ctl, port } = start();
  await type(ctl, port, "r");
  await type(ctl, port, "\x1b[B\x1b[C"); // compressor: deflate -> deflate-native
  await type(ctl, port, "\x1b[B\x1b[C\x1b[C\x1b[C"); // level: the compressor's default -> 3
  await type(ctl, port, "\x1b[B\x1b[B\x1b[B\x1b[C"); // past limit and threshold: debug off -> on
  const f = screen(ctl.view, 120, 40).map(plain).join("\n");
  assert.match(f, /Enter sends: register zcache compressor=deflate-native level=3 debug=on/);
  await type(ctl, port, KEYS.enter);
  const b = session.sim.snapshot().backend!;
  assert.deepEqual([b.compressor, b.level, b.options.debug], ["deflate-native", 3, true]);
  await type(ctl, port, "u");
  await type(ctl, port, "r");
  assert.match(
    screen(ctl.view, 120, 40).map(plain).join("\n"),
    /Enter sends: register zcache compressor=deflate-native level=3 debug=on/,
    "the last choice is remembered",
  );
  await type(ctl, port, KEYS.escape);
  assert.equal(ctl.view.overlay, null);
  assert.equal(session.sim.snapshot().backend, null, "Esc sent nothing");
  await type(ctl, port, "r" + "\x1b[C" + KEYS.enter); // the backend row: zcache -> zswap
  assert.equal(session.sim.snapshot().backends[0]?.kind, "zswap");
});

Deno.test("u unregisters: pools go pending again and frontswap pages are written back", async () => {
  const { session, ctl, port } = start();
  await type(ctl, port, "r");
  await type(ctl, port, KEYS.enter);
  await type(ctl, port, ":run 30\r");
  port.advance(1);
  const held = session.sim.snapshot().frontswap.pages;
  assert.ok(held > 0, "the swap workload stored pages in frontswap");
  await type(ctl, port, "u");
  const s = session.sim.snapshot();
  assert.equal(s.backend, null);
  assert.ok(s.frontswap.written_back_pages >= held);
  const f = frame(ctl);
  assert.match(
    rowsWith(f, "written back")[0],
    new RegExp(`\\b${s.frontswap.written_back_pages}\\b`),
  );
  assert.match(rowsWith(f, "unregister")[0], /- unregister/);
});

Deno.test("mmm in one read mounts three filesystems; M unmounts the selected one", async () => {
  const { session, ctl, port } = start();
  const before = session.sim.mountedNames();
  await type(ctl, port, "mmm");
  const after = session.sim.mountedNames();
  assert.equal(after.length, before.length + 3);
  for (const n of after.filter((n) => !before.includes(n))) {
    assert.match(rowsWith(frame(ctl), `◌ ${n}`)[0], /pending/);
  }
  await type(ctl, port, KEYS.down + "M");
  assert.equal(session.sim.isMounted(before[1]), false, "the second row was selected");
  assert.equal(session.sim.isMounted(before[0]), true);
});

Deno.test("ten . in one read while paused advance exactly ten ticks", async () => {
  const { session, ctl, port } = start();
  const t = session.sim.tick;
  await type(ctl, port, "..........");
  assert.equal(session.sim.tick, t + 10);
  assert.match(rowsWith(frame(ctl), "tmemtop")[0], new RegExp(`tick ${t + 10}\\b`));
});

Deno.test("s enables the next free swap type (twice in one read); S disables the selected one", async () => {
  const { session, ctl, port } = start();
  const before = session.sim.activeTypes();
  await type(ctl, port, "ss");
  const added = session.sim.activeTypes().filter((t) => !before.includes(t));
  assert.deepEqual(added, [0, 1, 2, 3].filter((t) => !before.includes(t)).slice(0, 2));
  assert.match(frame(ctl), /4 enabled/);
  await type(ctl, port, KEYS.tab + KEYS.down + "S");
  assert.equal(session.sim.activeTypes().length, 3);
  assert.equal(session.sim.activeTypes().includes(before[1]), false);
});

Deno.test("w stops the workloads and starts them again with their parameters", async () => {
  const { session, ctl, port } = start();
  const running = session.sim.snapshot().workloads.filter((w) => w.running);
  await type(ctl, port, "w");
  assert.deepEqual(session.sim.runningWorkloads(), []);
  await type(ctl, port, "w");
  assert.deepEqual(
    session.sim.snapshot().workloads.filter((w) => w.running),
    running,
  );
});

Deno.test("space pauses and resumes the live clock; . steps one tick while paused", async () => {
  const session = defaultSession();
  const { ctl, port } = controllerFor(session, { paused: false, speed: 100, rate: 10 });
  port.advance(0);
  port.advance(1000);
  const t1 = session.sim.tick;
  assert.ok(t1 >= 90 && t1 <= 100, `about 100 ticks in a simulated second, got ${t1}`);
  await type(ctl, port, " ");
  assert.match(rowsWith(frame(ctl), "tmemtop")[0], /PAUSED/);
  const t2 = session.sim.tick;
  port.advance(1000);
  assert.equal(session.sim.tick, t2, "paused: no tick");
  await type(ctl, port, ".");
  assert.equal(session.sim.tick, t2 + 1);
  await type(ctl, port, " ");
  assert.doesNotMatch(rowsWith(frame(ctl), "tmemtop")[0], /PAUSED/);
  port.advance(0);
  port.advance(500);
  assert.ok(session.sim.tick > t2 + 1, "resumed: ticks advance again");
});

Deno.test("+ and - change the refresh rate", async () => {
  const { ctl, port } = start();
  assert.match(frame(ctl), /refresh 10 Hz/);
  await type(ctl, port, "+");
  assert.match(frame(ctl), /refresh 15 Hz/);
  await type(ctl, port, "--");
  assert.match(frame(ctl), /refresh 5 Hz/);
});

Deno.test("Tab and Shift-Tab move the focus between panels", async () => {
  const { ctl, port } = start();
  assert.match(frame(ctl), /▶ Pools/);
  await type(ctl, port, KEYS.tab);
  assert.match(frame(ctl), /▶ Swap types/);
  await type(ctl, port, KEYS.tab);
  assert.match(frame(ctl), /▶ Events/);
  await type(ctl, port, KEYS.shiftTab + KEYS.shiftTab);
  assert.match(frame(ctl), /▶ Pools/);
});

Deno.test("arrows select rows of the focused panel", async () => {
  const { session, ctl, port } = start();
  const names = session.sim.mountedNames();
  assert.match(rowsWith(frame(ctl), "› ")[0], new RegExp(names[0]));
  await type(ctl, port, KEYS.down + KEYS.down);
  assert.match(rowsWith(frame(ctl), "› ")[0], new RegExp(names[2]));
  await type(ctl, port, KEYS.up);
  assert.match(rowsWith(frame(ctl), "› ")[0], new RegExp(names[1]));
});

Deno.test(": runs a command line; its error is shown in place", async () => {
  const { session, ctl, port } = start();
  await type(ctl, port, ":mount scratch");
  assert.match(frame(ctl), /:mount scratch/);
  await type(ctl, port, KEYS.enter);
  assert.equal(session.sim.isMounted("scratch"), true);
  assert.doesNotMatch(frame(ctl), /:mount scratch/, "the command line closes on success");
  await type(ctl, port, ":umount nosuchfs\r");
  const footer = frame(ctl).split("\n").at(-1)!;
  assert.match(footer, /:umount nosuchfs/, "the line stays open to be fixed");
  assert.match(footer, /✗ .*nosuchfs/);
  await type(ctl, port, KEYS.escape);
  assert.doesNotMatch(frame(ctl).split("\n").at(-1)!, /:umount/);
});

Deno.test("a script pasted into the command line runs line by line", async () => {
  const { session, ctl, port } = start();
  await type(ctl, port, ":mount a1\rmount a2\nswapon 7\r");
  assert.ok(session.sim.isMounted("a1"));
  assert.ok(session.sim.isMounted("a2"));
  assert.ok(session.sim.activeTypes().includes(7));
  assert.equal(ctl.view.cmdline, null, "closed after the last line");
  assert.deepEqual(ctl.cmdHistory.slice(-3), ["mount a1", "mount a2", "swapon 7"]);
});

Deno.test("Esc then a key in one read stays two keys", async () => {
  const { session, ctl, port } = start();
  await type(ctl, port, "?");
  assert.ok(ctl.view.overlay);
  const n = session.sim.mountedNames().length;
  await type(ctl, port, "\x1bm");
  assert.equal(ctl.view.overlay, null, "Esc closed the help");
  assert.equal(session.sim.mountedNames().length, n + 1, "then m mounted");
});

Deno.test("? opens the help pager listing every binding; Esc closes it", async () => {
  const { ctl, port } = start();
  ctl.resize(200, 60);
  await type(ctl, port, "?");
  const f = screen(ctl.view, 200, 60).map(plain).join("\n");
  for (const b of KEYMAP) assert.ok(f.includes(b.description), `help lists "${b.description}"`);
  await type(ctl, port, "x");
  assert.match(frame(ctl), /┌─ Keys/, "other keys do not close it");
  await type(ctl, port, KEYS.escape);
  assert.doesNotMatch(frame(ctl), /┌─ Keys/);
});

Deno.test("the footer hints come from the keymap", () => {
  const { ctl } = start();
  const footer = frame(ctl).split("\n").at(-1)!;
  for (const b of KEYMAP.filter((b) => b.hint && (b.hintOrder ?? 99) <= 4)) {
    assert.ok(footer.includes(`${b.hintKeys ?? b.keys} ${b.hint}`), `footer shows ${b.hint}`);
  }
});

Deno.test("q quits with 0, Ctrl-C with 130, also from the command line", async () => {
  const { ctl, port } = start();
  assert.equal(await type(ctl, port, "q"), EXIT_QUIT);
  const b = start();
  assert.equal(await type(b.ctl, b.port, KEYS.ctrlC), EXIT_INTERRUPT);
  const c = start();
  await type(c.ctl, c.port, ":mount x");
  assert.equal(await type(c.ctl, c.port, KEYS.ctrlC), EXIT_INTERRUPT);
  const d = start();
  await type(d.ctl, d.port, ":quit\r");
  assert.equal(d.ctl.exitCode, EXIT_QUIT);
});

Deno.test("too small: every key but q and Ctrl-C is ignored", async () => {
  const { session, ctl, port } = start();
  ctl.resize(60, 15);
  const before = session.sim.mountedNames().length;
  assert.equal(await type(ctl, port, "mr\r:s u"), undefined);
  assert.equal(session.sim.mountedNames().length, before);
  assert.equal(session.sim.snapshot().backend, null);
  assert.equal(ctl.view.overlay, null);
  assert.equal(ctl.view.cmdline, null);
  assert.equal(await type(ctl, port, "q"), EXIT_QUIT);
});

Deno.test("a long run shows progress, keys act during it, Esc cancels it and the ticks done stay recorded", async () => {
  const rec: string[] = [];
  const session = new CommandSession(new Simulation({ seed: 7 }), { record: (l) => rec.push(l) });
  for (const l of DEFAULT_SCENARIO) session.execute(l);
  const { ctl, port } = controllerFor(session);
  rec.length = 0;
  const t0 = session.sim.tick;
  const n = session.sim.mountedNames().length;
  await type(ctl, port, ":run 1000000\r");
  assert.ok(ctl.view.progress, "progress shown");
  assert.ok(ctl.view.progress.done > 0 && ctl.view.progress.done < 1000000);
  assert.match(frame(ctl).split("\n").at(-1)!, /⧗ run 1000000 .*Esc cancels/);
  await type(ctl, port, "mm");
  assert.equal(session.sim.mountedNames().length, n + 2, "keys act between slices");
  await type(ctl, port, KEYS.escape);
  const done = session.sim.tick - t0;
  assert.ok(done > 0 && done < 1000000);
  assert.equal(ctl.view.progress, null);
  assert.match(ctl.view.status!.text, new RegExp(`cancelled after ${done} of 1000000 ticks`));
  // The record: the mounts between runs summing to the ticks done, then the note.
  const ran = rec.filter((l) => /^run \d+$/.test(l)).reduce((a, l) => a + Number(l.slice(4)), 0);
  assert.equal(ran, done);
  assert.equal(rec.filter((l) => l.startsWith("mount ")).length, 2);
  assert.ok(port.records.includes(`# run 1000000 cancelled after ${done} of 1000000 ticks`));
});

Deno.test("the form at 80x24: its footer (the line it sends, Esc cancels) and the chosen row stay in view", async () => {
  const { ctl, port } = controllerFor(defaultSession());
  ctl.resize(80, 24);
  await type(ctl, port, "r");
  const shown = () => screen(ctl.view, 80, 24).map(plain).join("\n");
  for (let i = 0; i < 12; i++) {
    const f = shown();
    assert.match(f, /Enter sends: register zcache/, `footer shown after ${i} ↓`);
    assert.match(f, /Esc cancels/, `Esc line shown after ${i} ↓`);
    assert.match(f, /│ (› |• )/, `chosen row shown after ${i} ↓`);
    await type(ctl, port, KEYS.down);
  }
  assert.match(shown(), /… \d+ more above/, "the rows scrolled off are counted");
});
