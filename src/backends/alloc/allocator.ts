/**
 * An allocator packs compressed pages into 4 KiB frames, the way zbud,
 * z3fold and zsmalloc do. Handles are plain numbers; bytes live in slabs of
 * ArrayBuffers (no object per stored page).
 */
import { PAGE_SIZE } from "../../content.ts";

export interface Allocator {
  readonly name: string;
  /** Frames (4 KiB pages) currently in use: `pool_total_size` / PAGE_SIZE. */
  readonly frames: number;
  /** Largest object it accepts (the caller checks before `alloc`). */
  readonly maxSize: number;
  /**
   * Reserve room for `size` bytes (1..maxSize). Returns a handle, or -1 when
   * the object needs a new frame and `frames >= maxFrames` (0 = no limit,
   * negative = no new frame at all).
   */
  alloc(size: number, maxFrames: number): number;
  /** A view of the object's bytes (valid until the next alloc/free). */
  view(handle: number, size: number): Uint8Array;
  /** Release an object. */
  free(handle: number, size: number): void;
  /**
   * Evictable allocators (`zpool_evictable`: zbud, z3fold): the handles in
   * the frame reclaim takes next (`zbud_reclaim_page`), or null when empty
   * or not evictable. Freeing them all frees that frame.
   */
  reclaimCandidates(): number[] | null;
}

/** Frames of PAGE_SIZE bytes kept in slabs of 64 frames (256 KiB ArrayBuffers). */
export class FrameStore {
  static readonly SLAB_SHIFT = 6;
  readonly #slabs: Uint8Array[] = [];
  readonly #freeFrames: number[] = [];
  #next = 0;
  #inUse = 0;

  get inUse(): number {
    return this.#inUse;
  }

  /** Allocate `count` contiguous frames (count <= 64), returning the first frame number. */
  allocFrames(count = 1): number {
    if (count === 1 && this.#freeFrames.length > 0) {
      this.#inUse++;
      return this.#freeFrames.pop()!;
    }
    const per = 1 << FrameStore.SLAB_SHIFT;
    // keep a multi-frame run inside one slab
    if ((this.#next % per) + count > per) {
      while (this.#next % per !== 0) this.#freeFrames.push(this.#next++);
    }
    const f = this.#next;
    this.#next += count;
    while (this.#slabs.length * per < this.#next) {
      this.#slabs.push(new Uint8Array(per * PAGE_SIZE));
    }
    this.#inUse += count;
    return f;
  }

  /** Return frames (single frames are reused first). */
  freeFrames(first: number, count = 1): void {
    for (let i = 0; i < count; i++) this.#freeFrames.push(first + i);
    this.#inUse -= count;
  }

  /** View of `size` bytes at `offset` within frame `frame` (may span contiguous frames). */
  view(frame: number, offset: number, size: number): Uint8Array {
    const slab = this.#slabs[frame >> FrameStore.SLAB_SHIFT];
    const start = ((frame & ((1 << FrameStore.SLAB_SHIFT) - 1)) * PAGE_SIZE) + offset;
    return slab.subarray(start, start + size);
  }
}
