/**
 * Reading the words of a script line: the tokenizer and the small readers
 * every command's `parse` is built from (whole numbers in a range, names,
 * content classes, swap types, `KEY=VALUE` options, on/off). A reader that
 * does not like its token throws `ParseFailure` with a reason; the parser
 * adds the command word and its usage.
 */
import { CONTENT_CLASSES, type ContentClass, isContentClass } from "../content.ts";
import { quote } from "./text.ts";
import { LIMITS, NAME_PATTERN } from "../limits.ts";

/** Upper bounds keeping every request a sane size (one definition: src/limits.ts). */
export const PARSE_LIMITS = LIMITS;

/** Why a line is not a command (without line number or command word). */
export class ParseFailure extends Error {}

/** Throw a `ParseFailure`. */
export function fail(reason: string): never {
  throw new ParseFailure(reason);
}

/**
 * Split a line into tokens: `#` starts a comment, spaces and tabs separate.
 *
 * @example tokenize("get home 1 2 # hot") // => ["get", "home", "1", "2"]
 */
export function tokenize(line: string): string[] {
  return withoutComment(line).split(/[ \t]+/).filter((t) => t.length > 0);
}

/** The line up to its `#` comment. */
export function withoutComment(line: string): string {
  const hash = line.indexOf("#");
  return hash >= 0 ? line.slice(0, hash) : line;
}

/** A whole number in `min..max`; `what` names it in the reason. */
export function parseUint(tok: string | undefined, what: string, max: number, min = 0): number {
  if (tok === undefined) fail(`missing ${what}`);
  if (!/^[0-9]+$/.test(tok)) fail(`${what} must be a whole number, got ${quote(tok)}`);
  const n = tok.length > 16 ? Infinity : Number(tok);
  if (n < min || n > max) fail(`${what} must be in ${min}..${max}, got ${quote(tok)}`);
  return n;
}

/** A filesystem name or uuid: letters, digits and `_ . : / -`, at most 64 characters. */
export function parseName(tok: string | undefined, what = "NAME"): string {
  if (tok === undefined) fail(`missing ${what}`);
  if (tok.includes("=")) fail(`missing ${what} (got option ${quote(tok)})`);
  if (!NAME_PATTERN.test(tok)) {
    fail(`${what} may use letters, digits and _ . : / - only, got ${quote(tok)}`);
  }
  if (tok.length > PARSE_LIMITS.nameLength) {
    fail(`${what} is longer than ${PARSE_LIMITS.nameLength} characters`);
  }
  return tok;
}

/** An optional content class (default `text`). */
export function parseClass(tok: string | undefined): ContentClass {
  if (tok === undefined) return "text";
  if (!isContentClass(tok)) {
    fail(`CLASS must be one of ${CONTENT_CLASSES.join("|")}, got ${quote(tok)}`);
  }
  return tok;
}

/** A swap type 0..31. */
export function parseType(tok: string | undefined): number {
  return parseUint(tok, "TYPE", LIMITS.swapType);
}

/**
 * Split `key=value` tokens into pairs, refusing repeats and malformed ones;
 * with `allowed`, only those keys.
 */
export function parseOptions(
  tokens: readonly string[],
  allowed: readonly string[] | null,
): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const tok of tokens) {
    const eq = tok.indexOf("=");
    if (eq <= 0 || eq === tok.length - 1) fail(`expected KEY=VALUE, got ${quote(tok)}`);
    const key = tok.slice(0, eq), value = tok.slice(eq + 1);
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) fail(`bad option name ${quote(key)}`);
    if (allowed && !allowed.includes(key)) {
      fail(`unknown option ${quote(key)} (known: ${allowed.join(", ")})`);
    }
    if (seen.has(key)) fail(`option ${quote(key)} given twice`);
    seen.add(key);
    out.push([key, value]);
  }
  return out;
}

/** Refuse tokens from index `from` on. */
export function noMore(tokens: readonly string[], from: number): void {
  if (tokens.length > from) fail(`unexpected ${quote(tokens[from])}`);
}

/** `on`/`off` (also true/false, yes/no, 1/0). */
export function parseOnOff(v: string, what: string): boolean {
  if (v === "on" || v === "true" || v === "yes" || v === "1") return true;
  if (v === "off" || v === "false" || v === "no" || v === "0") return false;
  return fail(`${what} must be on or off, got ${quote(v)}`);
}

/** One of `choices`, or a reason listing them. */
export function parseChoice<T extends string>(
  v: string | undefined,
  what: string,
  choices: readonly T[],
): T {
  if (v === undefined) fail(`missing ${what} (${choices.join("|")})`);
  if (!(choices as readonly string[]).includes(v)) {
    fail(`unknown ${what} ${quote(v)} (known: ${choices.join(", ")})`);
  }
  return v as T;
}

/** A workload parameter value: a number when it looks like one, else the text. */
export function parseParamValue(v: string): number | string {
  return /^-?[0-9]+(\.[0-9]+)?$/.test(v) && v.length <= 16 ? Number(v) : v;
}
