/** The frontswap base (src/frontend/frontswap.ts): counting, unregister write-back. */
import assert from "node:assert/strict";
import { createFrontswap } from "../../src/regimes/mod.ts";
import { REGIMES } from "../../src/regime.ts";
import { STORE_OK, STORE_REFUSED } from "../../src/frontend/frontswap.ts";
import { SpyBackend } from "../helpers/spy_backend.ts";

const page = new Uint8Array(4096).fill(3);

for (const regime of REGIMES) {
  Deno.test(`${regime}: unregisterOps writes back every page its backend holds and clears the bits`, () => {
    const f = createFrontswap(regime);
    const spy = new SpyBackend("spy");
    f.registerOps(spy.frontswap);
    f.init(0, 8);
    assert.equal(f.store(0, 1, page), STORE_OK);
    assert.equal(f.store(0, 2, page), STORE_OK);
    const written: string[] = [];
    const n = f.unregisterOps(spy.frontswap, (t, o) => {
      written.push(`${t}:${o}`);
      return true;
    });
    assert.equal(n, 2);
    assert.deepEqual(written, ["0:1", "0:2"]);
    assert.equal(f.area(0)!.pages, 0);
    assert.deepEqual(f.holders(), []);
    assert.equal(f.store(0, 3, page), STORE_REFUSED, "no backend: to disk");
    assert.deepEqual([f.counters.succ_stores, f.counters.failed_stores, f.skipped], [2, 0, 1]);
  });
}
