/** The registered backends (src/sim/backends.ts): list order, holders, unregister by name. */
import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { SpyBackend } from "../helpers/spy_backend.ts";

Deno.test("the snapshot lists every backend newest first; `backend` is the cleancache holder", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.registerBackend(new SpyBackend("a"));
  sim.registerBackend(new SpyBackend("b"));
  const s = sim.snapshot();
  assert.deepEqual(s.backends.map((b) => b.name), ["b", "a"]);
  assert.equal(s.backend?.name, "a");
  assert.ok(
    s.events.some((e) =>
      e.kind === "register" && /register b: frontswap stacked over a/.test(e.text)
    ),
  );
});

Deno.test("an overridden backend leaves the list (3.9, 3.10): nothing reaches it any more", () => {
  for (const regime of ["eager", "fake-poolid"] as const) {
    const sim = new Simulation({ regime });
    sim.registerBackend(new SpyBackend("a"));
    sim.registerBackend(new SpyBackend("b"));
    assert.deepEqual(sim.backendNames, ["b"]);
    assert.equal(sim.overrides, 1);
  }
});

Deno.test("unregister NAME: an unknown name is refused and lists the registered ones", () => {
  const sim = new Simulation({ regime: "deferred" });
  assert.throws(() => sim.unregister(), /no backend is registered/);
  sim.registerBackend(new SpyBackend("a"));
  assert.throws(() => sim.unregister("zz"), /no backend named 'zz' is registered \(a\)/);
  sim.unregister("a");
  assert.deepEqual(sim.backendNames, []);
});

Deno.test("a backend can turn frontswap exclusive gets on (staging zcache does at init)", () => {
  const sim = new Simulation({ regime: "deferred" });
  sim.registerBackend(new SpyBackend("zcache", { exclusiveGets: true }));
  sim.swapon(0, 4);
  sim.store(0, 0, "text");
  assert.equal(sim.load(0, 0), "hit");
  assert.equal(sim.snapshot().swapTypes[0].pages, 0, "the load cleared the bit");
  assert.equal(sim.load(0, 0), "hit", "the swap cache keeps the page");
});
