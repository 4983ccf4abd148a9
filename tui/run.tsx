/** Start the live dashboard on the terminal, and the plain `--once` snapshot. */
import process from "node:process";
import { render } from "ink";
import type { Snapshot } from "../src/snapshot.ts";
import { App } from "./app.tsx";
import { type Controller, DEFAULT_RATE, DEFAULT_SPEED } from "./controller.ts";
import { History } from "./history.ts";
import { plain, strip } from "./line.ts";
import { hostLines } from "./panels/host.ts";
import type { HostSnapshot } from "../src/host/snapshot.ts";
import { fullLines } from "./screen.ts";
import type { DashboardOptions } from "./types.ts";
import type { ExecResult, SessionUpdate } from "../src/session_port.ts";
import { keepScrollback } from "./terminal.ts";
import { FramePainter } from "./painter.ts";
import { newView } from "./view.ts";
import type { SimEvent } from "../src/snapshot.ts";

/**
 * Ink's cap on terminal writes per second. A key press redraws at once and its result
 * arrives a few ms later: at 30 the second frame waited up to 33 ms (key to screen 75-86 ms
 * median in tmux, 45-49 ms at this cap). Snapshots come at most `rate` times a second anyway.
 */
const MAX_FPS = 240;

/** Exit status after SIGTERM (as a shell reports it: 128 + 15). */
export const EXIT_TERMINATED = 143;

/**
 * Open the dashboard on the terminal; resolves with the exit status when the
 * user quits (0, or 130 after Ctrl-C) or SIGTERM arrives (143). The session
 * port is closed before it resolves.
 */
export async function runDashboard(opts: DashboardOptions): Promise<number> {
  const { port } = opts;
  const notices: ExecResult[] = [];
  port.onNotice((r) => notices.push(r));
  const first = await new Promise<SessionUpdate>((resolve) => port.onUpdate(resolve));
  const events: SimEvent[] = notices.map((r) => ({
    tick: 0,
    kind: "error",
    text: r.error ?? "failed",
  }));
  const rate = opts.rate ?? DEFAULT_RATE;
  let code = 0;
  const app: { ctl?: Controller } = {};
  const stdout = keepScrollback(process.stdout);
  const instance = render(
    <App
      port={port}
      snapshot={first.snapshot}
      rate={rate}
      speed={opts.speed ?? DEFAULT_SPEED}
      record={opts.record}
      noColor={opts.noColor || colourOffByEnv()}
      events={events}
      host={opts.host}
      split={opts.split}
      controller={(c) => (app.ctl = c)}
      onExit={(c) => (code = c)}
      painter={new FramePainter(stdout)}
    />,
    {
      stdout,
      maxFps: MAX_FPS,
      alternateScreen: true,
      patchConsole: false,
      exitOnCtrlC: false,
      incrementalRendering: true,
    },
  );
  const onTerm = () => {
    code = EXIT_TERMINATED;
    instance.unmount();
  };
  process.on("SIGTERM", onTerm);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off("SIGTERM", onTerm);
    await Promise.all([port.close(), app.ctl?.closeSplit()]);
  }
  return code;
}

/**
 * One plain-text snapshot of the dashboard's numbers (no escape codes); with
 * `host` given (`--host`), the host panel below.
 */
export function renderOnce(
  snapshot: Snapshot,
  opts: { columns?: number; host?: HostSnapshot | null } = {},
): string {
  const history = new History();
  history.push(snapshot);
  const v = newView(snapshot, history, {
    paused: false,
    rate: DEFAULT_RATE,
    speed: DEFAULT_SPEED,
    interactive: false,
  });
  const cols = opts.columns ?? 120;
  const lines = fullLines(v, cols);
  if (opts.host !== undefined) lines.push(...hostLines(opts.host, cols, 1000).map(strip));
  return lines.map((l) => plain(l).trimEnd()).join("\n");
}

/** NO_COLOR (https://no-color.org) or FORCE_COLOR=0: the lines carry no escape codes. */
function colourOffByEnv(): boolean {
  return Boolean(Deno.env.get("NO_COLOR")) || Deno.env.get("FORCE_COLOR") === "0";
}
