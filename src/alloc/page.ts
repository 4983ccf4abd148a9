/** One object per 4 KiB frame: the `ram` backend's uncompressed copies. */
import { type Allocator, FrameStore } from "./allocator.ts";

/** Stores each object in a frame of its own. Handle = frame number. */
export class PageAllocator implements Allocator {
  readonly name = "page";
  readonly maxSize = 4096;
  readonly #store = new FrameStore();

  get frames(): number {
    return this.#store.inUse;
  }

  alloc(size: number, maxFrames: number): number {
    if (size <= 0 || size > this.maxSize) return -1;
    if (maxFrames > 0 && this.#store.inUse >= maxFrames) return -1;
    return this.#store.allocFrames(1);
  }

  view(handle: number, size: number): Uint8Array {
    return this.#store.view(handle, 0, size);
  }

  free(handle: number, _size: number): void {
    this.#store.freeFrames(handle, 1);
  }
}
