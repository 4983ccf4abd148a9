/**
 * The dashboard component: key presses in, the frame as lines out. It redraws
 * only when the controller says the view changed (an update, a result or a
 * key), never on a timer of its own. The frame goes out through Ink's
 * renderer, or (`painter`, the live dashboard) straight to the terminal by a
 * `FramePainter`, changed rows only.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Box, Text, useApp, useStdin, useWindowSize } from "ink";
import type { EventEmitter } from "node:events";
import { Controller, type ControllerOptions } from "./controller.ts";
import { keyPresses } from "./input.ts";
import { ansi, type Line, strip } from "./line.ts";
import { screen } from "./screen.ts";
import type { FramePainter } from "./painter.ts";

export interface AppProps extends ControllerOptions {
  noColor?: boolean;
  /** Told the exit status when the user quits (before ink unmounts). */
  onExit?: (code: number) => void;
  /** Receives the controller (tests drive it directly). */
  controller?: (ctl: Controller) => void;
  /**
   * Paint the frame with this painter, straight onto the terminal (changed rows only,
   * `painter.ts`), instead of through Ink's renderer, which then draws nothing: the live
   * dashboard on its alternate screen. A change of the view (an update, a result, a key) is
   * painted at once, without a React render; React renders only at start and on resizes.
   * Absent: Ink renders the frame (tests read it from Ink's output).
   */
  painter?: FramePainter;
}

const BLANK = " ";

/** One row: a single pre-styled `<Text>` (cheaper for ink than one per segment). */
function LineView({ line }: { line: Line }) {
  return <Text wrap="truncate-end">{ansi(line) || BLANK}</Text>;
}

/** The whole frame: one row per line, as wide as the terminal. */
export function FrameView({ lines, columns }: { lines: Line[]; columns: number }) {
  return (
    <Box flexDirection="column" width={columns}>
      {lines.map((l, i) => <LineView key={i} line={l} />)}
    </Box>
  );
}

/** Ink's stdin context with the raw input events (every chunk its parser splits off). */
interface InputContext {
  setRawMode: (on: boolean) => void;
  isRawModeSupported: boolean;
  internal_eventEmitter: EventEmitter;
}

export function App(props: AppProps) {
  const { exit } = useApp();
  const stdin = useStdin() as unknown as InputContext;
  const { columns, rows } = useWindowSize();
  const painter = props.painter;
  const ctl = useMemo(() => {
    const c = new Controller(props);
    props.controller?.(c);
    return c;
  }, []);
  const [, setFrame] = useState(0);
  const size = useRef({ columns, rows });
  size.current = { columns, rows };

  /** The frame's lines at a terminal size. */
  const frame = (cols: number, height: number) => {
    ctl.resize(cols, height);
    const lines = screen(ctl.view, cols, height);
    return props.noColor ? lines.map(strip) : lines;
  };
  const paint = (p: FramePainter) => {
    const { columns, rows } = size.current;
    p.paint(frame(columns, rows).map(ansi), columns, rows);
  };
  /** The view changed: paint it now, or have React render it through Ink. */
  const redraw = () => (painter ? paint(painter) : setFrame((n) => n + 1));

  useEffect(() => {
    ctl.onChange(() => {
      if (ctl.exitCode !== null) {
        props.onExit?.(ctl.exitCode);
        exit();
        return;
      }
      redraw();
    });
  }, []);

  // Raw input: every chunk becomes the key presses it holds (ink's useInput would hand
  // several characters over as one string).
  useEffect(() => {
    if (!stdin.isRawModeSupported) return;
    stdin.setRawMode(true);
    const onInput = (chunk: string) => {
      const code = ctl.keys(keyPresses(chunk));
      if (code !== undefined) {
        props.onExit?.(code);
        exit();
        return;
      }
      redraw();
    };
    stdin.internal_eventEmitter.on("input", onInput);
    return () => {
      stdin.internal_eventEmitter.removeListener("input", onInput);
      stdin.setRawMode(false);
    };
  }, [stdin.isRawModeSupported]);

  // At start and after a resize, once Ink's own commit (which draws nothing) is done.
  useLayoutEffect(() => void (painter && paint(painter)));
  // Unmounting (before Ink leaves the alternate screen): late updates paint nothing.
  useLayoutEffect(() => () => painter?.stop(), []);
  return painter ? null : <FrameView lines={frame(columns, rows)} columns={columns} />;
}
