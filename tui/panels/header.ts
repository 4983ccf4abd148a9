/** Header: backend, regime, tick and simulated time, refresh rate, PAUSED badge. */
import { type Line, lineWidth, seg } from "../line.ts";
import { simTime } from "../format.ts";
import { STATE_STYLE } from "../theme.ts";
import type { ViewState } from "../view.ts";

/** Header parts with priorities: on a narrow terminal the lowest are left out. */
function parts(v: ViewState): [Line, number][] {
  const s = v.snapshot;
  const b = s.backend;
  const out: [Line, number][] = [[[seg("tmemtop", { bold: true })], 5.5]];
  // Every registered backend, newest first (frontswap of 4.2 stacks them).
  const all = s.backends?.length ? s.backends : b ? [b] : [];
  out.push([
    all.length
      ? [
        seg(all.length > 1 ? "backends " : "backend ", { dim: true }),
        ...all.flatMap((x, i) => [
          ...(i ? [seg(", ", { dim: true })] : []),
          seg(`${STATE_STYLE.backed.symbol} ${x.name}`, {
            ...STATE_STYLE.backed.style,
            bold: true,
          }),
        ]),
      ]
      : [
        seg("backend ", { dim: true }),
        seg(`${STATE_STYLE.pending.symbol} none`, { ...STATE_STYLE.pending.style, bold: true }),
      ],
    10,
  ]);
  if (b) out.push([[seg(`(${b.allocator}, ${b.compressor}-${b.level})`, { dim: true })], 2]);
  out.push([[seg("regime ", { dim: true }), seg(s.regime, { bold: true })], 9]);
  out.push([[seg("tick ", { dim: true }), seg(String(s.tick))], 8]);
  out.push([[seg(`(${simTime(s.tick)})`, { dim: true })], 6]);
  if (v.interactive) {
    out.push([[seg("refresh ", { dim: true }), seg(`${v.rate} Hz`)], 7]);
    out.push([[seg("speed ", { dim: true }), seg(`${v.speed} t/s`)], 3]);
    if (v.record) out.push([[seg("● REC ", { color: "red" }), seg(v.record, { dim: true })], 5]);
    if (v.behind > 1.1) {
      out.push([[seg(` behind ×${v.behind.toFixed(1)} `, { color: "red", inverse: true })], 10.5]);
    }
    if (v.paused) {
      out.push([[seg(" ‖ PAUSED ", { color: "yellow", inverse: true, bold: true })], 11]);
    }
  }
  return out;
}

export function header(v: ViewState, w = Infinity): Line {
  let ps = parts(v);
  const size = () => ps.reduce((n, [l]) => n + lineWidth(l), 0) + 2 * (ps.length - 1);
  while (size() > w && ps.length > 1) {
    const lowest = Math.min(...ps.map(([, p]) => p));
    ps = ps.filter(([, p]) => p !== lowest);
  }
  return ps.flatMap(([l], i) => (i ? [seg("  "), ...l] : l));
}
