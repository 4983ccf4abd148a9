/** The three registration regimes of lazy pool creation (semantics.md section 2). */
export type Regime = "eager" | "fake-poolid" | "deferred";

export const REGIMES: readonly Regime[] = ["eager", "fake-poolid", "deferred"];

/** Which kernel versions each regime reproduces, for help texts. */
export const REGIME_INFO: Record<
  Regime,
  { cleancache: string; frontswap: string; summary: string }
> = {
  eager: {
    cleancache: "3.0-3.9",
    frontswap: "3.5-3.9",
    summary: "no lazy init: a mount or swapon before the backend is never cached",
  },
  "fake-poolid": {
    cleancache: "3.10-4.0",
    frontswap: "3.10-4.1",
    summary: "32 fake pool id slots mapped to real ids; need_init bitmap for swap",
  },
  deferred: {
    cleancache: "4.1+",
    frontswap: "4.2+",
    summary: "pending pool ids (-2/-3), registration walks live superblocks and swap types",
  },
};

export function isRegime(s: string): s is Regime {
  return (REGIMES as readonly string[]).includes(s);
}
