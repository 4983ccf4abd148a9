/**
 * The App painting its frame through a `FramePainter` (as the live dashboard
 * does): Ink itself draws nothing, the painted screen holds the same rows
 * Ink's renderer draws for the same session, a tick rewrites only the rows it
 * changed, a change of the view that changes nothing on screen is painted
 * (without a React render) but writes nothing, and updates arriving after the
 * dashboard unmounted (Ink has left the alternate screen) paint nothing.
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
import { FramePainter } from "../../tui/painter.ts";
import { addressed, rowsWritten } from "../helpers/painted.ts";

const COLS = 120, ROWS = 40;

/** A painter that keeps what it writes and counts its paints. */
class Recorded extends FramePainter {
  readonly writes: string[];
  paints = 0;
  constructor() {
    const writes: string[] = [];
    super({ write: (s: string) => writes.push(s) });
    this.writes = writes;
  }
  override paint(rows: readonly string[], cols: number, height: number): string {
    this.paints++;
    return super.paint(rows, cols, height);
  }
}

/** The terminal screen the painter's writes leave (text only). */
function screenOf(writes: string[]): string[] {
  const rows: string[] = Array(ROWS).fill("");
  for (const w of writes) for (const [r, text] of rowsWritten(w)) rows[r - 1] = stripAnsi(text);
  return rows;
}

Deno.test("painted: Ink draws nothing; the screen holds the rows Ink's renderer draws", async () => {
  const painter = new Recorded();
  const viaInk = renderSized(dashboardApp(defaultSession()).app, COLS, ROWS);
  const painted = renderSized(dashboardApp(defaultSession(), { painter }).app, COLS, ROWS);
  try {
    const expected = (await stableFrame(viaInk)).split("\n").map((l) => l.trimEnd());
    assert.equal(await until(() => painter.writes.length > 0), true);
    assert.ok(painted.stdout.frames.every((f) => stripAnsi(f).trim() === ""), "Ink writes no text");
    const screen = screenOf(painter.writes).map((l) => l.trimEnd());
    assert.deepEqual(screen, expected.concat(Array(ROWS - expected.length).fill("")));
  } finally {
    viaInk.unmount();
    painted.unmount();
  }
});

Deno.test("painted: a tick rewrites only the rows it changed; an idle change writes nothing", async () => {
  const painter = new Recorded();
  const session = defaultSession();
  const { app, port } = dashboardApp(session, { painter, paused: false, speed: 10 });
  const ui = renderSized(app, COLS, ROWS);
  try {
    assert.equal(await until(() => painter.writes.length > 0), true);
    assert.equal(addressed(painter.writes[0]).length, ROWS, "the first paint: every row");
    port.advance(0);
    port.advance(300); // a few ticks at 10 t/s
    assert.equal(await until(() => painter.writes.length > 1), true);
    const rows = addressed(painter.writes.at(-1)!);
    assert.ok(rows.includes(1), "the header (tick count) is rewritten");
    assert.ok(rows.length < ROWS / 2, `a tick rewrites few rows, not all: ${rows.join(",")}`);
    const writes = painter.writes.length, paints = painter.paints;
    await press(ui.stdin, "z"); // no key binding: the view is redrawn, nothing on screen changes
    assert.equal(painter.paints, paints + 1, "the key press was painted");
    assert.equal(painter.writes.length, writes, "an unchanged frame is not written");
    ui.unmount();
    port.advance(300); // updates after the dashboard closed
    await until(() => false, 50);
    assert.equal(painter.paints > paints + 1, true, "the late updates reached the painter");
    assert.equal(painter.writes.length, writes, "nothing is painted after unmounting");
  } finally {
    ui.unmount();
  }
});
