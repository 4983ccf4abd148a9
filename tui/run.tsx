/** Start the live dashboard on the terminal, and the plain `--once` snapshot. */
import { render } from "ink";
import type { Snapshot } from "../src/snapshot.ts";
import { DEFAULT_SCENARIO } from "../src/scenario/default.ts";
import { App } from "./app.tsx";
import { DEFAULT_RATE, DEFAULT_SPEED, errorText, RATES } from "./controller.ts";
import { History } from "./history.ts";
import { plain, strip } from "./line.ts";
import { hostLines } from "./panels/host.ts";
import type { HostSnapshot } from "../src/host/snapshot.ts";
import { fullLines } from "./screen.ts";
import type { DashboardOptions, DashboardSession } from "./types.ts";
import type { SimEvent } from "../src/snapshot.ts";
import { newView } from "./view.ts";

/** Nothing mounted, enabled, registered or running, and no time passed. */
export function isPristine(s: Snapshot): boolean {
  return s.tick === 0 && !s.backend && !s.superblocks.length && !s.swapTypes.length &&
    !s.workloads.some((w) => w.running);
}

/** Run the start-up command lines; failures come back as events for the events panel. */
export function startScenario(session: DashboardSession, lines: readonly string[]): SimEvent[] {
  const errors: SimEvent[] = [];
  for (const line of lines) {
    const r = session.execute(line);
    if (!r.ok) errors.unshift({ tick: 0, kind: "error", text: `${line}: ${errorText(r)}` });
  }
  return errors;
}

export async function runDashboard(opts: DashboardOptions): Promise<void> {
  const { session } = opts;
  const scenario = opts.scenario ??
    (isPristine(session.sim.snapshot()) ? DEFAULT_SCENARIO : []);
  const events = startScenario(session, scenario);
  const rate = opts.rate ?? DEFAULT_RATE;
  const instance = render(
    <App
      session={session}
      rate={rate}
      speed={opts.speed ?? DEFAULT_SPEED}
      record={opts.record}
      noColor={opts.noColor || colourOffByEnv()}
      events={events}
    />,
    {
      maxFps: Math.max(rate, RATES[RATES.length - 1]),
      alternateScreen: true,
      patchConsole: false,
      exitOnCtrlC: true,
      incrementalRendering: true,
    },
  );
  await instance.waitUntilExit();
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
