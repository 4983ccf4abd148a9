/**
 * `zsmalloc`: objects packed by size class (16-byte steps) into "zspages" of
 * 1 to 4 contiguous frames, the frame count chosen per class to waste least.
 * Denser than zbud for well-compressed pages.
 */
import { PAGE_SIZE } from "../../content.ts";
import { type Allocator, FrameStore } from "./allocator.ts";
import { FrameLists } from "./frame_lists.ts";

const MIN_SIZE = 32;
const STEP = 16;
const MAX_PAGES = 4;
/** Objects per zspage are below this, so handle = zspage * OBJ_SLOTS + index. */
const OBJ_SLOTS = 512;
/** End of a zspage's free-object chain. */
const END = 0xffff;

interface SizeClass {
  size: number;
  pages: number;
  objs: number;
}

/**
 * The zsmalloc allocator (`mm/zsmalloc.c`), simplified: no compaction. Not
 * evictable (`zs_zpool_shrink` returns -EINVAL up to 5.x), so zswap cannot
 * write back from it: its shrink counts `reject_reclaim_fail`.
 */
export class ZsmallocAllocator implements Allocator {
  readonly name = "zsmalloc";
  readonly evictable = false;
  readonly maxSize = PAGE_SIZE;
  readonly #store = new FrameStore();
  readonly #classes: SizeClass[] = [];
  /**
   * Per zspage: first frame, class index, used count, and its first free
   * object (`zspage->freeobj`); each free object holds the index of the next
   * in its first two bytes (`struct link_free`), END closing the chain.
   */
  readonly #zsFrame: number[] = [];
  readonly #zsClass: number[] = [];
  readonly #zsUsed: number[] = [];
  readonly #zsFreeObj: number[] = [];
  readonly #spareIds: number[] = [];
  /**
   * Per class, its zspages with at least one free object, in the order they
   * became partial (list i = class i): `alloc` takes the first in O(1).
   */
  readonly #partial: FrameLists;

  constructor() {
    for (let size = MIN_SIZE; size <= PAGE_SIZE; size += STEP) {
      let best = 1, bestUse = 0;
      for (let p = 1; p <= MAX_PAGES; p++) {
        const objs = Math.floor((p * PAGE_SIZE) / size);
        const use = (objs * size) / (p * PAGE_SIZE);
        if (use > bestUse + 1e-9) {
          best = p;
          bestUse = use;
        }
      }
      this.#classes.push({
        size,
        pages: best,
        objs: Math.min(OBJ_SLOTS - 1, Math.floor((best * PAGE_SIZE) / size)),
      });
    }
    this.#partial = new FrameLists(this.#classes.length);
  }

  get frames(): number {
    return this.#store.inUse;
  }

  alloc(size: number, maxFrames: number): number {
    const ci = Math.max(0, Math.ceil((size - MIN_SIZE) / STEP));
    const cls = this.#classes[ci];
    let zs: number;
    const first = this.#partial.first(ci);
    if (first >= 0) {
      zs = first;
    } else {
      if (maxFrames !== 0 && this.#store.inUse + cls.pages > maxFrames) return -1;
      zs = this.#newZspage(ci);
    }
    // obj_malloc: take the first free object, its link names the next
    const obj = this.#zsFreeObj[zs];
    const next = this.#store.getU16(this.#zsFrame[zs], obj * cls.size);
    this.#zsFreeObj[zs] = next;
    this.#zsUsed[zs]++;
    if (next === END) this.#partial.remove(zs);
    return zs * OBJ_SLOTS + obj;
  }

  view(handle: number, size: number): Uint8Array {
    const zs = Math.floor(handle / OBJ_SLOTS);
    const obj = handle % OBJ_SLOTS;
    const cls = this.#classes[this.#zsClass[zs]];
    return this.#store.view(this.#zsFrame[zs], obj * cls.size, size);
  }

  free(handle: number, _size: number): void {
    const zs = Math.floor(handle / OBJ_SLOTS);
    const obj = handle % OBJ_SLOTS;
    const cls = this.#classes[this.#zsClass[zs]];
    // obj_free: the object's link points at the old first free object, and it becomes the first
    this.#store.setU16(this.#zsFrame[zs], obj * cls.size, this.#zsFreeObj[zs]);
    this.#zsFreeObj[zs] = obj;
    this.#zsUsed[zs]--;
    if (this.#zsUsed[zs] === 0) {
      this.#partial.remove(zs);
      this.#store.freeFrames(this.#zsFrame[zs], cls.pages);
      this.#spareIds.push(zs);
    } else if (this.#partial.listOf(zs) < 0) {
      // a zspage already partial keeps its place (a Set's add of a member)
      this.#partial.addTail(this.#zsClass[zs], zs);
    }
  }

  reclaimCandidates(): null {
    return null;
  }

  #newZspage(ci: number): number {
    const cls = this.#classes[ci];
    const zs = this.#spareIds.length > 0 ? this.#spareIds.pop()! : this.#zsFrame.length;
    this.#zsFrame[zs] = this.#store.allocFrames(cls.pages);
    this.#zsClass[zs] = ci;
    this.#zsUsed[zs] = 0;
    // init_zspage: every object free, each linked to the next
    const frame = this.#zsFrame[zs];
    for (let i = 0; i < cls.objs; i++) {
      this.#store.setU16(frame, i * cls.size, i + 1 < cls.objs ? i + 1 : END);
    }
    this.#zsFreeObj[zs] = 0;
    this.#partial.addTail(ci, zs);
    return zs;
  }
}
