/**
 * The line model: every panel renders to a list of `Line`s, each a list of
 * styled segments exactly one terminal row high. The screen is a plain array
 * of lines, so the dashboard can never produce more rows than it was given,
 * and the same lines print as plain text for `--once`.
 */

export type Color = "green" | "yellow" | "red" | "cyan" | "magenta" | "blue" | "gray";

export interface Seg {
  text: string;
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type Line = Seg[];
export type Style = Omit<Seg, "text">;

export function seg(text: string, style: Style = {}): Seg {
  return { text, ...style };
}

/** Display width of a string: all characters the dashboard prints are one cell wide. */
export function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function lineWidth(line: Line): number {
  let n = 0;
  for (const s of line) n += width(s.text);
  return n;
}

const SGR: Record<Color, number> = {
  green: 32,
  yellow: 33,
  red: 31,
  cyan: 36,
  magenta: 35,
  blue: 34,
  gray: 90,
};

/**
 * A line as one string with SGR escape codes: the dashboard renders one ink
 * `<Text>` per line from it, about a third cheaper than one per segment.
 * Strip the line first (`strip`) for a screen without colour.
 */
export function ansi(line: Line): string {
  let out = "";
  for (const s of line) {
    let codes = "";
    if (s.color) codes += `;${SGR[s.color]}`;
    if (s.bold) codes += ";1";
    if (s.dim) codes += ";2";
    if (s.inverse) codes += ";7";
    out += codes ? `\x1b[${codes.slice(1)}m${s.text}\x1b[0m` : s.text;
  }
  return out;
}

export function plain(line: Line): string {
  return line.map((s) => s.text).join("");
}

/** Cut a string to at most `w` cells, marking the cut with "…". */
export function clip(s: string, w: number): string {
  if (w <= 0) return "";
  const chars = [...s];
  if (chars.length <= w) return s;
  return chars.slice(0, w - 1).join("") + "…";
}

export function padRight(s: string, w: number): string {
  const c = clip(s, w);
  return c + " ".repeat(Math.max(0, w - width(c)));
}

export function padLeft(s: string, w: number): string {
  const c = clip(s, w);
  return " ".repeat(Math.max(0, w - width(c))) + c;
}

/** The cells [start, end) of a line, styles kept. */
export function slice(line: Line, start: number, end: number): Line {
  const out: Line = [];
  let pos = 0;
  for (const s of line) {
    const chars = [...s.text];
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + chars.length);
    if (b > a) out.push({ ...s, text: chars.slice(a - pos, b - pos).join("") });
    pos += chars.length;
    if (pos >= end) break;
  }
  return out;
}

/** Truncate (with "…") or pad a line to exactly `w` cells. */
export function fit(line: Line, w: number): Line {
  if (w <= 0) return [];
  const lw = lineWidth(line);
  if (lw === w) return line;
  if (lw < w) return [...line, { text: " ".repeat(w - lw) }];
  const cut = slice(line, 0, w - 1);
  const last = line.length ? line[line.length - 1] : {};
  return [...cut, { ...last, text: "…" }];
}

/** Two lines side by side: `left` fitted to `lw` cells, then a separator, then `right`. */
export function beside(left: Line, lw: number, right: Line, sep = " │ "): Line {
  return [...fit(left, lw), seg(sep, { dim: true }), ...right];
}

/** Put `over` on top of `base` starting at column `col`. */
export function overlay(base: Line, over: Line, col: number, total: number): Line {
  const b = fit(base, total);
  const ow = lineWidth(over);
  return [...slice(b, 0, col), ...over, ...slice(b, col + ow, total)];
}

/** A section title rule: `── Title ─────`. */
export function title(text: string, w: number, focused = false, extra: Line = []): Line {
  const head: Line = [
    seg(focused ? "▶ " : "─ ", { color: focused ? "cyan" : undefined, dim: !focused }),
    seg(text, { bold: true, color: focused ? "cyan" : undefined }),
    seg(" "),
    ...extra,
  ];
  const hw = lineWidth(head);
  if (hw >= w) return fit(head, w);
  return [...head, seg(" " + "─".repeat(Math.max(0, w - hw - 1)), { dim: true })];
}

/** Remove colour and attributes (NO_COLOR). */
export function strip(line: Line): Line {
  return line.map((s) => ({ text: s.text }));
}

/** Remove ANSI escape sequences from a string. */
export function stripAnsi(s: string): string {
  // deno-lint-ignore no-control-regex
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g, "");
}
