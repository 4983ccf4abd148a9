/**
 * The parser: one script line -> a typed `Command`, nothing (blank line or
 * comment), or a one-line reason why the line is not a command. Pure; the
 * line number is added by the session.
 */
import { isRegime } from "../regime.ts";
import { CONTENT_CLASSES, type ContentClass, isContentClass } from "../content.ts";
import {
  BACKEND_KINDS,
  type BackendKind,
  type BackendOptions,
  parseBackendOptions,
} from "../backends/catalog.ts";
import { WORKLOAD_NAMES, type WorkloadName, type WorkloadParams } from "../workload.ts";
import { type Command, COMPARE_OPS, type CompareOp, type ExpectValue } from "./commands.ts";
import { MAX_LINE_LENGTH, quote } from "./text.ts";

/** The outcome of parsing one line. */
export type ParseResult =
  | { ok: true; command: Command }
  /** A blank line or a comment. */
  | { ok: true; command: null }
  /** `cmd` is the command word as typed (escaped), `error` the reason without a line number. */
  | { ok: false; cmd: string; error: string };

/** Largest swap type + 1. */
const SWAP_TYPES = 32;
/** Upper bounds keeping every request a sane size. */
export const PARSE_LIMITS = {
  ino: 0xffffffff,
  index: 0xffffffff,
  offset: 0xffffffff,
  slots: 1 << 20,
  ticks: 1_000_000,
  seed: 0xffffffff,
  limit: 1 << 24,
  threshold: 4096,
  level: 9,
  nameLength: 64,
} as const;

const USAGE: Record<string, string> = {
  regime: "regime eager|fake-poolid|deferred",
  seed: "seed N",
  mount: "mount NAME [shared=UUID]",
  umount: "umount NAME",
  swapon: "swapon TYPE [slots=N]",
  swapoff: "swapoff TYPE",
  register: "register zcache|zswap|tmem|ram [KEY=VALUE ...] (see help register)",
  unregister: "unregister",
  put: "put NAME INO INDEX [CLASS]",
  write: "write NAME INO INDEX [CLASS]",
  get: "get NAME INO INDEX",
  invalidate: "invalidate NAME INO [INDEX]",
  delete: "delete NAME INO",
  store: "store TYPE OFFSET [CLASS]",
  load: "load TYPE OFFSET",
  free: "free TYPE OFFSET",
  workload: "workload start pagecache|swap|churn [KEY=VALUE ...] | workload stop NAME|all",
  run: "run TICKS",
  stats: "stats",
  expect: "expect PATH OP VALUE",
  compare: "compare",
  audit: "audit",
  help: "help",
  quit: "quit",
};

/** The command words the language knows. */
export const COMMAND_WORDS: readonly string[] = Object.keys(USAGE);

class ParseFailure extends Error {}

function fail(reason: string): never {
  throw new ParseFailure(reason);
}

/** Split a line into tokens: `#` starts a comment, spaces and tabs separate. */
export function tokenize(line: string): string[] {
  const hash = line.indexOf("#");
  const body = hash >= 0 ? line.slice(0, hash) : line;
  return body.split(/[ \t]+/).filter((t) => t.length > 0);
}

function parseUint(tok: string | undefined, what: string, max: number, min = 0): number {
  if (tok === undefined) fail(`missing ${what}`);
  if (!/^[0-9]+$/.test(tok)) fail(`${what} must be a whole number, got ${quote(tok)}`);
  const n = tok.length > 16 ? Infinity : Number(tok);
  if (n < min || n > max) fail(`${what} must be in ${min}..${max}, got ${quote(tok)}`);
  return n;
}

function parseName(tok: string | undefined, what = "NAME"): string {
  if (tok === undefined) fail(`missing ${what}`);
  if (tok.includes("=")) fail(`missing ${what} (got option ${quote(tok)})`);
  if (!/^[A-Za-z0-9_.:/-]+$/.test(tok)) {
    fail(`${what} may use letters, digits and _ . : / - only, got ${quote(tok)}`);
  }
  if (tok.length > PARSE_LIMITS.nameLength) {
    fail(`${what} is longer than ${PARSE_LIMITS.nameLength} characters`);
  }
  return tok;
}

function parseClass(tok: string | undefined): ContentClass {
  if (tok === undefined) return "text";
  if (!isContentClass(tok)) {
    fail(`CLASS must be one of ${CONTENT_CLASSES.join("|")}, got ${quote(tok)}`);
  }
  return tok;
}

function parseType(tok: string | undefined): number {
  return parseUint(tok, "TYPE", SWAP_TYPES - 1);
}

/** Split `key=value` tokens into pairs, refusing repeats and malformed ones. */
function parseOptions(tokens: string[], allowed: readonly string[] | null): [string, string][] {
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

function noMore(tokens: string[], from: number): void {
  if (tokens.length > from) fail(`unexpected ${quote(tokens[from])}`);
}

function parseRegister(t: string[]): Command {
  const kind = t[1];
  if (kind === undefined) fail(`missing backend (${BACKEND_KINDS.join("|")})`);
  // options are parsed and validated by the backend catalog; only those given are kept
  const pairs = parseOptions(t.slice(2), null);
  const resolved = parseBackendOptions(kind, pairs);
  if (typeof resolved === "string") fail(resolved);
  const options: BackendOptions = {};
  for (const [k] of pairs) options[k] = (resolved as BackendOptions)[k];
  return { kind: "register", backend: kind as BackendKind, options };
}

/** A workload parameter value: a number when it looks like one, else the text. */
export function parseParamValue(v: string): number | string {
  return /^-?[0-9]+(\.[0-9]+)?$/.test(v) && v.length <= 16 ? Number(v) : v;
}

function parseWorkload(t: string[]): Command {
  const verb = t[1];
  if (verb !== "start" && verb !== "stop") {
    fail(
      verb === undefined ? "missing start or stop" : `expected start or stop, got ${quote(verb)}`,
    );
  }
  const name = t[2];
  const names = verb === "stop" ? [...WORKLOAD_NAMES, "all"] : WORKLOAD_NAMES;
  if (name === undefined) fail(`missing workload name (${names.join("|")})`);
  if (!(names as readonly string[]).includes(name)) {
    fail(`unknown workload ${quote(name)} (known: ${names.join(", ")})`);
  }
  if (verb === "stop") {
    noMore(t, 3);
    return { kind: "workload-stop", workload: name as WorkloadName | "all" };
  }
  const params: WorkloadParams = {};
  for (const [k, v] of parseOptions(t.slice(3), null)) {
    if (!/^[\x21-\x7e]+$/.test(v)) fail(`bad value for ${k}: ${quote(v)}`);
    params[k] = parseParamValue(v);
  }
  return { kind: "workload-start", workload: name as WorkloadName, params };
}

function parseScalar(s: string): ExpectValue {
  if (s === "null") return null;
  if (s === "true") return true;
  if (s === "false") return false;
  if (/^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (s.startsWith('"')) {
    try {
      const v = JSON.parse(s);
      if (typeof v === "string") return v;
    } catch {
      // fall through
    }
    fail(`bad quoted string ${quote(s)}`);
  }
  return s;
}

/** Parse the VALUE of `expect`: number, null, true, false, word, "string", or [a,b,...]. */
export function parseExpectValue(text: string): ExpectValue {
  const s = text.trim();
  if (s === "") fail("missing VALUE");
  if (s.startsWith("[")) {
    if (!s.endsWith("]")) fail(`unterminated list ${quote(s)}`);
    const inner = s.slice(1, -1).trim();
    if (inner === "") return [];
    try {
      const v = JSON.parse(s);
      if (Array.isArray(v)) return v as ExpectValue[];
    } catch {
      // lenient form [home,var]
    }
    return inner.split(",").map((p) => {
      const x = p.trim();
      if (x === "") fail(`empty element in list ${quote(s)}`);
      return parseScalar(x);
    });
  }
  return parseScalar(s);
}

function parseExpect(t: string[], line: string): Command {
  const path = t[1];
  if (path === undefined) fail("missing PATH");
  if (!/^[A-Za-z0-9_.:/@+-]+$/.test(path)) fail(`bad PATH ${quote(path)}`);
  const op = t[2];
  if (op === undefined) fail("missing OP (== != < <= > >=)");
  if (!(COMPARE_OPS as readonly string[]).includes(op)) {
    fail(`OP must be one of == != < <= > >=, got ${quote(op)}`);
  }
  if (t.length < 4) fail("missing VALUE");
  // The value is the rest of the line (a quoted string or a list may hold spaces).
  const hash = line.indexOf("#");
  const body = (hash >= 0 ? line.slice(0, hash) : line).trim();
  const m = /^expect[ \t]+\S+[ \t]+\S+[ \t]+(.*)$/.exec(body);
  const valueText = m ? m[1] : t.slice(3).join(" ");
  return { kind: "expect", path, op: op as CompareOp, value: parseExpectValue(valueText) };
}

function parseTokens(t: string[], line: string): Command {
  const word = t[0];
  switch (word) {
    case "regime": {
      const r = t[1];
      if (r === undefined) fail("missing regime (eager|fake-poolid|deferred)");
      if (!isRegime(r)) fail(`unknown regime ${quote(r)} (known: eager, fake-poolid, deferred)`);
      noMore(t, 2);
      return { kind: "regime", regime: r };
    }
    case "seed": {
      const seed = parseUint(t[1], "N", PARSE_LIMITS.seed);
      noMore(t, 2);
      return { kind: "seed", seed };
    }
    case "mount": {
      const name = parseName(t[1]);
      const opts = parseOptions(t.slice(2), ["shared"]);
      if (opts.length === 0) return { kind: "mount", name };
      return { kind: "mount", name, uuid: parseName(opts[0][1], "UUID") };
    }
    case "umount": {
      const name = parseName(t[1]);
      noMore(t, 2);
      return { kind: "umount", name };
    }
    case "swapon": {
      const type = parseType(t[1]);
      const opts = parseOptions(t.slice(2), ["slots"]);
      if (opts.length === 0) return { kind: "swapon", type };
      return { kind: "swapon", type, slots: parseUint(opts[0][1], "slots", PARSE_LIMITS.slots, 1) };
    }
    case "swapoff": {
      const type = parseType(t[1]);
      noMore(t, 2);
      return { kind: "swapoff", type };
    }
    case "register":
      return parseRegister(t);
    case "unregister":
    case "stats":
    case "compare":
    case "audit":
    case "help":
    case "quit":
      noMore(t, 1);
      return { kind: word };
    case "put":
    case "write": {
      const name = parseName(t[1]);
      const ino = parseUint(t[2], "INO", PARSE_LIMITS.ino);
      const index = parseUint(t[3], "INDEX", PARSE_LIMITS.index);
      const cls = parseClass(t[4]);
      noMore(t, 5);
      return { kind: word, name, ino, index, cls };
    }
    case "get": {
      const name = parseName(t[1]);
      const ino = parseUint(t[2], "INO", PARSE_LIMITS.ino);
      const index = parseUint(t[3], "INDEX", PARSE_LIMITS.index);
      noMore(t, 4);
      return { kind: "get", name, ino, index };
    }
    case "invalidate": {
      const name = parseName(t[1]);
      const ino = parseUint(t[2], "INO", PARSE_LIMITS.ino);
      if (t[3] === undefined) return { kind: "invalidate", name, ino };
      const index = parseUint(t[3], "INDEX", PARSE_LIMITS.index);
      noMore(t, 4);
      return { kind: "invalidate", name, ino, index };
    }
    case "delete": {
      const name = parseName(t[1]);
      const ino = parseUint(t[2], "INO", PARSE_LIMITS.ino);
      noMore(t, 3);
      return { kind: "delete", name, ino };
    }
    case "store": {
      const type = parseType(t[1]);
      const offset = parseUint(t[2], "OFFSET", PARSE_LIMITS.offset);
      const cls = parseClass(t[3]);
      noMore(t, 4);
      return { kind: "store", type, offset, cls };
    }
    case "load":
    case "free": {
      const type = parseType(t[1]);
      const offset = parseUint(t[2], "OFFSET", PARSE_LIMITS.offset);
      noMore(t, 3);
      return { kind: word, type, offset };
    }
    case "workload":
      return parseWorkload(t);
    case "run": {
      const ticks = parseUint(t[1], "TICKS", PARSE_LIMITS.ticks);
      noMore(t, 2);
      return { kind: "run", ticks };
    }
    case "expect":
      return parseExpect(t, line);
    default:
      return fail("");
  }
}

/** Parse one script line (without its newline). Never throws. */
export function parseLine(line: string): ParseResult {
  if (line.length > MAX_LINE_LENGTH) {
    return {
      ok: false,
      cmd: "",
      error: `line too long (${line.length} characters, at most ${MAX_LINE_LENGTH})`,
    };
  }
  const clean = line.endsWith("\r") ? line.slice(0, -1) : line;
  const t = tokenize(clean);
  if (t.length === 0) return { ok: true, command: null };
  const word = t[0];
  if (!Object.hasOwn(USAGE, word)) {
    return { ok: false, cmd: "", error: `unknown command ${quote(word)} (try "help")` };
  }
  try {
    return { ok: true, command: parseTokens(t, clean) };
  } catch (e) {
    if (e instanceof ParseFailure) {
      return { ok: false, cmd: word, error: `${word}: ${e.message} (usage: ${USAGE[word]})` };
    }
    return {
      ok: false,
      cmd: word,
      error: `${word}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
