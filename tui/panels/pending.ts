/** Pending: the superblocks and swap types waiting for a backend, counted and listed. */
import { clip, type Line, seg, title } from "../line.ts";
import { DIM, OK, STATE_STYLE } from "../theme.ts";
import type { ViewState } from "../view.ts";
import { count } from "../format.ts";

export function pendingDesired(v: ViewState): number {
  const s = v.snapshot;
  const lists = (s.cleancache.pending.length || s.frontswap.pending.length ? 1 : 0) +
    (s.cleancache.uncached.length || s.frontswap.uncached.length ? 1 : 0);
  const skipped = s.cleancache.pending.length || s.frontswap.pending.length ? 1 : 0;
  return 1 + Math.max(1, lists) + skipped;
}

export function pending(v: ViewState, w: number, h: number): Line[] {
  const s = v.snapshot;
  const sbs = s.cleancache.pending;
  const types = s.frontswap.pending;
  const n = sbs.length + types.length;
  const P = STATE_STYLE.pending;
  const out: Line[] = [
    title("Pending", w, false, [
      n
        ? seg(
          `${P.symbol} ${sbs.length} superblock${
            sbs.length === 1 ? "" : "s"
          }, ${types.length} swap type${types.length === 1 ? "" : "s"} waiting for a backend`,
          P.style,
        )
        : seg("✓ nothing waiting", OK),
    ]),
  ];
  const uuidOf = new Map(s.superblocks.map((sb) => [sb.name, sb.uuid]));
  if (n) {
    const names = sbs.map((
      name,
    ) => (uuidOf.get(name) ? `${name} (shared ${uuidOf.get(name)})` : name));
    out.push([
      seg("  superblocks: ", DIM),
      seg(clip(names.join(", ") || "none", Math.max(10, w - 40)), P.style),
      seg("  swap types: ", DIM),
      seg(types.join(", ") || "none", P.style),
    ]);
    out.push([
      seg(
        clip(
          `  skipped so far: ${count(s.cleancache.skipped)} puts/gets, ${
            count(s.frontswap.skipped)
          } swap stores never reached a backend`,
          w,
        ),
        DIM,
      ),
    ]);
  } else if (!s.cleancache.uncached.length && !s.frontswap.uncached.length) {
    out.push([
      seg(
        s.backend
          ? "  every mounted filesystem and swap type has a backend pool"
          : "  nothing mounted or enabled",
        DIM,
      ),
    ]);
  }
  if (s.cleancache.uncached.length || s.frontswap.uncached.length) {
    out.push([
      seg("  never cached: ", DIM),
      seg(
        `${STATE_STYLE.uncached.symbol} superblocks ${
          s.cleancache.uncached.join(", ") || "none"
        }; swap types ${s.frontswap.uncached.join(", ") || "none"}`,
        STATE_STYLE.uncached.style,
      ),
    ]);
  }
  return out.slice(0, h);
}
