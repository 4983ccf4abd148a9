/**
 * The dashboard component: key presses in, the frame as lines out. It redraws
 * only when the controller says the view changed (an update, a result or a
 * key), never on a timer of its own. The frame goes out through Ink's
 * renderer, or (`paint`, the live dashboard) straight to the terminal by a
 * `FramePainter`, changed rows only.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from "react";
import { Box, Text, useApp, useStdin, useStdout, useWindowSize } from "ink";
import type { EventEmitter } from "node:events";
import { Controller, type ControllerOptions } from "./controller.ts";
import { keyPresses } from "./input.ts";
import { ansi, type Line, strip } from "./line.ts";
import { screen } from "./screen.ts";
import { FramePainter } from "./painter.ts";

export interface AppProps extends ControllerOptions {
  noColor?: boolean;
  /** Told the exit status when the user quits (before ink unmounts). */
  onExit?: (code: number) => void;
  /** Receives the controller (tests drive it directly). */
  controller?: (ctl: Controller) => void;
  /**
   * Paint the frame straight onto the terminal (changed rows only, `painter.ts`) instead of
   * through Ink's renderer, which then draws nothing: the live dashboard on its alternate
   * screen. Absent: Ink renders the frame (tests read it from Ink's output).
   */
  paint?: boolean;
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
  const { stdout } = useStdout();
  const painter = useMemo(() => (props.paint ? new FramePainter(stdout) : null), []);
  const ctl = useMemo(() => {
    const c = new Controller(props);
    props.controller?.(c);
    return c;
  }, []);
  const [, setFrame] = useState(0);

  useEffect(() => {
    ctl.onChange(() => {
      if (ctl.exitCode !== null) {
        props.onExit?.(ctl.exitCode);
        exit();
        return;
      }
      setFrame((n) => n + 1);
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
      setFrame((n) => n + 1);
    };
    stdin.internal_eventEmitter.on("input", onInput);
    return () => {
      stdin.internal_eventEmitter.removeListener("input", onInput);
      stdin.setRawMode(false);
    };
  }, [stdin.isRawModeSupported]);

  ctl.resize(columns, rows);
  let lines = screen(ctl.view, columns, rows);
  if (props.noColor) lines = lines.map(strip);
  // After Ink's own commit (which writes nothing in this mode): the rows that changed.
  useLayoutEffect(() => void painter?.paint(lines.map(ansi), columns, rows));
  return painter ? null : <FrameView lines={lines} columns={columns} />;
}
