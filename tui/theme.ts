/**
 * What colours mean, always paired with a word or a symbol so a plain screen
 * (NO_COLOR, --no-color) says the same: backed green, pending yellow, errors red.
 */
import type { BackingState, SimEvent } from "../src/snapshot.ts";
import type { Style } from "./line.ts";

export const STATE_STYLE: Record<BackingState, { symbol: string; style: Style }> = {
  backed: { symbol: "●", style: { color: "green" } },
  pending: { symbol: "◌", style: { color: "yellow" } },
  uncached: { symbol: "○", style: { color: "gray" } },
};

/** Swap types: "active" when frontswap reaches a backend, "pending", or "off" (never uses it). */
export const SWAP_STATE_WORD: Record<BackingState, string> = {
  backed: "active",
  pending: "pending",
  uncached: "off",
};

export const OK: Style = { color: "green" };
export const WARN: Style = { color: "yellow" };
export const ERR: Style = { color: "red" };
export const DIM: Style = { dim: true };
export const KEY: Style = { color: "cyan", bold: true };

export const EVENT_STYLE: Record<SimEvent["kind"], { symbol: string; style: Style }> = {
  register: { symbol: "+", style: { color: "green" } },
  unregister: { symbol: "-", style: { color: "yellow" } },
  "pool-created": { symbol: "+", style: { color: "green" } },
  "pool-destroyed": { symbol: "-", style: { color: "yellow" } },
  mount: { symbol: "▲", style: {} },
  umount: { symbol: "▼", style: {} },
  swapon: { symbol: "▲", style: {} },
  swapoff: { symbol: "▼", style: {} },
  writeback: { symbol: "↩", style: { color: "magenta" } },
  workload: { symbol: "~", style: DIM },
  error: { symbol: "✗", style: { color: "red" } },
  info: { symbol: "·", style: DIM },
};
