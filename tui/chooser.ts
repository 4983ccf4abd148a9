/** The backend chooser `r` opens when more than one backend kind exists. */
import { type Line, seg } from "./line.ts";
import { KEY } from "./theme.ts";

export function chooserLines(options: readonly string[], index: number): Line[] {
  return [
    ...options.map((o, i): Line =>
      i === index ? [seg("› ", KEY), seg(o, { bold: true, inverse: true })] : [seg("  "), seg(o)]
    ),
    [],
    [seg("↑↓ choose · Enter registers · Esc cancels", { dim: true })],
  ];
}
