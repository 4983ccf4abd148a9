/** src/regime.ts: the three regimes, the release each reproduces, and the name check. */
import assert from "node:assert/strict";
import { isRegime, REGIME_INFO, REGIMES } from "../src/regime.ts";
import { Simulation } from "../src/simulation.ts";

Deno.test("regimes: eager (3.9), fake-poolid (3.10), deferred (4.1 cleancache + 4.2 frontswap)", () => {
  assert.deepEqual(REGIMES, ["eager", "fake-poolid", "deferred"]);
  assert.deepEqual(
    REGIMES.map((r) => [REGIME_INFO[r].cleancache, REGIME_INFO[r].frontswap]),
    [["3.9", "3.9"], ["3.10", "3.10"], ["4.1", "4.2"]],
  );
  assert.match(REGIME_INFO.eager.release, /v3\.9\.6/);
  assert.match(REGIME_INFO["fake-poolid"].release, /v3\.10\.33/);
  assert.match(REGIME_INFO.deferred.release, /v4\.1\.15, v4\.2\.8/);
  for (const r of REGIMES) assert.ok(REGIME_INFO[r].summary.length > 20, r);
});

Deno.test("isRegime: the three names exactly", () => {
  for (const r of REGIMES) assert.equal(isRegime(r), true);
  for (const s of ["", "Eager", "fake_poolid", "lazy", "deferred "]) {
    assert.equal(isRegime(s), false, s);
  }
});

Deno.test("every regime builds a simulation that reports it", () => {
  for (const regime of REGIMES) assert.equal(new Simulation({ regime }).snapshot().regime, regime);
});
