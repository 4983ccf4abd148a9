/**
 * The three registration regimes of lazy pool creation (semantics.md
 * section 2): each is one kernel release, implemented by one module in
 * src/regimes/.
 */
export type Regime = "eager" | "fake-poolid" | "deferred";

export const REGIMES: readonly Regime[] = ["eager", "fake-poolid", "deferred"];

/** Which kernel release each regime reproduces, for help texts. */
export const REGIME_INFO: Record<
  Regime,
  { release: string; cleancache: string; frontswap: string; summary: string }
> = {
  eager: {
    release: "Linux 3.9 (v3.9.6)",
    cleancache: "3.9",
    frontswap: "3.9",
    summary: "no lazy init: a mount before the backend is never cached; a swapon before it " +
      "gets no frontswap map, yet its stores reach a later backend",
  },
  "fake-poolid": {
    release: "Linux 3.10 (v3.10.33)",
    cleancache: "3.10",
    frontswap: "3.10",
    summary: "32 fake pool id slots mapped to real ids; need_init bitmap for swap",
  },
  deferred: {
    release: "Linux 4.1 cleancache + 4.2 frontswap (v4.1.15, v4.2.8)",
    cleancache: "4.1",
    frontswap: "4.2",
    summary: "pending pool ids (-2/-3), registration walks live superblocks and swap types; " +
      "frontswap backends stack",
  },
};

export function isRegime(s: string): s is Regime {
  return (REGIMES as readonly string[]).includes(s);
}
