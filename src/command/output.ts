/**
 * Output formats of a session: the human-readable text of `stats` and
 * `compare`, and the one-object-per-line JSON form of a command result.
 */
import { type HostSnapshot, isUnavailable } from "../host/snapshot.ts";
import type { Stats } from "./stats.ts";
import { counterRows, formatCell } from "./stats.ts";
import type { CommandResult } from "./spec.ts";
import { asciiEscapes } from "./text.ts";

function kv(obj: object, keys?: string[]): string {
  const rec = obj as Record<string, unknown>;
  return (keys ?? Object.keys(rec)).filter((k) => k in rec).map((k) => `${k}=${formatCell(rec[k])}`)
    .join(" ");
}

/** The text form of `stats`: one `group: key=value ...` line per group. */
export function formatStatsText(s: Stats): string {
  const lines = [`tick=${s.tick} regime=${s.regime} seed=${s.seed} ops=${s.ops}`];
  lines.push(`cleancache: ${kv(s.cleancache)}`);
  lines.push(`frontswap: ${kv(s.frontswap)}`);
  if (s.backend === null) lines.push("backend: none");
  else {
    const b = s.backend;
    lines.push(
      `backend: ${b.name} kind=${b.kind} compressor=${b.compressor} level=${b.level} ` +
        `allocator=${b.allocator} limit=${b.limit} threshold=${b.threshold} ` +
        `writeback=${b.writeback ? "on" : "off"}`,
    );
    const settings = new Set([
      "name",
      "kind",
      "compressor",
      "level",
      "allocator",
      "limit",
      "threshold",
      "writeback",
    ]);
    lines.push(`  ${kv(b, Object.keys(b).filter((k) => !settings.has(k)))}`);
  }
  lines.push(`integrity: ${kv(s.integrity)}`);
  for (const sb of s.superblocks) {
    lines.push(
      `fs ${sb.name}: state=${sb.state} pool=${sb.poolId}` +
        (sb.uuid !== null ? ` shared=${sb.uuid}` : "") +
        ` pages=${sb.pages} puts=${sb.puts} hits=${sb.hits} misses=${sb.misses}` +
        ` invalidates=${sb.invalidates}`,
    );
  }
  for (const t of s.swapTypes) {
    lines.push(
      `swap ${t.type}: state=${t.state} slots=${t.slots} used=${t.usedSlots} pages=${t.pages} ` +
        `succ_stores=${t.succ_stores} failed_stores=${t.failed_stores} loads=${t.loads} ` +
        `invalidates=${t.invalidates} written_back=${t.written_back}`,
    );
  }
  const running = s.workloads.filter((w) => w.running);
  if (running.length) {
    lines.push(`workloads: ${running.map((w) => `${w.name}(${kv(w.params)})`).join(" ")}`);
  }
  if (s.host !== undefined) lines.push(...hostText(s.host));
  return lines.join("\n");
}

/** The `host` group as `host ...:` lines; a group that cannot be read says why. */
function hostText(h: HostSnapshot | null): string[] {
  if (h === null) return ["host: nothing readable"];
  const group = (name: string, g: object | null) =>
    `host ${name}: ${
      g === null ? "-" : isUnavailable(g) ? `not available (${g.unavailable})` : kv(g)
    }`;
  return [
    `host: root=${h.root} kernel=${h.kernel ?? "-"}`,
    group("zswap", h.zswap),
    group("meminfo", h.meminfo),
    group("vmstat", h.vmstat),
    group("rates", h.rates),
    `host swaps: ${
      isUnavailable(h.swaps)
        ? `not available (${h.swaps.unavailable})`
        : h.swaps.length === 0
        ? "none"
        : h.swaps.map((s) => `${s.filename}(${kv(s, ["type", "size", "used", "priority"])})`)
          .join(" ")
    }`,
    ...Object.entries(h.debugfs).map(([k, g]) => group(`debugfs ${k}`, g)),
    group("derived", h.derived),
  ];
}

/** Side-by-side table of counters, one column per regime. */
export function formatCompareText(
  columns: { regime: string; stats: Stats; errors: number }[],
): string {
  const rowsPer = columns.map((c) => counterRows(c.stats));
  const keys: string[] = [];
  for (const rows of rowsPer) {
    for (const [k] of rows) if (!keys.includes(k)) keys.push(k);
  }
  const table: string[][] = [["counter", ...columns.map((c) => c.regime)]];
  for (const k of keys) {
    table.push([k, ...rowsPer.map((rows) => rows.find(([rk]) => rk === k)?.[1] ?? "-")]);
  }
  table.push(["errors", ...columns.map((c) => String(c.errors))]);
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  return table.map((r) =>
    r.map((cell, i) => i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])).join("  ")
      .trimEnd()
  ).join("\n");
}

/**
 * Whether a result has something to print (JSON mode prints those, and also a
 * result that only carries fields: a put that reached a backend).
 */
export function hasOutput(r: CommandResult): boolean {
  return r.text !== undefined || r.error !== undefined;
}

/** The JSON object of one result: `line`, `cmd`, then `ok`, `result`, `stats`, `error` and extras. */
export function jsonObjectOf(r: CommandResult): Record<string, unknown> {
  const o: Record<string, unknown> = { line: r.line, cmd: r.cmd, ok: r.ok };
  if (r.result !== undefined) o.result = r.result;
  if (r.data !== undefined) Object.assign(o, r.data);
  if (r.stats !== undefined) o.stats = r.stats;
  if (r.expectFailed !== undefined) o.expectFailed = r.expectFailed;
  if (r.error !== undefined) o.error = r.error;
  return o;
}

/**
 * One line of JSON for a result: printable ASCII only (input echoed in
 * `expected` or `error` is escaped), so no reader splits it.
 */
export function formatJsonLine(r: CommandResult): string {
  return jsonLine(jsonObjectOf(r));
}

/** Any object as one line of printable-ASCII JSON. */
export function jsonLine(o: unknown): string {
  return asciiEscapes(JSON.stringify(o));
}
