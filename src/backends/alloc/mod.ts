/** Allocators that pack compressed pages into 4 KiB frames. */
export type { Allocator } from "./allocator.ts";
export { FrameStore } from "./allocator.ts";
export { TMEM_HANDLE_SIZE, ZbudAllocator, ZcacheZbudAllocator } from "./buddy.ts";
export { ZsmallocAllocator } from "./zsmalloc.ts";
export { PageAllocator } from "./page.ts";
export { Z3foldAllocator } from "./z3fold.ts";
