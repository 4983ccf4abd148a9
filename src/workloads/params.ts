/**
 * Workload parameters: their specifications (default, range, description),
 * validation of what a user gave (`rate=300 mix=text:60,random:40`), and the
 * content-class mix type.
 */
import { SimError } from "../errors.ts";
import { CONTENT_CLASSES, type ContentClass, isContentClass } from "../content.ts";
import type { WorkloadName, WorkloadParams } from "../workload.ts";

/** The specification of one parameter. */
export type ParamSpec =
  | { kind: "int"; default: number; min: number; max: number; doc: string }
  | { kind: "number"; default: number; min: number; max: number; doc: string }
  | { kind: "mix"; default: string; doc: string }
  | { kind: "names"; default: string; doc: string }
  | { kind: "path"; default: string; doc: string };

/** The parameters of one workload. */
export type ParamSpecs = Record<string, ParamSpec>;

/**
 * The parameters every page-cache workload (`pagecache`, `files`) has: its rate, the
 * cache it reads through, which pages are popular, how often it writes, where it works.
 */
export const PAGE_CACHE_PARAMS = {
  rate: { kind: "int", default: 200, min: 0, max: 100_000, doc: "file operations per tick" },
  cache: {
    kind: "int",
    default: 1024,
    min: 1,
    max: 1_000_000,
    doc: "page cache size in pages, shared by all filesystems",
  },
  skew: { kind: "number", default: 0.8, min: 0, max: 4, doc: "Zipf skew of page popularity" },
  writes: {
    kind: "number",
    default: 0.05,
    min: 0,
    max: 1,
    doc: "fraction of operations that write",
  },
  fs: {
    kind: "names",
    default: "",
    doc: "filesystems to use, comma-separated (empty: every mounted one)",
  },
} as const satisfies ParamSpecs;

/**
 * Merge the user's parameters over the defaults and check them. Throws
 * `SimError` naming the parameter for an unknown key or a bad value.
 */
export function resolveParams(
  workload: WorkloadName,
  specs: ParamSpecs,
  given: WorkloadParams,
): WorkloadParams {
  const out: WorkloadParams = {};
  for (const [k, spec] of Object.entries(specs)) out[k] = spec.default;
  for (const [k, raw] of Object.entries(given)) {
    const spec = Object.hasOwn(specs, k) ? specs[k] : undefined;
    if (!spec) {
      throw new SimError(
        `workload: ${workload} has no parameter '${k}' (known: ${Object.keys(specs).join(", ")})`,
      );
    }
    out[k] = checkValue(workload, k, spec, raw);
  }
  return out;
}

function checkValue(w: string, k: string, spec: ParamSpec, raw: number | string): number | string {
  switch (spec.kind) {
    case "int":
    case "number": {
      const v = typeof raw === "number" ? raw : Number(raw);
      const bad = typeof raw === "string" && !/^-?[0-9]+(\.[0-9]+)?$/.test(raw);
      if (bad || !Number.isFinite(v) || (spec.kind === "int" && !Number.isInteger(v))) {
        throw new SimError(
          `workload: ${w} ${k} must be ${spec.kind === "int" ? "a whole number" : "a number"}`,
        );
      }
      if (v < spec.min || v > spec.max) {
        throw new SimError(`workload: ${w} ${k} must be from ${spec.min} to ${spec.max}`);
      }
      return v;
    }
    case "mix":
      parseMix(String(raw), `${w} ${k}`);
      return String(raw);
    case "names": {
      const s = String(raw);
      if (s !== "" && !/^[\w.\/:-]+(,[\w.\/:-]+)*$/.test(s)) {
        throw new SimError(`workload: ${w} ${k} must be a comma-separated list of names`);
      }
      return s;
    }
    case "path":
      return String(raw);
  }
}

/** A content-class mix: classes with cumulative integer weights, for O(classes) draws. */
export interface ContentMix {
  classes: ContentClass[];
  /** Cumulative weights; the last is the total. */
  cumulative: number[];
}

/**
 * Parse `text:50,records:25,zero:10` (weights, any positive integers). Throws
 * `SimError` on an unknown class, a bad weight, or a zero total.
 */
export function parseMix(s: string, what = "mix"): ContentMix {
  const classes: ContentClass[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const part of s.split(",")) {
    const m = /^([a-z]+):([0-9]{1,6})$/.exec(part);
    if (!m) {
      throw new SimError(
        `workload: ${what} must look like text:50,random:10 (classes: ${
          CONTENT_CLASSES.join(", ")
        })`,
      );
    }
    const [, cls, w] = m;
    if (!isContentClass(cls)) {
      throw new SimError(
        `workload: ${what}: unknown content class '${cls}' (${CONTENT_CLASSES.join(", ")})`,
      );
    }
    if (classes.includes(cls)) throw new SimError(`workload: ${what}: class '${cls}' given twice`);
    total += Number(w);
    classes.push(cls);
    cumulative.push(total);
  }
  if (total === 0) throw new SimError(`workload: ${what}: the weights add up to zero`);
  return { classes, cumulative };
}

/** The class for a value `u` in [0, 1) (a hash or a PRNG draw). */
export function pickClass(mix: ContentMix, u: number): ContentClass {
  const total = mix.cumulative[mix.cumulative.length - 1];
  const x = u * total;
  for (let i = 0; i < mix.classes.length; i++) if (x < mix.cumulative[i]) return mix.classes[i];
  return mix.classes[mix.classes.length - 1];
}

/** Defaults of a spec table, as parameters. */
export function defaultsOf(specs: ParamSpecs): WorkloadParams {
  const out: WorkloadParams = {};
  for (const [k, spec] of Object.entries(specs)) out[k] = spec.default;
  return out;
}

/** Descriptions of a spec table: `key` -> "what it is (default D, range)". */
export function docsOf(specs: ParamSpecs): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, spec] of Object.entries(specs)) {
    const range = spec.kind === "int" || spec.kind === "number" ? `, ${spec.min}..${spec.max}` : "";
    out[k] = `${spec.doc} (default ${spec.default === "" ? '""' : spec.default}${range})`;
  }
  return out;
}

/** Odd multiplier coprime with n, spreading popularity ranks over a range of n. */
export function strideFor(n: number): number {
  if (n <= 2) return 1;
  let s = Math.floor(n * 0.6180339887) | 1;
  while (gcd(s, n) !== 1) s += 2;
  return s;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
