/**
 * The regimes: one kernel release each, one module each. `createFrontends`
 * is the only place that picks a module by regime name.
 */
import type { Regime } from "../regime.ts";
import type { CleancacheFrontend } from "../frontend/cleancache.ts";
import type { FrontswapFrontend, FrontswapOptions } from "../frontend/frontswap.ts";
import { EagerCleancache, EagerFrontswap } from "./eager.ts";
import { FakePoolidCleancache, FakePoolidFrontswap } from "./fake_poolid.ts";
import { DeferredCleancache, DeferredFrontswap } from "./deferred.ts";

/** The two frontends of one release. */
export interface Frontends {
  cleancache: CleancacheFrontend;
  frontswap: FrontswapFrontend;
}

const MODULES: Record<
  Regime,
  {
    cleancache: new () => CleancacheFrontend;
    frontswap: new (o: FrontswapOptions) => FrontswapFrontend;
  }
> = {
  eager: { cleancache: EagerCleancache, frontswap: EagerFrontswap },
  "fake-poolid": { cleancache: FakePoolidCleancache, frontswap: FakePoolidFrontswap },
  deferred: { cleancache: DeferredCleancache, frontswap: DeferredFrontswap },
};

/** The cleancache frontend of `regime`'s release. */
export function createCleancache(regime: Regime): CleancacheFrontend {
  return new MODULES[regime].cleancache();
}

/** The frontswap frontend of `regime`'s release. */
export function createFrontswap(regime: Regime, opts: FrontswapOptions = {}): FrontswapFrontend {
  return new MODULES[regime].frontswap(opts);
}

/** Both frontends of `regime`'s release. */
export function createFrontends(regime: Regime, opts: FrontswapOptions = {}): Frontends {
  return { cleancache: createCleancache(regime), frontswap: createFrontswap(regime, opts) };
}
