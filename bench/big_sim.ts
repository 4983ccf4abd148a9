/**
 * A large simulation, built once: `pages` pages held by a real backend (half
 * frontswap stores, half cleancache puts spread over the backed
 * filesystems) and `mounts` filesystems mounted, through the same
 * `Simulation` the dashboard drives. Gives the whole-simulator memory per
 * page held (JS heap + external ArrayBuffers after full GCs, less the
 * backend's frames, `pool_total_size`): the disk's page versions, the swap
 * device's slots, the frontends' bitmaps, the backend's page table, all of
 * it. The session is then the large case of the snapshot and frame figures.
 */
import { Simulation } from "../src/simulation.ts";
import { CommandSession } from "../src/command/mod.ts";
import type { ContentClass } from "../src/content.ts";
import { forceGc, memoryNow } from "./harness.ts";
import { MIX } from "./pages.ts";

export interface BigSim {
  session: CommandSession;
  register: string;
  mounts: number;
  /** Pages the backend holds (stored_pages). */
  pages: number;
  /** Seconds it took to fill. */
  fill_s: number;
  gc: boolean;
  /** (heap + external growth - pool_total_size) / pages held. */
  bytes_per_page_beyond_frames: number;
  heap_bytes_per_page: number;
  external_bytes_per_page: number;
  frame_bytes_per_page: number;
  compressed_bytes_per_page: number;
}

function run(session: CommandSession, line: string): void {
  const r = session.execute(line);
  if (!r.ok) throw new Error(`big sim: ${line}: ${r.error}`);
}

/** Build the large simulation (slow: every page is generated and compressed once). */
export function bigSim(pages: number, mounts: number, register: string): BigSim {
  const wheel: ContentClass[] = [];
  for (const [cls, n] of MIX) for (let i = 0; i < n; i++) wheel.push(cls);
  const gc = forceGc();
  const before = memoryNow();
  const t0 = performance.now();
  const session = new CommandSession(new Simulation({ seed: 1 }));
  const slots = Math.min(1 << 20, Math.ceil(pages / 2) + 1024);
  run(session, `swapon 0 slots=${slots}`);
  // registered before the mounts: zcache's frontswap pool then takes one of its 16 pool slots
  // (registered after 200 mounts, the mounts take all 16 and every store fails: no pool)
  run(session, register);
  for (let m = 0; m < mounts; m++) run(session, `mount fs${m}`);
  const sim = session.sim;
  const backed = sim.snapshot().superblocks.filter((s) => s.state === "backed").map((s) => s.name);
  if (backed.length === 0) throw new Error(`big sim: ${register} backs no filesystem`);
  const held = () => sim.snapshot().backend?.stored_pages ?? 0;
  // stores into slots 0..slots-1, puts into 64-page files of the backed filesystems, until held
  let i = 0, store = 0, put = 0;
  for (let batch = 0; batch < 64 && held() < pages; batch++) {
    const want = pages - held();
    for (let k = 0; k < want; k++, i++) {
      const cls = wheel[(i * 37) % wheel.length];
      if (i & 1 && store < slots) sim.store(0, store++, cls);
      else {
        const p = put++;
        sim.put(backed[p % backed.length], 1 + Math.floor(p / backed.length / 64), p % 64, cls);
      }
    }
  }
  const fill_s = (performance.now() - t0) / 1000;
  forceGc();
  const after = memoryNow();
  const b = sim.snapshot().backend!;
  if (b.frontswap_pages === 0 || b.cleancache_pages === 0) {
    throw new Error(`big sim: ${register} holds no frontswap or no cleancache page`);
  }
  const n = b.stored_pages;
  const heap = after.heap - before.heap, external = after.external - before.external;
  return {
    session,
    register,
    mounts,
    pages: n,
    fill_s,
    gc,
    bytes_per_page_beyond_frames: (heap + external - b.pool_total_size) / n,
    heap_bytes_per_page: heap / n,
    external_bytes_per_page: external / n,
    frame_bytes_per_page: b.pool_total_size / n,
    compressed_bytes_per_page: b.compressed_bytes / n,
  };
}
