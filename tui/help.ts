/** The help overlay: every binding of the keymap, and what the symbols and colours mean. */
import { type Line, padRight, seg } from "./line.ts";
import { KEYMAP } from "./keymap.ts";
import { PANELS } from "./panel_list.ts";
import { DIM, EVENT_STYLE, KEY, STATE_STYLE } from "./theme.ts";

export function helpLines(): Line[] {
  const keyW = Math.max(...KEYMAP.map((b) => b.keys.length)) + 2;
  const out: Line[] = KEYMAP.map((b) => [seg(padRight(b.keys, keyW), KEY), seg(b.description)]);
  const nameW = Math.max(...PANELS.map((p) => p.name.length)) + 2;
  out.push([], [seg("Panels, top to bottom (Tab focuses those marked ▶)", { bold: true })]);
  for (const p of PANELS) {
    out.push([seg(p.focus ? "▶ " : "  ", KEY), seg(padRight(p.name, nameW), KEY), seg(p.help)]);
  }
  out.push(
    [],
    [
      seg(`${STATE_STYLE.backed.symbol} backed`, STATE_STYLE.backed.style),
      seg("  "),
      seg(`${STATE_STYLE.pending.symbol} pending`, STATE_STYLE.pending.style),
      seg("  "),
      seg(`${STATE_STYLE.uncached.symbol} uncached / off`, STATE_STYLE.uncached.style),
      seg("  "),
      seg(`${EVENT_STYLE.error.symbol} error`, EVENT_STYLE.error.style),
      seg("  * shared filesystem", DIM),
    ],
    [seg("in this pager: ↑↓ PgUp PgDn Home End scroll, / searches, Esc or q closes", {
      dim: true,
    })],
  );
  return out;
}
