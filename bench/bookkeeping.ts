/**
 * Item 1: frontend bookkeeping per operation. Both frontends drive a backend
 * that does nothing, over 100k resident pages (50k cleancache keys, 50k swap
 * slots), with a get/put/invalidate mix; baseline: the same operations sent
 * straight to the null backend with no frontend in between.
 */
import type { CleancacheOps, FrontswapOps } from "../src/backends/ops.ts";
import {
  type CleancacheFrontend,
  newSuperblock,
  type Superblock,
} from "../src/frontend/cleancache.ts";
import type { FrontswapFrontend } from "../src/frontend/frontswap.ts";
import { createFrontends } from "../src/regimes/mod.ts";
import type { Regime } from "../src/regime.ts";
import { PAGE_SIZE } from "../src/content.ts";
import { interleaved, type Measured } from "./harness.ts";

const RESIDENT = 100_000;
const OPS = 50_000;

/** A backend that stores nothing: puts and stores succeed, gets and loads hit without copying. */
class NullBackend implements CleancacheOps, FrontswapOps {
  #pools = 0;
  calls = 0;
  initFs(): number {
    return this.#pools++;
  }
  initSharedFs(): number {
    return this.#pools++;
  }
  getPage(): boolean {
    this.calls++;
    return true;
  }
  putPage(): void {
    this.calls++;
  }
  invalidatePage(): void {
    this.calls++;
  }
  invalidateInode(): void {
    this.calls++;
  }
  invalidateFs(): void {}
  init(): void {}
  store(): boolean {
    this.calls++;
    return true;
  }
  load(): boolean {
    this.calls++;
    return true;
  }
  invalidateArea(): void {}
}

/** The operation stream: kind (0 get, 1 put, 2 invalidate) and key, for each frontend alternately. */
function opStream(): { kind: Uint8Array; key: Int32Array } {
  const kind = new Uint8Array(OPS), key = new Int32Array(OPS);
  let s = 0x2545f491;
  for (let i = 0; i < OPS; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const u = s >>> 0;
    const k = u % 10;
    kind[i] = k < 5 ? 0 : k < 9 ? 1 : 2; // 50% get, 40% put, 10% invalidate
    key[i] = (u >>> 8) % (RESIDENT / 2);
  }
  return { kind, key };
}

interface Rig {
  cc: CleancacheFrontend;
  fs: FrontswapFrontend;
  sb: Superblock;
}

function rig(regime: Regime, withBackend: boolean): Rig {
  const be = new NullBackend();
  const { cleancache: cc, frontswap: fs } = createFrontends(regime);
  const sb = newSuperblock("bench");
  // registered first: every release then gives the superblock and the type a pool
  if (withBackend) {
    cc.registerOps(be);
    fs.registerOps(be);
  }
  cc.initFs(sb);
  fs.init(0, RESIDENT / 2);
  // make every page resident
  const page = new Uint8Array(PAGE_SIZE);
  for (let k = 0; k < RESIDENT / 2; k++) {
    cc.putPage(sb, k >> 4, k & 15, page);
    fs.store(0, k, page);
  }
  return { cc, fs, sb };
}

function runFrontends(r: Rig, kind: Uint8Array, key: Int32Array, page: Uint8Array): number {
  const { cc, fs, sb } = r;
  for (let i = 0; i < kind.length; i++) {
    const k = key[i];
    if ((i & 1) === 0) {
      switch (kind[i]) {
        case 0:
          cc.getPage(sb, k >> 4, k & 15, page);
          break;
        case 1:
          cc.putPage(sb, k >> 4, k & 15, page);
          break;
        default:
          cc.invalidatePage(sb, k >> 4, k & 15);
      }
    } else {
      switch (kind[i]) {
        case 0:
          fs.load(0, k, page);
          break;
        case 1:
          fs.store(0, k, page);
          break;
        default:
          fs.invalidatePage(0, k);
      }
    }
  }
  return kind.length;
}

function runDirect(be: NullBackend, kind: Uint8Array, key: Int32Array, page: Uint8Array): number {
  for (let i = 0; i < kind.length; i++) {
    const k = key[i];
    if ((i & 1) === 0) {
      switch (kind[i]) {
        case 0:
          be.getPage();
          break;
        case 1:
          be.putPage();
          break;
        default:
          be.invalidatePage();
      }
    } else {
      switch (kind[i]) {
        case 0:
          be.load();
          break;
        case 1:
          be.store();
          break;
        default:
          be.invalidatePage();
      }
    }
    if (k < 0) page[0] = 1; // keep the key read
  }
  return kind.length;
}

export interface BookkeepingResult {
  ns: Record<"eager" | "fake-poolid" | "deferred" | "no_backend", number>;
  direct_ns: number;
}

export function benchBookkeeping(rounds: number): BookkeepingResult {
  const { kind, key } = opStream();
  const page = new Uint8Array(PAGE_SIZE);
  const rigs = {
    eager: rig("eager", true),
    "fake-poolid": rig("fake-poolid", true),
    deferred: rig("deferred", true),
    no_backend: rig("deferred", false),
  };
  const direct = new NullBackend();
  const m: Record<string, Measured> = interleaved(
    {
      eager: () => runFrontends(rigs.eager, kind, key, page),
      "fake-poolid": () => runFrontends(rigs["fake-poolid"], kind, key, page),
      deferred: () => runFrontends(rigs.deferred, kind, key, page),
      no_backend: () => runFrontends(rigs.no_backend, kind, key, page),
      direct: () => runDirect(direct, kind, key, page),
    },
    rounds,
    2,
    4,
  );
  return {
    ns: {
      eager: m.eager.nsPerUnit,
      "fake-poolid": m["fake-poolid"].nsPerUnit,
      deferred: m.deferred.nsPerUnit,
      no_backend: m.no_backend.nsPerUnit,
    },
    direct_ns: m.direct.nsPerUnit,
  };
}
