/**
 * The events panel: new events shown at the bottom as they come, unless the
 * user scrolled up (then `↓ N new`); repeats folded; `f` filters (the log
 * itself: tests/tui/event_log.test.ts).
 */
import assert from "node:assert/strict";
import { controllerFor, defaultSession, KEYS, type } from "../helpers.tsx";
import { eventGroups, UiEventLog } from "../../../tui/event_log.ts";
import { events } from "../../../tui/panels/events.ts";
import { plain } from "../../../tui/line.ts";
import type { SimEvent } from "../../../src/snapshot.ts";

const panel = (v: Parameters<typeof events>[0], h = 8) => events(v, 120, h).map(plain);

Deno.test("new events show at the bottom; scrolled up, the view stays and says ↓ N new", async () => {
  const session = defaultSession();
  const { ctl, port } = controllerFor(session);
  await type(ctl, port, "m");
  assert.match(panel(ctl.view).at(-1)!, /mount fs1/);
  await type(ctl, port, KEYS.tab + KEYS.tab); // focus Events
  await type(ctl, port, KEYS.up + KEYS.up);
  const before = panel(ctl.view);
  await type(ctl, port, "mm");
  const after = panel(ctl.view);
  const rows = (p: string[]) => p.slice(1).filter((r) => !/… \d+ more/.test(r));
  const below = (p: string[]) => Number(p.at(-1)!.match(/… (\d+) more below/)?.[1]);
  assert.deepEqual(rows(after), rows(before), "the rows shown did not move");
  assert.equal(below(after), below(before) + 2, "the hidden newer rows are counted below");
  assert.match(after[0], /↓ 2 new/);
  await type(ctl, port, KEYS.down + KEYS.down + KEYS.down + KEYS.down);
  assert.doesNotMatch(panel(ctl.view)[0], /↓ \d+ new/);
  assert.match(panel(ctl.view).at(-1)!, /mount fs3/);
});

Deno.test("repeated events fold into one row with a count; f filters by kind", async () => {
  const log = new UiEventLog();
  const evs: SimEvent[] = [{ tick: 1, kind: "mount", text: "mount a", seq: 0 }];
  for (let i = 0; i < 765; i++) {
    evs.push({ tick: 2, kind: "error", text: `STALE (override): get a 1 ${i}`, seq: i + 1 });
  }
  evs.push({ tick: 3, kind: "umount", text: "umount a", seq: 766 });
  log.take([evs[0]]);
  log.take(evs.toReversed().slice(0, 200)); // a snapshot carries the newest 200
  assert.equal(log.missed, 566, "events that never reached a snapshot are counted");
  const groups = eventGroups(log.events, null);
  assert.deepEqual(groups.map((g) => g.count), [1, 199, 1]);

  const session = defaultSession();
  const { ctl, port } = controllerFor(session);
  ctl.view.events.take(evs.map((e) => ({ ...e, seq: e.seq! + 1000 })).toReversed());
  const rows = panel(ctl.view, 12);
  assert.ok(
    rows.some((r) => /STALE \(override\) ×765 \(first: STALE \(override\): get a 1 0\)/.test(r)),
  );
  await type(ctl, port, "f");
  assert.match(panel(ctl.view)[0], /filter: mount/);
  assert.ok(panel(ctl.view).slice(1).every((r) => r.trim() === "" || /mount/.test(r)));
});
