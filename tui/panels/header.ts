/** Header: backend, regime, tick and simulated time, refresh rate, PAUSED badge. */
import { type Line, seg } from "../line.ts";
import { simTime } from "../format.ts";
import { STATE_STYLE } from "../theme.ts";
import type { ViewState } from "../view.ts";

export function header(v: ViewState): Line {
  const s = v.snapshot;
  const b = s.backend;
  const out: Line = [seg("tmemtop", { bold: true }), seg("  backend: ", { dim: true })];
  if (b) {
    out.push(
      seg(`${STATE_STYLE.backed.symbol} ${b.name}`, { ...STATE_STYLE.backed.style, bold: true }),
      seg(` (${b.allocator}, ${b.compressor}-${b.level})`, { dim: true }),
    );
  } else {
    out.push(
      seg(`${STATE_STYLE.pending.symbol} none`, { ...STATE_STYLE.pending.style, bold: true }),
    );
  }
  out.push(
    seg("  regime: ", { dim: true }),
    seg(s.regime, { bold: true }),
    seg("  tick ", { dim: true }),
    seg(String(s.tick)),
    seg(` (${simTime(s.tick)})`, { dim: true }),
  );
  if (v.interactive) {
    out.push(
      seg("  refresh ", { dim: true }),
      seg(`${v.rate} Hz`),
      seg("  speed ", { dim: true }),
      seg(`${v.speed} t/s`),
    );
    if (v.record) out.push(seg("  ● REC ", { color: "red" }), seg(v.record, { dim: true }));
    if (v.paused) {
      out.push(seg("  "), seg(" ‖ PAUSED ", { color: "yellow", inverse: true, bold: true }));
    }
  }
  return out;
}
