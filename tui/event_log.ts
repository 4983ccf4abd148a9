/**
 * The dashboard's own event log: the simulation's events (taken from each
 * snapshot by their running number, so none is counted twice) and the
 * dashboard's errors, oldest first, the last 1,000 kept. Consecutive events
 * of the same shape fold into one group (`STALE (override) ×765`, with the
 * first ones named), and a filter shows one kind only.
 */
import type { SimEvent } from "../src/snapshot.ts";

/** Most events kept. */
export const EVENT_LOG_LIMIT = 1000;

export class UiEventLog {
  readonly events: SimEvent[] = [];
  #lastSeq = -1;
  /** Events the simulation logged that never reached a snapshot (its own log overflowed). */
  missed = 0;

  /** Take the new events of a snapshot (newest first, as snapshots carry them). */
  take(newestFirst: readonly SimEvent[]): number {
    const fresh: SimEvent[] = [];
    for (const e of newestFirst) {
      if (e.seq === undefined || e.seq <= this.#lastSeq) break;
      fresh.push(e);
    }
    if (!fresh.length) return 0;
    const oldest = fresh[fresh.length - 1].seq!;
    if (this.#lastSeq >= 0 && oldest > this.#lastSeq + 1) this.missed += oldest - this.#lastSeq - 1;
    this.#lastSeq = fresh[0].seq!;
    for (let i = fresh.length - 1; i >= 0; i--) this.events.push(fresh[i]);
    this.#trim();
    return fresh.length;
  }

  /** Add an event of the dashboard's own (a failed command). */
  add(e: SimEvent): void {
    this.events.push(e);
    this.#trim();
  }

  #trim(): void {
    if (this.events.length > EVENT_LOG_LIMIT) {
      this.events.splice(0, this.events.length - EVENT_LOG_LIMIT);
    }
  }
}

/** A run of consecutive events of the same shape. */
export interface EventGroup {
  first: SimEvent;
  last: SimEvent;
  count: number;
}

/** The shape events fold by: kind and the text before its first colon (`STALE (override)`). */
export function shapeOf(e: SimEvent): string {
  return `${e.kind}|${e.text.split(":")[0]}`;
}

/** The events (oldest first) as groups, only of `kind` when given. */
export function eventGroups(events: readonly SimEvent[], kind: string | null): EventGroup[] {
  const out: EventGroup[] = [];
  let prev = "";
  for (const e of events) {
    if (kind && e.kind !== kind) continue;
    const shape = shapeOf(e);
    const g = out[out.length - 1];
    if (g && shape === prev) {
      g.last = e;
      g.count++;
    } else out.push({ first: e, last: e, count: 1 });
    prev = shape;
  }
  return out;
}

/** The kinds present in the log, in order of first appearance (what `f` cycles through). */
export function kindsIn(events: readonly SimEvent[]): string[] {
  return [...new Set(events.map((e) => e.kind))];
}
