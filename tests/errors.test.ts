/** src/errors.ts: `SimError`, the refusal that leaves the simulation as it was. */
import assert from "node:assert/strict";
import { SimError } from "../src/errors.ts";
import { Simulation } from "../src/simulation.ts";

Deno.test("SimError is an Error named SimError carrying its message", () => {
  const e = new SimError("umount: no filesystem 'x'");
  assert.ok(e instanceof Error && e instanceof SimError);
  assert.equal(e.name, "SimError");
  assert.equal(e.message, "umount: no filesystem 'x'");
  assert.match(String(e), /^SimError: umount: no filesystem 'x'$/);
  assert.ok(!(new Error("other") instanceof SimError));
});

Deno.test("a refused request throws SimError before changing any state", () => {
  const sim = new Simulation({ seed: 1 });
  sim.mount("home");
  const before = JSON.stringify(sim.snapshot());
  assert.throws(() => sim.umount("nope"), SimError);
  assert.throws(() => sim.swapon(99), SimError);
  assert.equal(JSON.stringify(sim.snapshot()), before);
});
