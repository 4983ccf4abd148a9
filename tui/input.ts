/**
 * Terminal input as key presses, one per key. Ink's input parser hands over
 * what one read of stdin held, split only at escape sequences: `mmm` typed
 * (or pasted, or read late under load) arrives as one string, `Esc` then `q`
 * as `\x1bq`. `keyPresses` turns every such chunk into the presses it holds:
 * every printable character is its own press, CR and LF are Enter (a pasted
 * script runs line by line in the command line), an Esc that prefixes a key
 * stays an Esc followed by that key, and known escape sequences (arrows,
 * PgUp/PgDn, Home/End, Shift-Tab, Delete) are one press each.
 *
 * @example
 * keyPresses("mm").map((p) => p.input); // ["m", "m"]
 * keyPresses("\x1bq").map((p) => p.key.escape); // [true, false]
 */
import type { Key } from "ink";

/** One key press: what `useInput` would have been called with for it. */
export interface KeyPress {
  input: string;
  key: Key;
}

/** A key press with no modifier or special key set (the base every press is built on). */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** A press with the given fields set. */
export function press(input: string, key: Partial<Key> = {}): KeyPress {
  return { input, key: { ...NO_KEY, ...key } };
}

/** Final part of CSI/SS3 sequences (without modifiers) to the key it names. */
const SEQUENCES: Record<string, Partial<Key>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
  Z: { tab: true, shift: true },
  "1~": { home: true },
  "7~": { home: true },
  "4~": { end: true },
  "8~": { end: true },
  "3~": { delete: true },
  "5~": { pageUp: true },
  "6~": { pageDown: true },
};

/** One escape sequence (starting with ESC) as a press, or null when it names no key we know. */
function sequencePress(seq: string): KeyPress | null {
  // deno-lint-ignore no-control-regex
  const m = /^\x1b(?:\[|O)(?:(\d+)(?:;(\d+))?)?([A-Za-z~])$/.exec(seq);
  if (!m) return null;
  const [, num, mod, final] = m;
  const code = final === "~" ? `${num ?? ""}~` : final;
  const k = SEQUENCES[code];
  if (!k) return null;
  const modifier = mod ? Number(mod) - 1 : 0;
  return press("", {
    ...k,
    shift: Boolean(k.shift) || Boolean(modifier & 1),
    meta: Boolean(modifier & 10),
    ctrl: Boolean(modifier & 4),
  });
}

/** One character (not ESC) as a press. */
function charPress(ch: string): KeyPress | null {
  const c = ch.codePointAt(0)!;
  if (ch === "\r" || ch === "\n") return press("", { return: true });
  if (ch === "\t") return press("", { tab: true });
  if (ch === "\x7f" || ch === "\b") return press("", { backspace: true });
  if (c < 0x20) return press(String.fromCharCode(c + 96), { ctrl: true });
  if (c >= 0x80 && c < 0xa0) return null;
  return press(ch, { shift: /^[A-Z]$/.test(ch) });
}

/** Every key press one input chunk holds, in order. */
export function keyPresses(chunk: string): KeyPress[] {
  const out: KeyPress[] = [];
  let i = 0;
  const chars = [...chunk];
  while (i < chars.length) {
    const ch = chars[i];
    if (ch !== "\x1b") {
      const p = charPress(ch);
      if (p) out.push(p);
      i++;
      continue;
    }
    // ESC: a CSI/SS3 sequence names a key; anything else is Esc, then what follows.
    const next = chars[i + 1];
    if (next === "[" || next === "O") {
      let j = i + 2;
      while (j < chars.length && /[0-9;]/.test(chars[j])) j++;
      if (j < chars.length) {
        const p = sequencePress(chars.slice(i, j + 1).join(""));
        if (p) {
          out.push(p);
          i = j + 1;
          continue;
        }
        if (next === "[") {
          i = j + 1; // an escape sequence we do not know: ignore it whole
          continue;
        }
      }
    }
    out.push(press("", { escape: true }));
    i++;
  }
  return out;
}
