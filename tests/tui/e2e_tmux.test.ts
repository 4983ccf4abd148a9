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

function hasTmux(): boolean {
  try {
    return new Deno.Command("tmux", { args: ["-V"], stdout: "null", stderr: "null" }).outputSync()
      .success;
  } catch {
    return false;
  }
}

const TMUX = hasTmux();
if (!TMUX) {
  console.log(
    "tests/tui/e2e_tmux.test.ts: tmux not found, skipping the dashboard end-to-end test " +
      "(install tmux, e.g. apt-get install tmux; .ci/run does)",
  );
}

const ROOT = new URL("../../", import.meta.url).pathname;
/** tmux server socket: one per test (a server being killed cannot take a new session). */
let SOCKET = `tmemtop-e2e-${Deno.pid}`;
const SESSION = `e2e-${Deno.pid}-${Date.now()}`;
const DONE = "tmemtop-e2e-exited";

async function tmux(...args: string[]): Promise<string> {
  const out = await new Deno.Command("tmux", {
    args: ["-L", SOCKET, ...args],
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  if (!out.success) {
    throw new Error(`tmux ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout);
}

const screen = () => tmux("capture-pane", "-p", "-t", SESSION);
const paneFlag = async (flag: string) =>
  (await tmux("display-message", "-p", "-t", SESSION, `#{${flag}}`)).trim();
const keys = (...k: string[]) => tmux("send-keys", "-t", SESSION, ...k);

/** Poll the screen until `ok` holds (or fail with the last screen). */
async function until(
  what: string,
  ok: (s: string) => boolean,
  timeoutMs = 15_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  let s = "";
  while (Date.now() < end) {
    s = await screen();
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
}

Deno.test({
  name: "e2e: deno task monitor in tmux at 120x40: r, u, ?, q and a restored terminal",
  ignore: !TMUX,
  sanitizeResources: false,
  fn: async () => {
    try {
      await tmux(
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        "-s",
        SESSION,
        "-c",
        ROOT,
        `deno task monitor; echo ${DONE}-$?; sleep 30`,
      );
      // The first screen: deferred, no backend, everything pending.
      let s = await until(
        "the dashboard",
        (x) => /backend ◌ none/.test(x) && /waiting for a backend/.test(x),
        60_000,
      );
      assert.equal(await paneFlag("alternate_on"), "1", "the dashboard uses the alternate screen");
      assert.ok(s.split("\n").filter((l) => l.trim()).length <= 40);
      assert.match(s, /regime deferred/);
      assert.match(s, /◌ root\s+pending/);
      assert.match(s, /q quit/);

      // r: the register form, Enter sends `register zcache`; pending drains into pools.
      await keys("r");
      await until(
        "the register form",
        (x) => x.includes("Register a backend") && x.includes("› zcache"),
      );
      await keys("Enter");
      s = await until(
        "zcache registered",
        (x) => /backend ● zcache/.test(x) && /nothing waiting/.test(x),
      );
      assert.match(s, /● root\s+\d+\s/);
      assert.match(s, /pool-created/);

      // u: unregistered, pending again, frontswap pages written back.
      await new Promise((r) => setTimeout(r, 1500));
      await keys("u");
      s = await until("unregistered", (x) => /backend ◌ none/.test(x) && /- unregister/.test(x));
      assert.match(s, /◌ root\s+pending/);
      assert.match(s, /unregister zcache: \d+ frontswap pages written back/);

      // ?: the help overlay; Escape closes it.
      await keys("?");
      s = await until("the help overlay", (x) => x.includes("┌─ Keys"));
      assert.match(s, /register a backend/);
      await keys("Escape");
      await until("help closed", (x) => !x.includes("┌─ Keys"));
      await new Promise((r) => setTimeout(r, 300));

      // q: quit, the terminal restored.
      await keys("q");
      s = await until("the dashboard to exit", (x) => x.includes(`${DONE}-`));
      assert.match(s, new RegExp(`${DONE}-0`), "exit status 0");
      assert.doesNotMatch(s, /tmemtop\s+backend/, "the dashboard is gone from the screen");
      assert.equal(await paneFlag("alternate_on"), "0", "the alternate screen was left");
      assert.equal(await paneFlag("cursor_flag"), "1", "the cursor is visible again");
    } finally {
      await tmux("kill-server").catch(() => {});
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
    SOCKET = `tmemtop-e2e-${Deno.pid}-keys`;
    try {
      await tmux(
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        "-s",
        SESSION,
        "-c",
        ROOT,
        `seq 300; deno task monitor; echo ${DONE}-$?; sleep 30`,
      );
      let s = await until("the dashboard", (x) => /waiting for a backend/.test(x), 60_000);
      const history = Number(await paneFlag("history_size"));
      assert.ok(history >= 250, `the 300 lines went to the scrollback (${history})`);
      assert.equal(mounted(s), 3);

      // Three presses in one write.
      await tmux("send-keys", "-t", SESSION, "-l", "mmm");
      s = await until("three mounts", (x) => mounted(x) === 6);
      assert.match(s, /◌ fs3/);

      // 20 presses while a long run is in progress: all acted on, the run goes on.
      await tmux("send-keys", "-t", SESSION, "-l", ":run 200000");
      await keys("Enter");
      await until("the run's progress", (x) => /⧗ run 200000/.test(x));
      for (let i = 0; i < 20; i++) await keys("m");
      s = await until("twenty more mounts", (x) => mounted(x) === 26);
      assert.match(s, /⧗ run 200000/, "still running");

      // Esc cancels; the ticks done are kept.
      await keys("Escape");
      s = await until(
        "the run cancelled",
        (x) => /run 200000 cancelled after \d+ of 200000/.test(x),
      );

      // Ctrl-C: exit status 130, the terminal as found.
      await keys("C-c");
      s = await until("the dashboard to exit", (x) => x.includes(`${DONE}-`));
      assert.match(s, new RegExp(`${DONE}-130`));
      assert.equal(await paneFlag("alternate_on"), "0");
      assert.equal(await paneFlag("cursor_flag"), "1");
      const after = Number(await paneFlag("history_size"));
      assert.ok(after >= history, `scrollback kept: ${history} lines before, ${after} after`);
    } finally {
      await tmux("kill-server").catch(() => {});
    }
  },
});
