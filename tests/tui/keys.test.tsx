/**
 * The App's wiring through ink's fake terminal: raw input chunks reach the
 * controller as one press per key, results redraw the frame, quitting reports
 * the exit status. (What each key does is tested on the controller directly.)
 */
import assert from "node:assert/strict";
import {
  dashboardApp,
  defaultSession,
  frameMatching,
  KEYS,
  press,
  renderSized,
  rowsWith,
  until,
} from "./helpers.tsx";

Deno.test("one chunk 'mmm' from stdin mounts three filesystems and the frame shows them", async () => {
  const session = defaultSession();
  const { app } = dashboardApp(session);
  const ui = renderSized(app, 120, 40);
  try {
    const before = session.sim.mountedNames().length;
    await press(ui.stdin, "mmm");
    assert.equal(session.sim.mountedNames().length, before + 3);
    const f = await frameMatching(ui, /◌ fs3/);
    for (const n of ["fs1", "fs2", "fs3"]) assert.match(rowsWith(f, `◌ ${n}`)[0], /pending/);
  } finally {
    ui.unmount();
  }
});

for (const [name, key, code] of [["q", "q", 0], ["Ctrl-C", KEYS.ctrlC, 130]] as const) {
  Deno.test(`${name} quits with exit status ${code}`, async () => {
    const session = defaultSession();
    let status: number | null = null;
    const { app } = dashboardApp(session, { onExit: (c) => (status = c) });
    const ui = renderSized(app, 120, 40);
    let exited = false;
    ui.waitUntilExit().then(() => (exited = true));
    await press(ui.stdin, key);
    assert.equal(await until(() => exited), true);
    assert.equal(status, code);
    ui.unmount();
  });
}

Deno.test("r opens the register form in the frame; Enter registers", async () => {
  const session = defaultSession();
  const ui = renderSized(dashboardApp(session).app, 120, 40);
  try {
    await press(ui.stdin, "r");
    const f = await frameMatching(ui, /Register a backend/);
    assert.match(f, /Enter sends: register zcache/);
    await press(ui.stdin, KEYS.enter);
    assert.match(await frameMatching(ui, /backend ● zcache/), /backend ● zcache/);
    assert.equal(session.sim.snapshot().backend?.name, "zcache");
  } finally {
    ui.unmount();
  }
});
