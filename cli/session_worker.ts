/**
 * Worker entry of the dashboard's simulation (`session_client.ts` starts it):
 * builds the simulation and its command session from the `init` message, runs
 * the start-up scenario, then hands every message to a `SessionHost`. The UI
 * thread never runs a tick.
 */
/// <reference lib="deno.worker" />
import type { SimulationOptions } from "../src/simulation.ts";
import { createSession } from "../src/command/mod.ts";
import type { Regime } from "../src/regime.ts";
import { type ClientMessage, type HostMessage, SessionHost } from "./session_host.ts";
import { startupScenario } from "../src/scenario/default.ts";
import { fileContentPort } from "./files.ts";
import { SplitSession } from "./split_session.ts";
import { PostBatcher } from "./post_batch.ts";

/** The first message: how to build the session. */
export interface InitMessage {
  type: "init";
  regime: Regime;
  seed: number;
  options: Pick<SimulationOptions, "writethrough" | "exclusiveLoads">;
  /** Forward the session's record lines. */
  record: boolean;
  /** Start-up command lines; absent: the default scenario on a pristine simulation. */
  scenario?: readonly string[];
  /** Shared cancel/close flag (Int32Array over it). */
  flag: SharedArrayBuffer;
  /**
   * The split view: the three regimes in lockstep (`split_session.ts`; `regime` is ignored),
   * `scenario` replayed in each (a recorded session's lines); never recorded.
   */
  split?: boolean;
}

let host: SessionHost | null = null;
/** Record lines go out with the next update or result (one post per tick, not two). */
const batcher = new PostBatcher({
  send: (p) => self.postMessage(p),
  later: (fn, ms) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
});
const post = (m: HostMessage) => batcher.post(m);

function hostFor(session: ConstructorParameters<typeof SessionHost>[0], flag: SharedArrayBuffer) {
  return new SessionHost(session, {
    now: () => performance.now(),
    post,
    later: (fn, ms) => setTimeout(fn, ms),
    flag: new Int32Array(flag),
  });
}

/** A start-up line that failed, as a notice. */
function notice(r: { ok: boolean; cmd?: string; error?: string }, line?: string): void {
  const error = line === undefined ? r.error ?? "failed" : `${line}: ${r.error ?? "failed"}`;
  post({ type: "result", id: -1, result: { ok: false, cmd: r.cmd, error } });
}

/** The split view: three regimes in lockstep, the scenario replayed in each. */
function startSplit(msg: InitMessage): void {
  const split = new SplitSession({ ...msg.options, seed: msg.seed, files: fileContentPort });
  host = hostFor(split, msg.flag);
  const lines = msg.scenario ?? startupScenario(split.sim.snapshot());
  for (const r of split.replay(lines)) notice(r);
  host.start();
}

self.onmessage = (e: MessageEvent<InitMessage | ClientMessage>) => {
  const msg = e.data;
  if (msg.type === "init") {
    if (msg.split) return startSplit(msg);
    const options: SimulationOptions = {
      ...msg.options,
      regime: msg.regime,
      seed: msg.seed,
      files: fileContentPort,
    };
    const session = createSession({
      simulation: options,
      record: msg.record ? (line) => post({ type: "record", line }) : undefined,
    });
    host = hostFor(session, msg.flag);
    for (const line of msg.scenario ?? startupScenario(session.sim.snapshot())) {
      const r = session.execute(line);
      if (!r.ok) notice(r, line);
    }
    host.start();
    return;
  }
  host?.handle(msg);
};
