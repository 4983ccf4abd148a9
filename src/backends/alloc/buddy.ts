/**
 * Two-buddy allocators: at most two compressed objects per 4 KiB frame, one
 * packed from the frame's start and one from its end, in 64-byte chunks.
 * Density is at best 2:1, whatever the compression ratio. Two variants:
 *
 * - `ZbudAllocator`, `mm/zbud.c` (3.11+, zswap's default): a one-chunk
 *   header in the frame, so 63 chunks; `zbud_alloc` refuses objects above
 *   `PAGE_SIZE - ZHDR_SIZE_ALIGNED - CHUNK_SIZE` = 3968 bytes (-ENOSPC);
 *   unbuddied lists by free chunks (`list_add` at the head, first entry
 *   taken); every allocation moves its frame to the head of the LRU, and
 *   `zbud_reclaim_page` takes the tail.
 * - `ZcacheZbudAllocator`, staging zcache's own `zbud.c` (3.7-3.11): the
 *   header lives in `struct page`, so 64 chunks and objects up to
 *   `MAX_CHUNK` = 63 chunks = 4032 bytes, each object carrying its 32-byte
 *   `struct tmem_handle` (the caller adds it); unbuddied lists by used
 *   chunks (`zbud_match_prep` tries the fullest that fits, `list_add_tail`),
 *   and the LRU has the newest at its tail: `zbud_evict_pageframe_lru` takes
 *   the head.
 *
 * Both search for the frame with the fewest free chunks that still fit
 * (the two kernel loops visit the same lists in the same order).
 */
import { PAGE_SIZE } from "../../content.ts";
import { type Allocator, FrameStore } from "./allocator.ts";
import { FrameLists } from "./frame_lists.ts";
import { grownCapacity } from "../../capacity.ts";

const CHUNK_SHIFT = 6;
const CHUNK_SIZE = 1 << CHUNK_SHIFT;

function chunks(size: number): number {
  return (size + CHUNK_SIZE - 1) >> CHUNK_SHIFT;
}

interface BuddyLayout {
  name: string;
  /** Bytes of in-frame header before the first buddy (mm/zbud: one chunk). */
  header: number;
  /** Chunks the two buddies share. */
  nchunks: number;
  maxSize: number;
  /** Whether the newest frame goes to the head of the LRU (mm/zbud) or its tail (staging). */
  lruNewestAtHead: boolean;
}

/** Handle = frame * 2 + (0 first buddy, 1 last buddy). */
class BuddyAllocator implements Allocator {
  readonly name: string;
  readonly evictable = true;
  readonly maxSize: number;
  readonly #layout: BuddyLayout;
  readonly #store = new FrameStore();
  /** Chunks used by the first and last buddy of each frame (0 = free). */
  #first = new Uint8Array(1024);
  #last = new Uint8Array(1024);
  /** List i: frames with one buddy and i free chunks. */
  readonly #unbuddied: FrameLists;
  readonly #lru = new FrameLists(1);

  constructor(layout: BuddyLayout) {
    this.#layout = layout;
    this.name = layout.name;
    this.maxSize = layout.maxSize;
    this.#unbuddied = new FrameLists(layout.nchunks + 1);
  }

  get frames(): number {
    return this.#store.inUse;
  }

  alloc(size: number, maxFrames: number): number {
    const need = chunks(size);
    const L = this.#layout;
    let frame = -1, bud = 0;
    for (let free = need; free < L.nchunks; free++) {
      const f = this.#unbuddied.first(free);
      if (f < 0) continue;
      this.#unbuddied.remove(f);
      frame = f;
      bud = this.#first[f] === 0 ? 0 : 1;
      break;
    }
    if (frame < 0) {
      if (maxFrames !== 0 && this.#store.inUse >= maxFrames) return -1;
      frame = this.#store.allocFrames(1);
      this.#grow(frame);
    }
    if (bud === 0) this.#first[frame] = need;
    else this.#last[frame] = need;
    this.#listUnbuddied(frame);
    // mm/zbud: "Add/move zbud page to beginning of LRU"; staging: promote to the tail
    this.#lru.remove(frame);
    if (L.lruNewestAtHead) this.#lru.addHead(0, frame);
    else this.#lru.addTail(0, frame);
    return frame * 2 + bud;
  }

  view(handle: number, size: number): Uint8Array {
    const frame = handle >> 1;
    if ((handle & 1) === 0) return this.#store.view(frame, this.#layout.header, size);
    return this.#store.view(frame, PAGE_SIZE - this.#last[frame] * CHUNK_SIZE, size);
  }

  free(handle: number, _size: number): void {
    const frame = handle >> 1;
    if ((handle & 1) === 0) this.#first[frame] = 0;
    else this.#last[frame] = 0;
    this.#unbuddied.remove(frame);
    if (this.#first[frame] === 0 && this.#last[frame] === 0) {
      this.#lru.remove(frame);
      this.#store.freeFrames(frame, 1);
      return;
    }
    this.#listUnbuddied(frame);
  }

  reclaimCandidates(): number[] | null {
    const frame = this.#layout.lruNewestAtHead ? this.#lru.last(0) : this.#lru.first(0);
    if (frame < 0) return null;
    const out: number[] = [];
    if (this.#first[frame] !== 0) out.push(frame * 2);
    if (this.#last[frame] !== 0) out.push(frame * 2 + 1);
    return out;
  }

  /** A frame with one buddy goes on the unbuddied list of its free chunks (buddied: none). */
  #listUnbuddied(frame: number): void {
    const f = this.#first[frame], l = this.#last[frame];
    if (f !== 0 && l !== 0) return;
    const free = this.#layout.nchunks - f - l;
    if (this.#layout.lruNewestAtHead) this.#unbuddied.addHead(free, frame);
    else this.#unbuddied.addTail(free, frame);
  }

  #grow(frame: number): void {
    if (frame < this.#first.length) return;
    const n = grownCapacity(this.#first.length, frame);
    const f = new Uint8Array(n), l = new Uint8Array(n);
    f.set(this.#first);
    l.set(this.#last);
    this.#first = f;
    this.#last = l;
  }
}

/** `mm/zbud.c` of 3.11-5.x (zswap's zbud). */
export class ZbudAllocator extends BuddyAllocator {
  constructor() {
    super({
      name: "zbud",
      header: CHUNK_SIZE,
      nchunks: (PAGE_SIZE - CHUNK_SIZE) >> CHUNK_SHIFT,
      // zbud_alloc: size > PAGE_SIZE - ZHDR_SIZE_ALIGNED - CHUNK_SIZE -> -ENOSPC
      maxSize: PAGE_SIZE - CHUNK_SIZE - CHUNK_SIZE,
      lruNewestAtHead: true,
    });
  }
}

/** Bytes of `struct tmem_handle` staging zcache stores in front of each object. */
export const TMEM_HANDLE_SIZE = 32;

/** Staging zcache's `zbud.c` (3.7-3.11); sizes passed in include the tmem handle. */
export class ZcacheZbudAllocator extends BuddyAllocator {
  constructor(name = "zcache-zbud") {
    super({
      name,
      header: 0,
      nchunks: PAGE_SIZE >> CHUNK_SHIFT,
      // zbud_max_size(): MAX_CHUNK << CHUNK_SHIFT
      maxSize: ((PAGE_SIZE >> CHUNK_SHIFT) - 1) << CHUNK_SHIFT,
      lruNewestAtHead: false,
    });
  }
}
