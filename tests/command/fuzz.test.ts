/**
 * Fuzzing the session: random line sequences (mostly plausible commands,
 * some wrong, some garbage) in all three regimes, with every simulation
 * option and every `register` option, never throw, refuse with one
 * printable line that changes nothing, and leave the audit clean.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { createSession, statsOf } from "../../src/command/mod.ts";
import { REGIMES } from "../../src/regime.ts";
import { CONTENT_CLASSES } from "../../src/content.ts";
import { BACKEND_CATALOG, type OptionSpec } from "../../src/backends/catalog.ts";

const onOff = fc.constantFrom("on", "off");

/** A value for one register option of the catalog, mostly valid, sometimes out of range. */
function optionValueArb(spec: OptionSpec): fc.Arbitrary<string> {
  if (spec.type === "enum") return fc.constantFrom(...spec.values!);
  if (spec.type === "bool") return onOff;
  const hi = Math.min(spec.max!, 4096);
  return fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: spec.min!, max: hi }).map(String) },
    { weight: 1, arbitrary: fc.constant(String(spec.max! + 1)) },
  );
}

/** `register` of any backend of the catalog with any subset of its options. */
const registerArb = fc.constantFrom(...BACKEND_CATALOG).chain((entry) =>
  fc.subarray([...entry.options]).chain((specs) =>
    fc.tuple(...specs.map((spec) => optionValueArb(spec).map((v) => `${spec.key}=${v}`)))
      .map((pairs) => [`register ${entry.name}`, ...pairs].join(" "))
  )
);

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
      "umount c",
      "swapon 0 slots=16",
      "swapon 1 slots=8",
      "swapoff 0",
      "swapoff 1",
      "unregister",
      "seed 4",
      "run 1",
      "run 3",
      "workload start pagecache rate=5 cache=4 files=2 pages=4",
      "workload start swap rate=5 ram=4 procs=2 size=8",
      "workload start churn every=1 slots=8",
      "workload stop all",
      "workload stop swap",
      "stats",
      "audit",
      "expect cleancache.puts >= 0",
      "expect backend == null",
    ),
  },
  { weight: 2, arbitrary: registerArb },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...REGIMES), onOff, onOff).map(([r, w, x]) =>
      fc.sample(
        fc.constantFrom(`regime ${r}`, `options writethrough=${w} exclusive-loads=${x}`),
        1,
      )[0]
    ),
  },
  {
    weight: 6,
    arbitrary: fc.tuple(
      fc.constantFrom("put", "write", "get", "invalidate", "delete"),
      fc.constantFrom("a", "a", "b", "c", "zz"),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom("", ...CONTENT_CLASSES.map((c) => ` ${c}`)),
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
      fc.constantFrom("", " heap", " random", " zero", " same"),
    ).map(([c, t, o, cls]) => (c === "store" ? `${c} ${t} ${o}${cls}` : `${c} ${t} ${o}`)),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

/** How a run starts: regime, frontswap options and seed, set before anything else. */
const setupArb = fc.record({
  regime: fc.constantFrom(...REGIMES),
  writethrough: onOff,
  exclusive: onOff,
  seed: fc.integer({ min: 0, max: 1000 }),
  registerFirst: fc.boolean(),
});

/**
 * No stale read, no lost page, a clean audit. Not asserted after fake-poolid
 * accepted a registration over a live backend: the old backend's pages are
 * gone while the frontends still point at them (the README's override
 * hazard); until integrity names its causes (issue #12 item 1) the runs are
 * checked up to that point.
 */
function checkIntegrity(s: ReturnType<typeof createSession>): void {
  const snap = s.snapshot();
  assert.equal(snap.integrity.stale_reads, 0, "stale reads");
  assert.equal(snap.integrity.lost_pages, 0, "lost pages");
  assert.deepEqual(s.sim.audit(), []);
}

const seen = {
  regimes: new Set<string>(),
  options: new Set<string>(),
  registerOptions: new Set<string>(),
};

Deno.test("any sequence of lines in any regime with any options: never throws, errors change nothing, audit clean", () => {
  let total = 0, executed = 0, overridden = 0;
  fc.assert(
    fc.property(
      setupArb,
      fc.array(lineArb, { minLength: 10, maxLength: 80, size: "max" }),
      (setup, lines) => {
        const s = createSession();
        const prefix = [
          `regime ${setup.regime}`,
          `options writethrough=${setup.writethrough} exclusive-loads=${setup.exclusive}`,
          `seed ${setup.seed}`,
          ...(setup.registerFirst ? ["register zcache"] : []),
          "mount a",
          "mount b shared=u1",
          "swapon 0 slots=16",
        ];
        for (const l of prefix) assert.equal(s.execute(l).ok, true, l);
        seen.regimes.add(s.snapshot().regime);
        seen.options.add(`${setup.writethrough}/${setup.exclusive}`);
        lines.forEach((line, i) => {
          total++;
          // A registration may override a live backend (fake-poolid): check the state before it.
          if (line.startsWith("register") && s.snapshot().integrity.backend_overrides === 0) {
            checkIntegrity(s);
          }
          const before = JSON.stringify(statsOf(s.snapshot()));
          const r = s.execute(line, i + 1);
          if (r.ok) {
            executed++;
            if (line.startsWith("register")) {
              const kind = line.split(" ")[1];
              for (const m of line.matchAll(/(\w+)=/g)) seen.registerOptions.add(`${kind}.${m[1]}`);
            }
          }
          assert.equal(r.line, i + 1);
          if (!r.ok) {
            assert.match(r.error!, new RegExp(`^line ${i + 1}: [\\x20-\\x7e]+$`));
            assert.doesNotMatch(r.error!, /internal error/);
            assert.equal(JSON.stringify(statsOf(s.snapshot())), before, `after ${line}`);
          }
        });
        if (s.snapshot().integrity.backend_overrides > 0) overridden++;
        else checkIntegrity(s);
      },
    ),
    { numRuns: 200 },
  );
  assert.ok(overridden > 0, "fake-poolid overrides were exercised");
  // The generator must exercise the simulation, not only its error paths.
  assert.ok(executed > total / 3, `${executed} of ${total} lines executed`);
  assert.deepEqual([...seen.regimes].sort(), [...REGIMES].sort(), "every regime ran");
  assert.equal(seen.options.size, 4, "every combination of the frontswap options ran");
  assert.deepEqual(
    [...seen.registerOptions].sort(),
    BACKEND_CATALOG.flatMap((b) => b.options.map((o) => `${b.name}.${o.key}`)).sort(),
    "every register option was accepted at least once",
  );
});
