/** The panel descriptor list drives the layout, Tab's order and the help overlay. */
import assert from "node:assert/strict";
import { FOCUS_ORDER, GROWTH, panelColumn, PANELS } from "../../tui/panel_list.ts";
import { growRows } from "../../tui/layout.ts";
import { helpLines } from "../../tui/help.ts";
import { plain } from "../../tui/line.ts";
import { controllerFor, defaultSession, KEYS, type } from "./helpers.tsx";

Deno.test("Tab's order is the focusable panels of the list, top to bottom", async () => {
  assert.deepEqual(FOCUS_ORDER, PANELS.filter((p) => p.focus).map((p) => p.focus));
  const { ctl, port } = controllerFor(defaultSession());
  const seen = [ctl.view.focus];
  for (let i = 0; i < FOCUS_ORDER.length; i++) {
    await type(ctl, port, KEYS.tab);
    seen.push(ctl.view.focus);
  }
  assert.deepEqual(seen, [...FOCUS_ORDER, FOCUS_ORDER[0]]);
});

Deno.test("the help overlay names every panel of the list", () => {
  const help = helpLines().map(plain).join("\n");
  for (const p of PANELS) assert.ok(help.includes(p.name), p.name);
});

Deno.test("growRows: minimums first, steps in order, the rest to one panel, exact total", () => {
  const panels = [
    { id: "a", min: 2, want: 10 },
    { id: "b", min: 1, want: 3 },
    { id: "r", min: 1, want: 1 },
  ] as const;
  const steps = [{ id: "a", to: (w: number) => Math.min(w, 4) }, {
    id: "b",
    to: (w: number) => w,
  }] as const;
  const rows = growRows(panels, steps, 12, "r");
  assert.deepEqual([...rows], [["a", 4], ["b", 3], ["r", 5]]);
  // Not enough for a step's floor: it grants nothing.
  const floor = growRows(
    [{ id: "h", min: 0, want: 9 }, { id: "r", min: 1, want: 1 }],
    [{
      id: "h",
      to: (w) => w,
      atLeast: 3,
    }],
    3,
    "r",
  );
  assert.deepEqual([...floor], [["h", 0], ["r", 3]]);
});

Deno.test("the panel column is exactly the body's height at every size, each panel in order", async () => {
  const { ctl, port } = controllerFor(defaultSession());
  await type(ctl, port, "mmmmss");
  for (const [w, body] of [[80, 18], [120, 38], [200, 58], [80, 22]]) {
    const lines = panelColumn(ctl.view, w, body).map(plain);
    assert.equal(lines.length, body, `${w}x${body}`);
    const titles = ["Pools", "Swap types", "Pending", "Events"].map((t) =>
      lines.findIndex((l) => l.includes(t))
    );
    assert.ok(
      titles.every((t, i) => t >= 0 && (i === 0 || t > titles[i - 1])),
      `${w}x${body}: ${titles}`,
    );
  }
  assert.ok(GROWTH.every((s) => PANELS.some((p) => p.id === s.id)));
});
