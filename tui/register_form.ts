/**
 * The register form `r` opens: the backends with their one-line
 * descriptions, and the options of the one chosen (each with its values or
 * range and its help). ↑↓ move between the backend row and the option rows,
 * ←→ change the value under the cursor, Enter sends the command line the
 * footer shows (only options that differ from their defaults are written),
 * Esc cancels. The controller keeps the last choice across `u`/`r`.
 */
import { type Line, padRight, seg } from "./line.ts";
import type { KeyPress } from "./input.ts";
import { DIM, KEY, WARN } from "./theme.ts";
import { wrap } from "./pager.ts";
import { listWindow, moreLine } from "./panels/list_panel.ts";

/** One register option, as the backends catalog describes it. */
export interface FormOption {
  key: string;
  type: "int" | "enum" | "bool";
  values?: readonly string[];
  min?: number;
  max?: number;
  default: string | number | boolean | null;
  help: string;
}

/** One backend, as the backends catalog describes it. */
export interface FormBackend {
  name: string;
  description: string;
  options: readonly FormOption[];
}

export interface RegisterForm {
  kind: "form";
  backends: readonly FormBackend[];
  /** The backend chosen. */
  index: number;
  /** 0: the backend row; 1..n: option n-1 of the chosen backend. */
  row: number;
  /** Values set per backend (absent: the default). */
  values: Record<string, Record<string, string | number | boolean>>;
}

export function openForm(
  backends: readonly FormBackend[],
  last?: { index: number; values: RegisterForm["values"] },
): RegisterForm {
  return {
    kind: "form",
    backends,
    index: last ? Math.min(last.index, backends.length - 1) : 0,
    row: 0,
    values: structuredClone(last?.values ?? {}),
  };
}

function valueOf(f: RegisterForm, o: FormOption): string | number | boolean | null {
  return f.values[f.backends[f.index].name]?.[o.key] ?? o.default;
}

/** The value after `o`'s current one, `d` steps along (+1 / -1). */
function step(o: FormOption, v: string | number | boolean | null, d: number) {
  if (o.type === "bool") return !v;
  if (o.type === "enum") {
    const vs = o.values ?? [];
    const i = vs.indexOf(String(v));
    return vs[(i + d + vs.length) % vs.length];
  }
  const n = typeof v === "number" ? v : (o.min ?? 0);
  return Math.max(o.min ?? 0, Math.min(o.max ?? Number.MAX_SAFE_INTEGER, n + d));
}

/** The command line the form sends. */
export function formCommand(f: RegisterForm): string {
  const b = f.backends[f.index];
  const opts = b.options
    .filter((o) => {
      const v = valueOf(f, o);
      return v !== null && v !== o.default;
    })
    .map((o) => {
      const v = valueOf(f, o);
      return `${o.key}=${typeof v === "boolean" ? (v ? "on" : "off") : v}`;
    });
  return ["register", b.name, ...opts].join(" ");
}

/** What a key does to the form: "cancel", a command line to send, or nothing. */
export function formKey(
  f: RegisterForm,
  { input, key }: KeyPress,
): "cancel" | { line: string } | void {
  const b = f.backends[f.index];
  if (key.escape || input === "q") return "cancel";
  if (key.return) return { line: formCommand(f) };
  if (key.upArrow) f.row = Math.max(0, f.row - 1);
  else if (key.downArrow || key.tab) f.row = Math.min(b.options.length, f.row + 1);
  else if (key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) {
    const d = key.leftArrow ? -1 : key.rightArrow ? 1 : key.pageUp ? 10 : -10;
    if (f.row === 0) {
      f.index = (f.index + Math.sign(d) + f.backends.length) % f.backends.length;
      return;
    }
    const o = b.options[f.row - 1];
    const big = o.type === "int" && (o.max ?? 0) > 100 ? 64 : 1;
    (f.values[b.name] ??= {})[o.key] = step(
      o,
      valueOf(f, o),
      o.type === "int" ? d * big : Math.sign(d),
    );
  }
}

/** The form's lines (a box body). */
export function formLines(f: RegisterForm): Line[] {
  const out: Line[] = [];
  const nameW = Math.max(...f.backends.map((b) => b.name.length)) + 2;
  f.backends.forEach((b, i) => {
    const chosen = i === f.index;
    out.push([
      seg(chosen ? (f.row === 0 ? "› " : "• ") : "  ", KEY),
      seg(padRight(b.name, nameW), chosen ? { bold: true, inverse: f.row === 0 } : {}),
      seg(b.description, chosen ? {} : DIM),
    ]);
  });
  const b = f.backends[f.index];
  out.push([], [seg(`${b.name} options (←→ change, ↑↓ move)`, { bold: true })]);
  const keyW = Math.max(8, ...b.options.map((o) => o.key.length)) + 1;
  b.options.forEach((o, i) => {
    const v = valueOf(f, o);
    const at = f.row === i + 1;
    const shown = v === null ? "default" : typeof v === "boolean" ? (v ? "on" : "off") : String(v);
    const range = o.type === "enum"
      ? (o.values ?? []).join("|")
      : o.type === "bool"
      ? "on|off"
      : `${o.min ?? 0}..${o.max ?? "∞"}`;
    out.push([
      seg(at ? "› " : "  ", KEY),
      seg(padRight(o.key, keyW)),
      seg(padRight(`◂ ${shown} ▸`, 14), at ? { inverse: true } : v !== o.default ? WARN : {}),
      seg(` ${range}  ${o.help}`, DIM),
    ]);
  });
  out.push([], [seg("Enter sends: ", DIM), seg(formCommand(f), KEY)], [
    seg("Esc cancels; the last choice is kept for the next r", DIM),
  ]);
  return out;
}

/** Lines of the form's footer (`formLines` ends with them): the command it sends, Esc. */
const FOOTER_LINES = 3;

/**
 * The form as a box body of at most `h` rows of `w` cells: long lines wrapped,
 * the footer (the command line it sends, Esc cancels) always shown, and the
 * rest scrolled to keep the chosen row in view with `… N more above/below`.
 */
export function formBody(f: RegisterForm, w: number, h: number): Line[] {
  const lines = formLines(f);
  const foot = lines.slice(-FOOTER_LINES).flatMap((l) => wrap(l, w));
  const rows = lines.slice(0, -FOOTER_LINES).flatMap((l, src) =>
    wrap(l, w).map((row) => ({ row, src }))
  );
  // Tight: the blank line above the footer goes first.
  const footer = rows.length + foot.length > h ? foot.slice(1) : foot;
  const room = Math.max(0, h - footer.length);
  if (rows.length <= room) return [...rows.map((r) => r.row), ...footer];
  const sel = f.row === 0 ? f.index : f.backends.length + 2 + f.row - 1;
  const win = listWindow(rows.length, room, rows.findIndex((r) => r.src === sel));
  return [
    ...(win.above ? [moreLine(win.above, "above")] : []),
    ...rows.slice(win.start, win.end).map((r) => r.row),
    ...(win.below ? [moreLine(win.below, "below")] : []),
    ...footer,
  ];
}
