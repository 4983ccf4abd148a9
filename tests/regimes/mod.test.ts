/** The regime catalogue (src/regimes/mod.ts, src/regime.ts). */
import assert from "node:assert/strict";
import { createFrontends } from "../../src/regimes/mod.ts";
import { REGIME_INFO, REGIMES } from "../../src/regime.ts";
import { EagerCleancache, EagerFrontswap } from "../../src/regimes/eager.ts";
import { FakePoolidCleancache, FakePoolidFrontswap } from "../../src/regimes/fake_poolid.ts";
import { DeferredCleancache, DeferredFrontswap } from "../../src/regimes/deferred.ts";

Deno.test("each regime is one release's pair of frontends", () => {
  const want = {
    eager: [EagerCleancache, EagerFrontswap],
    "fake-poolid": [FakePoolidCleancache, FakePoolidFrontswap],
    deferred: [DeferredCleancache, DeferredFrontswap],
  };
  for (const r of REGIMES) {
    const f = createFrontends(r, { writethrough: true });
    assert.ok(f.cleancache instanceof want[r][0]);
    assert.ok(f.frontswap instanceof want[r][1]);
    assert.equal(f.frontswap.writethrough, true);
    assert.match(REGIME_INFO[r].release, /^Linux \d/);
  }
});
