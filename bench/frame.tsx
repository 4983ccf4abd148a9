/**
 * The cost of one dashboard refresh at 120x40 with production React, for a
 * given session: the snapshot the controller takes (`snapshot_ms`), and the
 * whole frame as the live dashboard draws it (`frame_ms`: snapshot, the
 * frame's lines from `tui/screen.ts`, and `tui/painter.ts` writing every
 * row, the most it ever writes, to a terminal that discards them). Beside it in the same run:
 * the same frame through Ink's renderer (`ink_frame_ms`: a live ink instance
 * re-rendering `FrameView` of `tui/app.tsx`, incremental rendering, one ink
 * render per frame, as the dashboard drew until it painted its rows itself),
 * the same frame as plain text, and the same figures for the default scenario
 * beside a large simulation (1M pages held, 200 mounts).
 */
import { render } from "ink";
import { PassThrough } from "node:stream";
import { Controller } from "../tui/controller.ts";
import { LocalSessionPort } from "../cli/local_port.ts";
import { FrameView } from "../tui/app.tsx";
import type { Line } from "../tui/line.ts";
import { ansi, plain } from "../tui/line.ts";
import { FramePainter } from "../tui/painter.ts";
import { screen } from "../tui/screen.ts";
import type { CommandSession } from "../src/command/mod.ts";
import { interleaved, type Measured, ratio } from "./harness.ts";

const COLS = 120, ROWS = 40;

/** The tree `tui/app.tsx` renders (`FrameView`: one pre-styled `<Text>` per line). */
function Frame({ lines }: { lines: Line[] }) {
  return <FrameView lines={lines} columns={COLS} />;
}

/** A terminal of 120x40 that discards what it is sent. */
function fakeTerminal(): { stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream } {
  const out = new PassThrough();
  out.on("data", () => {});
  Object.assign(out, { columns: COLS, rows: ROWS, isTTY: true });
  const inp = new PassThrough();
  Object.assign(inp, { isTTY: false });
  return {
    stdout: out as unknown as NodeJS.WriteStream,
    stdin: inp as unknown as NodeJS.ReadStream,
  };
}

export interface FrameCost {
  snapshot_ms: number;
  frame_ms: number;
  ink_frame_ms: number;
  plain_frame_ms: number;
}

export interface FrameResult {
  /** By session name. */
  cost: Record<string, FrameCost>;
  /** painted frame / plain-text frame, first session. */
  frame_vs_plain: number;
  /** Ink's frame / painted frame, first session. */
  ink_vs_frame: number;
  /** Ratios of each later session to the first: snapshot and frame. */
  vs_first: Record<string, { snapshot: number; frame: number }>;
  nodeEnv: string | undefined;
}

/** Frame and snapshot cost of each session, interleaved in one run (the first is the baseline). */
export function benchFrame(sessions: Record<string, CommandSession>, rounds: number): FrameResult {
  const FRAMES = 3;
  const cases: Record<string, () => number> = {};
  const lives: { unmount(): void; cleanup(): void }[] = [];
  for (const [name, session] of Object.entries(sessions)) {
    const ctl = new Controller({
      port: new LocalSessionPort(session),
      snapshot: session.sim.snapshot(),
    });
    // what each refresh hands the view: the snapshot the session thread sends
    const refresh = () =>
      ctl.update({ snapshot: session.sim.snapshot(), progress: null, behind: 1 });
    const term = fakeTerminal();
    const live = render(<Frame lines={screen(ctl.view, COLS, ROWS)} />, {
      stdout: term.stdout,
      stdin: term.stdin,
      debug: false,
      patchConsole: false,
      exitOnCtrlC: false,
      incrementalRendering: true,
      maxFps: 1e6,
    });
    lives.push(live);
    cases[`${name}:snapshot`] = () => {
      for (let i = 0; i < FRAMES; i++) session.sim.snapshot();
      return FRAMES;
    };
    const painter = new FramePainter({ write: () => true });
    cases[`${name}:frame`] = () => {
      for (let i = 0; i < FRAMES; i++) {
        refresh();
        painter.invalidate(); // the session does not tick here: write every row (the worst case)
        painter.paint(screen(ctl.view, COLS, ROWS).map(ansi), COLS, ROWS);
      }
      return FRAMES;
    };
    cases[`${name}:ink`] = () => {
      for (let i = 0; i < FRAMES; i++) {
        refresh();
        live.rerender(<Frame lines={screen(ctl.view, COLS, ROWS)} />);
      }
      return FRAMES;
    };
    cases[`${name}:plain`] = () => {
      for (let i = 0; i < FRAMES; i++) {
        refresh();
        screen(ctl.view, COLS, ROWS).map(plain).join("\n");
      }
      return FRAMES;
    };
  }
  const m: Record<string, Measured> = interleaved(cases, rounds, 1, 3);
  for (const r of lives) {
    r.unmount();
    r.cleanup();
  }
  const names = Object.keys(sessions);
  const ms = (k: string) => m[k].nsPerUnit / 1e6;
  const cost: Record<string, FrameCost> = {};
  for (const n of names) {
    cost[n] = {
      snapshot_ms: ms(`${n}:snapshot`),
      frame_ms: ms(`${n}:frame`),
      ink_frame_ms: ms(`${n}:ink`),
      plain_frame_ms: ms(`${n}:plain`),
    };
  }
  const vs_first: Record<string, { snapshot: number; frame: number }> = {};
  for (const n of names.slice(1)) {
    vs_first[n] = {
      snapshot: ratio(m[`${n}:snapshot`], m[`${names[0]}:snapshot`]),
      frame: ratio(m[`${n}:frame`], m[`${names[0]}:frame`]),
    };
  }
  return {
    cost,
    frame_vs_plain: ratio(m[`${names[0]}:frame`], m[`${names[0]}:plain`]),
    ink_vs_frame: ratio(m[`${names[0]}:ink`], m[`${names[0]}:frame`]),
    vs_first,
    nodeEnv: Deno.env.get("NODE_ENV"),
  };
}

/**
 * Alone: the default scenario with zcache after 50 ticks, as `bench/mod.ts` measures it (7 rounds):
 *   NODE_ENV=production deno run --allow-env --allow-read --allow-sys=loadavg bench/frame.tsx
 */
if (import.meta.main) {
  const { defaultSession } = await import("./sim.ts");
  const { COMPRESSOR_KINDS } = await import("../src/backends/compressors.ts");
  const { loadavg } = await import("node:os");
  const session = defaultSession(`register zcache compressor=${COMPRESSOR_KINDS[0]}`);
  session.execute("run 50");
  const before = loadavg();
  const r = benchFrame({ default: session }, 7);
  console.log(JSON.stringify({ ...r, load_before: before, load_after: loadavg() }, null, 2));
  Deno.exit(0);
}
