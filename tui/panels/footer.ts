/** Footer: the command line when open, else the last status and key hints from the keymap. */
import { type Line, lineWidth, seg } from "../line.ts";
import { footerHints } from "../keymap.ts";
import { DIM, ERR, KEY, OK, WARN } from "../theme.ts";
import type { ViewState } from "../view.ts";

export function footer(v: ViewState, w: number): Line {
  if (v.cmdline) {
    const out: Line = [seg(":", KEY), seg(v.cmdline.text), seg("█", DIM)];
    if (v.cmdline.error) out.push(seg("   ✗ " + v.cmdline.error, ERR));
    else out.push(seg("   Enter runs · Esc closes · ↑↓ history", DIM));
    return out;
  }
  const out: Line = [];
  if (v.progress) {
    const p = v.progress;
    const pct = p.total ? Math.floor((100 * p.done) / p.total) : 0;
    const barW = 20;
    const filled = Math.round((barW * pct) / 100);
    out.push(
      seg("⧗ ", WARN),
      seg(`${p.line} `),
      seg("█".repeat(filled) + "░".repeat(barW - filled), WARN),
      seg(` ${pct}% (${p.done}/${p.total} ticks) `),
      seg("Esc", KEY),
      seg(" cancels", DIM),
      seg(" │ ", DIM),
    );
  } else if (v.status) {
    out.push(
      seg(v.status.error ? "✗ " : "✓ ", v.status.error ? ERR : OK),
      seg(v.status.text, v.status.error ? ERR : {}),
      seg(" │ ", DIM),
    );
  }
  for (const h of footerHints()) {
    const item: Line = [seg(h.keys, KEY), seg(" " + h.hint + "  ", DIM)];
    if (lineWidth(out) + lineWidth(item) > w) break;
    out.push(...item);
  }
  return out;
}
