/** The panel descriptor list drives the layout, Tab's order and the help overlay. */
import assert from "node:assert/strict";
import { FOCUS_ORDER, GROWTH, panelColumn, PANELS } from "../../tui/panel_list.ts";
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
