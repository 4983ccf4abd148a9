/** Footer: the command line when open, else the last status and key hints from the keymap. */
import { type Line, lineWidth, seg } from "../line.ts";
import { footerHints } from "../keymap.ts";
import { ERR, KEY, OK } from "../theme.ts";
import type { ViewState } from "../view.ts";

export function footer(v: ViewState, w: number): Line {
  if (v.cmdline) {
    const out: Line = [seg(":", KEY), seg(v.cmdline.text), seg("█", { dim: true })];
    if (v.cmdline.error) out.push(seg("   ✗ " + v.cmdline.error, ERR));
    else out.push(seg("   Enter runs · Esc closes · ↑↓ history", { dim: true }));
    return out;
  }
  const out: Line = [];
  if (v.status) {
    out.push(
      seg(v.status.error ? "✗ " : "✓ ", v.status.error ? ERR : OK),
      seg(v.status.text, v.status.error ? ERR : {}),
      seg(" │ ", { dim: true }),
    );
  }
  for (const h of footerHints()) {
    const item: Line = [seg(h.keys, KEY), seg(" " + h.hint + "  ", { dim: true })];
    if (lineWidth(out) + lineWidth(item) > w) break;
    out.push(...item);
  }
  return out;
}
