/** Backend kinds the simulator offers. */
export type BackendKind = "zcache" | "ram";
export const BACKEND_KINDS: readonly BackendKind[] = ["zcache", "ram"];

/** Allocators packing compressed pages into 4 KiB frames. */
export type AllocatorKind = "zbud" | "zsmalloc";
/** Compressors: fflate's deflate (default) or Deno's native node:zlib. */
export type CompressorKind = "fflate" | "zlib";

/** Settings of a backend (`register zcache level=1 allocator=zbud ...`). */
export interface BackendOptions {
  /** Deflate level 0..9 (default 1, as zswap favours speed). */
  level: number;
  allocator: AllocatorKind;
  compressor: CompressorKind;
  /** Pool limit in 4 KiB frames; 0 = unlimited (default 2048 frames = 8 MiB, so eviction shows). */
  limit: number;
  /** Reject pages whose compressed size exceeds this (zbud: 3968). */
  threshold: number;
  /** When the pool is full, write the oldest frontswap pages back to their swap slots. */
  writeback: boolean;
}

export const DEFAULT_BACKEND_OPTIONS: BackendOptions = {
  level: 1,
  allocator: "zbud",
  compressor: "fflate",
  limit: 2048,
  threshold: 3968,
  writeback: true,
};
