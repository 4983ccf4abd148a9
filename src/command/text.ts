/**
 * The one escaping rule for everything output shows of the user's input:
 * every UTF-16 code unit outside printable ASCII becomes `\uXXXX`. So an
 * error message, an `expect` echo or a JSON line is always one line of
 * printable ASCII, whatever bytes the input held (C0 and C1 controls, bidi
 * overrides and isolates, U+2028/U+2029, lone surrogates), and the `\uXXXX`
 * form reads back the same in JSON and in the script language's quoted strings.
 */

/** Longest script line accepted, in characters (a trailing `\r` not counted). */
export const MAX_LINE_LENGTH = 4096;

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/g;

/**
 * Replace every UTF-16 code unit outside printable ASCII with `\uXXXX`.
 * Applied to JSON text it keeps the JSON valid and equal in value.
 *
 * @example asciiEscapes("a\u0085b") // => "a\\u0085b"
 */
export function asciiEscapes(s: string): string {
  return s.replace(
    NOT_PRINTABLE_ASCII,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A string as a double-quoted literal (JSON syntax) of printable ASCII. */
export function quoteString(s: string): string {
  return asciiEscapes(JSON.stringify(s));
}

/**
 * A user-supplied token for a message: quoted, escaped, truncated to `max`
 * characters (then ending in `...`).
 *
 * @example quote("h\u00e9") // => "\"h\\u00e9\""
 */
export function quote(s: string, max = 40): string {
  const chars = Array.from(s);
  return quoteString(chars.length > max ? chars.slice(0, max).join("") + "..." : s);
}
