/**
 * Small text helpers shared by the parser and the formatters: everything a
 * message shows of the user's input goes through `quote`, so one message is
 * always one line of printable ASCII, whatever bytes the input held.
 */

/** Longest script line accepted, in characters. */
export const MAX_LINE_LENGTH = 4096;

/** Escape every character outside printable ASCII (`\n` -> `\u000a`). */
export function escapeText(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c < 0x7f && ch !== "\\" && ch !== '"') out += ch;
    else if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else out += c > 0xffff ? `\\u{${c.toString(16)}}` : `\\u${c.toString(16).padStart(4, "0")}`;
  }
  return out;
}

/** A user-supplied token for a message: quoted, escaped, truncated to `max` characters. */
export function quote(s: string, max = 40): string {
  const chars = Array.from(s);
  const cut = chars.length > max ? chars.slice(0, max).join("") + "..." : s;
  return `"${escapeText(cut)}"`;
}

/** Make a message one line of printable ASCII: other characters become `\uXXXX`. */
export function oneLine(s: string): string {
  return s.replace(/[^\x20-\x7e]/gu, (ch) => {
    const c = ch.codePointAt(0)!;
    return c > 0xffff ? `\\u{${c.toString(16)}}` : `\\u${c.toString(16).padStart(4, "0")}`;
  });
}

/** Whether the text is printable ASCII without spaces. */
export function isPlainToken(s: string): boolean {
  return /^[\x21-\x7e]+$/.test(s);
}
