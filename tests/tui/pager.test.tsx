/**
 * The pager overlay, through ink's fake terminal: `:stats` at 80x24 scrolls
 * instead of cutting, PgDn/End/Home move, `/` searches and `n` finds the next
 * match, long lines wrap, `:compare` marks the rows that differ, `?` at 80x24
 * reaches its legend.
 */
import assert from "node:assert/strict";
import {
  controllerFor,
  dashboardApp,
  defaultSession,
  frameMatching,
  KEYS,
  press,
  renderSized,
  settle,
  type,
} from "./helpers.tsx";
import { pagerBox, pagerKey, SIDE_STEP, textPager, wrap } from "../../tui/pager.ts";
import { NO_KEY } from "../../tui/input.ts";
import { createSession } from "../../src/command/mod.ts";
import { DEFAULT_SCENARIO } from "../../src/scenario/default.ts";
import { lineWidth, seg } from "../../tui/line.ts";

const body = (f: string) => f.split("\n").filter((l) => l.includes("│"));

Deno.test("a long output scrolls in the pager: nothing cut, every row reachable", async () => {
  const session = defaultSession();
  const { app } = dashboardApp(session);
  const ui = renderSized(app, 80, 24);
  try {
    await press(ui.stdin, ":stats\r");
    let f = await frameMatching(ui, /rows 1-/);
    assert.match(f, /┌─ stats/);
    const m = /rows 1-(\d+) of (\d+)/.exec(f);
    assert.ok(m, "the pager says which rows it shows");
    const total = Number(m[2]);
    assert.ok(total > Number(m[1]), "more rows than fit");
    await press(ui.stdin, KEYS.end);
    f = await frameMatching(ui, new RegExp(`rows \\d+-${total} of ${total}`));
    assert.match(f, new RegExp(`rows \\d+-${total} of ${total}`));
    await press(ui.stdin, KEYS.home);
    assert.match(await frameMatching(ui, /rows 1-/), /rows 1-/);
    await press(ui.stdin, KEYS.pageDown);
    assert.match(await frameMatching(ui, /rows [2-9]/), /rows [2-9]/, "PgDn moved down");
    // Search: / integrity Enter jumps to a row holding it, marked ◀.
    await press(ui.stdin, KEYS.escape);
    await press(ui.stdin, ":stats\r", "/", "lost_pages", KEYS.enter);
    f = await frameMatching(ui, /lost_pag.*◀/);
    assert.ok(body(f).some((l) => l.includes("integrity:") && l.includes("◀")), f);
    await press(ui.stdin, "q");
    assert.doesNotMatch(await frameMatching(ui, /^(?![\s\S]*┌─ stats)/), /┌─ stats/);
  } finally {
    ui.unmount();
  }
});

Deno.test("? at 80x24 reaches the legend at the end of the help", async () => {
  const ui = renderSized(dashboardApp(defaultSession()).app, 80, 24);
  try {
    await press(ui.stdin, "?");
    assert.doesNotMatch(ui.frame(), /shared filesystem/);
    await press(ui.stdin, KEYS.end);
    assert.match(await frameMatching(ui, /shared filesystem/), /shared filesystem/);
  } finally {
    ui.unmount();
  }
});

Deno.test("long lines wrap (no cell lost) and compare rows that differ are marked", () => {
  const long = [seg("x".repeat(50)), seg("y".repeat(30))];
  const rows = wrap(long, 32);
  assert.equal(rows.length, 3);
  // Every cell kept, in order (continuation rows start with a 2-cell hanging indent).
  const cells = (r: typeof long) => r.map((x) => x.text).join("");
  assert.equal(rows.map((r, i) => (i ? cells(r).slice(2) : cells(r))).join(""), cells(long));
  assert.ok(rows.every((r) => lineWidth(r) <= 32));
  // Text wraps at spaces, words whole, continuation rows indented under the text.
  const words =
    "  zcache  staging zcache (3.7-3.11): cleancache and frontswap, its own zbud, private pools";
  const wrapped = wrap([seg(words)], 30).map((r) => r.map((x) => x.text).join(""));
  assert.ok(
    wrapped.length > 1 && wrapped.every((r) => lineWidth([seg(r)]) <= 30),
    wrapped.join("|"),
  );
  assert.ok(wrapped.slice(1).every((r) => r.startsWith("    ") && r[4] !== " "), wrapped.join("|"));
  assert.deepEqual(
    wrapped.join(" ").split(/\s+/).filter(Boolean),
    words.split(/\s+/).filter(Boolean),
  );
  const p = textPager("compare", [
    "counter      eager  fake-poolid  deferred",
    "tick            20           20        20",
    "cleancache.pools  1            2         2",
  ]);
  const text = p.lines.map((l) => l.map((s) => s.text).join(""));
  assert.match(text[1], /^ {2}tick/);
  assert.match(text[2], /^≠ cleancache\.pools/);
});

Deno.test("the compare table scrolls sideways (←→) instead of wrapping; → marks cut rows", () => {
  const head = "counter" + " ".repeat(50) + "eager  fake-poolid  deferred";
  const p = textPager("compare", [
    head,
    "cleancache.pools" + " ".repeat(41) + "  0            1         1",
  ]);
  assert.equal(p.table, true);
  assert.equal(p.differ, 1);
  const text = (cols: number) =>
    pagerBox(p, cols, 24).body.map((l) => l.map((s) => s.text).join(""));
  let shown = text(60);
  assert.equal(shown.filter((l) => l.includes("counter")).length, 1, "one row per line");
  assert.match(shown[0], /→$/, "the row goes on to the right");
  assert.match(shown[shown.length - 1], /cols 1-50 of \d+ ←→/);
  pagerKey(p, { input: "", key: { ...NO_KEY, rightArrow: true } }, 60, 24);
  assert.equal(p.left, SIDE_STEP);
  shown = text(60);
  assert.match(shown[1], /^≠ cleancache\.pools/, "the row names stay while the values scroll");
  assert.match(shown[shown.length - 1], /cols 1-19 \+ 28-58 of \d+ ←→/);
  for (let i = 0; i < 20; i++) {
    pagerKey(p, { input: "", key: { ...NO_KEY, rightArrow: true } }, 60, 24);
  }
  shown = text(60);
  assert.match(shown[0], /deferred\s*$/, "the last column reached, no further");
  assert.doesNotMatch(shown[0], /→$/);
  const maxLeft = p.left!;
  pagerKey(p, { input: "", key: { ...NO_KEY, leftArrow: true } }, 60, 24);
  assert.equal(p.left, maxLeft - SIDE_STEP, "← moved back");
});

Deno.test(":compare says in the footer how many rows differ and that the pager is open", async () => {
  // A session with the regime comparison plugged in (createSession's).
  const session = createSession({ simulation: { seed: 7 } });
  for (const line of DEFAULT_SCENARIO) session.execute(line);
  const { ctl, port } = controllerFor(session);
  await type(ctl, port, ":register zcache\r");
  await type(ctl, port, ":compare\r");
  for (let i = 0; i < 10 && !ctl.view.overlay; i++) await settle(port);
  assert.equal(ctl.view.overlay?.kind, "pager");
  assert.match(ctl.view.status!.text, /^compare: 3 regimes, \d+ rows? differ — pager open/);
  await type(ctl, port, KEYS.escape);
  assert.equal(ctl.view.overlay, null);
  assert.match(ctl.view.status!.text, /^compare: 3 regimes, \d+ rows? differ$/, "no longer open");
});
