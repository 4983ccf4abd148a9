/**
 * The split view: the same session under eager, fake-poolid and deferred,
 * one column each, rows aligned across the columns (the same filesystem, the
 * same swap type, the same counter on the same row), and every value that
 * differs between the regimes marked `≠` and highlighted. Pure: the lines
 * come from the view state (the three snapshots arrive from the split
 * session, `cli/split_session.ts`).
 */
import type { BackingState, SimEvent, Snapshot } from "../src/snapshot.ts";
import { REGIME_INFO, REGIMES } from "../src/regime.ts";
import { fit, type Line, lineWidth, seg, type Style } from "./line.ts";
import { count, pct, simTime } from "./format.ts";
import { DIM, ERR, EVENT_STYLE, KEY, OK, STATE_STYLE, SWAP_STATE_WORD } from "./theme.ts";
import type { ViewState } from "./view.ts";
import { listWindow } from "./panels/list_panel.ts";

/** Between two columns. */
export const SPLIT_SEP = " │ ";
/** Marks a row holding a value that differs between the regimes. */
export const DIFF_MARK = "≠";
/** How a differing value is drawn (with the mark, so a plain screen says it too). */
const DIFF: Style = { color: "yellow", bold: true, inverse: true };

/** One value of a row: compared across the columns unless `fixed`. */
interface Cell {
  text: string;
  style?: Style;
  /** Cells wide (right-aligned when `right`); absent: takes what is left. */
  w?: number;
  right?: boolean;
}

/** One row of a column; rows with the same key are drawn side by side and compared. */
interface Row {
  key: string;
  cells: Cell[];
  /** Not compared (titles, events). */
  fixed?: boolean;
}

const EVENTS_TITLE: Row = {
  key: "events",
  fixed: true,
  cells: [{ text: "events, newest first", style: DIM }],
};

/** Keys that act on all three, as the split view's second header line lists them. */
export const SPLIT_KEYS: readonly [string, string][] = [
  ["r", "register"],
  ["u", "unregister"],
  ["m", "mount"],
  ["M", "umount"],
  ["s", "swapon"],
  ["S", "swapoff"],
  ["w", "workloads"],
  ["space", "pause"],
  [".", "step"],
  [":", "command"],
  ["v", "leave split"],
  ["?", "help"],
  ["q", "quit"],
];

/** The two header lines: what the view is, then which key does what. */
export function splitHeader(v: ViewState, w: number): Line[] {
  const s = v.split?.regimes?.[0] ?? null;
  const first: Line = [
    seg("tmemtop split", { bold: true }),
    seg(
      "  eager │ fake-poolid │ deferred: one session, keys act on all three at the same tick",
      DIM,
    ),
  ];
  if (s) first.push(seg("  tick ", DIM), seg(String(s.tick)), seg(` (${simTime(s.tick)})`, DIM));
  if (v.behind > 1.1) {
    first.push(seg("  "), seg(` behind ×${v.behind.toFixed(1)} `, { color: "red", inverse: true }));
  }
  if (v.paused) {
    first.push(seg("  "), seg(" ‖ PAUSED ", { color: "yellow", inverse: true, bold: true }));
  }
  // Which key does what, on as many lines as the width needs.
  const items: Line[] = SPLIT_KEYS.map(([k, label]) => [seg(k, KEY), seg(` ${label}  `, DIM)]);
  items.push([seg(DIFF_MARK, DIFF), seg(" differs  ", DIM)]);
  // The legend of the abbreviations only where it fits on the lines the keys need.
  const legend: Line = [seg("cc cleancache  fs frontswap", DIM)];
  const out: Line[] = [first, []];
  for (const item of [...items, legend]) {
    const last = out[out.length - 1];
    if (!last.length || lineWidth(last) + lineWidth(item) <= w) last.push(...item);
    else if (item !== legend) out.push([...item]);
  }
  return out;
}

/** Width of each of the three columns for a terminal `w` cells wide. */
export function splitColumnWidth(w: number): number {
  return Math.floor((w - 2 * SPLIT_SEP.length) / REGIMES.length);
}

/** The three columns, `h` rows of `w` cells. */
export function splitBody(v: ViewState, w: number, h: number): Line[] {
  const snaps = v.split?.regimes;
  if (!snaps) {
    return [[
      seg("  starting eager, fake-poolid and deferred (replaying the session so far)…", DIM),
    ]];
  }
  const cw = splitColumnWidth(w);
  // The newest events of each regime fill the rows the table leaves.
  // Then the counters, when they fit with a few events.
  let table = alignRows(snaps.map((s) => columnRows(s, cw, v))).length;
  const counters = h - table >= COUNTER_ROWS + 4;
  if (counters) table += COUNTER_ROWS;
  const room = Math.max(0, h - table - 1);
  const rows = alignRows(snaps.map((s) => columnRows(s, cw, v, room, counters)));
  if (room > 0) rows.splice(table, 0, [EVENTS_TITLE, EVENTS_TITLE, EVENTS_TITLE]);
  const lines: Line[] = [];
  // Rows beyond the screen: the filesystems are windowed around the selection, with
  // `… N more above/below` where rows are hidden; the rest is cut at the bottom.
  let shown = rows;
  const isSb = (r: (Row | null)[]) => firstKey(r).startsWith("sb:");
  if (rows.length > h) {
    const first = rows.findIndex(isSb);
    const sbs = rows.filter(isSb);
    const win = listWindow(sbs.length, Math.max(1, h - (rows.length - sbs.length)), v.selPool);
    const marker = (n: number, where: string): (Row | null)[] => {
      const row: Row = {
        key: "more",
        cells: [{ text: `  … ${n} more ${where} (↑↓)` }],
        fixed: true,
      };
      return [row, row, row];
    };
    if (first >= 0) {
      shown = [
        ...rows.slice(0, first),
        ...(win.above ? [marker(win.above, "above")] : []),
        ...sbs.slice(win.start, win.end),
        ...(win.below ? [marker(win.below, "below")] : []),
        ...rows.slice(first + sbs.length),
      ];
    }
  }
  for (const r of shown.slice(0, h)) {
    const diff = !r.every((x) => !x || x.fixed) && differs(r);
    const parts = r.map((row, i) => renderRow(row, cw, diff ? diffCells(r, i) : null));
    lines.push(
      parts.flatMap((p, i) => (i ? [seg(SPLIT_SEP, DIM), ...fit(p, cw)] : fit(p, cw))),
    );
  }
  if (shown.length > h && lines.length) {
    lines[lines.length - 1] = [seg(`  … ${shown.length - h + 1} more rows below`, DIM)];
  }
  return lines;
}

function firstKey(r: (Row | null)[]): string {
  return r.find((x) => x)?.key ?? "";
}

/** The rows of one regime's column (`events`: how many of its newest events to add). */
export function columnRows(
  s: Snapshot,
  cw: number,
  v?: ViewState,
  events = 0,
  counters = false,
): Row[] {
  const wide = cw >= 44;
  const narrow = cw < 32;
  const labW = narrow ? 8 : 12;
  const label = (text: string): Cell => ({ text, style: DIM, w: labW });
  const info = REGIME_INFO[s.regime];
  const rows: Row[] = [{
    key: "title",
    fixed: true,
    cells: [{
      text: `${s.regime} · cc ${info.cleancache} · fs ${info.frontswap}`,
      style: { bold: true, color: "cyan" },
    }],
  }];
  const names = s.backends?.length ? s.backends.map((b) => b.name) : [];
  rows.push({
    key: "backend",
    cells: [
      label("backend"),
      names.length
        ? {
          text: `${STATE_STYLE.backed.symbol} ${names.join(", ")}`,
          style: STATE_STYLE.backed.style,
        }
        : { text: `${STATE_STYLE.pending.symbol} none`, style: STATE_STYLE.pending.style },
    ],
  });
  const cc = s.cleancache;
  const fs = s.frontswap;
  const swapIns = fs.loads + s.swapTypes.reduce((n, t) => n + t.disk_reads, 0);
  rows.push(
    {
      key: "cchit",
      cells: [label("cc hits"), {
        text: pct(cc.succ_gets, cc.succ_gets + cc.failed_gets),
        w: 6,
        right: true,
      }],
    },
    {
      key: "fshit",
      cells: [label("fs hits"), { text: pct(fs.loads, swapIns), w: 6, right: true }],
    },
  );
  const i = s.integrity;
  const mark = (n: number) => ({ text: `${n ? "✗" : "✓"} ${count(n)}`, style: n ? ERR : OK });
  rows.push(
    { key: "stale", cells: [label(narrow ? "stale" : "stale reads"), mark(i.stale_reads)] },
    { key: "lost", cells: [label(narrow ? "lost" : "lost pages"), mark(i.lost_pages)] },
  );
  for (const [cause, n] of Object.entries(i.causes ?? {})) {
    if (n <= 0) continue;
    rows.push({
      key: `cause:${cause}`,
      cells: [
        { text: `✗ ${count(n)}`, style: ERR, w: labW },
        { text: cause.replaceAll("_", " "), style: ERR },
      ],
    });
  }
  const st = (state: BackingState) => {
    const n = s.superblocks.filter((sb) => sb.state === state).length;
    const S = STATE_STYLE[state];
    return !wide
      ? { text: `${S.symbol}${n}`, style: S.style, w: 4 }
      : { text: `${n} ${state}`, style: S.style, w: state.length + 3 };
  };
  rows.push({ key: "pools", cells: [label("pools"), st("backed"), st("pending"), st("uncached")] });
  const list = (sbs: string[], types: number[]) =>
    sbs.length || types.length
      ? `${sbs.join(",") || "-"} · swap ${types.join(",") || "-"}`
      : "none";
  rows.push(
    {
      key: "pending",
      cells: [label("pending"), {
        text: list(cc.pending, fs.pending),
        style: STATE_STYLE.pending.style,
      }],
    },
    {
      key: "uncached",
      cells: [label(narrow ? "never" : "never cached"), {
        text: list(cc.uncached, fs.uncached),
        style: STATE_STYLE.uncached.style,
      }],
    },
    {
      key: "skipped",
      cells: [label("skipped"), { text: `${count(cc.skipped)} cc`, w: 10 }, {
        text: `${count(fs.skipped)} fs`,
      }],
    },
  );
  for (const t of s.swapTypes) {
    const S = STATE_STYLE[t.state];
    rows.push({
      key: `sw:${t.type}`,
      cells: [
        { text: `swap ${t.type}`, w: narrow ? 6 : labW },
        { text: `${S.symbol} ${SWAP_STATE_WORD[t.state]}`, style: S.style, w: 9 },
        { text: `${count(t.pages)}p`, w: 6, right: true },
        ...(wide ? [{ text: `${count(t.succ_stores)} st`, w: 9, right: true }] : []),
      ],
    });
  }
  s.superblocks.forEach((sb, n) => {
    const S = STATE_STYLE[sb.state];
    const sel = v?.interactive && n === v.selPool;
    rows.push({
      key: `sb:${sb.name}`,
      cells: [
        { text: `${sel ? "›" : " "}${S.symbol} ${sb.name}${sb.uuid ? "*" : ""}`, style: S.style },
        { text: poolText(sb, wide), style: S.style, w: wide ? 17 : 10 },
        ...(wide ? [{ text: `${count(sb.pages)}p`, w: 7, right: true }] : []),
        ...(narrow ? [] : [{ text: pct(sb.hits, sb.hits + sb.misses), w: 6, right: true }]),
      ],
    });
  });
  if (counters) rows.push(...counterRows(s, label));
  for (const { e, n } of foldEvents(s.events).slice(0, events)) {
    const es = EVENT_STYLE[e.kind];
    const text = n > 1 ? `${e.text.split(":")[0]} ×${n} (newest: ${e.text})` : e.text;
    rows.push({
      key: `ev`,
      fixed: true,
      cells: [{ text: `${es.symbol} ${e.tick} ${text}`, style: { ...es.style, dim: true } }],
    });
  }
  return rows;
}

/** Kinds of events that come in floods (stale and lost reads, writebacks). */
const FOLDED = new Set<SimEvent["kind"]>(["error", "writeback"]);

/**
 * Events (newest first) with those of a flooding kind and one head (the text before `:`, as in
 * `STALE (override): load type 0 offset 3833 …`) folded into the newest, with a count.
 */
export function foldEvents(events: readonly SimEvent[]): { e: SimEvent; n: number }[] {
  const out: { e: SimEvent; n: number }[] = [];
  const byHead = new Map<string, { e: SimEvent; n: number }>();
  for (const e of events) {
    const head = FOLDED.has(e.kind) && e.text.includes(":")
      ? `${e.kind} ${e.text.split(":")[0]}`
      : null;
    const seen = head === null ? undefined : byHead.get(head);
    if (seen) {
      seen.n++;
      continue;
    }
    const row = { e, n: 1 };
    out.push(row);
    if (head !== null) byHead.set(head, row);
  }
  return out;
}

/** Rows of counters, shown when the screen has room for them (`COUNTER_ROWS`). */
function counterRows(s: Snapshot, label: (t: string) => Cell): Row[] {
  const cc = s.cleancache;
  const fs = s.frontswap;
  const b = s.backend;
  const n = (x: number, w = 7): Cell => ({ text: count(x), w, right: true });
  const row = (key: string, name: string, ...cells: Cell[]): Row => ({
    key,
    cells: [label(name), ...cells],
  });
  return [
    row("c:puts", "cc puts", n(cc.puts)),
    row("c:gets", "cc gets", n(cc.succ_gets), { text: "ok", style: DIM, w: 2 }, n(cc.failed_gets), {
      text: "fail",
      style: DIM,
    }),
    row(
      "c:stores",
      "fs stores",
      n(fs.succ_stores),
      { text: "ok", style: DIM, w: 2 },
      n(
        fs.failed_stores,
      ),
      { text: "fail", style: DIM },
    ),
    row("c:loads", "fs loads", n(fs.loads)),
    row("c:stored", "stored", n(b?.stored_pages ?? 0), { text: "pages", style: DIM }),
    row("c:ratio", "compression", {
      text: b && b.compressed_bytes > 0 ? `${b.compression_ratio.toFixed(2)}:1` : "-",
      w: 8,
      right: true,
    }),
    row("c:evicted", "evicted", n(b?.evicted_pages ?? 0), { text: "cc pages", style: DIM }),
    row("c:wb", "written back", n(fs.written_back_pages), { text: "fs pages", style: DIM }),
  ];
}

/** How many rows `counterRows` adds. */
const COUNTER_ROWS = 8;

/** Pool id as the column has room for: real id, fake id, pending, uncached. */
function poolText(sb: Snapshot["superblocks"][number], wide: boolean): string {
  const fake = sb.fakeId !== null ? (wide ? ` fake ${sb.fakeId}` : `/f${sb.fakeId}`) : "";
  if (sb.state === "backed") return `${wide ? "pool " : ""}${sb.realPoolId ?? sb.poolId}${fake}`;
  if (sb.state === "pending") return `${wide ? "pending" : "pend"}${fake}`;
  return "uncached";
}

/**
 * The rows of the three columns side by side: every key in the order it first
 * appears (a row one regime lacks is empty there). Event rows stay per column.
 */
export function alignRows(columns: Row[][]): (Row | null)[][] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const col of columns) {
    for (const r of col) {
      if (r.key === "ev" || seen.has(r.key)) continue;
      seen.add(r.key);
      order.push(r.key);
    }
  }
  const byKey = columns.map((col) => new Map(col.map((r) => [r.key, r])));
  const out = order.map((k) => byKey.map((m) => m.get(k) ?? null));
  const events = columns.map((col) => col.filter((r) => r.key === "ev"));
  const n = Math.max(0, ...events.map((e) => e.length));
  for (let i = 0; i < n; i++) out.push(events.map((e) => e[i] ?? null));
  return out;
}

/** Whether any compared value of the row differs between the columns. */
function differs(r: (Row | null)[]): boolean {
  return r.some((_, i) => diffCells(r, i).some((d) => d));
}

/** Which cells of column `i` differ from the same cell in another column. */
function diffCells(r: (Row | null)[], i: number): boolean[] {
  const mine = r[i];
  if (!mine) return [];
  if (mine.fixed) return mine.cells.map(() => false);
  return mine.cells.map((c, k) => r.some((other) => !other || other.cells[k]?.text !== c.text));
}

/** One column's row: the mark, then its cells (fixed widths first, the rest to the flexible one). */
function renderRow(row: Row | null, cw: number, diff: boolean[] | null): Line {
  if (!row) return diff ? [seg(DIFF_MARK, DIFF), seg(" (none)", DIM)] : [];
  const marked = diff?.some((d) => d) ?? false;
  const out: Line = row.fixed ? [] : [seg(marked ? DIFF_MARK : " ", marked ? DIFF : {})];
  const fixedW = row.cells.reduce((n, c) => n + (c.w ?? 0) + 1, 0);
  const flex = Math.max(1, cw - lineWidth(out) - fixedW);
  row.cells.forEach((c, k) => {
    if (k) out.push(seg(" "));
    const w = c.w ?? (row.cells.length === 1 ? cw : flex);
    const text = c.right
      ? c.text.padStart(w)
      : c.w === undefined && k === row.cells.length - 1
      ? c.text
      : padTo(c.text, w);
    out.push(seg(text, diff?.[k] ? { ...c.style, ...DIFF } : c.style ?? {}));
  });
  return out;
}

function padTo(s: string, w: number): string {
  const n = [...s].length;
  if (n > w) return [...s].slice(0, Math.max(0, w - 1)).join("") + "…";
  return s + " ".repeat(w - n);
}
