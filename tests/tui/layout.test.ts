/** tui/layout.ts: the minimum terminal, the middle band's split, and growRows handing out rows. */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  growRows,
  MIDDLE_SEP,
  middleSplit,
  MIN_COLS,
  MIN_ROWS,
  tooSmall,
} from "../../tui/layout.ts";
import { COUNTERS_MIN_W } from "../../tui/panels/counters.ts";

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

Deno.test("growRows: the @example", () => {
  const rows = growRows([{ id: "a", min: 1, want: 9 }], [{ id: "a", to: (w) => w }], 5, "a");
  assert.deepEqual([...rows], [["a", 5]]);
});

Deno.test("growRows: rows sum exactly to the body, every panel at least its minimum, steps capped", () => {
  const ids = ["a", "b", "c", "d"] as const;
  fc.assert(
    fc.property(
      fc.array(fc.record({ min: fc.nat(5), want: fc.nat(30) }), { minLength: 4, maxLength: 4 }),
      fc.array(
        fc.record({ id: fc.constantFrom(...ids), cap: fc.nat(40), atLeast: fc.nat(8) }),
        { maxLength: 6 },
      ),
      fc.nat(80),
      fc.constantFrom(...ids),
      (sizes, stepDefs, extra, rest) => {
        const panels = ids.map((id, i) => ({ id, ...sizes[i] }));
        const mins = panels.reduce((n, p) => n + p.min, 0);
        const body = mins + extra;
        const steps = stepDefs.map((s) => ({
          id: s.id,
          to: (want: number) => Math.min(want, s.cap),
          atLeast: s.atLeast,
        }));
        const rows = growRows(panels, steps, body, rest);
        let sum = 0;
        for (const p of panels) {
          const r = rows.get(p.id)!;
          assert.ok(r >= p.min, `${p.id} below its minimum`);
          sum += r;
        }
        assert.equal(sum, body, "exactly the body");
        // a panel other than `rest` never grows past what a step allowed
        for (const p of panels) {
          if (p.id === rest) continue;
          const caps = stepDefs.filter((s) => s.id === p.id).map((s) => Math.min(p.want, s.cap));
          assert.ok(rows.get(p.id)! <= Math.max(p.min, ...caps), `${p.id} grew past its steps`);
        }
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("growRows: the body passed to `to`; a step for an unknown panel is ignored", () => {
  const seen: number[] = [];
  const rows = growRows(
    [{ id: "a", min: 0, want: 4 }, { id: "r", min: 0, want: 0 }],
    [{ id: "x" as "a", to: () => 99 }, { id: "a", to: (w, body) => (seen.push(body), w) }],
    10,
    "r",
  );
  assert.deepEqual(seen, [10]);
  assert.deepEqual([...rows], [["a", 4], ["r", 6]]);
});

Deno.test("tooSmall: below 80 columns or 20 rows", () => {
  assert.equal(MIN_COLS, 80);
  assert.equal(MIN_ROWS, 20);
  assert.equal(tooSmall(80, 20), false);
  assert.equal(tooSmall(79, 20), true);
  assert.equal(tooSmall(80, 19), true);
  assert.equal(tooSmall(200, 60), false);
});

Deno.test("middleSplit: half each side of the separator, the counters never below their minimum", () => {
  for (let cols = MIN_COLS; cols <= 300; cols++) {
    const { countersW, compressionW } = middleSplit(cols);
    assert.ok(countersW >= COUNTERS_MIN_W, `${cols}`);
    assert.ok(compressionW >= 0);
    assert.equal(countersW + MIDDLE_SEP.length + compressionW, cols, `${cols}: the full width`);
    if (Math.floor((cols - MIDDLE_SEP.length) / 2) >= COUNTERS_MIN_W) {
      assert.ok(Math.abs(countersW - compressionW) <= 1, `${cols}: halves`);
    }
  }
  assert.deepEqual(middleSplit(0).compressionW, 0, "never negative");
});
