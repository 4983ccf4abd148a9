/**
 * The registered backends of a simulation, newest first, and which frontend
 * holds each one's ops. Registration hands a backend's cleancache ops to the
 * cleancache frontend and its frontswap ops to the frontswap frontend; the
 * regime's release decides what happens (registered, refused, replaced,
 * stacked). Unregistering (ours) writes the leaving backend's frontswap
 * pages back first.
 */
import type {
  Backend,
  BackendHost,
  CleancacheOps,
  FrontswapOps,
  PutResult,
} from "../backends/ops.ts";
import type { CleancacheRegistration } from "../frontend/cleancache.ts";
import type { FrontswapRegistration } from "../frontend/frontswap.ts";
import type { IntegrityOracle } from "../integrity.ts";
import { SimError } from "../errors.ts";
import type { SimContext } from "./context.ts";
import type { FileSide } from "./files.ts";
import type { SwapSide } from "./swap.ts";

/** A registered backend and which frontends hold its ops. */
export interface Registered {
  readonly backend: Backend;
  /** Registration serial (tells pools of different registrations apart). */
  readonly serial: number;
  cleancache: boolean;
  frontswap: boolean;
  /** It switched frontswap exclusive gets on (staging zcache). */
  exclusiveGets?: boolean;
  /** The frontswap ops as registered (they note which backend a store reached). */
  frontswapOps?: FrontswapOps;
}

/** What a registration did, beyond the plain case (for the command's result line). */
export interface RegisterResult {
  cleancache: CleancacheRegistration | null;
  frontswap: FrontswapRegistration | null;
  /** A sentence when the registration stacked, was partly refused or overrode a backend. */
  note: string | null;
}

export class BackendList {
  /** Newest first. */
  #list: Registered[] = [];
  #serial = 0;
  /** The backend the latest put or store reached (see `lastPut`). */
  #reached: Backend | null = null;

  constructor(
    private readonly ctx: SimContext,
    private readonly oracle: IntegrityOracle,
    private readonly files: FileSide,
    private readonly swap: SwapSide,
    /** Exclusive loads as the simulation's options asked (a backend may switch them on). */
    private readonly exclusiveLoadsOption = false,
  ) {}

  get length(): number {
    return this.#list.length;
  }

  /** Every registered backend, newest first. */
  all(): readonly Backend[] {
    return this.#list.map((r) => r.backend);
  }

  /** The backend holding cleancache, or null. */
  cleancacheHolder(): Backend | null {
    return this.#list.find((r) => r.cleancache)?.backend ?? null;
  }

  /** The backend holding cleancache, else the newest, or null. */
  primary(): Backend | null {
    return this.cleancacheHolder() ?? this.#list[0]?.backend ?? null;
  }

  /** Backends whose frontswap ops are registered, newest first. */
  frontswapHolders(): Backend[] {
    return this.#list.filter((r) => r.frontswap).map((r) => r.backend);
  }

  /** `cleancache_register_ops` + `frontswap_register_ops` for `b`, as the release does them. */
  register(b: Backend): RegisterResult {
    const pendingFs = this.files.pendingFilesystems().length;
    const pendingSwap = this.swap.pendingTypes().length;
    const before = this.#list.map((r) => r.backend.name);
    const ccHolder = this.#list.find((r) => r.cleancache) ?? null;
    const fsHolder = this.#list.find((r) => r.frontswap) ?? null;
    const r: Registered = {
      backend: b,
      serial: ++this.#serial,
      cleancache: false,
      frontswap: false,
    };
    b.attach(this.#host(r));
    this.ctx.registeringSerial = r.serial;
    const reached = () => this.#reached = b;
    const putDone = () => this.ctx.putRefused = b.lastResult().reason !== null;
    const cc = b.cleancache
      ? this.files.cc.registerOps(notingPuts(b.cleancache, reached, putDone))
      : null;
    this.ctx.registeringSerial = 0;
    r.frontswapOps = b.frontswap ? notingStores(b.frontswap, reached) : undefined;
    const fs = r.frontswapOps ? this.swap.fs.registerOps(r.frontswapOps) : null;
    r.cleancache = cc !== null && cc !== "refused";
    r.frontswap = fs !== null;
    if (r.cleancache) this.ctx.cleancacheSerial = r.serial;
    if (cc === "override" && ccHolder) ccHolder.cleancache = false;
    if (fs === "override" && fsHolder) fsHolder.frontswap = false;
    this.#list = [r, ...this.#list].filter((x) => x.cleancache || x.frontswap);
    if (cc === "override" || fs === "override") this.oracle.noteOverride();
    const note = registrationNote(cc, fs, ccHolder?.backend.name, before);
    this.ctx.log(
      "register",
      `register ${b.name}: ` +
        (note ?? `${pendingFs} pending fs and ${pendingSwap} pending swap types initialised`),
    );
    return { cleancache: cc, frontswap: fs, note };
  }

  /** Unregister (ours) the newest backend, or the newest named `name`. */
  unregister(name?: string): void {
    const r = name === undefined ? this.#list[0] : this.#list.find((x) => x.backend.name === name);
    if (!r) {
      const names = this.#list.map((x) => x.backend.name);
      throw new SimError(
        name === undefined
          ? "unregister: no backend is registered"
          : `unregister: no backend named '${name}' is registered` +
            (names.length ? ` (${names.join(", ")})` : ""),
      );
    }
    const b = r.backend;
    const page = this.ctx.page;
    let written = 0;
    if (r.frontswap && r.frontswapOps) {
      written = this.swap.fs.unregisterOps(r.frontswapOps, (type, offset) => {
        if (!b.peekSwapPage(type, offset, page)) return false;
        this.swap.writeBack(type, offset, page);
        return true;
      });
    }
    if (r.cleancache) {
      this.files.cc.unregisterOps();
      this.ctx.cleancacheSerial = 0;
    }
    this.#list = this.#list.filter((x) => x !== r);
    if (r.exclusiveGets) {
      // the kernel's switch is global: it stays on while a registered backend asked for it
      this.swap.fs.exclusiveLoads = this.exclusiveLoadsOption ||
        this.#list.some((x) => x.exclusiveGets === true);
    }
    this.ctx.log("unregister", `unregister ${b.name}: ${written} frontswap pages written back`);
  }

  /**
   * Run `op` (one put or store) and say what the backend it reached made of
   * it: its name, the compressed length and, when refused, why
   * (`Backend.lastResult`); null when it reached no backend.
   */
  lastPut<T>(op: () => T): { value: T; reached: PutOutcome | null } {
    this.#reached = null;
    const value = op();
    const b = this.#reached as Backend | null;
    return { value, reached: b && { backend: b.name, ...b.lastResult() } };
  }

  /** Every backend's own audit. */
  audit(): string[] {
    return this.#list.flatMap((r) =>
      r.backend.audit().map((p) => `backend ${r.backend.name}: ${p}`)
    );
  }

  /** What a backend may ask of the kernel around it (`BackendHost`). */
  #host(r: Registered): BackendHost {
    const swap = this.swap;
    return {
      /** zswap / zcache writeback: the page to its slot; frontswap's bit is not touched. */
      writeSwapSlot: (type, offset, page) => swap.writeBack(type, offset, page),
      /** `frontswap_tmem_exclusive_gets(on)`, which staging zcache calls at its init. */
      setFrontswapExclusiveGets: (on) => {
        swap.fs.exclusiveLoads = on;
        r.exclusiveGets = on;
      },
    };
  }
}

/** The result sentence of a registration that was not a plain first one. */
function registrationNote(
  cc: CleancacheRegistration | null,
  fs: FrontswapRegistration | null,
  ccHolder: string | undefined,
  before: string[],
): string | null {
  const parts: string[] = [];
  if (fs === "stacked") parts.push(`frontswap stacked over ${before.join(", ")}`);
  if (cc === "refused") parts.push(`cleancache refused: EBUSY (${ccHolder} keeps it)`);
  if (cc === "override" || fs === "override") {
    parts.push(
      `accepted OVER ${before.join(", ")}: superblocks and frontswap bits keep what ` +
        `${before.join(", ")} gave them (override hazard)`,
    );
  }
  return parts.length ? parts.join("; ") : null;
}

/** What a put or store that reached a backend came to (`--json`'s `clen` and `reason`). */
export interface PutOutcome extends PutResult {
  backend: string;
}

/** `ops` whose `put_page` first notes that it was reached, then that it is done. */
function notingPuts(ops: CleancacheOps, reached: () => void, done: () => void): CleancacheOps {
  return {
    initFs: (size) => ops.initFs(size),
    initSharedFs: (uuid, size) => ops.initSharedFs(uuid, size),
    getPage: (pool, ino, index, out) => ops.getPage(pool, ino, index, out),
    putPage: (pool, ino, index, page) => {
      reached();
      ops.putPage(pool, ino, index, page);
      done();
    },
    invalidatePage: (pool, ino, index) => ops.invalidatePage(pool, ino, index),
    invalidateInode: (pool, ino) => ops.invalidateInode(pool, ino),
    invalidateFs: (pool) => ops.invalidateFs(pool),
  };
}

/** `ops` whose `store` first notes that it was reached. */
function notingStores(ops: FrontswapOps, reached: () => void): FrontswapOps {
  return {
    init: (type) => ops.init(type),
    store: (type, offset, page) => {
      reached();
      return ops.store(type, offset, page);
    },
    load: (type, offset, out) => ops.load(type, offset, out),
    invalidatePage: (type, offset) => ops.invalidatePage(type, offset),
    invalidateArea: (type) => ops.invalidateArea(type),
  };
}
