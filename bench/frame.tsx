/**
 * Item 7: the cost of one dashboard frame at 120x40 with production React:
 * the snapshot the session sends every refresh, the frame's lines
 * (`tui/screen.ts`) and ink's layout and rendering of the same component tree
 * as `tui/app.tsx` (ink's `renderToString`, since the live `App` sizes itself
 * from a real terminal). Baseline in the same run: the same frame as plain
 * text, without React.
 */
import { Box, render, renderToString, Text } from "ink";
import { PassThrough } from "node:stream";
import { Controller } from "../tui/controller.ts";
import { LocalSessionPort } from "../cli/local_port.ts";
import { FrameView } from "../tui/app.tsx";
import type { Line } from "../tui/line.ts";
import { plain } from "../tui/line.ts";
import { screen } from "../tui/screen.ts";
import { interleaved, ratio } from "./harness.ts";
import { defaultSession } from "./sim.ts";

const COLS = 120, ROWS = 40;
const BLANK = " ";

/** The earlier dashboard tree, one ink `<Text>` per styled segment, for comparison. */
function SegmentLine({ line }: { line: Line }) {
  if (!line.length) return <Text>{BLANK}</Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => (
        <Text key={i} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

function FlatFrame({ lines }: { lines: Line[] }) {
  return (
    <Box flexDirection="column" width={COLS}>
      {lines.map((l, i) => <SegmentLine key={i} line={l} />)}
    </Box>
  );
}

/** The tree `tui/app.tsx` renders (`FrameView`: one pre-styled `<Text>` per line). */
function Frame({ lines }: { lines: Line[] }) {
  return <FrameView lines={lines} columns={COLS} />;
}

/** A terminal of 120x40 that discards what it is sent. */
function fakeTerminal(): {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  bytes: () => number;
} {
  let bytes = 0;
  const out = new PassThrough();
  out.on("data", (b: Uint8Array) => bytes += b.length);
  Object.assign(out, { columns: COLS, rows: ROWS, isTTY: true });
  const inp = new PassThrough();
  Object.assign(inp, { isTTY: false });
  return {
    stdout: out as unknown as NodeJS.WriteStream,
    stdin: inp as unknown as NodeJS.ReadStream,
    bytes: () => bytes,
  };
}

export interface FrameResult {
  /** A live ink instance re-rendering each frame (what the dashboard does). */
  frame_ms: number;
  /** A fresh tree each frame (ink's renderToString: mount, layout, unmount). */
  fresh_frame_ms: number;
  /** The same frame with the earlier tree: one <Text> per styled segment. */
  flat_frame_ms: number;
  plain_frame_ms: number;
  frame_vs_plain: number;
  /** Bytes the live instance wrote to its terminal over the run. */
  terminal_bytes: number;
  /** ink renders per frame of the live instance (1 = none throttled away). */
  live_renders_per_frame: number;
  nodeEnv: string | undefined;
  sample: string;
}

export function benchFrame(rounds: number): FrameResult {
  const session = defaultSession("register zcache");
  session.execute("run 50"); // pools, swap and events filled in
  const port = new LocalSessionPort(session);
  const ctl = new Controller({ port, snapshot: session.sim.snapshot() });
  // What each refresh hands the view: the snapshot the session thread sends.
  const refresh = () => ctl.update({ snapshot: session.sim.snapshot(), progress: null, behind: 1 });
  let sample = "";
  const FRAMES = 5;
  const term = fakeTerminal();
  let renders = 0, frames = 0;
  const live = render(<Frame lines={screen(ctl.view, COLS, ROWS)} />, {
    stdout: term.stdout,
    stdin: term.stdin,
    debug: false,
    patchConsole: false,
    exitOnCtrlC: false,
    incrementalRendering: true,
    maxFps: 1e6,
    onRender: () => renders++,
  });
  const flatTerm = fakeTerminal();
  const flat = render(<FlatFrame lines={screen(ctl.view, COLS, ROWS)} />, {
    stdout: flatTerm.stdout,
    stdin: flatTerm.stdin,
    debug: false,
    patchConsole: false,
    exitOnCtrlC: false,
    incrementalRendering: true,
    maxFps: 1e6,
  });
  const m = interleaved(
    {
      flat: () => {
        for (let i = 0; i < FRAMES; i++) {
          refresh();
          flat.rerender(<FlatFrame lines={screen(ctl.view, COLS, ROWS)} />);
        }
        return FRAMES;
      },
      live: () => {
        for (let i = 0; i < FRAMES; i++) {
          refresh();
          live.rerender(<Frame lines={screen(ctl.view, COLS, ROWS)} />);
        }
        frames += FRAMES;
        return FRAMES;
      },
      fresh: () => {
        for (let i = 0; i < FRAMES; i++) {
          refresh();
          sample = renderToString(<Frame lines={screen(ctl.view, COLS, ROWS)} />, {
            columns: COLS,
          });
        }
        return FRAMES;
      },
      plain: () => {
        for (let i = 0; i < FRAMES; i++) {
          refresh();
          screen(ctl.view, COLS, ROWS).map(plain).join("\n");
        }
        return FRAMES;
      },
    },
    rounds,
    2,
    4,
  );
  for (const r of [live, flat]) {
    r.unmount();
    r.cleanup();
  }
  return {
    frame_ms: m.live.nsPerUnit / 1e6,
    fresh_frame_ms: m.fresh.nsPerUnit / 1e6,
    flat_frame_ms: m.flat.nsPerUnit / 1e6,
    plain_frame_ms: m.plain.nsPerUnit / 1e6,
    frame_vs_plain: ratio(m.live, m.plain),
    terminal_bytes: term.bytes(),
    live_renders_per_frame: renders / frames,
    nodeEnv: Deno.env.get("NODE_ENV"),
    sample,
  };
}
