/** tui/help.ts: the help overlay lists every key binding, every panel, and what the symbols mean. */
import assert from "node:assert/strict";
import { helpLines } from "../../tui/help.ts";
import { KEYMAP } from "../../tui/keymap.ts";
import { PANELS } from "../../tui/panel_list.ts";
import { plain } from "../../tui/line.ts";

Deno.test("the help overlay names every panel of the list", () => {
  const help = helpLines().map(plain).join("\n");
  for (const p of PANELS) assert.ok(help.includes(p.name), p.name);
});

Deno.test("help: one row per key binding, keys in a column, then the panels with ▶ on the focusable", () => {
  const rows = helpLines().map(plain);
  const keyW = Math.max(...KEYMAP.map((b) => b.keys.length)) + 2;
  KEYMAP.forEach((b, i) => assert.equal(rows[i], b.keys.padEnd(keyW) + b.description));
  const start = rows.indexOf("Panels, top to bottom (Tab focuses those marked ▶)");
  assert.equal(start, KEYMAP.length + 1);
  PANELS.forEach((p, i) => {
    const row = rows[start + 1 + i];
    assert.ok(row.startsWith(p.focus ? "▶ " : "  "), row);
    assert.ok(row.includes(p.name) && row.endsWith(p.help), row);
  });
});

Deno.test("help: the legend of states and symbols, and how to use the pager", () => {
  const rows = helpLines().map(plain);
  assert.equal(rows.at(-2), "● backed  ◌ pending  ○ uncached / off  ✗ error  * shared filesystem");
  assert.match(rows.at(-1)!, /^in this pager: .*Esc or q closes$/);
  const legend = helpLines().at(-2)!;
  assert.equal(legend[0].color, "green");
  assert.equal(legend[2].color, "yellow");
});
