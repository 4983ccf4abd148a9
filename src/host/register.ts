/**
 * `register zswap from=host`: the simulated zswap configured with the
 * host's zswap parameters (/sys/module/zswap/parameters, mm/zswap.c). The
 * edge replaces `from=host` with the concrete `key=value` options this
 * module derives, so the core, the record file and a replay see ordinary
 * options:
 *
 * - `compressor`: the host's, when the simulator has it (lzo, lzo-rle, 842
 *   are not simulated: the default is kept and a note says so);
 * - `allocator`: the host's `zpool` when it is zbud or zsmalloc; no `zpool`
 *   parameter means a kernel with zsmalloc only;
 * - `max_pool_percent`; `accept_threshold_percent` when the host has it,
 *   which also means a 5.6+ kernel that rejects stores while the pool is
 *   full (`full=reject`), else `full=reclaim` (3.11-5.5);
 * - `same_filled` from `same_filled_pages_enabled` (4.16-6.10) when present.
 */
import { type HostSnapshot, isUnavailable } from "./snapshot.ts";

/** Options for `register zswap`, and notes about what could not be taken over. */
export interface FromHost {
  pairs: [string, string][];
  notes: string[];
}

const isOn = (v: string) => v === "Y" || v === "1";

function percent(v: string | undefined): string | null {
  return v !== undefined && /^[0-9]{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 100
    ? String(Number(v))
    : null;
}

/**
 * The zswap options of the host, or a one-line reason why there are none.
 * `host` is undefined when the host source is off. `compressors` are the
 * compressor names the simulator offers.
 */
export function zswapFromHost(
  host: HostSnapshot | null | undefined,
  compressors: readonly string[],
): FromHost | { error: string } {
  if (host === undefined) {
    return { error: "from=host needs the host view (--host or --host-root DIR)" };
  }
  if (host === null) return { error: "from=host: nothing of the host is readable" };
  if (isUnavailable(host.zswap)) {
    return { error: `from=host: the host's zswap parameters: ${host.zswap.unavailable}` };
  }
  const p = host.zswap;
  const pairs: [string, string][] = [];
  const notes: string[] = [];
  if (p.compressor !== undefined) {
    if (compressors.includes(p.compressor)) pairs.push(["compressor", p.compressor]);
    else notes.push(`the host's compressor ${p.compressor} is not simulated: default kept`);
  }
  if (p.zpool === undefined) {
    pairs.push(["allocator", "zsmalloc"]);
    notes.push("no zpool parameter (a kernel with zsmalloc only): allocator=zsmalloc");
  } else if (p.zpool === "zbud" || p.zpool === "zsmalloc") pairs.push(["allocator", p.zpool]);
  else notes.push(`the host's zpool ${p.zpool} is not simulated: default kept`);
  const max = percent(p.max_pool_percent);
  if (max) pairs.push(["max_pool_percent", max]);
  const accept = percent(p.accept_threshold_percent);
  if (accept) pairs.push(["full", "reject"], ["accept_threshold", accept]);
  else {
    pairs.push(["full", "reclaim"]);
    notes.push("no accept_threshold_percent (before 5.6): full=reclaim");
  }
  if (p.same_filled_pages_enabled !== undefined) {
    pairs.push(["same_filled", isOn(p.same_filled_pages_enabled) ? "on" : "off"]);
  }
  if (p.enabled !== undefined && !isOn(p.enabled)) {
    notes.push("zswap is disabled on the host; its parameters are used all the same");
  }
  return { pairs, notes };
}

/** `register zswap ... from=host ...`, with what comes before and after `from=host`. */
const FROM_HOST = /^(\s*register\s+)(\S+)((?:\s+[^#\s]+)*?)\s+from=host\b([^#]*)(#.*)?$/;

/**
 * Rewrite a `register zswap from=host` line into ordinary options (keys the
 * line gives itself win over the host's); other lines come back unchanged.
 * Returns the line and the notes, or a one-line error.
 */
export function expandFromHost(
  line: string,
  host: HostSnapshot | null | undefined,
  compressors: readonly string[],
): { line: string; notes: string[] } | { error: string } {
  const m = FROM_HOST.exec(line);
  if (!m) return { line, notes: [] };
  const [, head, backend, before, after, comment] = m;
  if (backend !== "zswap") return { error: `from=host: only zswap takes the host's parameters` };
  const r = zswapFromHost(host, compressors);
  if ("error" in r) return r;
  const own = `${before} ${after}`.trim().split(/\s+/).filter((w) => w !== "");
  const given = new Set(own.map((w) => w.split("=")[0]));
  const taken = r.pairs.filter(([k]) => !given.has(k)).map(([k, v]) => `${k}=${v}`);
  const words = [...taken, ...own].join(" ");
  return { line: `${head}zswap ${words}${comment ? ` ${comment}` : ""}`.trimEnd(), notes: r.notes };
}
