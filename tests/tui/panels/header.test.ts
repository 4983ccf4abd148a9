/** tui/panels/header.ts: backend, regime, tick and time, refresh, PAUSED; the lowest parts go first. */
import assert from "node:assert/strict";
import { header } from "../../../tui/panels/header.ts";
import { lineWidth, plain } from "../../../tui/line.ts";
import { viewAfter } from "../../helpers/view.ts";

Deno.test("header: tool, backend (none), regime, tick with simulated time, refresh, speed, PAUSED", () => {
  const v = viewAfter(["mount a", "run 125"]);
  assert.equal(
    plain(header(v)),
    "tmemtop  backend ◌ none  regime deferred  tick 125  (12.5s)  refresh 4 Hz  speed 10 t/s   ‖ PAUSED ",
  );
});

Deno.test("header: the backend with its allocator and compressor; several backends newest first", () => {
  const one = plain(header(viewAfter(["register zswap"])));
  assert.match(one, /backend ● zswap {2}\(zbud, deflate-1\)/);
  const two = plain(header(viewAfter(["register zswap", "register ram"])));
  assert.match(two, /backends ● ram, ● zswap /);
});

Deno.test("header: --once (not interactive) shows no refresh, speed or PAUSED; REC and behind when set", () => {
  const once = plain(header(viewAfter([], { view: { interactive: false } })));
  assert.ok(!/refresh|speed|PAUSED/.test(once), once);
  const rec = plain(
    header(viewAfter([], { view: { record: "run.tmem", behind: 2.5, paused: false } })),
  );
  assert.match(rec, /● REC run\.tmem/);
  assert.match(rec, / behind ×2\.5 /);
  assert.ok(!rec.includes("PAUSED"));
  const onTime = plain(header(viewAfter([], { view: { behind: 1.05 } })));
  assert.ok(!onTime.includes("behind"), "within 10%: not behind");
});

Deno.test("header: on a narrow terminal the lowest-priority parts are left out first", () => {
  const v = viewAfter(["register zswap", "run 3"], { view: { record: "r.tmem" } });
  const full = plain(header(v));
  let prev = full;
  for (let w = lineWidth(header(v)); w >= 20; w--) {
    const line = header(v, w);
    const text = plain(line);
    assert.ok(lineWidth(line) <= w || !text.includes("  "), `${w}: ${text}`);
    // a part never comes back as the width shrinks
    for (const part of text.split("  ")) assert.ok(prev.includes(part.trim()), `${w}: ${part}`);
    prev = text;
  }
  const narrow = plain(header(v, 60));
  assert.ok(narrow.includes("PAUSED") && narrow.includes("zswap") && narrow.includes("regime"));
  assert.ok(!narrow.includes("(zbud"), "the allocator (priority 2) goes first");
  assert.ok(!narrow.includes("speed"), "then the speed (3)");
  const tiny = plain(header(v, 10));
  assert.match(tiny, /PAUSED/, "the last part standing is the highest");
});
