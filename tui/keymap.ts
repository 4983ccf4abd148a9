/**
 * The one keymap table. It drives the key handler (app.tsx), the help overlay
 * and the footer's hints: a key is bound here or nowhere. No F-keys (terminals
 * report them inconsistently and Ink never does).
 */
import type { Key } from "ink";

export type Action =
  | "register"
  | "unregister"
  | "mount"
  | "umount"
  | "swapon"
  | "swapoff"
  | "workloads"
  | "pause"
  | "step"
  | "faster"
  | "slower"
  | "focusNext"
  | "focusPrev"
  | "up"
  | "down"
  | "command"
  | "filter"
  | "graphs"
  | "cancel"
  | "help"
  | "host"
  | "split"
  | "quit"
  | "interrupt";

export interface Binding {
  action: Action;
  /** How the keys are written in the help overlay and the footer. */
  keys: string;
  /** What the key does (help overlay). */
  description: string;
  /** Short label for the footer, or absent to leave it out of the footer. */
  hint?: string;
  /** Order in the footer (lower first): the footer is cut at the terminal's width. */
  hintOrder?: number;
  /** Keys as the footer writes them when they differ from `keys` (a pair shown once). */
  hintKeys?: string;
  match: (input: string, key: Key) => boolean;
}

const plainKey = (ch: string) => (input: string, key: Key) =>
  input === ch && !key.ctrl && !key.meta;

export const KEYMAP: readonly Binding[] = [
  {
    action: "register",
    keys: "r",
    description: "register a backend (a form: backend, options; Enter sends)",
    hint: "register",
    hintOrder: 1,
    match: plainKey("r"),
  },
  {
    action: "unregister",
    keys: "u",
    description: "unregister the backend (frontswap pages written back)",
    hint: "unregister",
    hintOrder: 2,
    match: plainKey("u"),
  },
  {
    action: "mount",
    keys: "m",
    description: "mount a new filesystem",
    hint: "mount",
    hintOrder: 5,
    match: plainKey("m"),
  },
  {
    action: "umount",
    keys: "M",
    description: "unmount the selected filesystem",
    hint: "umount",
    hintOrder: 6,
    match: plainKey("M"),
  },
  {
    action: "swapon",
    keys: "s",
    description: "swapon the next free swap type",
    hint: "swapon",
    hintOrder: 7,
    match: plainKey("s"),
  },
  {
    action: "swapoff",
    keys: "S",
    description: "swapoff the selected swap type",
    hint: "swapoff",
    hintOrder: 8,
    match: plainKey("S"),
  },
  {
    action: "workloads",
    keys: "w",
    description: "stop the running workloads / start them again",
    hint: "workloads",
    hintOrder: 9,
    match: plainKey("w"),
  },
  {
    action: "pause",
    keys: "space",
    description: "pause / resume the simulation",
    hint: "pause",
    hintOrder: 4,
    match: plainKey(" "),
  },
  {
    action: "step",
    keys: ".",
    description: "advance one tick while paused",
    hint: "step",
    hintOrder: 10,
    match: plainKey("."),
  },
  {
    action: "faster",
    keys: "+",
    description: "raise the refresh rate",
    hint: "rate",
    hintOrder: 12,
    hintKeys: "+/-",
    match: (input, key) => (input === "+" || input === "=") && !key.ctrl && !key.meta,
  },
  {
    action: "slower",
    keys: "-",
    description: "lower the refresh rate",
    match: plainKey("-"),
  },
  {
    action: "focusNext",
    keys: "Tab",
    description: "focus the next panel",
    hint: "focus",
    hintOrder: 13,
    hintKeys: "Tab",
    match: (_input, key) => key.tab && !key.shift,
  },
  {
    action: "focusPrev",
    keys: "Shift-Tab",
    description: "focus the previous panel",
    match: (_input, key) => key.tab && key.shift,
  },
  {
    action: "up",
    keys: "↑",
    description: "select the previous row of the focused panel",
    match: (_input, key) => key.upArrow,
  },
  {
    action: "down",
    keys: "↓",
    description: "select the next row of the focused panel",
    hint: "select",
    hintOrder: 14,
    hintKeys: "↑↓",
    match: (_input, key) => key.downArrow,
  },
  {
    action: "command",
    keys: ":",
    description: "command line (script language; Enter runs, Esc closes)",
    hint: "command",
    hintOrder: 3,
    match: plainKey(":"),
  },
  {
    action: "filter",
    keys: "f",
    description: "events: show one kind only (cycles through the kinds, then all)",
    hint: "filter",
    hintOrder: 11,
    match: plainKey("f"),
  },
  {
    action: "graphs",
    keys: "g",
    description: "graphs over simulated time: show / hide (beside the panels from 160x48)",
    hint: "graphs",
    hintOrder: 4.5,
    match: plainKey("g"),
  },
  {
    action: "cancel",
    keys: "Esc",
    description: "cancel the long command in progress (the ticks done are kept)",
    match: (_input, key) => key.escape && !key.meta,
  },
  {
    action: "help",
    keys: "?",
    description: "this help (a pager: ↑↓ PgUp PgDn scroll, / searches, Esc closes)",
    hint: "help",
    hintOrder: 0,
    match: plainKey("?"),
  },
  {
    action: "host",
    keys: "H",
    description: "hide or show the Host panel (with --host or --host-root)",
    match: plainKey("H"),
  },
  {
    action: "split",
    keys: "v",
    description: "split view: eager, fake-poolid and deferred side by side (v again leaves)",
    hint: "split",
    hintOrder: 4.7,
    match: plainKey("v"),
  },
  {
    action: "quit",
    keys: "q",
    description: "quit (the terminal is restored)",
    hint: "quit",
    hintOrder: -1,
    match: plainKey("q"),
  },
  {
    action: "interrupt",
    keys: "Ctrl-C",
    description: "quit (exit status 130)",
    match: (input, key) => input === "c" && key.ctrl,
  },
];

/** The binding a key press triggers, if any. */
export function lookup(input: string, key: Key): Binding | undefined {
  return KEYMAP.find((b) => b.match(input, key));
}

/** Footer hints "key label", in footer order. */
export function footerHints(): { keys: string; hint: string }[] {
  return KEYMAP.filter((b) => b.hint !== undefined)
    .toSorted((a, b) => (a.hintOrder ?? 99) - (b.hintOrder ?? 99))
    .map((b) => ({ keys: b.hintKeys ?? b.keys, hint: b.hint! }));
}
