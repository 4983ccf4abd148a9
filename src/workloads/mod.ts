/**
 * The built-in workload generators and their parameters. The simulation's
 * `startWorkload(name, params)` builds them through `WORKLOAD_FACTORIES`.
 *
 * Public surface: `WORKLOAD_FACTORIES`, `WORKLOAD_DEFAULTS`, `WORKLOAD_PARAMS`,
 * `WORKLOAD_PARAM_DOCS`, the three workload classes, `parseMix`.
 */
import { SimError } from "../errors.ts";
import type { WorkloadFactory, WorkloadName, WorkloadParams } from "../workload.ts";
import { PAGECACHE_PARAMS, PagecacheWorkload } from "./pagecache.ts";
import { SWAP_PARAMS, SwapWorkload } from "./swap.ts";
import { CHURN_PARAMS, ChurnWorkload } from "./churn.ts";
import { FILES_PARAMS, FilesWorkload } from "./files.ts";
import { defaultsOf, docsOf, type ParamSpecs } from "./params.ts";

/** Builders of the workloads by name; they throw `SimError` on a bad parameter. */
export const WORKLOAD_FACTORIES: Record<WorkloadName, WorkloadFactory> = {
  pagecache: (params) => new PagecacheWorkload(params),
  swap: (params, sim) => new SwapWorkload(params, sim),
  churn: (params) => new ChurnWorkload(params),
  files: (params, host) => {
    if (!host) throw new SimError("workload: files needs a simulation to read its files");
    return new FilesWorkload(params, host);
  },
};

/** Parameter specifications (default, range, description) by workload. */
export const WORKLOAD_PARAMS: Record<WorkloadName, ParamSpecs> = {
  pagecache: PAGECACHE_PARAMS,
  swap: SWAP_PARAMS,
  churn: CHURN_PARAMS,
  files: FILES_PARAMS,
};

/** Default parameters by workload. */
export const WORKLOAD_DEFAULTS: Record<WorkloadName, WorkloadParams> = {
  pagecache: defaultsOf(PAGECACHE_PARAMS),
  swap: defaultsOf(SWAP_PARAMS),
  churn: defaultsOf(CHURN_PARAMS),
  files: defaultsOf(FILES_PARAMS),
};

/** One-line descriptions of every parameter, with default and range. */
export const WORKLOAD_PARAM_DOCS: Record<WorkloadName, Record<string, string>> = {
  pagecache: docsOf(PAGECACHE_PARAMS),
  swap: docsOf(SWAP_PARAMS),
  churn: docsOf(CHURN_PARAMS),
  files: docsOf(FILES_PARAMS),
};

/** One-line summaries of the workloads. */
export const WORKLOAD_SUMMARIES: Record<WorkloadName, string> = {
  pagecache: "file reads/writes through an LRU page cache: cleancache puts, gets, invalidates",
  swap: "processes larger than RAM: frontswap stores, loads and frees",
  churn: "filesystems mounted/unmounted and swap types enabled/disabled over time",
  files: "pagecache over the real files under dir=PATH: the backend compresses your bytes",
};

export { ChurnWorkload, FilesWorkload, PagecacheWorkload, SwapWorkload };
export { parseMix } from "./params.ts";
export type { ParamSpec, ParamSpecs } from "./params.ts";
