/** Backends: the ops tables, options, compressors and the tmem store (zcache, ram). */
export type { Backend, BackendHost, CleancacheOps, FrontswapOps, PoolUsage } from "./ops.ts";
export {
  type AllocatorKind,
  BACKEND_KINDS,
  type BackendKind,
  type BackendOptions,
  type CompressorKind,
  DEFAULT_BACKEND_OPTIONS,
} from "./options.ts";
export {
  type Compressor,
  createCompressor,
  FflateCompressor,
  IdentityCompressor,
  ZlibCompressor,
} from "./compressor.ts";
export { createBackend, TmemBackend } from "./tmem_backend.ts";
