/**
 * `zbud`: at most two compressed pages ("buddies") per 4 KiB frame, one
 * packed from the start (after a one-chunk header) and one from the end, in
 * 64-byte chunks. Density is at best 2:1, whatever the compression ratio.
 */
import { type Allocator, FrameStore } from "./allocator.ts";

const CHUNK_SHIFT = 6;
const CHUNK = 1 << CHUNK_SHIFT;
/** Chunks per frame (`NCHUNKS`), less the header chunk. */
const NCHUNKS = (4096 >> CHUNK_SHIFT) - 1;

function chunks(size: number): number {
  return (size + CHUNK - 1) >> CHUNK_SHIFT;
}

/** The zbud allocator (`mm/zbud.c`). Handle = frame * 2 + (0 first buddy, 1 last buddy). */
export class ZbudAllocator implements Allocator {
  readonly name = "zbud";
  readonly maxSize = NCHUNKS * CHUNK;
  readonly #store = new FrameStore();
  /** Chunks used by the first and last buddy of each frame (0 = empty). */
  #first = new Uint8Array(1024);
  #last = new Uint8Array(1024);
  /** `unbuddied[n]`: frames with exactly one buddy and n free chunks. */
  readonly #unbuddied: Set<number>[] = Array.from({ length: NCHUNKS + 1 }, () => new Set());

  get frames(): number {
    return this.#store.inUse;
  }

  alloc(size: number, maxFrames: number): number {
    if (size <= 0 || size > this.maxSize) return -1;
    const need = chunks(size);
    for (let free = need; free <= NCHUNKS; free++) {
      const set = this.#unbuddied[free];
      if (set.size === 0) continue;
      const frame = set.values().next().value as number;
      set.delete(frame);
      if (this.#first[frame] === 0) {
        this.#first[frame] = need;
        return frame * 2;
      }
      this.#last[frame] = need;
      return frame * 2 + 1;
    }
    if (maxFrames > 0 && this.#store.inUse >= maxFrames) return -1;
    const frame = this.#store.allocFrames(1);
    this.#grow(frame);
    this.#first[frame] = need;
    const rest = NCHUNKS - need;
    if (rest > 0) this.#unbuddied[rest].add(frame);
    return frame * 2;
  }

  view(handle: number, size: number): Uint8Array {
    const frame = handle >> 1;
    if ((handle & 1) === 0) return this.#store.view(frame, CHUNK, size);
    const offset = 4096 - this.#last[frame] * CHUNK;
    return this.#store.view(frame, offset, size);
  }

  free(handle: number, _size: number): void {
    const frame = handle >> 1;
    const before = NCHUNKS - this.#first[frame] - this.#last[frame];
    const wasFull = this.#first[frame] !== 0 && this.#last[frame] !== 0;
    if ((handle & 1) === 0) this.#first[frame] = 0;
    else this.#last[frame] = 0;
    if (!wasFull) this.#unbuddied[before].delete(frame);
    if (this.#first[frame] === 0 && this.#last[frame] === 0) {
      this.#store.freeFrames(frame, 1);
      return;
    }
    this.#unbuddied[NCHUNKS - this.#first[frame] - this.#last[frame]].add(frame);
  }

  #grow(frame: number): void {
    if (frame < this.#first.length) return;
    let n = this.#first.length;
    while (n <= frame) n *= 2;
    const f = new Uint8Array(n), l = new Uint8Array(n);
    f.set(this.#first);
    l.set(this.#last);
    this.#first = f;
    this.#last = l;
  }
}
