/** tui/panels/footer.ts: the command line when open, else progress or status, then key hints that fit. */
import assert from "node:assert/strict";
import { footer } from "../../../tui/panels/footer.ts";
import { footerHints } from "../../../tui/keymap.ts";
import { lineWidth, plain } from "../../../tui/line.ts";
import { viewAfter } from "../../helpers/view.ts";

Deno.test("footer: the open command line with a cursor, its error in place of the hint", () => {
  const open = footer(viewAfter([], { view: { cmdline: { text: "mount a", hist: 0 } } }), 100);
  assert.equal(plain(open), ":mount a█   Enter runs · Esc closes · ↑↓ history");
  const err = footer(
    viewAfter([], { view: { cmdline: { text: "frob", hist: 0, error: "unknown command" } } }),
    100,
  );
  assert.equal(plain(err), ":frob█   ✗ unknown command");
  assert.equal(err.at(-1)!.color, "red");
});

Deno.test("footer: key hints in keymap order, as many as fit the width", () => {
  const hints = footerHints();
  assert.ok(hints.length > 3);
  const v = viewAfter([]);
  const wide = plain(footer(v, 1000));
  assert.equal(wide, hints.map((h) => `${h.keys} ${h.hint}  `).join(""));
  for (const w of [20, 40, 80, 120]) {
    const line = footer(v, w);
    assert.ok(lineWidth(line) <= w, `${w}`);
    const shown = plain(line);
    // whole hints only, from the first on
    const n = hints.findIndex((h) => !shown.includes(`${h.keys} ${h.hint}`));
    assert.ok(n === -1 || hints.slice(n).every((h) => !shown.includes(`${h.keys} ${h.hint}`)));
  }
});

Deno.test("footer: the last status (✓ or ✗ in red) before the hints", () => {
  const ok = plain(
    footer(viewAfter([], { view: { status: { text: "mounted a", error: false } } }), 200),
  );
  assert.ok(ok.startsWith("✓ mounted a │ "), ok);
  const bad = footer(viewAfter([], { view: { status: { text: "no such fs", error: true } } }), 200);
  assert.ok(plain(bad).startsWith("✗ no such fs │ "));
  assert.equal(bad[1].color, "red");
});

Deno.test("footer: a long command's progress as a 20-cell bar with percent and ticks, Esc cancels", () => {
  const v = viewAfter([], {
    view: { progress: { line: "run 1000", done: 250, total: 1000 } },
  });
  const text = plain(footer(v, 200));
  assert.ok(
    text.startsWith("⧗ run 1000 █████░░░░░░░░░░░░░░░ 25% (250/1000 ticks) Esc cancels │ "),
    text,
  );
  const none = plain(
    footer(viewAfter([], { view: { progress: { line: "run 0", done: 0, total: 0 } } }), 200),
  );
  assert.ok(none.includes("░".repeat(20) + " 0% (0/0 ticks)"), none);
});
