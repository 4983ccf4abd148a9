/**
 * The backends the simulator offers, in ONE place: each with a one-line
 * description, the kernel source it follows and its register options
 * (key, values or range, default, help), which the parser, the dashboard's
 * register form and the help read. `parseBackendOptions` turns `key=value`
 * words into options or a one-line error; `createBackend` builds a backend.
 *
 * @example
 * ```ts
 * const r = parseBackendOptions("zswap", [["full", "reject"], ["limit", "64"]]);
 * if (typeof r === "string") throw new Error(r);
 * const b = createBackend("zswap", r);
 * ```
 */
import { COMPRESSOR_KINDS, COMPRESSOR_LEVELS, type CompressorKind } from "./compressors.ts";
import type { Backend } from "./ops.ts";
import { RamBackend } from "./ram.ts";
import { TmemBackend } from "./tmem.ts";
import { ZCACHE_MAX_ZSIZE, ZcacheBackend, type ZcacheOptions } from "./zcache.ts";
import { ZswapBackend, type ZswapOptions } from "./zswap.ts";

export const BACKEND_KINDS = ["zcache", "zswap", "tmem", "ram"] as const;
export type BackendKind = typeof BACKEND_KINDS[number];

export type OptionValue = string | number | boolean;
/** Register options of one backend, by key (every key of its catalog entry once resolved). */
export type BackendOptions = Record<string, OptionValue>;

/** One register option. */
export interface OptionSpec {
  key: string;
  type: "int" | "enum" | "bool";
  /** enum: the values accepted. */
  values?: readonly string[];
  /** int: inclusive range. */
  min?: number;
  max?: number;
  /** The default; `level`'s depends on the compressor (null here). */
  default: OptionValue | null;
  help: string;
}

/** One backend of the catalog. */
export interface BackendEntry {
  name: BackendKind;
  description: string;
  /** The kernel source it follows. */
  source: string;
  options: readonly OptionSpec[];
}

const compressor: OptionSpec = {
  key: "compressor",
  type: "enum",
  values: COMPRESSOR_KINDS,
  default: "deflate",
  help: "page compressor (deflate = fflate; deflate-native and zstd = node:zlib; lz4 = wasm)",
};
const level: OptionSpec = {
  key: "level",
  type: "int",
  min: 0,
  max: 19,
  default: null,
  help: "compressor level (deflate 0-9, default 1; deflate-native 1-9, default 2; " +
    "zstd 1-19, default 1; lz4 has none)",
};
const onOff = (key: string, def: boolean, help: string): OptionSpec => ({
  key,
  type: "bool",
  default: def,
  help,
});
const frames = (def: number, help: string): OptionSpec => ({
  key: "limit",
  type: "int",
  min: 0,
  max: 1 << 24,
  default: def,
  help,
});

export const BACKEND_CATALOG: readonly BackendEntry[] = [
  {
    name: "zcache",
    description: "staging zcache (3.7-3.11): cleancache + frontswap, own zbud, private pools",
    source: "drivers/staging/zcache (v3.10.33, v3.9.6)",
    options: [
      compressor,
      level,
      frames(2048, "page frames zcache can allocate (0 = no limit)"),
      {
        key: "threshold",
        type: "int",
        min: 1,
        max: 4096,
        default: ZCACHE_MAX_ZSIZE,
        help: "zbud_max_zsize: persistent pages compressing above it are refused",
      },
      onOff("debug", false, "CONFIG_ZCACHE_DEBUG: the mean-size rule (2560 B) takes effect"),
      onOff("zero_filled", true, "3.10's zero-filled page test (off: 3.9)"),
      onOff("exclusive_gets", true, "frontswap exclusive gets (off: nofrontswapexclusivegets)"),
      onOff("writeback", false, "CONFIG_ZCACHE_WRITEBACK: write persistent pages back when full"),
    ],
  },
  {
    name: "zswap",
    description:
      "mm/zswap.c (3.11+): frontswap only, zbud/z3fold/zsmalloc, soft or hysteresis limit",
    source: "mm/zswap.c, mm/zbud.c (v4.1.15, v4.2.8; 5.10 for full=reject), mm/z3fold.c (5.10)",
    options: [
      compressor,
      level,
      {
        key: "allocator",
        type: "enum",
        values: ["zbud", "z3fold", "zsmalloc"],
        default: "zbud",
        help: "zpool: zbud (2 objects a frame, up to 3968 bytes), z3fold (3 a frame, 4.8+) " +
          "or zsmalloc (no writeback)",
      },
      {
        key: "ram",
        type: "int",
        min: 1,
        max: 1 << 26,
        default: 10240,
        help: "simulated RAM in page frames (totalram_pages)",
      },
      {
        key: "max_pool_percent",
        type: "int",
        min: 1,
        max: 100,
        default: 20,
        help: "pool maximum as a percent of ram",
      },
      frames(0, "pool maximum in frames; overrides max_pool_percent when > 0"),
      {
        key: "full",
        type: "enum",
        values: ["reclaim", "reject"],
        default: "reclaim",
        help: "pool full: reclaim one zbud page then store (3.11-5.5) or reject (5.6+)",
      },
      {
        key: "accept_threshold",
        type: "int",
        min: 1,
        max: 100,
        default: 90,
        help: "full=reject: accept again below this percent of the maximum",
      },
      onOff("same_filled", true, "same-filled pages kept as one word (4.16+)"),
    ],
  },
  {
    name: "tmem",
    description: "Xen tmem (drivers/xen/tmem.c): shared pools by uuid, pages uncompressed",
    source: "drivers/xen/tmem.c (v3.9.6-v4.2.8)",
    options: [frames(0, "page frames the hypervisor gives (0 = no limit)")],
  },
  {
    name: "ram",
    description: "reference (ours): accepts every page, uncompressed, one frame each",
    source: "none (ours)",
    options: [frames(0, "page frames (0 = no limit)")],
  },
];

/** The catalog entry of `kind`, or undefined. */
export function backendEntry(kind: string): BackendEntry | undefined {
  return BACKEND_CATALOG.find((b) => b.name === kind);
}

export function isBackendKind(kind: string): kind is BackendKind {
  return backendEntry(kind) !== undefined;
}

function describe(spec: OptionSpec): string {
  if (spec.type === "enum") return spec.values!.join("|");
  if (spec.type === "bool") return "on|off";
  return `an integer from ${spec.min} to ${spec.max}`;
}

/** A value for `spec` from its text, or a one-line error. */
function parseValue(spec: OptionSpec, raw: string): { v: OptionValue } | { error: string } {
  const bad = { error: `${spec.key} must be ${describe(spec)}, got '${raw}'` };
  if (spec.type === "enum") return spec.values!.includes(raw) ? { v: raw } : bad;
  if (spec.type === "bool") {
    if (["on", "true", "yes", "1"].includes(raw)) return { v: true };
    if (["off", "false", "no", "0"].includes(raw)) return { v: false };
    return bad;
  }
  if (!/^[0-9]{1,9}$/.test(raw)) return bad;
  const v = Number(raw);
  return v < spec.min! || v > spec.max! ? bad : { v };
}

/**
 * Options of `kind` from `key=value` pairs, defaults filled in, or a
 * one-line error (unknown backend or key, bad value, level outside what the
 * compressor honours, a key given twice).
 */
export function parseBackendOptions(
  kind: string,
  pairs: readonly (readonly [string, string])[],
): BackendOptions | string {
  const entry = backendEntry(kind);
  if (!entry) return `unknown backend '${kind}' (known: ${BACKEND_KINDS.join(", ")})`;
  const given: Record<string, OptionValue> = {};
  for (const [key, raw] of pairs) {
    const spec = entry.options.find((o) => o.key === key);
    if (!spec) {
      return `${kind} has no option '${key}' (options: ${
        entry.options.map((o) => o.key).join(", ") || "none"
      })`;
    }
    if (key in given) return `option ${key} given twice`;
    const r = parseValue(spec, raw);
    if ("error" in r) return r.error;
    given[key] = r.v;
  }
  return resolveBackendOptions(kind as BackendKind, given);
}

/**
 * Typed options (from code, e.g. `sim.register("zswap", { limit: 64 })`)
 * checked against the catalog, defaults filled in; or a one-line error.
 */
export function resolveBackendOptions(
  kind: BackendKind,
  given: Record<string, unknown>,
): BackendOptions | string {
  const entry = backendEntry(kind);
  if (!entry) return `unknown backend '${kind}' (known: ${BACKEND_KINDS.join(", ")})`;
  const out: BackendOptions = {};
  for (const spec of entry.options) {
    const v = given[spec.key];
    if (v === undefined) {
      if (spec.default !== null) out[spec.key] = spec.default;
      continue;
    }
    const ok = spec.type === "enum"
      ? typeof v === "string" && spec.values!.includes(v)
      : spec.type === "bool"
      ? typeof v === "boolean"
      : Number.isInteger(v) && (v as number) >= spec.min! && (v as number) <= spec.max!;
    if (!ok) return `${spec.key} must be ${describe(spec)}`;
    out[spec.key] = v as OptionValue;
  }
  for (const key of Object.keys(given)) {
    if (given[key] !== undefined && !entry.options.some((o) => o.key === key)) {
      return `${kind} has no option '${key}'`;
    }
  }
  if ("compressor" in out) {
    const range = COMPRESSOR_LEVELS[out.compressor as CompressorKind];
    if (range === null) {
      // level 0 is how a resolved lz4 entry reads back
      if (given.level !== undefined && given.level !== 0) {
        return `compressor ${out.compressor} has no levels`;
      }
      out.level = 0;
    } else if (given.level === undefined) out.level = range[2];
    else if ((out.level as number) < range[0] || (out.level as number) > range[1]) {
      return `level must be from ${range[0]} to ${range[1]} for ${out.compressor}`;
    }
  }
  // keep the catalog's key order
  const ordered: BackendOptions = {};
  for (const spec of entry.options) if (spec.key in out) ordered[spec.key] = out[spec.key];
  return ordered;
}

/** The canonical `key=value` words of options (only those that differ from the defaults are kept by callers). */
export function formatBackendOptions(kind: BackendKind, options: Record<string, unknown>): string {
  const entry = backendEntry(kind)!;
  const words: string[] = [];
  for (const spec of entry.options) {
    const v = options[spec.key];
    if (v === undefined) continue;
    words.push(`${spec.key}=${typeof v === "boolean" ? (v ? "on" : "off") : v}`);
  }
  return words.join(" ");
}

/** Build a backend; throws on options that `resolveBackendOptions` refuses. */
export function createBackend(kind: "zcache", given?: Record<string, unknown>): ZcacheBackend;
export function createBackend(kind: "zswap", given?: Record<string, unknown>): ZswapBackend;
export function createBackend(kind: "tmem", given?: Record<string, unknown>): TmemBackend;
export function createBackend(kind: "ram", given?: Record<string, unknown>): RamBackend;
export function createBackend(kind: BackendKind, given?: Record<string, unknown>): Backend;
export function createBackend(kind: BackendKind, given: Record<string, unknown> = {}): Backend {
  const o = resolveBackendOptions(kind, given);
  if (typeof o === "string") throw new Error(o);
  switch (kind) {
    case "zcache":
      return new ZcacheBackend(o as unknown as ZcacheOptions);
    case "zswap":
      return new ZswapBackend(o as unknown as ZswapOptions);
    case "tmem":
      return new TmemBackend({ limit: o.limit as number });
    case "ram":
      return new RamBackend({ limit: o.limit as number });
  }
}

/** One line per backend: its description and option keys (the help of `register`). */
export function registerHelp(): string {
  return "register a backend; " +
    BACKEND_CATALOG.map((b) =>
      `${b.name}: ${b.options.map((o) => `${o.key}=`).join(" ") || "no options"}`
    ).join("; ");
}
