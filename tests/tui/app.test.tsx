/**
 * The App painting its frame straight onto the terminal (`paint`, as the live
 * dashboard does): Ink itself draws nothing, the painted screen holds the same
 * rows Ink's renderer draws for the same session, a tick rewrites only the
 * rows it changed, and a redraw that changes nothing on screen writes nothing.
 */
import assert from "node:assert/strict";
import {
  dashboardApp,
  defaultSession,
  press,
  renderSized,
  stableFrame,
  until,
} from "./helpers.tsx";
import { stripAnsi } from "../../tui/line.ts";
import { addressed, isPaint, rowsWritten } from "../helpers/painted.ts";

const COLS = 120, ROWS = 40;

/** The painter's writes among everything written to the fake terminal. */
const paints = (frames: string[]) => frames.filter(isPaint);

/** The terminal screen the painter's writes leave (text only). */
function screenOf(writes: string[]): string[] {
  const rows: string[] = Array(ROWS).fill("");
  for (const w of writes) for (const [r, text] of rowsWritten(w)) rows[r - 1] = stripAnsi(text);
  return rows;
}

Deno.test("painted: Ink draws nothing; the screen holds the rows Ink's renderer draws", async () => {
  const viaInk = renderSized(dashboardApp(defaultSession()).app, COLS, ROWS);
  const painted = renderSized(dashboardApp(defaultSession(), { paint: true }).app, COLS, ROWS);
  try {
    const expected = (await stableFrame(viaInk)).split("\n").map((l) => l.trimEnd());
    assert.equal(await until(() => paints(painted.stdout.frames).length > 0), true);
    const inkOwn = painted.stdout.frames.filter((f) => !isPaint(f));
    assert.ok(inkOwn.every((f) => stripAnsi(f).trim() === ""), "Ink's own writes hold no text");
    const screen = screenOf(paints(painted.stdout.frames)).map((l) => l.trimEnd());
    assert.deepEqual(screen, expected.concat(Array(ROWS - expected.length).fill("")));
  } finally {
    viaInk.unmount();
    painted.unmount();
  }
});

Deno.test("painted: a tick rewrites only the rows it changed; an idle redraw writes nothing", async () => {
  const session = defaultSession();
  const { app, port } = dashboardApp(session, { paint: true, paused: false, speed: 10 });
  const ui = renderSized(app, COLS, ROWS);
  try {
    assert.equal(await until(() => paints(ui.stdout.frames).length > 0), true);
    assert.equal(addressed(paints(ui.stdout.frames)[0]).length, ROWS, "the first paint: every row");
    port.advance(0);
    port.advance(300); // a few ticks at 10 t/s
    assert.equal(await until(() => paints(ui.stdout.frames).length > 1), true);
    const tick = paints(ui.stdout.frames).at(-1)!;
    const rows = addressed(tick);
    assert.ok(rows.includes(1), "the header (tick count) is rewritten");
    assert.ok(rows.length < ROWS / 2, `a tick rewrites few rows, not all: ${rows.join(",")}`);
    const before = paints(ui.stdout.frames).length;
    const inkRenders = ui.stdout.frames.length;
    await press(ui.stdin, "z"); // no key binding: the App redraws, nothing on screen changes
    assert.ok(ui.stdout.frames.length > inkRenders, "the key press did redraw");
    assert.equal(paints(ui.stdout.frames).length, before, "an unchanged frame is not written");
  } finally {
    ui.unmount();
  }
});
