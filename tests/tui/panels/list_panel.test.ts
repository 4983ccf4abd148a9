/** The one list panel: windows that keep a row in view, markers where rows are hidden. */
import assert from "node:assert/strict";
import { listPanel, listWindow } from "../../../tui/panels/list_panel.ts";
import { plain, seg } from "../../../tui/line.ts";
import type { Column } from "../../../tui/table.ts";

Deno.test("listWindow: everything when it fits, else the kept row in view with markers", () => {
  assert.deepEqual(listWindow(3, 5, 0), { start: 0, end: 3, above: 0, below: 0 });
  assert.deepEqual(listWindow(10, 4, 0), { start: 0, end: 3, above: 0, below: 7 });
  assert.deepEqual(listWindow(10, 4, 9), { start: 7, end: 10, above: 7, below: 0 });
  // In the middle: two markers, two rows.
  assert.deepEqual(listWindow(10, 4, 5), { start: 4, end: 6, above: 4, below: 4 });
  assert.deepEqual(listWindow(10, 1, 5), { start: 0, end: 0, above: 0, below: 10 });
  for (let n = 1; n < 30; n++) {
    for (let h = 1; h < 12; h++) {
      for (let k = 0; k < n; k++) {
        const w = listWindow(n, h, k);
        const lines = w.end - w.start + (w.above ? 1 : 0) + (w.below ? 1 : 0);
        assert.ok(lines <= h, `n=${n} h=${h} k=${k}: ${lines} lines`);
        assert.equal(w.above + (w.end - w.start) + w.below, n, "every row drawn or counted");
        if (h >= 3) assert.ok(k >= w.start && k < w.end, `n=${n} h=${h}: row ${k} in view`);
      }
    }
  }
});

const COLS: Column<number>[] = [
  { header: "n", width: 4, align: "right", priority: 9, cell: (x) => String(x) },
];
const items = Array.from({ length: 20 }, (_, i) => i);

Deno.test("a table list: title, header, selected row marked, markers above and below", () => {
  const lines = listPanel(
    {
      title: "T",
      info: [seg("info")],
      focused: true,
      items,
      columns: COLS,
      empty: "none",
      selected: 10,
    },
    40,
    8,
  ).map(plain);
  assert.equal(lines.length, 8);
  assert.match(lines[0], /T.*info/);
  assert.match(lines[1], /^\s+n/);
  assert.match(lines[2], /… \d+ more above/);
  assert.match(lines.at(-1)!, /… \d+ more below/);
  assert.ok(lines.some((l) => /^› +10$/.test(l)), "the selected row is in view and marked");
});

Deno.test("a free-form list follows its end, scrolled up by fromEnd; empty says so", () => {
  const base = {
    title: "E",
    info: [],
    focused: false,
    items,
    row: (x: number) => [seg(`row ${x}`)],
    empty: "none",
  };
  const end = listPanel(base, 40, 5).map(plain);
  assert.deepEqual(end.slice(1), ["  … 17 more above (↑↓ scrolls)", "row 17", "row 18", "row 19"]);
  const up = listPanel({ ...base, fromEnd: 5 }, 40, 5).map(plain);
  assert.match(up.at(-1)!, /… 5 more below/);
  assert.ok(up.includes("row 14"));
  const empty = listPanel({ ...base, items: [] }, 40, 5).map(plain);
  assert.equal(empty.length, 2);
  assert.match(empty[0], /E/);
  assert.equal(empty[1], "  none");
});
