/**
 * The stats object (`stats`, `--json`, `expect`): the snapshot without its
 * bulky event log, and the resolution of `expect` paths such as
 * `cleancache.succ_gets`, `backend.compression_ratio`, `superblocks.home.pages`
 * or `frontswap.pending.length`.
 */
import type { Snapshot } from "../snapshot.ts";
import type { HostSnapshot } from "../host/snapshot.ts";
import { type CompareOp, type ExpectValue, formatExpectValue } from "./expect.ts";
import { quote } from "./text.ts";

/**
 * The stats object: every snapshot field except `events`, and with the host
 * source on (`--host`, `--host-root`) the host's view (null when nothing of
 * it is readable).
 */
export type Stats = Omit<Snapshot, "events"> & { host?: HostSnapshot | null };

/**
 * Build the stats object of a snapshot (key order is fixed, so JSON output is
 * stable); `host` is left out when undefined (host source off).
 */
export function statsOf(snap: Snapshot, host?: HostSnapshot | null): Stats {
  const {
    tick,
    regime,
    seed,
    cleancache,
    frontswap,
    backend,
    integrity,
    events: _events,
    ...rest
  } = snap;
  const stats: Stats = { tick, regime, seed, cleancache, frontswap, backend, integrity, ...rest };
  if (host !== undefined) stats.host = host;
  return stats;
}

/** A path that does not name anything in the stats (a script mistake, not a failed check). */
export class StatsPathError extends Error {}

/** What a path resolves to: a value, or absent because a group on the way is null. */
export type Resolved = { found: true; value: unknown } | { found: false; why: string };

/**
 * Resolve a dotted path in the stats. Arrays accept an index, `length`, or
 * the `name` (superblocks, workloads) / `type` (swap types) of an element.
 * Throws `StatsPathError` for a field that does not exist.
 */
export function resolvePath(stats: unknown, path: string): Resolved {
  const segs = path.split(".");
  let cur: unknown = stats;
  const done: string[] = [];
  for (const seg of segs) {
    if (seg === "") throw new StatsPathError(`bad path ${quote(path)}: empty segment`);
    const here = done.length ? done.join(".") : "stats";
    if (cur === null || cur === undefined) {
      return { found: false, why: `${here} is null` };
    }
    if (Array.isArray(cur)) {
      if (seg === "length") cur = cur.length;
      else {
        const el = cur.find((e) =>
          e !== null && typeof e === "object" &&
          ((e as Record<string, unknown>).name === seg ||
            (/^[0-9]+$/.test(seg) && (e as Record<string, unknown>).type === Number(seg)))
        );
        if (el !== undefined) cur = el;
        else if (/^[0-9]+$/.test(seg) && !cur.some((e) => e !== null && typeof e === "object")) {
          const i = Number(seg);
          if (i >= cur.length) return { found: false, why: `${here} has no element ${i}` };
          cur = cur[i];
        } else return { found: false, why: `${here} has no element ${quote(seg)}` };
      }
    } else if (typeof cur === "object") {
      const obj = cur as Record<string, unknown>;
      if (!Object.hasOwn(obj, seg)) {
        throw new StatsPathError(
          `unknown stats path ${quote(path)}: ${here} has no field ${quote(seg)} ` +
            `(fields: ${Object.keys(obj).join(", ")})`,
        );
      }
      cur = obj[seg];
    } else {
      throw new StatsPathError(`unknown stats path ${quote(path)}: ${here} is not a group`);
    }
    done.push(seg);
  }
  return { found: true, value: cur };
}

function canonical(v: unknown): string {
  return JSON.stringify(v ?? null);
}

/** The outcome of one `expect`. */
export interface ExpectOutcome {
  pass: boolean;
  /** The value found, or undefined when the path led through a null group. */
  actual: unknown;
  /** Human-readable detail ("actual 3", "backend is null"). */
  detail: string;
}

/**
 * Evaluate `expect PATH OP VALUE` against the stats. Throws `StatsPathError`
 * for an unknown path or an ordering test on something that is not a number.
 */
export function evaluateExpect(
  stats: unknown,
  path: string,
  op: CompareOp,
  expected: ExpectValue,
): ExpectOutcome {
  const r = resolvePath(stats, path);
  if (!r.found) {
    // Nothing there: only "!= something" can hold.
    return { pass: op === "!=" && expected !== null, actual: undefined, detail: r.why };
  }
  const actual = r.value;
  const detail = `actual ${formatActual(actual)}`;
  if (op === "==" || op === "!=") {
    const eq = canonical(actual) === canonical(expected);
    return { pass: op === "==" ? eq : !eq, actual, detail };
  }
  if (typeof expected !== "number") {
    throw new StatsPathError(
      `${op} needs a number on the right, got ${formatExpectValue(expected)}`,
    );
  }
  if (typeof actual !== "number") {
    throw new StatsPathError(`${path} is not a number (${formatActual(actual)}), cannot use ${op}`);
  }
  const pass = op === "<"
    ? actual < expected
    : op === "<="
    ? actual <= expected
    : op === ">"
    ? actual > expected
    : actual >= expected;
  return { pass, actual, detail };
}

/** A stats value for a message, kept short and on one line. */
export function formatActual(v: unknown): string {
  const s = JSON.stringify(v ?? null);
  return s.length > 80 ? s.slice(0, 77) + "..." : s;
}

/** Numeric or list leaves of the counter groups, flattened (`cleancache.succ_gets` -> 3). */
export function counterRows(stats: Stats): [string, string][] {
  const rows: [string, string][] = [["tick", String(stats.tick)]];
  const groups: [string, unknown][] = [
    ["cleancache", stats.cleancache],
    ["frontswap", stats.frontswap],
    ["backend", stats.backend],
    ["integrity", stats.integrity],
  ];
  for (const [g, obj] of groups) {
    if (obj === null || typeof obj !== "object") {
      rows.push([g, String(obj)]);
      continue;
    }
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (v !== null && typeof v === "object" && !Array.isArray(v)) {
        // a nested group (integrity.causes): one row per field
        for (const [k2, v2] of Object.entries(v)) rows.push([`${g}.${k}.${k2}`, formatCell(v2)]);
      } else rows.push([`${g}.${k}`, formatCell(v)]);
    }
  }
  return rows;
}

/** A compact cell: numbers rounded to 3 decimals, lists joined with commas, `-` for empty. */
export function formatCell(v: unknown): string {
  if (typeof v === "number") {
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  }
  if (Array.isArray(v)) return v.length ? v.join(",") : "-";
  if (typeof v === "boolean") return v ? "on" : "off";
  if (v === null || v === undefined) return "-";
  if (typeof v === "object") {
    // a nested group (integrity.causes): its non-zero fields
    const set = Object.entries(v).filter(([, x]) => x !== 0);
    return set.length ? set.map(([k, x]) => `${k}:${formatCell(x)}`).join(",") : "-";
  }
  return v === "" ? '""' : String(v);
}
