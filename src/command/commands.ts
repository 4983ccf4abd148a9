/**
 * The typed commands of the script language and their canonical text form.
 * `formatCommand(parseLine(x))` is the canonical spelling of `x`; parsing a
 * canonical line gives back an equal command (recorded scripts rely on it).
 */
import type { Regime } from "../regime.ts";
import type { ContentClass } from "../content.ts";
import {
  type BackendKind,
  type BackendOptions,
  formatBackendOptions,
  registerHelp,
} from "../backends/catalog.ts";
import type { WorkloadName, WorkloadParams } from "../workload.ts";

/** Comparison operators of `expect`. */
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export const COMPARE_OPS: readonly CompareOp[] = ["==", "!=", "<=", ">=", "<", ">"];

/** A value on the right-hand side of `expect`. */
export type ExpectValue = number | string | boolean | null | ExpectValue[];

/** One parsed script line. */
export type Command =
  | { kind: "regime"; regime: Regime }
  | { kind: "seed"; seed: number }
  | { kind: "mount"; name: string; uuid?: string }
  | { kind: "umount"; name: string }
  | { kind: "swapon"; type: number; slots?: number }
  | { kind: "swapoff"; type: number }
  | { kind: "register"; backend: BackendKind; options: BackendOptions }
  | { kind: "unregister" }
  | { kind: "put"; name: string; ino: number; index: number; cls: ContentClass }
  | { kind: "write"; name: string; ino: number; index: number; cls: ContentClass }
  | { kind: "get"; name: string; ino: number; index: number }
  | { kind: "invalidate"; name: string; ino: number; index?: number }
  | { kind: "delete"; name: string; ino: number }
  | { kind: "store"; type: number; offset: number; cls: ContentClass }
  | { kind: "load"; type: number; offset: number }
  | { kind: "free"; type: number; offset: number }
  | { kind: "workload-start"; workload: WorkloadName; params: WorkloadParams }
  | { kind: "workload-stop"; workload: WorkloadName | "all" }
  | { kind: "run"; ticks: number }
  | { kind: "stats" }
  | { kind: "expect"; path: string; op: CompareOp; value: ExpectValue }
  | { kind: "compare" }
  | { kind: "audit" }
  | { kind: "help" }
  | { kind: "quit" };

/** The kinds of commands. */
export type CommandKind = Command["kind"];

/** The word a command starts with (`workload-start` is `workload`). */
export function commandWord(cmd: Command): string {
  return cmd.kind === "workload-start" || cmd.kind === "workload-stop" ? "workload" : cmd.kind;
}

/**
 * Whether the command changes the simulation (and so belongs in a recording).
 * `get` and `load` count and may drop pages, so they do.
 */
export function changesState(cmd: Command): boolean {
  switch (cmd.kind) {
    case "stats":
    case "expect":
    case "compare":
    case "audit":
    case "help":
    case "quit":
      return false;
    default:
      return true;
  }
}

/** Canonical spelling of an `expect` value. */
export function formatExpectValue(v: ExpectValue): string {
  if (Array.isArray(v)) return "[" + v.map(formatExpectValue).join(",") + "]";
  if (typeof v === "string") {
    return /^[A-Za-z_][\w.:/@+-]*$/.test(v) && !isKeyword(v) ? v : JSON.stringify(v);
  }
  return String(v);
}

function isKeyword(s: string): boolean {
  return s === "null" || s === "true" || s === "false";
}

/** The canonical one-line text of a command. */
export function formatCommand(cmd: Command): string {
  switch (cmd.kind) {
    case "regime":
      return `regime ${cmd.regime}`;
    case "seed":
      return `seed ${cmd.seed}`;
    case "mount":
      return cmd.uuid === undefined ? `mount ${cmd.name}` : `mount ${cmd.name} shared=${cmd.uuid}`;
    case "umount":
      return `umount ${cmd.name}`;
    case "swapon":
      return cmd.slots === undefined
        ? `swapon ${cmd.type}`
        : `swapon ${cmd.type} slots=${cmd.slots}`;
    case "swapoff":
      return `swapoff ${cmd.type}`;
    case "register": {
      const opts = formatBackendOptions(cmd.backend, cmd.options);
      return opts ? `register ${cmd.backend} ${opts}` : `register ${cmd.backend}`;
    }
    case "unregister":
      return "unregister";
    case "put":
    case "write":
      return `${cmd.kind} ${cmd.name} ${cmd.ino} ${cmd.index} ${cmd.cls}`;
    case "get":
      return `get ${cmd.name} ${cmd.ino} ${cmd.index}`;
    case "invalidate":
      return cmd.index === undefined
        ? `invalidate ${cmd.name} ${cmd.ino}`
        : `invalidate ${cmd.name} ${cmd.ino} ${cmd.index}`;
    case "delete":
      return `delete ${cmd.name} ${cmd.ino}`;
    case "store":
      return `store ${cmd.type} ${cmd.offset} ${cmd.cls}`;
    case "load":
    case "free":
      return `${cmd.kind} ${cmd.type} ${cmd.offset}`;
    case "workload-start": {
      const parts = [`workload start ${cmd.workload}`];
      for (const [k, v] of Object.entries(cmd.params)) parts.push(`${k}=${v}`);
      return parts.join(" ");
    }
    case "workload-stop":
      return `workload stop ${cmd.workload}`;
    case "run":
      return `run ${cmd.ticks}`;
    case "expect":
      return `expect ${cmd.path} ${cmd.op} ${formatExpectValue(cmd.value)}`;
    case "stats":
    case "compare":
    case "audit":
    case "help":
    case "quit":
      return cmd.kind;
  }
}

/** One line per command: the usage summary `help` and `--help` print. */
export const COMMAND_USAGE: readonly [string, string][] = [
  ["regime eager|fake-poolid|deferred", "choose the regime (only before the first mount/swapon)"],
  ["seed N", "reseed the PRNG the workloads use"],
  ["mount NAME [shared=UUID]", "cleancache init_fs / init_shared_fs"],
  ["umount NAME", "cleancache invalidate_fs"],
  ["swapon TYPE [slots=N]", "enable swap type 0..31 (frontswap init)"],
  ["swapoff TYPE", "disable a swap type (frontswap invalidate_area)"],
  ["register zcache|zswap|tmem|ram [KEY=VALUE ...]", registerHelp()],
  ["unregister", "unregister the backend (frontswap pages written back)"],
  ["put NAME INO INDEX [CLASS]", "write a new page version and cleancache-put it"],
  ["write NAME INO INDEX [CLASS]", "write a new version to disk (stale copy invalidated)"],
  ["get NAME INO INDEX", "cleancache get -> hit | miss"],
  ["invalidate NAME INO [INDEX]", "invalidate a page, or the whole inode"],
  ["delete NAME INO", "delete a file (inode invalidated, pages dropped from disk)"],
  ["store TYPE OFFSET [CLASS]", "frontswap store -> stored | rejected"],
  ["load TYPE OFFSET", "frontswap load -> hit | miss (a miss reads the disk)"],
  ["free TYPE OFFSET", "free a swap slot (frontswap invalidate_page)"],
  ["workload start pagecache|swap|churn [KEY=VALUE ...]", "start a workload generator"],
  ["workload stop pagecache|swap|churn|all", "stop workload generators"],
  ["run TICKS", "advance the simulation (1 tick = 100 ms)"],
  ["stats", "print a snapshot of the counters"],
  ["expect PATH OP VALUE", "check a stats value; OP: == != < <= > >="],
  ["compare", "replay this session's commands in all three regimes, side by side"],
  ["audit", "run the full consistency audit"],
  ["help", "list the commands"],
  ["quit", "end the session"],
];
