/**
 * The dashboard measured in a real terminal (tmux, 120x40), as #9 asks:
 * - key press to screen: `m` sent with `tmux send-keys`, time until the
 *   captured pane shows one more mount (the worker's round trip and a
 *   redraw), with the default scenario and zcache registered;
 * - quit: `q` sent during `:run 1000000` (zcache), time until the shell
 *   after the dashboard prints its marker (process gone, terminal restored);
 * - CPU of the dashboard process (all threads, /proc/PID/stat) over 15 s at
 *   10 Hz: default scenario with no backend, then paused (the first 15 s after
 *   pausing, and the 15 s after those);
 * - the split view's key press to screen (`--split`, zcache registered in all
 *   three): `m` until every column counts one more mount.
 * Polling the pane every 2 ms adds up to that much to each time. Run:
 *   deno run --allow-run bench/dashboard_tmux.ts
 */
import { TmuxSession } from "../tests/helpers/tmux.ts";

const ROOT = new URL("../", import.meta.url).pathname;
/** A fresh tmux server per start (a server being killed cannot take a new session). */
let starts = 0;
const S = "bench";
const DONE = "tmemtop-bench-done";
let T = new TmuxSession(`tmemtop-bench-${Deno.pid}`, S);
const pane = () => T.capture();
const keys = (...k: string[]) => T.keys(...k);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(ok: (s: string) => boolean, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (ok(await pane())) return performance.now() - t0;
    await sleep(2);
  }
  throw new Error("timed out; screen:\n" + (await pane()));
}

async function start(flags = ""): Promise<void> {
  await T.kill();
  T = new TmuxSession(`tmemtop-bench-${Deno.pid}-${starts++}`, S);
  await T.start(120, 40, ROOT, `deno task monitor ${flags}; echo ${DONE}; sleep 60`);
  await until((s) => (flags ? splitMounted(s).length === 3 : /waiting for a backend/.test(s)));
}

/** The dashboard's process id (the deno child of the pane's shell chain). */
async function dashboardPid(): Promise<number> {
  const panePid = Number(await T.paneVar("pane_pid"));
  const out = new TextDecoder().decode(
    (await new Deno.Command("ps", { args: ["-eo", "pid,ppid,args"], stdout: "piped" }).output())
      .stdout,
  );
  const rows = out.trim().split("\n").slice(1).map((l) => {
    const m = /^(\d+)\s+(\d+)\s+(.*)$/.exec(l.trim());
    return m ? [m[1], m[2], m[3]] : ["0", "0", ""];
  });
  const kids = (p: number) => rows.filter((r) => Number(r[1]) === p);
  const seen: number[] = [];
  const walk = (p: number) => kids(p).forEach((r) => (seen.push(Number(r[0])), walk(Number(r[0]))));
  walk(panePid);
  const deno = seen.find((p) => rows.find((r) => Number(r[0]) === p)?.[2].includes("mod.ts"));
  if (!deno) throw new Error("no dashboard process");
  return deno;
}

/** A /proc file, read through `cat` (Deno asks for --allow-all to read /proc itself). */
function procFile(path: string): string {
  const out = new Deno.Command("cat", { args: [path], stdout: "piped" }).outputSync();
  return new TextDecoder().decode(out.stdout);
}

function cpuTicks(pid: number): number {
  const f = procFile(`/proc/${pid}/stat`).split(") ")[1].split(" ");
  return Number(f[11]) + Number(f[12]); // utime + stime (fields 14, 15)
}

async function cpuShare(pid: number, ms: number): Promise<number> {
  const a = cpuTicks(pid), t0 = performance.now();
  await sleep(ms);
  const b = cpuTicks(pid), dt = (performance.now() - t0) / 1000;
  return (b - a) / 100 / dt; // USER_HZ = 100
}

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];
const mounted = (s: string) => Number(/Pools (\d+) mounted/.exec(s)?.[1] ?? -1);
/** The split view: mounts counted in each column's pools row (●backed ◌pending ○uncached). */
const splitMounted = (s: string) =>
  [...s.matchAll(/pools\s+●(\d+)\s+◌(\d+)\s+○(\d+)/g)].map((m) =>
    Number(m[1]) + Number(m[2]) + Number(m[3])
  );
const load = () => procFile("/proc/loadavg").split(" ").slice(0, 3).join(" ");

try {
  const report: Record<string, unknown> = { load_before: load() };
  // CPU: default scenario, no backend, 10 Hz; then paused.
  await start();
  const pid = await dashboardPid();
  await sleep(3000);
  report.cpu_default_no_backend = await cpuShare(pid, 15_000);
  await keys(" ");
  await until((s) => s.includes("PAUSED"));
  await sleep(1000);
  report.cpu_paused = await cpuShare(pid, 15_000);
  // The first window after pausing still holds V8 finishing the running phase's garbage
  // collection; the next one is the paused dashboard itself.
  report.cpu_paused_settled = await cpuShare(pid, 15_000);
  await keys(" ");

  // Key to screen, zcache running.
  await keys("r");
  await until((s) => s.includes("Register a backend"));
  await keys("Enter");
  await until((s) => /backend ● zcache/.test(s));
  await sleep(3000);
  const keyMs: number[] = [];
  for (let i = 0; i < 21; i++) {
    const n = mounted(await pane());
    await keys("m");
    keyMs.push(await until((s) => mounted(s) === n + 1));
    await sleep(150);
  }
  report.key_to_screen_ms = { median: median(keyMs), max: Math.max(...keyMs), n: keyMs.length };

  // Quit during a long run (zcache).
  const quitMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) {
      await start();
      await keys("r");
      await until((s) => s.includes("Register a backend"));
      await keys("Enter");
      await until((s) => /backend ● zcache/.test(s));
    }
    await keys("-l", ":run 1000000");
    await keys("Enter");
    await until((s) => /⧗ run 1000000/.test(s));
    await sleep(1000);
    await keys("q");
    quitMs.push(await until((s) => s.includes(DONE)));
  }
  report.quit_during_run_ms = {
    median: median(quitMs),
    max: Math.max(...quitMs),
    n: quitMs.length,
  };
  // The split view: key to screen with zcache in all three regimes.
  await start("--split");
  await keys("r");
  await until((s) => s.includes("Register a backend"));
  await keys("Enter");
  await until((s) => (s.match(/backend\s+● zcache/g)?.length ?? 0) === 3);
  await sleep(3000);
  const splitMs: number[] = [];
  for (let i = 0; i < 21; i++) {
    const n = Math.max(...splitMounted(await pane()));
    await keys("m");
    splitMs.push(await until((s) => splitMounted(s).every((k) => k === n + 1)));
    await sleep(150);
  }
  report.split_key_to_screen_ms = {
    median: median(splitMs),
    max: Math.max(...splitMs),
    n: splitMs.length,
  };
  report.load_after = load();
  console.log(JSON.stringify(report, null, 2));
} finally {
  await T.kill();
}
