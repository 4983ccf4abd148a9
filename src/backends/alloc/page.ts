/** One object per 4 KiB frame: the `ram` and `tmem` backends' uncompressed copies. */
import { PAGE_SIZE } from "../../content.ts";
import { type Allocator, FrameStore } from "./allocator.ts";

/** Stores each object in a frame of its own. Handle = frame number. */
export class PageAllocator implements Allocator {
  readonly name = "page";
  readonly evictable = false;
  readonly maxSize = PAGE_SIZE;
  readonly #store = new FrameStore();

  get frames(): number {
    return this.#store.inUse;
  }

  alloc(_size: number, maxFrames: number): number {
    if (maxFrames !== 0 && this.#store.inUse >= maxFrames) return -1;
    return this.#store.allocFrames(1);
  }

  view(handle: number, size: number): Uint8Array {
    return this.#store.view(handle, 0, size);
  }

  free(handle: number, _size: number): void {
    this.#store.freeFrames(handle, 1);
  }

  reclaimCandidates(): null {
    return null;
  }
}
