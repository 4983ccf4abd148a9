/**
 * End to end in a real terminal: `deno task monitor` in tmux at 120x40, keys
 * r (+ Enter in the register form), u, ?, q; the captured screens, and the terminal
 * restored after quitting (alternate screen left, cursor shown). Then: no key
 * lost (`mmm` in one send-keys, 20 keys during a `run 200000`), Esc cancels
 * the run, Ctrl-C exits 130, and tmux's scrollback survives the session. Uses its own
 * tmux server socket and session name, killed in `finally`. Skips itself when
 * tmux is not installed (`.ci/run` installs it).
 */
import assert from "node:assert/strict";
import { hasTmux, TmuxSession } from "../helpers/tmux.ts";

const TMUX = hasTmux();
if (!TMUX) {
  console.log(
    "tests/tui/e2e_tmux.test.ts: tmux not found, skipping the dashboard end-to-end test " +
      "(install tmux, e.g. apt-get install tmux; .ci/run does)",
  );
}

const ROOT = new URL("../../", import.meta.url).pathname;
const SESSION = `e2e-${Deno.pid}-${Date.now()}`;
const DONE = "tmemtop-e2e-exited";
/** tmux server: one per test (a server being killed cannot take a new session). */
let T = new TmuxSession(`tmemtop-e2e-${Deno.pid}`, SESSION);

const screen = () => T.capture();
const paneFlag = (flag: string) => T.paneVar(flag);
const keys = (...k: string[]) => T.keys(...k);

/**
 * Poll the screen until every pattern holds on one and the same capture, and
 * the next capture agrees (a capture taken mid-draw fails some pattern and is
 * simply retried; nothing is asserted on a first capture). Fails with the
 * patterns that did not hold and the last screen.
 */
async function settled(
  what: string,
  patterns: (RegExp | ((s: string) => boolean))[],
  timeoutMs = 15_000,
): Promise<string> {
  const holds = (s: string) => patterns.filter((p) => !(p instanceof RegExp ? p.test(s) : p(s)));
  const end = Date.now() + timeoutMs;
  let s = "", missing: unknown[] = patterns;
  while (Date.now() < end) {
    s = await screen();
    missing = holds(s);
    if (missing.length === 0) {
      await new Promise((r) => setTimeout(r, 100));
      const again = await screen();
      if (holds(again).length === 0) return again;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out waiting for ${what}; not matched: ${missing.join(", ")}; screen:\n${s}`,
  );
}

Deno.test({
  name: "e2e: deno task monitor in tmux at 120x40: r, u, ?, q and a restored terminal",
  ignore: !TMUX,
  sanitizeResources: false,
  fn: async () => {
    try {
      await T.start(120, 40, ROOT, `deno task monitor; echo ${DONE}-$?; sleep 30`);
      // The first screen: deferred, no backend, everything pending.
      await settled("the dashboard", [
        /backend ◌ none/,
        /waiting for a backend/,
        /regime deferred/,
        /◌ root\s+pending/,
        /q quit/,
        (x) => x.split("\n").filter((l) => l.trim()).length <= 40,
      ], 60_000);
      assert.equal(await paneFlag("alternate_on"), "1", "the dashboard uses the alternate screen");

      // r: the register form, Enter sends `register zcache`; pending drains into pools.
      await keys("r");
      await settled("the register form", [/Register a backend/, /› zcache/]);
      await keys("Enter");
      await settled("zcache registered", [
        /backend ● zcache/,
        /nothing waiting/,
        /● root\s+\d+\s/,
        /pool-created/,
      ]);

      // u: unregistered, pending again, frontswap pages written back.
      await new Promise((r) => setTimeout(r, 1500));
      await keys("u");
      await settled("unregistered", [
        /backend ◌ none/,
        /- unregister/,
        /◌ root\s+pending/,
        /unregister zcache: \d+ frontswap pages written back/,
      ]);

      // ?: the help overlay; Escape closes it.
      await keys("?");
      await settled("the help overlay", [/┌─ Keys/, /register a backend/]);
      await keys("Escape");
      await settled("help closed", [(x) => !x.includes("┌─ Keys")]);

      // q: quit, the terminal restored.
      await keys("q");
      const s = await settled("the dashboard to exit", [
        new RegExp(`${DONE}-\\d+`),
      ]);
      assert.match(s, new RegExp(`${DONE}-0`), "exit status 0");
      assert.doesNotMatch(s, /tmemtop\s+backend/, "the dashboard is gone from the screen");
      assert.equal(await paneFlag("alternate_on"), "0", "the alternate screen was left");
      assert.equal(await paneFlag("cursor_flag"), "1", "the cursor is visible again");
    } finally {
      await T.kill();
    }
  },
});

Deno.test({
  name:
    "e2e: no key lost (mmm at once, 20 keys during run 200000), Esc cancels, Ctrl-C 130, scrollback kept",
  ignore: !TMUX,
  sanitizeResources: false,
  fn: async () => {
    const mounted = (x: string) => Number(/Pools (\d+) mounted/.exec(x)?.[1] ?? -1);
    T = new TmuxSession(`tmemtop-e2e-${Deno.pid}-keys`, SESSION);
    try {
      await T.start(120, 40, ROOT, `seq 300; deno task monitor; echo ${DONE}-$?; sleep 30`);
      await settled("the dashboard", [/waiting for a backend/, (x) => mounted(x) === 3], 60_000);
      const history = Number(await paneFlag("history_size"));
      assert.ok(history >= 250, `the 300 lines went to the scrollback (${history})`);

      // Three presses in one write.
      await keys("-l", "mmm");
      await settled("three mounts", [(x) => mounted(x) === 6, /◌ fs3/]);

      // 20 presses while a long run is in progress: all acted on, the run goes on.
      await keys("-l", ":run 200000");
      await keys("Enter");
      await settled("the run's progress", [/⧗ run 200000/]);
      for (let i = 0; i < 20; i++) await keys("m");
      // ... and the run is still going.
      await settled("twenty more mounts", [(x) => mounted(x) === 26, /⧗ run 200000/]);

      // Esc cancels; the ticks done are kept.
      await keys("Escape");
      await settled("the run cancelled", [/run 200000 cancelled after \d+ of 200000/]);

      // Ctrl-C: exit status 130, the terminal as found.
      await keys("C-c");
      const s = await settled("the dashboard to exit", [new RegExp(`${DONE}-\\d+`)]);
      assert.match(s, new RegExp(`${DONE}-130`));
      assert.equal(await paneFlag("alternate_on"), "0");
      assert.equal(await paneFlag("cursor_flag"), "1");
      const after = Number(await paneFlag("history_size"));
      assert.ok(after >= history, `scrollback kept: ${history} lines before, ${after} after`);
    } finally {
      await T.kill();
    }
  },
});

Deno.test({
  name: "e2e: --split shows eager, fake-poolid and deferred; one key acts on all three; v leaves",
  ignore: !TMUX,
  sanitizeResources: false,
  fn: async () => {
    T = new TmuxSession(`tmemtop-e2e-${Deno.pid}-split`, SESSION);
    /** The row of filesystem `name`: how many columns show it (● ◌ ○ before the name). */
    const columnsWith = (x: string, name: string) =>
      Math.max(
        0,
        ...x.split("\n").map((l) => l.match(new RegExp(`[●◌○] ${name}\\b`, "g"))?.length ?? 0),
      );
    try {
      await T.start(120, 40, ROOT, `deno task monitor --split; echo ${DONE}-$?; sleep 30`);
      await settled("the split view", [
        /^eager .*│ fake-poolid .*│ deferred /m,
        /keys act on all three at the same tick/,
        /m mount/,
        (x) => columnsWith(x, "root") === 3,
      ], 60_000);
      // Before any backend eager never caches the mounts; the others wait for one.
      await settled("the regimes differ", [/≠.*○ root.*│ ≠.*◌ root.*│ ≠.*◌ root/]);

      // m: a mount in all three columns; r Enter: zcache in all three.
      await keys("-l", "mm");
      await settled("fs1 and fs2 in every column", [
        (x) => columnsWith(x, "fs1") === 3,
        (x) => columnsWith(x, "fs2") === 3,
      ]);
      await keys("r");
      await settled("the register form", [/Register a backend/]);
      await keys("Enter");
      await settled("zcache in every column", [
        (x) => (x.match(/backend\s+● zcache/g)?.length ?? 0) === 3,
        /○ root.*│.*● root.*│.*● root/, // eager's early mounts stay uncached
      ]);

      // v leaves the split view: the single (deferred) session, where it was.
      await keys("-l", "v");
      await settled("the single session", [/regime deferred/, /split view closed/]);
      await keys("q");
      const s = await settled("the dashboard to exit", [new RegExp(`${DONE}-\\d+`)]);
      assert.match(s, new RegExp(`${DONE}-0`));
    } finally {
      await T.kill();
    }
  },
});
