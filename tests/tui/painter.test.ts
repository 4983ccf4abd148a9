/**
 * The frame painter: the first frame writes every row at its address; then
 * only the rows that changed; an unchanged frame writes nothing; a resize (or
 * `invalidate`) repaints everything; rows that disappear are erased; every
 * write is one synchronized update with auto-wrap off, styles reset at its end.
 */
import assert from "node:assert/strict";
import { FramePainter } from "../../tui/painter.ts";
import { addressed, rowsWritten } from "../helpers/painted.ts";

const rowText = (chunk: string, r: number) => rowsWritten(chunk).get(r);

function recorder() {
  const writes: string[] = [];
  return { writes, out: { write: (s: string) => writes.push(s) } };
}

const frame = (n: number, tag = "") => Array.from({ length: n }, (_, i) => `row ${i}${tag}`);

Deno.test("the first frame writes every row at its row, in one synchronized write", () => {
  const { writes, out } = recorder();
  const p = new FramePainter(out);
  const rows = frame(4);
  const chunk = p.paint(rows, 20, 4);
  assert.equal(writes.length, 1);
  assert.equal(writes[0], chunk);
  assert.deepEqual(addressed(chunk), [1, 2, 3, 4]);
  for (let i = 0; i < 4; i++) assert.equal(rowText(chunk, i + 1), rows[i]);
  assert.ok(chunk.startsWith("\x1b[?2026h\x1b[?7l"), "synchronized, auto-wrap off");
  assert.ok(chunk.endsWith("\x1b[0m\x1b[?7h\x1b[?2026l"), "styles reset, auto-wrap back on");
  assert.ok(!chunk.includes("\x1b[J"), "a frame as tall as the terminal erases nothing below");
});

Deno.test("an unchanged frame writes nothing", () => {
  const { writes, out } = recorder();
  const p = new FramePainter(out);
  p.paint(frame(5), 30, 5);
  assert.equal(p.paint(frame(5), 30, 5), "");
  assert.equal(writes.length, 1);
});

Deno.test("only the rows that changed are written, each at its own row", () => {
  const { writes, out } = recorder();
  const p = new FramePainter(out);
  const rows = frame(6);
  p.paint(rows, 30, 6);
  const next = rows.slice();
  next[1] = "\x1b[32mrow 1 green\x1b[0m";
  next[4] = "row 4 changed";
  const chunk = p.paint(next, 30, 6);
  assert.equal(writes.length, 2);
  assert.deepEqual(addressed(chunk), [2, 5]);
  assert.equal(rowText(chunk, 2), next[1]);
  assert.equal(rowText(chunk, 5), next[4]);
});

Deno.test("rows that disappear are erased; a resize or invalidate repaints every row", () => {
  const { out } = recorder();
  const p = new FramePainter(out);
  p.paint(frame(5), 30, 5);
  const shorter = p.paint(frame(3), 30, 5);
  assert.deepEqual(addressed(shorter), [4, 5]);
  assert.equal(rowText(shorter, 4), "");
  assert.equal(rowText(shorter, 5), "");

  const resized = p.paint(frame(3), 40, 6);
  assert.deepEqual(addressed(resized), [1, 2, 3, 4], "every row, then erase below the frame");
  assert.ok(resized.includes("\x1b[4;1H\x1b[J"));

  p.invalidate();
  assert.deepEqual(addressed(p.paint(frame(3), 40, 6)), [1, 2, 3, 4]);
});

Deno.test("once stopped, a paint writes nothing (the dashboard is closing)", () => {
  const { writes, out } = recorder();
  const p = new FramePainter(out);
  p.paint(frame(3), 30, 3);
  p.stop();
  assert.equal(p.paint(frame(3, " changed"), 30, 3), "");
  p.invalidate();
  assert.equal(p.paint(frame(3), 30, 3), "");
  assert.equal(writes.length, 1);
});
