/** The dashboard component: one timer per refresh, one key handler, the frame as lines. */
import { useEffect, useMemo, useState } from "react";
import { Box, Text, useApp, useInput, useStdin, useWindowSize } from "ink";
import { Controller, type ControllerOptions } from "./controller.ts";
import { type Line, strip } from "./line.ts";
import { screen } from "./screen.ts";

export interface AppProps extends ControllerOptions {
  noColor?: boolean;
  /** Wall clock for the refresh timer (tests may pass their own). */
  now?: () => number;
}

const BLANK = " ";

function LineView({ line }: { line: Line }) {
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
  return (
    <Box flexDirection="column" width={columns}>
      {lines.map((l, i) => <LineView key={i} line={l} />)}
    </Box>
  );
}
