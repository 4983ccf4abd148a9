/**
 * Test helpers for the dashboard: ink-testing-library's fake terminal, but with
 * a stdout of a chosen size (columns x rows) that can be resized, and a real
 * command session over a real simulation started with the default scenario,
 * behind an in-process session port with a manual clock (no worker, no sleeps).
 */
import { EventEmitter } from "node:events";
import type { ReactElement } from "react";
import { render as inkRender } from "ink";
import { Simulation } from "../../src/simulation.ts";
import { CommandSession } from "../../src/command/mod.ts";
import { DEFAULT_SCENARIO } from "../../src/scenario/default.ts";
import { stripAnsi } from "../../tui/line.ts";
import { App, type AppProps } from "../../tui/app.tsx";
import { LocalSessionPort } from "../../cli/local_port.ts";
import { Controller } from "../../tui/controller.ts";
import { keyPresses } from "../../tui/input.ts";

export class SizedStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  constructor(public columns: number, public rows: number) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame(): string {
    return this.frames[this.frames.length - 1] ?? "";
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit("resize");
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
}

export const KEYS = {
  up: "\x1b[A",
  down: "\x1b[B",
  tab: "\t",
  shiftTab: "\x1b[Z",
  enter: "\r",
  escape: "\x1b",
  ctrlC: "\x03",
  backspace: "\x7f",
  end: "\x1b[F",
  home: "\x1b[H",
  pageDown: "\x1b[6~",
};

export function renderSized(tree: ReactElement, columns = 120, rows = 40) {
  const stdout = new SizedStdout(columns, rows);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    // deno-lint-ignore no-explicit-any
    stdout: stdout as any,
    // deno-lint-ignore no-explicit-any
    stderr: new SizedStdout(columns, rows) as any,
    // deno-lint-ignore no-explicit-any
    stdin: stdin as any,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    stdout,
    stdin,
    /** The last frame without escape codes. */
    frame: () => stripAnsi(stdout.lastFrame()),
    rawFrame: () => stdout.lastFrame(),
    unmount: () => instance.unmount(),
    waitUntilExit: () => instance.waitUntilExit(),
  };
}

export function wait(ms = 30): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Press keys one by one, letting Ink process each. */
export async function press(stdin: { write: (s: string) => void }, ...keys: string[]) {
  for (const k of keys) {
    stdin.write(k);
    await wait();
  }
}

/** A session over a fresh simulation with the default scenario run (deferred, no backend). */
export function defaultSession(seed = 7): CommandSession {
  const session = new CommandSession(new Simulation({ seed }));
  for (const line of DEFAULT_SCENARIO) {
    const r = session.execute(line);
    if (!r.ok) throw new Error(`default scenario: ${line}: ${r.error}`);
  }
  return session;
}

/** The rows of a frame that mention `text`. */
export function rowsWith(frame: string, text: string): string[] {
  return frame.split("\n").filter((l) => l.includes(text));
}

/** A port over `session` with a manual clock; its record lines collected. */
export function localPort(session: CommandSession): LocalSessionPort {
  return new LocalSessionPort(session);
}

/** The dashboard element over a local port of `session` (paused unless said otherwise). */
export function dashboardApp(
  session: CommandSession,
  props: Partial<AppProps> = {},
): { app: ReactElement; port: LocalSessionPort } {
  const port = localPort(session);
  const app = <App port={port} snapshot={session.sim.snapshot()} paused {...props} />;
  return { app, port };
}

/** A controller over a local port of `session`, paused unless said otherwise. */
export function controllerFor(
  session: CommandSession,
  opts: { paused?: boolean; speed?: number; rate?: number } = {},
): { ctl: Controller; port: LocalSessionPort } {
  const port = localPort(session);
  const ctl = new Controller({
    port,
    snapshot: session.sim.snapshot(),
    paused: opts.paused ?? true,
    speed: opts.speed,
    rate: opts.rate,
  });
  return { ctl, port };
}

/** Let promise callbacks (results reaching the controller) run. */
export async function settle(port?: LocalSessionPort): Promise<void> {
  for (let i = 0; i < 3; i++) {
    port?.advance(1);
    await Promise.resolve();
    await new Promise((r) => queueMicrotask(() => r(undefined)));
  }
}

/** Type `chunk` into the controller as one read of stdin, then let the results arrive. */
export async function type(ctl: Controller, port: LocalSessionPort, chunk: string) {
  const code = ctl.keys(keyPresses(chunk));
  await settle(port);
  return code;
}

/** Poll until `cond` holds (bounded: a slow, loaded machine only makes it take longer). */
export async function until(cond: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!cond() && Date.now() < end) await wait(5);
  return cond();
}

/** The frame once Ink has drawn it and it stopped changing (two polls 20 ms apart agree). */
export async function stableFrame(
  ui: { frame: () => string },
  timeoutMs = 10_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = ui.frame();
  while (Date.now() < end) {
    await wait(20);
    const f = ui.frame();
    if (f !== "" && f === last) return f;
    last = f;
  }
  return last;
}

/** Poll the rendered frame until `re` matches (ink renders asynchronously; bounded wait). */
export async function frameMatching(
  ui: { frame: () => string },
  re: RegExp,
  timeoutMs = 3000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  let f = ui.frame();
  while (!re.test(f) && Date.now() < end) {
    await wait(10);
    f = ui.frame();
  }
  return f;
}
