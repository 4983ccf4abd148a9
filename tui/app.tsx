/** The dashboard component: one timer per refresh, one key handler, the frame as lines. */
import { useEffect, useMemo, useState } from "react";
import { Box, Text, useApp, useInput, useStdin, useWindowSize } from "ink";
import { Controller, type ControllerOptions } from "./controller.ts";
import { ansi, type Line, strip } from "./line.ts";
import { screen } from "./screen.ts";

export interface AppProps extends ControllerOptions {
  noColor?: boolean;
  /** Wall clock for the refresh timer (tests may pass their own). */
  now?: () => number;
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

export function App(props: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useWindowSize();
  const ctl = useMemo(() => new Controller(props), []);
  const [, setFrame] = useState(0);
  const [rate, setRate] = useState(ctl.view.rate);
  const now = props.now ?? (() => performance.now());

  useEffect(() => {
    const id = setInterval(() => {
      if (ctl.frame(now())) setFrame((n) => n + 1);
    }, 1000 / rate);
    return () => clearInterval(id);
  }, [rate]);

  useInput((input, key) => {
    if (ctl.key(input, key) === "quit") {
      exit();
      return;
    }
    setRate(ctl.view.rate);
    setFrame((n) => n + 1);
  }, { isActive: isRawModeSupported });

  let lines = screen(ctl.view, columns, rows);
  if (props.noColor) lines = lines.map(strip);
  return <FrameView lines={lines} columns={columns} />;
}
