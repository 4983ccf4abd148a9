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
  /**
   * `zpool_evictable`: reclaim hands out handles (`reclaimCandidates`), so the
   * page store keeps a handle -> entry index for it (zbud, z3fold).
   */
  readonly evictable: boolean;
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

/**
 * Frames of 4 KiB in slabs of 4096 frames (16 MiB ArrayBuffers): a million
 * pages held are a hundred-odd buffers for the garbage collector, not eight
 * thousand. The last slab starts at 64 frames and doubles (its bytes copied)
 * up to the full size, so a small pool does not reserve 16 MiB.
 */
export class FrameStore {
  static readonly FRAME = 4096;
  /** log2 of the frames of a full slab. */
  static readonly SLAB_SHIFT = 12;
  /** Frames of a slab's first buffer. */
  static readonly FIRST_FRAMES = 64;
  readonly #slabs: Uint8Array[] = [];
  readonly #freeFrames: number[] = [];
  #next = 0;
  #inUse = 0;

  get inUse(): number {
    return this.#inUse;
  }

  /** ArrayBuffers holding the frames now. */
  get slabCount(): number {
    return this.#slabs.length;
  }

  /** Bytes of those buffers (frames in use, free frames, room to grow). */
  get reservedBytes(): number {
    let n = 0;
    for (const s of this.#slabs) n += s.length;
    return n;
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
    this.#room(this.#next);
    this.#inUse += count;
    return f;
  }

  /**
   * Make every frame below `end` addressable. Only the slab `end` reaches
   * into can be short: a run moves to the next slab only from the last 64
   * frames of one, which doubling has grown to its full size by then.
   */
  #room(end: number): void {
    const shift = FrameStore.SLAB_SHIFT;
    const last = (end - 1) >> shift;
    while (this.#slabs.length <= last) {
      this.#slabs.push(new Uint8Array(FrameStore.FIRST_FRAMES * FrameStore.FRAME));
    }
    this.#grow(last, (end - (last << shift)) * FrameStore.FRAME);
  }

  /** Grow slab `i` to hold at least `bytes`, doubling (at most a full slab). */
  #grow(i: number, bytes: number): void {
    const slab = this.#slabs[i];
    if (slab.length >= bytes) return;
    let size = slab.length;
    while (size < bytes) size *= 2;
    const bigger = new Uint8Array(Math.min(size, (1 << FrameStore.SLAB_SHIFT) * FrameStore.FRAME));
    bigger.set(slab);
    this.#slabs[i] = bigger;
  }

  /** Return frames (single frames are reused first). */
  freeFrames(first: number, count = 1): void {
    for (let i = 0; i < count; i++) this.#freeFrames.push(first + i);
    this.#inUse -= count;
  }

  /** The little-endian 16-bit word at `offset` within frame `frame` (of a contiguous run). */
  getU16(frame: number, offset: number): number {
    const slab = this.#slabs[frame >> FrameStore.SLAB_SHIFT];
    const i = ((frame & ((1 << FrameStore.SLAB_SHIFT) - 1)) * PAGE_SIZE) + offset;
    return slab[i] | (slab[i + 1] << 8);
  }

  /** Write the little-endian 16-bit word at `offset` within frame `frame`. */
  setU16(frame: number, offset: number, value: number): void {
    const slab = this.#slabs[frame >> FrameStore.SLAB_SHIFT];
    const i = ((frame & ((1 << FrameStore.SLAB_SHIFT) - 1)) * PAGE_SIZE) + offset;
    slab[i] = value & 0xff;
    slab[i + 1] = value >>> 8;
  }

  /** View of `size` bytes at `offset` within frame `frame` (may span contiguous frames). */
  view(frame: number, offset: number, size: number): Uint8Array {
    const slab = this.#slabs[frame >> FrameStore.SLAB_SHIFT];
    const start = ((frame & ((1 << FrameStore.SLAB_SHIFT) - 1)) * PAGE_SIZE) + offset;
    return slab.subarray(start, start + size);
  }
}
