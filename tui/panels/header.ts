/** Header: backend, regime, tick and simulated time, refresh rate, PAUSED badge. */
import { type Line, lineWidth, seg } from "../line.ts";
import { simTime } from "../format.ts";
import { DIM, STATE_STYLE } from "../theme.ts";
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
        seg(all.length > 1 ? "backends " : "backend ", DIM),
        ...all.flatMap((x, i) => [
          ...(i ? [seg(", ", DIM)] : []),
          seg(`${STATE_STYLE.backed.symbol} ${x.name}`, {
            ...STATE_STYLE.backed.style,
            bold: true,
          }),
        ]),
      ]
      : [
        seg("backend ", DIM),
        seg(`${STATE_STYLE.pending.symbol} none`, { ...STATE_STYLE.pending.style, bold: true }),
      ],
    10,
  ]);
  if (b) out.push([[seg(`(${b.allocator}, ${b.compressor}-${b.level})`, DIM)], 2]);
  out.push([[seg("regime ", DIM), seg(s.regime, { bold: true })], 9]);
  out.push([[seg("tick ", DIM), seg(String(s.tick))], 8]);
  out.push([[seg(`(${simTime(s.tick)})`, DIM)], 6]);
  if (v.interactive) {
    out.push([[seg("refresh ", DIM), seg(`${v.rate} Hz`)], 7]);
    out.push([[seg("speed ", DIM), seg(`${v.speed} t/s`)], 3]);
    if (v.record) out.push([[seg("● REC ", { color: "red" }), seg(v.record, DIM)], 5]);
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
