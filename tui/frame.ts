/** A boxed overlay drawn over the screen's lines. */
import { fit, type Line, lineWidth, overlay, seg } from "./line.ts";

/** Frame `body` in a box of at most `maxW` x `maxH` cells. */
export function box(titleText: string, body: Line[], maxW: number, maxH: number): Line[] {
  const inner = Math.min(
    maxW - 4,
    Math.max(lineWidth([seg(titleText)]) + 2, ...body.map(lineWidth)),
  );
  const rows = body.slice(0, Math.max(0, maxH - 2));
  const border = { color: "cyan" as const };
  const top = `┌─ ${titleText} `;
  return [
    [seg(top + "─".repeat(Math.max(0, inner + 4 - top.length - 1)) + "┐", border)],
    ...rows.map((l) => [seg("│ ", border), ...fit(l, inner), seg(" │", border)]),
    [seg("└" + "─".repeat(inner + 2) + "┘", border)],
  ];
}

/** Lay `boxLines` over `base` (in place of a copy), centred horizontally, from row `top`. */
export function placeOver(base: Line[], boxLines: Line[], cols: number, top: number): Line[] {
  const out = [...base];
  const w = boxLines.length ? lineWidth(boxLines[0]) : 0;
  const col = Math.max(0, Math.floor((cols - w) / 2));
  boxLines.forEach((l, i) => {
    const r = top + i;
    if (r >= 0 && r < out.length) out[r] = overlay(out[r], l, col, cols);
  });
  return out;
}
