/**
 * The right-hand side of `expect PATH OP VALUE`: the operators, the values a
 * script may write (numbers, null, booleans, words, "quoted strings", lists)
 * and their canonical spelling. Only finite numbers are values: `1e309`,
 * `Infinity` and `NaN` are refused like any other bad number.
 */
import { ParseFailure } from "./args.ts";
import { quote, quoteString } from "./text.ts";

/** Comparison operators of `expect`. */
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

/** The operators, longest first (so `<=` is not read as `<`). */
export const COMPARE_OPS: readonly CompareOp[] = ["==", "!=", "<=", ">=", "<", ">"];

/** A value on the right-hand side of `expect`. */
export type ExpectValue = number | string | boolean | null | ExpectValue[];

const NUMBER = /^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
/** Words that look like numbers to a reader but are not finite numbers. */
const NOT_A_NUMBER = /^[-+]?(inf|infinity|nan)$/i;

function finite(n: number, text: string): number {
  if (!Number.isFinite(n)) fail(`VALUE ${quote(text)} is not a finite number`);
  return n;
}

function fail(reason: string): never {
  throw new ParseFailure(reason);
}

function parseScalar(s: string): ExpectValue {
  if (s === "null") return null;
  if (s === "true") return true;
  if (s === "false") return false;
  if (NUMBER.test(s)) return finite(Number(s), s);
  if (NOT_A_NUMBER.test(s)) fail(`VALUE ${quote(s)} is not a finite number`);
  if (s.startsWith('"')) {
    try {
      const v = JSON.parse(s);
      if (typeof v === "string") return v;
    } catch {
      // reported below
    }
    fail(`bad quoted string ${quote(s)}`);
  }
  return s;
}

/** Check a JSON-parsed list: every number finite, nothing but values. */
function checkList(v: unknown[], text: string): ExpectValue[] {
  for (const x of v) {
    if (typeof x === "number") finite(x, text);
    else if (Array.isArray(x)) checkList(x, text);
    else if (x !== null && typeof x === "object") fail(`bad list element in ${quote(text)}`);
  }
  return v as ExpectValue[];
}

/**
 * Parse the VALUE of `expect`: number, null, true, false, word,
 * "string", or a list `[a,b,...]` (JSON or bare words).
 *
 * @example parseExpectValue("[home, var]") // => ["home", "var"]
 */
export function parseExpectValue(text: string): ExpectValue {
  const s = text.trim();
  if (s === "") fail("missing VALUE");
  if (s.startsWith("[")) {
    if (!s.endsWith("]")) fail(`unterminated list ${quote(s)}`);
    const inner = s.slice(1, -1).trim();
    if (inner === "") return [];
    let json: unknown;
    try {
      json = JSON.parse(s);
    } catch {
      // the lenient form [home,var]
    }
    if (Array.isArray(json)) return checkList(json, s);
    return inner.split(",").map((p) => {
      const x = p.trim();
      if (x === "") fail(`empty element in list ${quote(s)}`);
      return parseScalar(x);
    });
  }
  return parseScalar(s);
}

function isKeyword(s: string): boolean {
  return s === "null" || s === "true" || s === "false";
}

/**
 * Canonical spelling of an `expect` value; `parseExpectValue` reads it back
 * equal. Strings that are not plain words are quoted with `quoteString`.
 */
export function formatExpectValue(v: ExpectValue): string {
  if (Array.isArray(v)) return "[" + v.map(formatExpectValue).join(",") + "]";
  if (typeof v === "string") {
    return /^[A-Za-z_][\w.:/@+-]*$/.test(v) && !isKeyword(v) && !NOT_A_NUMBER.test(v)
      ? v
      : quoteString(v);
  }
  return String(v);
}
