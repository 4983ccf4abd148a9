/**
 * The registered backends of a simulation, newest first, and which frontend
 * holds each one's ops. Registration hands a backend's cleancache ops to the
 * cleancache frontend and its frontswap ops to the frontswap frontend; the
 * regime's release decides what happens (registered, refused, replaced,
 * stacked). Unregistering (ours) writes the leaving backend's frontswap
 * pages back first.
 */
import type { Backend, BackendHost } from "../backends/ops.ts";
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
    const cc = b.cleancache ? this.files.cc.registerOps(b.cleancache) : null;
    this.ctx.registeringSerial = 0;
    const fs = b.frontswap ? this.swap.fs.registerOps(b.frontswap) : null;
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
    if (r.frontswap && b.frontswap) {
      written = this.swap.fs.unregisterOps(b.frontswap, (type, offset) => {
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
