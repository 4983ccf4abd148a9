/**
 * How busy the machine was while the bench ran: the share of every core's
 * time the kernel counted as idle (`/proc/stat`), turned into "cores free".
 * A figure measured while cores were not free says so, and targets that need
 * idle cores (worker speed-ups) are reported rather than failed.
 */
import { cpuUsage } from "node:process";

interface CpuTimes {
  idle: number;
  total: number;
}

function readCpu(): CpuTimes | null {
  try {
    const line = Deno.readTextFileSync("/proc/stat").split("\n")[0];
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = f[3] + (f[4] ?? 0); // idle + iowait
    return { idle, total: f.reduce((a, b) => a + b, 0) };
  } catch {
    return null; // not Linux, or no read permission
  }
}

/** Starts sampling now; `coresFree()` says how many cores the bench had on average since. */
export class LoadMeter {
  readonly #start = readCpu();
  readonly #startOwn = cpuUsage();
  readonly #startWall = performance.now();
  readonly #cores = navigator.hardwareConcurrency;

  /**
   * Average cores free for the bench since the meter started: the idle ones
   * plus the ones this process kept busy (null where `/proc/stat` cannot be
   * read). 2.0 on an idle two-core machine; less when others were running.
   */
  coresFree(): number | null {
    const end = readCpu();
    if (!this.#start || !end || end.total === this.#start.total) return null;
    const idle = (end.idle - this.#start.idle) / (end.total - this.#start.total);
    const own = cpuUsage(), wallUs = (performance.now() - this.#startWall) * 1000;
    const ownCores = (own.user + own.system - this.#startOwn.user - this.#startOwn.system) / wallUs;
    return Math.min(this.#cores, idle * this.#cores + ownCores);
  }

  /** Load average over the last minute (other agents' work included). */
  static loadAverage(): number | null {
    try {
      return Number(Deno.readTextFileSync("/proc/loadavg").split(" ")[0]);
    } catch {
      return null;
    }
  }
}
