/**
 * Intrusive doubly linked lists of frame numbers (the kernel's `list_head`
 * in a `zbud_header`): several numbered lists, each frame in at most one of
 * them, O(1) add at either end and removal. Typed arrays, no object per frame.
 */
import { grownCapacity } from "../../capacity.ts";

const NONE = -1;

/** A family of lists over frame numbers; `list(i)` names one list. */
export class FrameLists {
  #prev = new Int32Array(256).fill(NONE);
  #next = new Int32Array(256).fill(NONE);
  /** Which list a frame is on (NONE = none); lists are few (at most 32767). */
  #on = new Int16Array(256).fill(NONE);
  readonly #head: Int32Array;
  readonly #tail: Int32Array;
  readonly #count: Int32Array;

  constructor(lists: number) {
    if (lists > 0x7fff) throw new RangeError(`FrameLists: ${lists} lists (at most 32767)`);
    this.#head = new Int32Array(lists).fill(NONE);
    this.#tail = new Int32Array(lists).fill(NONE);
    this.#count = new Int32Array(lists);
  }

  /** The list `frame` is on, or -1. */
  listOf(frame: number): number {
    return frame < this.#on.length ? this.#on[frame] : NONE;
  }
  /** First frame of list `l` (`list_first_entry`), or -1 when empty. */
  first(l: number): number {
    return this.#head[l];
  }
  /** Last frame of list `l` (`list_tail_entry`), or -1 when empty. */
  last(l: number): number {
    return this.#tail[l];
  }
  /** The frame before `frame` on its list (towards the head), or -1. */
  prev(frame: number): number {
    return this.listOf(frame) === NONE ? NONE : this.#prev[frame];
  }
  /** Frames on list `l`. */
  count(l: number): number {
    return this.#count[l];
  }

  /** `list_add`: put `frame` at the head of list `l`. */
  addHead(l: number, frame: number): void {
    this.#ensure(frame);
    const h = this.#head[l];
    this.#prev[frame] = NONE;
    this.#next[frame] = h;
    if (h !== NONE) this.#prev[h] = frame;
    else this.#tail[l] = frame;
    this.#head[l] = frame;
    this.#on[frame] = l;
    this.#count[l]++;
  }

  /** `list_add_tail`: put `frame` at the tail of list `l`. */
  addTail(l: number, frame: number): void {
    this.#ensure(frame);
    const t = this.#tail[l];
    this.#next[frame] = NONE;
    this.#prev[frame] = t;
    if (t !== NONE) this.#next[t] = frame;
    else this.#head[l] = frame;
    this.#tail[l] = frame;
    this.#on[frame] = l;
    this.#count[l]++;
  }

  /** `list_del`: take `frame` off whatever list it is on (no-op when on none). */
  remove(frame: number): void {
    const l = this.listOf(frame);
    if (l === NONE) return;
    const p = this.#prev[frame], n = this.#next[frame];
    if (p !== NONE) this.#next[p] = n;
    else this.#head[l] = n;
    if (n !== NONE) this.#prev[n] = p;
    else this.#tail[l] = p;
    this.#on[frame] = NONE;
    this.#count[l]--;
  }

  #ensure(frame: number): void {
    if (frame < this.#on.length) return;
    const n = grownCapacity(this.#on.length, frame);
    const grow = <T extends Int32Array | Int16Array>(a: T, b: T) => (b.fill(NONE), b.set(a), b);
    this.#prev = grow(this.#prev, new Int32Array(n));
    this.#next = grow(this.#next, new Int32Array(n));
    this.#on = grow(this.#on, new Int16Array(n));
  }
}
