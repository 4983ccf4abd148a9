/**
 * Host: the running kernel's zswap beside the simulation (`--host`,
 * `--host-root DIR`): parameters, pool size and use against
 * `max_pool_percent`, compression ratio, zswpout/zswpin/zswpwb totals and
 * rates, the swap devices, and the debugfs counters when readable; a group
 * that cannot be read says why.
 */
import { type HostSnapshot, isUnavailable, type Unavailable } from "../../src/host/snapshot.ts";
import { type Line, seg, title } from "../line.ts";
import { bytes, count, rate, ratio } from "../format.ts";
import { DIM } from "../theme.ts";

const LABEL_W = 11;

function label(s: string): ReturnType<typeof seg> {
  return seg(s.padEnd(LABEL_W), { bold: true });
}

function na(u: Unavailable): ReturnType<typeof seg> {
  return seg(`not available: ${u.unavailable}`, DIM);
}

/** Short words for the parameters; others keep their names. */
const PARAM_WORDS: Record<string, (v: string) => string> = {
  max_pool_percent: (v) => `max pool ${v}%`,
  accept_threshold_percent: (v) => `accept below ${v}%`,
  shrinker_enabled: (v) => `shrinker ${v}`,
  same_filled_pages_enabled: (v) => `same-filled ${v}`,
  non_same_filled_pages_enabled: (v) => `non-same-filled ${v}`,
  exclusive_loads: (v) => `exclusive loads ${v}`,
};

/** Items joined by two spaces, wrapped into rows of `w` cells under one label. */
function wrapped(name: string, items: string[], w: number): Line[] {
  const room = Math.max(10, w - LABEL_W);
  const rows: string[] = [];
  let cur = "";
  for (const it of items) {
    if (cur && cur.length + 2 + it.length > room) {
      rows.push(cur);
      cur = it;
    } else cur = cur ? `${cur}  ${it}` : it;
  }
  rows.push(cur);
  return rows.map((r, i) => [label(i === 0 ? name : ""), seg(r)]);
}

/** Rows the panel wants at full length. */
export function hostDesired(h: HostSnapshot | null): number {
  if (!h) return 2;
  return hostLines(h, 100, 1000).length;
}

/** The panel's lines, at most `rows` of them. */
export function hostLines(h: HostSnapshot | null, w: number, rows: number): Line[] {
  if (!h) {
    return [
      title("Host", w),
      [seg("nothing readable (no /proc/meminfo, no zswap parameters, no debugfs)", DIM)],
    ].slice(0, rows);
  }
  const where = h.root === "/" ? "live" : `copy in ${h.root}`;
  const out: Line[] = [
    title("Host", w, false, [seg(`${h.kernel ?? "kernel ?"} (${where})`, DIM)]),
  ];

  if (isUnavailable(h.zswap)) out.push([label("zswap"), na(h.zswap)]);
  else {
    const p = h.zswap;
    const on = p.enabled === "Y" || p.enabled === "1";
    const rest = Object.entries(p).filter(([k]) => k !== "enabled").map(([k, v]) =>
      PARAM_WORDS[k]?.(v) ?? `${k} ${v}`
    );
    const word = on ? "enabled" : "disabled";
    const [first, ...more] = wrapped("zswap", [word, ...rest], w);
    const text = first[1].text;
    first.splice(
      1,
      1,
      seg(word, { color: on ? "green" : "yellow", bold: true }),
      seg(text.slice(word.length)),
    );
    out.push(first, ...more);
  }

  const d = h.derived;
  if (isUnavailable(h.meminfo)) out.push([label("pool"), na(h.meminfo)]);
  else {
    const m = h.meminfo;
    const use = d.poolUse === null ? "" : ` (${(d.poolUse * 100).toFixed(1)}% of the limit)`;
    out.push([
      label("pool"),
      seg(d.poolBytes === null ? "size unknown (no Zswap line)" : bytes(d.poolBytes)),
      seg(d.poolLimitBytes === null ? "" : ` of ${bytes(d.poolLimitBytes)}${use}`),
      seg(`  ratio ${ratio(d.ratio)}`, { color: d.ratio ? "cyan" : undefined }),
      seg(m.Zswapped === null ? "" : `  holds ${bytes(m.Zswapped * 1024)}`, DIM),
    ]);
    const kb = (n: number | null) => (n === null ? "-" : bytes(n * 1024));
    out.push([
      label("memory"),
      seg(`total ${kb(m.MemTotal)}  swap ${kb(m.SwapTotal)}, free ${kb(m.SwapFree)}`),
      seg(`, cached ${kb(m.SwapCached)}`),
    ]);
  }

  if (isUnavailable(h.vmstat)) out.push([label("events"), na(h.vmstat)]);
  else {
    const v = h.vmstat, r = h.rates;
    const one = (k: "zswpout" | "zswpin" | "zswpwb") =>
      v[k] === null ? `${k} -` : `${k} ${count(v[k]!)}${r ? ` (${rate(r[k])}/s)` : ""}`;
    const none = v.zswpout === null && v.zswpin === null && v.zswpwb === null;
    out.push([
      label("events"),
      none
        ? seg("no zswp events in /proc/vmstat (kernel without zswap)", DIM)
        : seg([one("zswpout"), one("zswpin"), one("zswpwb")].join("  ")),
    ]);
  }

  if (isUnavailable(h.swaps)) out.push([label("swaps"), na(h.swaps)]);
  else if (h.swaps.length === 0) out.push([label("swaps"), seg("none", DIM)]);
  else {
    h.swaps.forEach((s, i) => {
      out.push([
        label(i === 0 ? "swaps" : ""),
        seg(
          `${s.filename} ${s.type} ${bytes(s.used * 1024)}/${
            bytes(s.size * 1024)
          } prio ${s.priority}`,
        ),
      ]);
    });
  }

  const groups = Object.entries(h.debugfs);
  const reasons = new Set(groups.map(([, g]) => (isUnavailable(g) ? g.unavailable : "")));
  if (reasons.size === 1 && !reasons.has("")) {
    out.push([label("debugfs"), na(groups[0][1] as Unavailable)]);
  } else {
    for (const [name, g] of groups) {
      const lab = name === "zswap" ? "zswap dbg" : name;
      if (isUnavailable(g)) out.push([label(lab), na(g)]);
      else out.push(...wrapped(lab, Object.entries(g).map(([k, v]) => `${k} ${count(v)}`), w));
    }
  }
  return out.slice(0, rows);
}
