/** tui/register_form.ts: the `r` form: choosing a backend, stepping options, the line it sends. */
import assert from "node:assert/strict";
import {
  type FormBackend,
  formBody,
  formCommand,
  formKey,
  formLines,
  openForm,
} from "../../tui/register_form.ts";
import { press } from "../../tui/input.ts";
import { BACKEND_FORM } from "../../tui/constants.ts";
import { lineWidth, plain } from "../../tui/line.ts";
import { parseLine } from "../../src/command/parse.ts";

const BACKENDS: FormBackend[] = [
  {
    name: "zq",
    description: "a compressing one",
    options: [
      { key: "compressor", type: "enum", values: ["a", "b", "c"], default: "a", help: "which" },
      { key: "limit", type: "int", min: 0, max: 1000, default: 0, help: "frames" },
      { key: "level", type: "int", min: 1, max: 9, default: 1, help: "level" },
      { key: "writeback", type: "bool", default: true, help: "write back" },
      { key: "ram", type: "int", min: 1, max: 50, default: null, help: "no default" },
    ],
  },
  { name: "plain", description: "no options", options: [] },
];

const KEYS = {
  up: press("", { upArrow: true }),
  down: press("", { downArrow: true }),
  left: press("", { leftArrow: true }),
  right: press("", { rightArrow: true }),
  pgUp: press("", { pageUp: true }),
  pgDn: press("", { pageDown: true }),
  tab: press("", { tab: true }),
  enter: press("", { return: true }),
  esc: press("", { escape: true }),
};

Deno.test("open: the first backend, its row, no values; or the last choice kept (a copy)", () => {
  const f = openForm(BACKENDS);
  assert.deepEqual([f.index, f.row, f.values], [0, 0, {}]);
  assert.equal(formCommand(f), "register zq");
  const last = { index: 1, values: { zq: { limit: 64 } } };
  const g = openForm(BACKENDS, last);
  assert.equal(g.index, 1);
  g.values.zq.limit = 128;
  assert.equal(last.values.zq.limit, 64, "the kept choice is not changed by the form");
  assert.equal(openForm(BACKENDS, { index: 9, values: {} }).index, 1, "an index past the list");
});

Deno.test("keys: ←→ on the backend row choose the backend (wrapping); ↑↓/Tab move between rows", () => {
  const f = openForm(BACKENDS);
  formKey(f, KEYS.right);
  assert.equal(f.index, 1);
  formKey(f, KEYS.right);
  assert.equal(f.index, 0, "wraps");
  formKey(f, KEYS.left);
  assert.equal(f.index, 1);
  formKey(f, KEYS.down);
  assert.equal(f.row, 0, "the backend without options has no option row");
  formKey(f, KEYS.left);
  formKey(f, KEYS.tab);
  formKey(f, KEYS.down);
  assert.equal(f.row, 2);
  for (let i = 0; i < 10; i++) formKey(f, KEYS.down);
  assert.equal(f.row, 5, "stops at the last option");
  for (let i = 0; i < 10; i++) formKey(f, KEYS.up);
  assert.equal(f.row, 0, "stops at the backend row");
});

Deno.test("stepping options: enums cycle, ints within min..max (64 a step past a max of 100), bools flip", () => {
  const f = openForm(BACKENDS);
  const at = (row: number) => void (f.row = row);
  at(1);
  formKey(f, KEYS.left);
  assert.equal(formCommand(f), "register zq compressor=c", "cycles backwards");
  formKey(f, KEYS.right);
  formKey(f, KEYS.right);
  assert.equal(f.values.zq.compressor, "b");
  at(2);
  formKey(f, KEYS.right);
  assert.equal(f.values.zq.limit, 64, "large ranges step by 64");
  formKey(f, KEYS.pgUp);
  assert.equal(f.values.zq.limit, 704, "PgUp: ten steps");
  formKey(f, KEYS.pgUp);
  assert.equal(f.values.zq.limit, 1000, "clamped at max");
  formKey(f, KEYS.pgDn);
  formKey(f, KEYS.pgDn);
  assert.equal(f.values.zq.limit, 0, "clamped at min");
  at(3);
  formKey(f, KEYS.left);
  assert.equal(f.values.zq.level, 1, "already at min");
  formKey(f, KEYS.right);
  assert.equal(f.values.zq.level, 2);
  at(4);
  formKey(f, KEYS.right);
  assert.equal(f.values.zq.writeback, false);
  at(5);
  formKey(f, KEYS.right);
  assert.equal(f.values.zq.ram, 2, "no default: from the minimum");
  // only options that differ from their defaults are written; booleans as on/off
  assert.equal(formCommand(f), "register zq compressor=b level=2 writeback=off ram=2");
});

Deno.test("Enter sends the line, Esc and q cancel, other keys send nothing", () => {
  const f = openForm(BACKENDS);
  assert.deepEqual(formKey(f, KEYS.enter), { line: "register zq" });
  assert.equal(formKey(f, KEYS.esc), "cancel");
  assert.equal(formKey(f, press("q")), "cancel");
  assert.equal(formKey(f, press("x")), undefined);
});

Deno.test("every line the form can send for the real backends is accepted by the parser", () => {
  for (let index = 0; index < BACKEND_FORM.length; index++) {
    const f = openForm(BACKEND_FORM, { index, values: {} });
    const b = BACKEND_FORM[index];
    for (let row = 1; row <= b.options.length; row++) {
      f.row = row;
      for (const k of [KEYS.right, KEYS.right, KEYS.pgUp, KEYS.left]) {
        formKey(f, k);
        const line = formCommand(f);
        const r = parseLine(line);
        assert.ok(r.ok && r.command, `${line}: ${r.ok ? "" : r.error}`);
      }
    }
  }
});

Deno.test("lines: backends with the chosen one marked, its options with values and ranges, the footer", () => {
  const f = openForm(BACKENDS);
  f.row = 2;
  formKey(f, KEYS.right);
  const text = formLines(f).map(plain);
  assert.match(text[0], /^• zq +a compressing one$/);
  assert.match(text[1], /^ {2}plain +no options$/);
  assert.equal(text[3], "zq options (←→ change, ↑↓ move)");
  assert.match(text[5], /^› limit +◂ 64 ▸ +0\.\.1000 {2}frames$/);
  assert.match(text[4], /^ {2}compressor +◂ a ▸ +a\|b\|c {2}which$/);
  assert.match(text[8], /◂ default ▸/, "an option without a default says so");
  assert.deepEqual(text.slice(-2), [
    "Enter sends: register zq limit=64",
    "Esc cancels; the last choice is kept for the next r",
  ]);
});

Deno.test("body: at most h rows of at most w cells, the footer always there, the chosen row in view", () => {
  const f = openForm(BACKEND_FORM, {
    index: BACKEND_FORM.findIndex((b) => b.name === "zswap"),
    values: {},
  });
  const n = BACKEND_FORM[f.index].options.length;
  f.row = n; // the last option
  for (const [w, h] of [[60, 12], [40, 9], [100, 40]]) {
    const body = formBody(f, w, h);
    assert.ok(body.length <= h, `${w}x${h}: ${body.length} rows`);
    for (const l of body) assert.ok(lineWidth(l) <= w, `${w}x${h}: ${plain(l)}`);
    const text = body.map(plain).join("\n");
    assert.ok(text.includes("Esc cancels"), `${w}x${h}: footer`);
    assert.ok(body.some((l) => plain(l).startsWith("› ")), `${w}x${h}: the chosen row shown`);
  }
  const small = formBody(f, 60, 12).map(plain);
  assert.ok(small.some((l) => /more above/.test(l)), "hidden rows are announced");
});
