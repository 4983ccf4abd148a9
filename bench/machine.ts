/**
 * How busy the machine was while the bench ran: the share of every core's
 * time the kernel counted as idle (`os.cpus()` times, `--allow-sys=cpus`),
 * turned into "cores free".
 * A figure measured while cores were not free says so, and targets that need
 * idle cores (worker speed-ups) are reported rather than failed.
 */
import { cpus, loadavg } from "node:os";
import { cpuUsage } from "node:process";

interface CpuTimes {
  idle: number;
  total: number;
}

function readCpu(): CpuTimes | null {
  try {
    let idle = 0, total = 0;
    for (const c of cpus()) {
      idle += c.times.idle;
      total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
    }
    return { idle, total };
  } catch {
    return null; // no --allow-sys=cpus
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
   * plus the ones this process kept busy (null where the CPU times cannot be
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

  /** Load average over the last minute (other processes' work included; `--allow-sys=loadavg`). */
  static loadAverage(): number | null {
    try {
      return loadavg()[0];
    } catch {
      return null;
    }
  }
}
