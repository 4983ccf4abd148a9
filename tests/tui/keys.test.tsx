/** Every key of the keymap does what the help says, through the command session. */
import assert from "node:assert/strict";
import { App } from "../../tui/app.tsx";
import { KEYMAP } from "../../tui/keymap.ts";
import { BACKEND_KINDS } from "../../src/backends/catalog.ts";
import { defaultSession, KEYS, press, renderSized, rowsWith, wait } from "./helpers.tsx";

function start(opts: { paused?: boolean; record?: (l: string) => void } = {}) {
  const session = defaultSession();
  session.execute("run 20");
  const ui = renderSized(<App session={session} paused={opts.paused ?? true} />, 120, 40);
  return { session, ui };
}

Deno.test("first screen: no backend, every superblock and swap type pending", async () => {
  const { session, ui } = start();
  try {
    await wait();
    const f = ui.frame();
    const s = session.sim.snapshot();
    assert.equal(s.backend, null);
    assert.match(rowsWith(f, "tmemtop")[0], /backend ◌ none/);
    for (const sb of s.superblocks) {
      assert.match(rowsWith(f, `◌ ${sb.name}`)[0], /pending/);
    }
    assert.match(
      f,
      new RegExp(
        `${s.cleancache.pending.length} superblocks, ${s.frontswap.pending.length} swap types waiting`,
      ),
    );
    // Nothing reaches a backend: no hits, nothing stored.
    for (const sb of s.superblocks) assert.equal(sb.hits, 0);
    assert.match(f, /no backend: nothing is stored/);
  } finally {
    ui.unmount();
  }
});

Deno.test("r opens the backend chooser; Enter registers zcache and pending drains into pools", async () => {
  const { session, ui } = start();
  try {
    await press(ui.stdin, "r");
    assert.ok(BACKEND_KINDS.length > 1);
    for (const kind of BACKEND_KINDS) {
      assert.match(ui.frame(), new RegExp(`› ${BACKEND_KINDS[0]}|  ${kind}`));
    }
    assert.match(ui.frame(), /Register which backend\?/);
    await press(ui.stdin, KEYS.enter);
    const s = session.sim.snapshot();
    assert.equal(s.backend?.name, "zcache");
    assert.deepEqual(s.cleancache.pending, []);
    assert.deepEqual(s.frontswap.pending, []);
    const f = ui.frame();
    assert.match(rowsWith(f, "tmemtop")[0], /backend ● zcache/);
    for (const sb of s.superblocks) {
      assert.equal(sb.state, "backed");
      assert.match(rowsWith(f, `● ${sb.name}`)[0], new RegExp(`\\s${sb.realPoolId}\\s`));
    }
    assert.match(f, /nothing waiting/);
    assert.doesNotMatch(f, /Register which backend/);
  } finally {
    ui.unmount();
  }
});

Deno.test("the chooser moves with arrows and Esc cancels it", async () => {
  const { session, ui } = start();
  try {
    await press(ui.stdin, "r", KEYS.down);
    assert.match(ui.frame(), new RegExp(`› ${BACKEND_KINDS[1]}`));
    await press(ui.stdin, KEYS.escape);
    await wait(80);
    assert.doesNotMatch(ui.frame(), /Register which backend/);
    assert.equal(session.sim.snapshot().backend, null);
    await press(ui.stdin, "r", KEYS.down, KEYS.enter);
    assert.equal(session.sim.snapshot().backend?.kind, BACKEND_KINDS[1]);
  } finally {
    ui.unmount();
  }
});

Deno.test("u unregisters: pools go pending again and frontswap pages are written back and counted", async () => {
  const { session, ui } = start();
  try {
    await press(ui.stdin, "r", KEYS.enter);
    session.execute("run 30");
    const held = session.sim.snapshot().frontswap.pages;
    assert.ok(held > 0, "the swap workload stored pages in frontswap");
    await press(ui.stdin, "u");
    const s = session.sim.snapshot();
    assert.equal(s.backend, null);
    assert.equal(s.cleancache.pending.length, s.superblocks.length);
    assert.ok(s.frontswap.written_back_pages >= held);
    const f = ui.frame();
    assert.match(
      rowsWith(f, "written back")[0],
      new RegExp(`\\b${s.frontswap.written_back_pages}\\b`),
    );
    assert.match(rowsWith(f, "unregister")[0], /- unregister/);
    for (const sb of s.superblocks) assert.match(rowsWith(f, `◌ ${sb.name}`)[0], /pending/);
  } finally {
    ui.unmount();
  }
});

Deno.test("m mounts a new filesystem; M unmounts the selected one", async () => {
  const { session, ui } = start();
  try {
    const before = session.sim.mountedNames();
    await press(ui.stdin, "m");
    const after = session.sim.mountedNames();
    assert.equal(after.length, before.length + 1);
    const added = after.find((n) => !before.includes(n))!;
    assert.match(rowsWith(ui.frame(), `◌ ${added}`)[0], /pending/);
    await press(ui.stdin, KEYS.down, "M");
    assert.equal(session.sim.isMounted(before[1]), false, "the second row was selected");
    assert.equal(session.sim.isMounted(before[0]), true);
    assert.equal(rowsWith(ui.frame(), `◌ ${before[1]} `).length, 0);
  } finally {
    ui.unmount();
  }
});

Deno.test("s enables the next free swap type; S disables the selected one", async () => {
  const { session, ui } = start();
  try {
    const before = session.sim.activeTypes();
    await press(ui.stdin, "s");
    const next = session.sim.activeTypes().find((t) => !before.includes(t));
    assert.equal(next, [0, 1, 2, 3].find((t) => !before.includes(t)));
    assert.match(ui.frame(), /3 enabled/);
    await press(ui.stdin, KEYS.tab, KEYS.down, "S");
    assert.deepEqual(session.sim.activeTypes(), [before[0], next]);
    assert.match(ui.frame(), /2 enabled/);
  } finally {
    ui.unmount();
  }
});

Deno.test("w stops the workloads and starts them again", async () => {
  const { session, ui } = start();
  try {
    const running = session.sim.runningWorkloads().toSorted();
    assert.deepEqual(running, ["pagecache", "swap"]);
    await press(ui.stdin, "w");
    assert.deepEqual(session.sim.runningWorkloads(), []);
    await press(ui.stdin, "w");
    assert.deepEqual(session.sim.runningWorkloads().toSorted(), running);
  } finally {
    ui.unmount();
  }
});

Deno.test("space pauses and resumes; . advances exactly one tick while paused", async () => {
  const session = defaultSession();
  const ui = renderSized(<App session={session} rate={30} speed={100} />, 120, 40);
  try {
    await wait(150);
    const t1 = session.sim.tick;
    assert.ok(t1 > 0, "running: ticks advance");
    await press(ui.stdin, " ");
    assert.match(rowsWith(ui.frame(), "tmemtop")[0], /PAUSED/);
    const t2 = session.sim.tick;
    await wait(150);
    assert.equal(session.sim.tick, t2, "paused: no tick");
    await press(ui.stdin, ".");
    assert.equal(session.sim.tick, t2 + 1);
    assert.match(rowsWith(ui.frame(), "tmemtop")[0], new RegExp(`tick ${t2 + 1}\\b`));
    await press(ui.stdin, " ");
    assert.doesNotMatch(rowsWith(ui.frame(), "tmemtop")[0], /PAUSED/);
    await wait(150);
    assert.ok(session.sim.tick > t2 + 1, "resumed: ticks advance again");
  } finally {
    ui.unmount();
  }
});

Deno.test("+ and - change the refresh rate", async () => {
  const { ui } = start();
  try {
    await wait();
    assert.match(ui.frame(), /refresh 10 Hz/);
    await press(ui.stdin, "+");
    assert.match(ui.frame(), /refresh 15 Hz/);
    await press(ui.stdin, "-", "-");
    assert.match(ui.frame(), /refresh 5 Hz/);
  } finally {
    ui.unmount();
  }
});

Deno.test("Tab and Shift-Tab move the focus between panels", async () => {
  const { ui } = start();
  try {
    await wait();
    assert.match(ui.frame(), /▶ Pools/);
    await press(ui.stdin, KEYS.tab);
    assert.match(ui.frame(), /▶ Swap types/);
    assert.doesNotMatch(ui.frame(), /▶ Pools/);
    await press(ui.stdin, KEYS.tab);
    assert.match(ui.frame(), /▶ Events/);
    await press(ui.stdin, KEYS.shiftTab, KEYS.shiftTab);
    assert.match(ui.frame(), /▶ Pools/);
  } finally {
    ui.unmount();
  }
});

Deno.test("arrows select rows of the focused panel", async () => {
  const { session, ui } = start();
  try {
    const names = session.sim.mountedNames();
    await wait();
    assert.match(rowsWith(ui.frame(), "› ")[0], new RegExp(names[0]));
    await press(ui.stdin, KEYS.down, KEYS.down);
    assert.match(rowsWith(ui.frame(), "› ")[0], new RegExp(names[2]));
    await press(ui.stdin, KEYS.up);
    assert.match(rowsWith(ui.frame(), "› ")[0], new RegExp(names[1]));
  } finally {
    ui.unmount();
  }
});

Deno.test(": runs a command of the script language; its error is shown in place", async () => {
  const { session, ui } = start();
  try {
    await press(ui.stdin, ":", ..."mount scratch".split(""));
    assert.match(ui.frame(), /:mount scratch/);
    await press(ui.stdin, KEYS.enter);
    assert.equal(session.sim.isMounted("scratch"), true);
    assert.doesNotMatch(ui.frame(), /:mount scratch/, "the command line closes on success");
    await press(ui.stdin, ":", ..."umount nosuchfs".split(""), KEYS.enter);
    const r = session.execute("umount nosuchfs");
    assert.equal(r.ok, false);
    const footer = ui.frame().split("\n").at(-1)!;
    assert.match(footer, /:umount nosuchfs/, "the line stays open to be fixed");
    assert.match(footer, /✗/);
    assert.ok(footer.includes(r.error!.replace(/^line \d+: /, "").slice(0, 30)));
    await press(ui.stdin, KEYS.escape);
    await wait(80);
    assert.doesNotMatch(ui.frame().split("\n").at(-1)!, /:umount/);
  } finally {
    ui.unmount();
  }
});

Deno.test("? opens the help overlay listing every binding; a key closes it", async () => {
  const { ui } = start();
  try {
    await press(ui.stdin, "?");
    const f = ui.frame();
    for (const b of KEYMAP) assert.ok(f.includes(b.description), `help lists "${b.description}"`);
    await press(ui.stdin, "x");
    assert.doesNotMatch(ui.frame(), /this help/);
  } finally {
    ui.unmount();
  }
});

Deno.test("the footer hints come from the keymap", async () => {
  const { ui } = start();
  try {
    await wait();
    const footer = ui.frame().split("\n").at(-1)!;
    for (const b of KEYMAP.filter((b) => b.hint && (b.hintOrder ?? 99) <= 4)) {
      assert.ok(footer.includes(`${b.hintKeys ?? b.keys} ${b.hint}`), `footer shows ${b.hint}`);
    }
  } finally {
    ui.unmount();
  }
});

for (const [name, key] of [["q", "q"], ["Ctrl-C", KEYS.ctrlC]]) {
  Deno.test(`${name} quits`, async () => {
    const { ui } = start();
    let exited = false;
    ui.waitUntilExit().then(() => (exited = true));
    await press(ui.stdin, key);
    await wait(50);
    assert.equal(exited, true);
    ui.unmount();
  });
}
