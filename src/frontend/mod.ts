/** The transcendent-memory frontends: cleancache and frontswap. */
export {
  CLEANCACHE_NO_BACKEND,
  CLEANCACHE_NO_BACKEND_SHARED,
  CLEANCACHE_NO_POOL,
  type CleancacheCounters,
  CleancacheFrontend,
  FAKE_FS_POOLID_OFFSET,
  FAKE_SHARED_FS_POOLID_OFFSET,
  FS_NO_BACKEND,
  FS_UNKNOWN,
  MAX_INITIALIZABLE_FS,
  type Superblock,
} from "./cleancache.ts";
export {
  type FrontswapCounters,
  FrontswapFrontend,
  type FrontswapOptions,
  type SwapArea,
} from "./frontswap.ts";
