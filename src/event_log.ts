/** A bounded event log (register, pools, mounts, errors...), newest first in snapshots. */
import type { SimEvent } from "./snapshot.ts";

export class EventLog {
  readonly #limit: number;
  #items: SimEvent[] = [];
  #seq = 0;

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  add(tick: number, kind: SimEvent["kind"], text: string): void {
    this.#items.push({ tick, kind, text, seq: this.#seq++ });
    if (this.#items.length > this.#limit * 2) this.#items = this.#items.slice(-this.#limit);
  }

  /** The latest events, newest first. */
  newestFirst(): SimEvent[] {
    const n = Math.min(this.#limit, this.#items.length);
    const out: SimEvent[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.#items[this.#items.length - 1 - i];
    return out;
  }
}
