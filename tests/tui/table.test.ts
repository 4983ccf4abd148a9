/** tui/table.ts: columns fitted to a width by priority, the flexible one stretched; header and rows. */
import assert from "node:assert/strict";
import { type Column, fitColumns, headerLine, rowLine } from "../../tui/table.ts";
import { lineWidth, plain } from "../../tui/line.ts";

type Row = { name: string; n: number };

const COLS: Column<Row>[] = [
  { header: "name", width: 6, flex: true, priority: 10, cell: (r) => r.name },
  { header: "pages", width: 6, align: "right", priority: 8, cell: (r) => String(r.n) },
  { header: "puts", width: 5, align: "right", priority: 3, cell: (r) => String(r.n * 2) },
  { header: "hits", width: 5, align: "right", priority: 5, cell: (r) => String(r.n * 3) },
  { header: "misc", width: 4, cell: () => "x" },
];
/** Width the columns take: their widths and one space between each two. */
const widthOf = (cs: Column<Row>[]) => cs.reduce((n, c) => n + c.width, 0) + cs.length - 1;

Deno.test("fitColumns: the lowest priority goes first, then the next, until the columns fit", () => {
  const full = widthOf(COLS); // 6+6+5+5+4 + 4 = 30
  assert.equal(full, 30);
  const headers = (w: number) => fitColumns(COLS, w).map((c) => c.header);
  assert.deepEqual(headers(30), ["name", "pages", "puts", "hits", "misc"]);
  assert.deepEqual(headers(29), ["name", "pages", "puts", "hits"], "misc (priority 0) first");
  assert.deepEqual(headers(25), ["name", "pages", "puts", "hits"]);
  assert.deepEqual(headers(24), ["name", "pages", "hits"], "then puts (3)");
  assert.deepEqual(headers(19), ["name", "pages", "hits"]);
  assert.deepEqual(headers(18), ["name", "pages"], "then hits (5)");
  assert.deepEqual(headers(12), ["name"], "then pages (8)");
  assert.deepEqual(headers(3), ["name"], "the last column stays even when too wide");
});

Deno.test("fitColumns: among equal priorities the rightmost goes first; the order is kept", () => {
  const cols: Column<Row>[] = ["a", "b", "c", "d"].map((h) => ({
    header: h,
    width: 3,
    cell: () => h,
  }));
  assert.deepEqual(fitColumns(cols, 11).map((c) => c.header), ["a", "b", "c"]);
  assert.deepEqual(fitColumns(cols, 7).map((c) => c.header), ["a", "b"]);
});

Deno.test("fitColumns: spare width goes to the flexible column (up to 16), then up to 4 to each", () => {
  const fitted = (w: number) => fitColumns(COLS, w).map((c) => c.width);
  assert.deepEqual(fitted(30), [6, 6, 5, 5, 4]);
  assert.deepEqual(fitted(40), [16, 6, 5, 5, 4], "10 spare to the flexible column");
  assert.deepEqual(fitted(46), [22, 6, 5, 5, 4], "16 at most");
  assert.deepEqual(fitted(56), [24, 8, 7, 7, 6], "then 10 spare: 2 to each of 5");
  assert.deepEqual(fitted(200), [26, 10, 9, 9, 8], "4 at most to each");
  for (const w of [30, 33, 40, 46, 51, 56, 70]) {
    assert.ok(widthOf(fitColumns(COLS, w)) <= w, `never wider than ${w}`);
  }
  for (const w of [30, 40, 46]) assert.equal(widthOf(fitColumns(COLS, w)), w, `exactly ${w}`);
});

Deno.test("header and rows: cells padded to their columns, right-aligned ones on the right, clipped with …", () => {
  const cols = fitColumns(COLS, 30);
  const head = headerLine(cols);
  assert.equal(plain(head), "name    pages  puts  hits misc");
  assert.deepEqual(
    { dim: head[0].dim, bold: head[0].bold },
    { dim: true, bold: true },
    "the header is dim and bold",
  );
  const row = rowLine(cols, { name: "a-very-long-name", n: 42 });
  assert.equal(plain(row), "a-ver…     42    84   126 x   ");
  assert.equal(lineWidth(row), 30);
});

Deno.test("rows: a cell's own style, then the row style over it (selection)", () => {
  const cols: Column<Row>[] = [
    { header: "name", width: 4, cell: (r) => ({ text: r.name, style: { color: "red" } }) },
    { header: "n", width: 2, align: "right", cell: (r) => String(r.n) },
  ];
  const plainRow = rowLine(cols, { name: "ab", n: 1 });
  assert.deepEqual(plainRow.map((s) => [s.text, s.color ?? null, s.inverse ?? false]), [
    ["ab  ", "red", false],
    [" ", null, false],
    [" 1", null, false],
  ]);
  const selected = rowLine(cols, { name: "ab", n: 1 }, { inverse: true });
  assert.ok(selected.every((s) => s.inverse), "the separators too");
  assert.equal(selected[0].color, "red");
});
