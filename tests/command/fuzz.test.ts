import assert from "node:assert/strict";
import fc from "fast-check";
import { Simulation } from "../../src/simulation.ts";
import { CommandSession, statsOf } from "../../src/command/mod.ts";

/** Lines that are mostly plausible commands, some wrong, some garbage. */
const lineArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "mount a",
      "mount b shared=u1",
      "mount c shared=u1",
      "umount a",
      "umount b",
      "swapon 0 slots=16",
      "swapon 1 slots=8",
      "swapoff 0",
      "register zcache limit=3",
      "register ram",
      "register zcache writeback=off limit=2",
      "unregister",
      "regime fake-poolid",
      "regime eager",
      "seed 4",
      "run 1",
      "workload start pagecache rate=5 cache=4 files=2 pages=4",
      "workload start swap rate=5 ram=4 procs=2 size=8",
      "workload start churn every=1 slots=8",
      "workload stop all",
      "workload stop swap",
      "stats",
      "audit",
    ),
  },
  {
    weight: 6,
    arbitrary: fc.tuple(
      fc.constantFrom("put", "write", "get", "invalidate", "delete"),
      fc.constantFrom("a", "a", "b", "c", "zz"),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom("", " zero", " random", " text", " same"),
    ).map(([c, n, i, x, cls]) =>
      c === "delete"
        ? `${c} ${n} ${i}`
        : c === "get"
        ? `${c} ${n} ${i} ${x}`
        : `${c} ${n} ${i} ${x}${cls}`
    ),
  },
  {
    weight: 6,
    arbitrary: fc.tuple(
      fc.constantFrom("store", "store", "load", "free"),
      fc.integer({ min: 0, max: 1 }),
      fc.integer({ min: 0, max: 20 }),
      fc.constantFrom("", " heap", " random"),
    ).map(([c, t, o, cls]) => (c === "store" ? `${c} ${t} ${o}${cls}` : `${c} ${t} ${o}`)),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

Deno.test("any sequence of lines: execute never throws, errors change nothing, data stays intact", () => {
  let total = 0, executed = 0;
  fc.assert(
    fc.property(
      fc.array(lineArb, { minLength: 10, maxLength: 80, size: "max" }),
      fc.integer({ min: 0, max: 1000 }),
      (lines, seed) => {
        const s = new CommandSession(new Simulation({ seed }));
        for (const l of ["mount a", "mount b shared=u1", "swapon 0 slots=16"]) s.execute(l);
        lines.forEach((line, i) => {
          total++;
          const before = JSON.stringify(statsOf(s.sim.snapshot()));
          const r = s.execute(line, i + 1);
          if (r.ok) executed++;
          assert.equal(r.line, i + 1);
          if (!r.ok) {
            assert.match(r.error!, new RegExp(`^line ${i + 1}: [\\x20-\\x7e]+$`));
            assert.doesNotMatch(r.error!, /internal error/);
            assert.equal(JSON.stringify(statsOf(s.sim.snapshot())), before, `after ${line}`);
          }
        });
        const snap = s.sim.snapshot();
        assert.equal(snap.integrity.stale_reads, 0);
        assert.equal(snap.integrity.lost_pages, 0);
        assert.deepEqual(s.sim.audit(), []);
      },
    ),
    { numRuns: 150 },
  );
  // The generator must exercise the simulation, not only its error paths.
  assert.ok(executed > total / 3, `${executed} of ${total} lines executed`);
});
