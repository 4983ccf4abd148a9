/** Compression: what the backend holds and how densely, plus the integrity line. */
import { type Line, padLeft, padRight, seg, type Style, title } from "../line.ts";
import { bytes, count, ratio } from "../format.ts";
import { DIM, ERR, OK, WARN } from "../theme.ts";
import type { ViewState } from "../view.ts";

const VALUE_W = 8;
/** Below this width labels are shortened and the effective ratio gets its own row. */
const WIDE_W = 40;
const SHORT: Record<string, string> = {
  "compressed bytes": "compressed",
  "compression ratio": "ratio",
  "rejected (poor)": "rejected",
  "pool limit hits": "limit hits",
  "verified reads": "verified",
};

/** Lines with distinct priorities (higher stays longer when rows run short). */
function lines(v: ViewState, w: number): [Line, number][] {
  const compact = w < WIDE_W;
  const labelW = compact ? 13 : 18;
  const row = (label: string, value: string, note = "", style: Style = {}): Line => [
    seg(padRight(" " + (compact ? SHORT[label] ?? label : label), labelW), DIM),
    seg(padLeft(value, VALUE_W), style),
    ...(note && !compact ? [seg("  " + note, DIM)] : []),
  ];
  const s = v.snapshot;
  const b = s.backend;
  const i = s.integrity;
  const bad = i.stale_reads > 0 || i.lost_pages > 0;
  const mark = seg(bad ? "✗ " : "✓ ", bad ? ERR : OK);
  // The causes of stale reads, largest first (integrity.ts names them).
  const causes = Object.entries(i.causes ?? {}).filter(([, n]) => n > 0)
    .toSorted((a, b) => b[1] - a[1]).map(([c, n]) => `${c.replaceAll("_", " ")} ${count(n)}`);
  const staleLost: Line = [
    seg(`stale ${i.stale_reads}`, i.stale_reads ? ERR : {}),
    seg(compact ? " " : "  "),
    seg(`lost ${i.lost_pages}`, i.lost_pages ? ERR : {}),
  ];
  const causeRow: [Line, number][] = causes.length
    ? [[[seg(" ✗ stale by cause: ", ERR), seg(causes.join(", "), ERR)], 9.5]]
    : [];
  // Compact: "✓ ok: stale 0 lost 0" and the verified reads on a row of their own.
  const integrity: [Line, number][] = compact
    ? [
      [row("verified reads", count(i.verified_reads)), 1],
      [[seg(" "), mark, seg("ok: ", DIM), ...staleLost], 10],
    ]
    : [[
      [
        seg(padRight(" integrity", labelW), DIM),
        mark,
        seg(`verified ${count(i.verified_reads)}  `),
        ...staleLost,
      ],
      10,
    ]];
  integrity.push(...causeRow);
  const wb = s.frontswap.written_back_pages;
  const wbRow = row(
    "written back",
    count(wb),
    "frontswap pages to swap slots",
    wb ? { color: "magenta" } : {},
  );
  if (!b) {
    return [
      [
        [seg(
          compact ? " ◌ no backend" : " ◌ no backend: nothing is stored (r registers one)",
          WARN,
        )],
        9,
      ],
      [wbRow, 8],
      ...integrity,
    ];
  }
  const ratios: [Line, number][] = compact
    ? [[row("compression ratio", ratio(b.compression_ratio)), 8], [
      row("effective", ratio(b.effective_ratio)),
      7,
    ]]
    : [[
      [
        ...row("compression ratio", ratio(b.compression_ratio)),
        seg("  effective ", DIM),
        seg(ratio(b.effective_ratio)),
      ],
      8,
    ]];
  return [
    [
      row(
        "stored pages",
        count(b.stored_pages),
        `cleancache ${count(b.cleancache_pages)} · frontswap ${count(b.frontswap_pages)}`,
      ),
      9,
    ],
    [row("same-filled", count(b.same_filled_pages), "no pool memory"), 3.5],
    [row("compressed bytes", bytes(b.compressed_bytes)), 6],
    [row("pool bytes", bytes(b.pool_total_size), `after packing (${b.allocator})`), 5],
    ...ratios,
    [
      row(
        "rejected (poor)",
        count(b.reject_compress_poor),
        `over ${b.threshold} B`,
        b.reject_compress_poor ? WARN : {},
      ),
      4,
    ],
    [
      row(
        "pool limit hits",
        count(b.pool_limit_hit),
        b.limit ? `limit ${count(b.limit)} frames of pool memory` : "no limit",
        b.pool_limit_hit ? WARN : {},
      ),
      3,
    ],
    [row("evictions", count(b.evicted_pages), "cleancache, LRU"), 2],
    [wbRow, 7.5],
    ...integrity,
  ];
}

export function compressionDesired(v: ViewState, w: number): number {
  return 1 + lines(v, w).length;
}

export function compression(v: ViewState, w: number, h: number): Line[] {
  const b = v.snapshot.backend;
  const out: Line[] = [
    title("Compression", w, false, [
      b
        ? seg(`${b.name}: ${b.compressor} level ${b.level}, ${b.allocator}`, DIM)
        : seg("no backend", WARN),
    ]),
  ];
  const all = lines(v, w);
  const room = Math.max(0, h - 1);
  if (all.length <= room) {
    out.push(...all.map(([l]) => l));
  } else if (room > 0) {
    // Keep the `room` lines of highest priority, in their order.
    const cut = all.map(([, p]) => p).toSorted((a, b) => b - a)[room - 1];
    let kept = 0;
    for (const [l, p] of all) {
      if (p >= cut && kept < room) {
        out.push(l);
        kept++;
      }
    }
  }
  return out.slice(0, h);
}
