/**
 * `z3fold`: `mm/z3fold.c` as of Linux 5.10 (zswap's `zpool=z3fold`, 4.8+),
 * up to three compressed objects per 4 KiB frame, in 64-byte chunks:
 *
 * - the frame starts with `struct z3fold_header`, 88 bytes on x86-64
 *   without lock debugging, so `ZHDR_SIZE_ALIGNED` = 128 (2 chunks) and
 *   `NCHUNKS` = 62 (the source's comment says 63, written when the header
 *   was smaller: the code's `round_up(sizeof(...))` wins);
 * - the FIRST buddy right after the header, the LAST at the frame's end,
 *   the MIDDLE at `start_middle` = first chunks + header chunks when placed;
 * - `z3fold_alloc`: objects above PAGE_SIZE are refused (-ENOSPC, zswap's
 *   `reject_compress_poor`); objects above PAGE_SIZE - 128 - 64 = 3904
 *   bytes get a HEADLESS frame of their own; else the first frame of the
 *   unbuddied lists (by `num_free_chunks`, `list_add` at the head) from the
 *   object's chunks up (`__z3fold_alloc`), the buddy chosen as the source
 *   does, or a new frame (FIRST); every allocation moves its frame to the
 *   head of the LRU;
 * - `z3fold_free`: an emptied frame is freed; otherwise the frame is
 *   compacted (`do_compact_page`, queued to a workqueue in the kernel, run
 *   at once here): a lone object with no foreign handles moves to another
 *   frame with room (`compact_single_buddy`: its handle now points there,
 *   that frame counts a foreign handle) and the frame is freed; else
 *   `z3fold_compact_page` moves the middle object to the front (no first or
 *   last) or next to its neighbour (a gap of `BIG_CHUNK_GAP` = 3 chunks);
 * - `z3fold_reclaim_page`: from the LRU's tail, the first frame without
 *   foreign handles, taken off its lists and claimed (frees on it do not
 *   compact); its objects are evicted middle, first, last.
 *
 * Handles are indirect, like the kernel's `z3fold_buddy_slots`: an object
 * keeps its handle when compaction moves it.
 */
import { grownCapacity } from "../../capacity.ts";
import { PAGE_SIZE } from "../../content.ts";
import { type Allocator, FrameStore } from "./allocator.ts";
import { FrameLists } from "./frame_lists.ts";

const CHUNK_SHIFT = 6;
const CHUNK_SIZE = 1 << CHUNK_SHIFT;
/** `round_up(sizeof(struct z3fold_header), CHUNK_SIZE)` on x86-64. */
export const Z3FOLD_HEADER_SIZE = 128;
const ZHDR_CHUNKS = Z3FOLD_HEADER_SIZE >> CHUNK_SHIFT;
const TOTAL_CHUNKS = PAGE_SIZE >> CHUNK_SHIFT;
/** `NCHUNKS`: chunks after the header (and the number of unbuddied lists). */
export const Z3FOLD_NCHUNKS = (PAGE_SIZE - Z3FOLD_HEADER_SIZE) >> CHUNK_SHIFT;
/** Objects above this get a headless frame. */
export const Z3FOLD_MAX_BUDDY = PAGE_SIZE - Z3FOLD_HEADER_SIZE - CHUNK_SIZE;
const BIG_CHUNK_GAP = 3;

/** `enum buddy`. */
export const HEADLESS = 0, FIRST = 1, MIDDLE = 2, LAST = 3;

function sizeToChunks(size: number): number {
  return (size + CHUNK_SIZE - 1) >> CHUNK_SHIFT;
}

/** The z3fold allocator; see the module comment. */
export class Z3foldAllocator implements Allocator {
  readonly name = "z3fold";
  /** Handles are small dense numbers, reused once freed. */
  readonly evictable = true;
  readonly maxSize = PAGE_SIZE;
  readonly #store = new FrameStore();
  /** Per frame: 1 headless, 1 claimed by reclaim, slots id, foreign handles, start_middle. */
  #headless = new Uint8Array(256);
  #claimed = new Uint8Array(256);
  #slots = new Int32Array(256);
  #foreign = new Uint8Array(256);
  #startMiddle = new Uint8Array(256);
  /** Per frame and buddy (frame * 4 + bud): chunks used, and the handle living there (-1). */
  #chunks = new Uint8Array(1024);
  #budHandle = new Int32Array(1024).fill(-1);
  /** Per handle: frame, buddy, the slots (frame instance) it was handed out from. */
  #hFrame = new Int32Array(256);
  #hBud = new Uint8Array(256);
  #hSlots = new Int32Array(256);
  #hTop = 0;
  readonly #hFree: number[] = [];
  #slotsSerial = 0;
  /** List i: frames with i free chunks and a free buddy (`pool->unbuddied`). */
  readonly #unbuddied = new FrameLists(Z3FOLD_NCHUNKS);
  readonly #lru = new FrameLists(1);

  get frames(): number {
    return this.#store.inUse;
  }

  alloc(size: number, maxFrames: number): number {
    const chunks = sizeToChunks(size);
    if (size > Z3FOLD_MAX_BUDDY) {
      const f = this.#newFrame(maxFrames, true);
      if (f < 0) return -1;
      this.#lruHead(f);
      return this.#newHandle(f, HEADLESS);
    }
    let f = this.#findUnbuddied(chunks);
    let bud = FIRST;
    if (f >= 0) bud = this.#chooseBud(f, chunks);
    else {
      f = this.#newFrame(maxFrames, false);
      if (f < 0) return -1;
    }
    this.#place(f, bud, chunks);
    this.#addToUnbuddied(f);
    this.#lruHead(f);
    return this.#newHandle(f, bud);
  }

  view(handle: number, size: number): Uint8Array {
    const f = this.#hFrame[handle];
    return this.#store.view(f, this.#offset(f, this.#hBud[handle]), size);
  }

  free(handle: number, _size: number): void {
    const f = this.#hFrame[handle], bud = this.#hBud[handle];
    this.#releaseHandle(handle);
    if (this.#headless[f] === 1) {
      this.#freeFrame(f);
      return;
    }
    this.#chunks[f * 4 + bud] = 0;
    this.#budHandle[f * 4 + bud] = -1;
    if (this.#objects(f) === 0) {
      this.#freeFrame(f);
      return;
    }
    if (this.#claimed[f] === 1) return;
    this.#unbuddied.remove(f);
    // do_compact_page
    if (this.#foreign[f] === 0 && this.#objects(f) === 1 && this.#compactSingleBuddy(f)) return;
    this.#compactPage(f);
    this.#addToUnbuddied(f);
  }

  reclaimCandidates(): number[] | null {
    for (let f = this.#lru.last(0); f >= 0; f = this.#lru.prev(f)) {
      if (this.#headless[f] === 0 && this.#foreign[f] > 0) continue; // can't evict such page
      this.#claimed[f] = 1;
      this.#unbuddied.remove(f);
      this.#lru.remove(f);
      const out: number[] = [];
      for (const bud of [MIDDLE, FIRST, LAST, HEADLESS]) {
        const h = this.#budHandle[f * 4 + bud];
        if (h >= 0) out.push(h);
      }
      return out;
    }
    return null;
  }

  /** Where handle `h` lives now: [frame, buddy] (for tests). */
  locate(h: number): [number, number] {
    return [this.#hFrame[h], this.#hBud[h]];
  }

  /** Chunks of each buddy of `frame` ([first, middle, last]) and `start_middle` (for tests). */
  layout(frame: number): { first: number; middle: number; last: number; startMiddle: number } {
    const c = this.#chunks, b = frame * 4;
    return {
      first: c[b + FIRST],
      middle: c[b + MIDDLE],
      last: c[b + LAST],
      startMiddle: this.#startMiddle[frame],
    };
  }

  // ---------------- internals ----------------

  /** `__z3fold_alloc`: the first frame of the unbuddied lists from `chunks` free chunks up. */
  #findUnbuddied(chunks: number): number {
    for (let i = chunks; i < Z3FOLD_NCHUNKS; i++) {
      const f = this.#unbuddied.first(i);
      if (f < 0) continue;
      this.#unbuddied.remove(f);
      return f;
    }
    return -1;
  }

  /** The buddy `z3fold_alloc` (and `compact_single_buddy`) picks in a frame found unbuddied. */
  #chooseBud(f: number, chunks: number): number {
    const c = this.#chunks, b = f * 4;
    if (c[b + FIRST] === 0) {
      return c[b + MIDDLE] !== 0 && chunks >= this.#startMiddle[f] ? LAST : FIRST;
    }
    return c[b + LAST] === 0 ? LAST : MIDDLE;
  }

  #place(f: number, bud: number, chunks: number): void {
    this.#chunks[f * 4 + bud] = chunks;
    if (bud === MIDDLE) this.#startMiddle[f] = this.#chunks[f * 4 + FIRST] + ZHDR_CHUNKS;
  }

  /** Byte offset of a buddy in its frame (`z3fold_map`). */
  #offset(f: number, bud: number): number {
    switch (bud) {
      case FIRST:
        return Z3FOLD_HEADER_SIZE;
      case MIDDLE:
        return this.#startMiddle[f] << CHUNK_SHIFT;
      case LAST:
        return PAGE_SIZE - (this.#chunks[f * 4 + LAST] << CHUNK_SHIFT);
      default:
        return 0;
    }
  }

  #objects(f: number): number {
    const c = this.#chunks, b = f * 4;
    return (c[b + FIRST] ? 1 : 0) + (c[b + MIDDLE] ? 1 : 0) + (c[b + LAST] ? 1 : 0);
  }

  /** `num_free_chunks`. */
  #freeChunks(f: number): number {
    const c = this.#chunks, b = f * 4;
    const first = c[b + FIRST], middle = c[b + MIDDLE], last = c[b + LAST];
    if (middle === 0) return Z3FOLD_NCHUNKS - first - last;
    const sm = this.#startMiddle[f];
    const before = first ? 0 : sm - ZHDR_CHUNKS;
    const after = last ? 0 : TOTAL_CHUNKS - (sm + middle);
    return Math.max(before, after);
  }

  /** `add_to_unbuddied`: only a frame with a free buddy. */
  #addToUnbuddied(f: number): void {
    if (this.#objects(f) === 3) return;
    this.#unbuddied.addHead(this.#freeChunks(f), f);
  }

  #lruHead(f: number): void {
    this.#lru.remove(f);
    this.#lru.addHead(0, f);
  }

  /** `compact_single_buddy`: move the lone object to another frame with room; frees this one. */
  #compactSingleBuddy(f: number): boolean {
    let bud = FIRST;
    while (this.#chunks[f * 4 + bud] === 0) bud++;
    const chunks = this.#chunks[f * 4 + bud];
    const h = this.#budHandle[f * 4 + bud];
    const to = this.#findUnbuddied(chunks);
    if (to < 0) return false;
    const nb = this.#chooseBud(to, chunks);
    this.#place(to, nb, chunks);
    const size = chunks << CHUNK_SHIFT;
    this.#store.view(to, this.#offset(to, nb), size).set(
      this.#store.view(f, this.#offset(f, bud), size),
    );
    this.#foreign[to]++;
    this.#hFrame[h] = to;
    this.#hBud[h] = nb;
    this.#budHandle[to * 4 + nb] = h;
    this.#addToUnbuddied(to);
    this.#chunks[f * 4 + bud] = 0;
    this.#budHandle[f * 4 + bud] = -1;
    this.#freeFrame(f);
    return true;
  }

  /** `z3fold_compact_page`: move the middle object within its frame when it pays. */
  #compactPage(f: number): void {
    const c = this.#chunks, b = f * 4;
    const first = c[b + FIRST], middle = c[b + MIDDLE], last = c[b + LAST];
    const sm = this.#startMiddle[f];
    if (middle === 0) return;
    if (first === 0 && last === 0) {
      // move to the beginning: the middle object becomes the first (first_num++)
      this.#moveMiddle(f, ZHDR_CHUNKS);
      const h = this.#budHandle[b + MIDDLE];
      c[b + FIRST] = middle;
      c[b + MIDDLE] = 0;
      this.#startMiddle[f] = 0;
      this.#budHandle[b + FIRST] = h;
      this.#budHandle[b + MIDDLE] = -1;
      this.#hBud[h] = FIRST;
      return;
    }
    if (first !== 0 && last === 0 && sm - (first + ZHDR_CHUNKS) >= BIG_CHUNK_GAP) {
      this.#moveMiddle(f, first + ZHDR_CHUNKS);
      this.#startMiddle[f] = first + ZHDR_CHUNKS;
    } else if (last !== 0 && first === 0 && TOTAL_CHUNKS - (last + sm + middle) >= BIG_CHUNK_GAP) {
      const start = TOTAL_CHUNKS - last - middle;
      this.#moveMiddle(f, start);
      this.#startMiddle[f] = start;
    }
  }

  /** `mchunk_memmove`. */
  #moveMiddle(f: number, dstChunk: number): void {
    const page = this.#store.view(f, 0, PAGE_SIZE);
    const start = this.#startMiddle[f] << CHUNK_SHIFT;
    page.copyWithin(
      dstChunk << CHUNK_SHIFT,
      start,
      start + (this.#chunks[f * 4 + MIDDLE] << CHUNK_SHIFT),
    );
  }

  #newFrame(maxFrames: number, headless: boolean): number {
    if (maxFrames !== 0 && this.#store.inUse >= maxFrames) return -1;
    const f = this.#store.allocFrames(1);
    this.#growFrames(f);
    this.#headless[f] = headless ? 1 : 0;
    this.#claimed[f] = 0;
    this.#foreign[f] = 0;
    this.#startMiddle[f] = 0;
    this.#slots[f] = ++this.#slotsSerial;
    for (let bud = 0; bud < 4; bud++) {
      this.#chunks[f * 4 + bud] = 0;
      this.#budHandle[f * 4 + bud] = -1;
    }
    return f;
  }

  #freeFrame(f: number): void {
    this.#unbuddied.remove(f);
    this.#lru.remove(f);
    this.#claimed[f] = 0;
    this.#headless[f] = 0;
    for (let bud = 0; bud < 4; bud++) this.#budHandle[f * 4 + bud] = -1;
    this.#store.freeFrames(f, 1);
  }

  #newHandle(f: number, bud: number): number {
    const h = this.#hFree.length > 0 ? this.#hFree.pop()! : this.#hTop++;
    if (h >= this.#hFrame.length) {
      const n = this.#hFrame.length * 2;
      this.#hFrame = grow(this.#hFrame, new Int32Array(n));
      this.#hBud = grow(this.#hBud, new Uint8Array(n));
      this.#hSlots = grow(this.#hSlots, new Int32Array(n));
    }
    this.#hFrame[h] = f;
    this.#hBud[h] = bud;
    this.#hSlots[h] = this.#slots[f];
    this.#budHandle[f * 4 + bud] = h;
    return h;
  }

  /** `free_handle`: a handle of another frame's slots was a foreign handle here. */
  #releaseHandle(h: number): void {
    const f = this.#hFrame[h];
    if (this.#headless[f] === 0 && this.#hSlots[h] !== this.#slots[f]) this.#foreign[f]--;
    this.#hFree.push(h);
  }

  #growFrames(f: number): void {
    if (f < this.#headless.length) return;
    const n = grownCapacity(this.#headless.length, f);
    this.#headless = grow(this.#headless, new Uint8Array(n));
    this.#claimed = grow(this.#claimed, new Uint8Array(n));
    this.#slots = grow(this.#slots, new Int32Array(n));
    this.#foreign = grow(this.#foreign, new Uint8Array(n));
    this.#startMiddle = grow(this.#startMiddle, new Uint8Array(n));
    this.#chunks = grow(this.#chunks, new Uint8Array(n * 4));
    this.#budHandle = grow(this.#budHandle, new Int32Array(n * 4).fill(-1));
  }
}

function grow<T extends Uint8Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}
