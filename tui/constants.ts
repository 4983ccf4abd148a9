/**
 * The constants of the core the dashboard reads (beside snapshots): the one
 * place tui/ imports from src/ for anything but types.
 */
import { DEFAULT_BACKEND_OPTIONS } from "../src/backend/options.ts";
import type { FormBackend } from "./register_form.ts";
export { TICK_MS } from "../src/constants.ts";
export { PAGE_SIZE } from "../src/content.ts";

const COMMON_OPTIONS: FormBackend["options"] = [
  {
    key: "compressor",
    type: "enum",
    values: ["fflate", "zlib"],
    default: DEFAULT_BACKEND_OPTIONS.compressor,
    help: "deflate from fflate, or Deno's native node:zlib",
  },
  {
    key: "level",
    type: "int",
    min: 0,
    max: 9,
    default: DEFAULT_BACKEND_OPTIONS.level,
    help: "deflate level",
  },
  {
    key: "allocator",
    type: "enum",
    values: ["zbud", "zsmalloc"],
    default: DEFAULT_BACKEND_OPTIONS.allocator,
    help: "packs compressed pages into 4 KiB frames",
  },
  {
    key: "limit",
    type: "int",
    min: 0,
    max: 1 << 24,
    default: DEFAULT_BACKEND_OPTIONS.limit,
    help: "pool limit in frames of 4 KiB (0: none)",
  },
  {
    key: "threshold",
    type: "int",
    min: 0,
    max: 4096,
    default: DEFAULT_BACKEND_OPTIONS.threshold,
    help: "reject pages compressing to more bytes",
  },
  {
    key: "writeback",
    type: "bool",
    default: DEFAULT_BACKEND_OPTIONS.writeback,
    help: "pool full: write the oldest frontswap pages back",
  },
];

/**
 * The backends the register form offers, in the shape of the backends
 * catalog (name, one-line description, option specs), from today's options.
 */
export const BACKEND_FORM: readonly FormBackend[] = [
  {
    name: "zcache",
    description: "compressing backend in the style of zcache/zswap (cleancache + frontswap)",
    options: COMMON_OPTIONS,
  },
  {
    name: "ram",
    description: "keeps each page uncompressed in a frame of its own (a baseline for comparison)",
    options: COMMON_OPTIONS.filter((o) => o.key === "limit" || o.key === "writeback"),
  },
];
