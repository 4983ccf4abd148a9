/**
 * The swap side of a simulation: the swap devices and the frontswap
 * operations swap makes (swapon, store, load, free, swapoff), each swap-in
 * checked by the oracle. Every write of a swap page to its slot that does
 * not come from `swap_writepage` itself (a backend's writeback, our
 * unregister) goes through `writeBack`.
 */
import { pageDigest } from "../content.ts";
import { fillVersion, type PageContent, versionOf } from "../page_version.ts";
import {
  type FrontswapFrontend,
  STORE_OK_NO_BIT,
  STORE_REFUSED,
  type SwapArea,
} from "../frontend/frontswap.ts";
import { SwapDevice } from "../devices/swap_device.ts";
import { SwapTruth } from "../integrity.ts";
import { checkClass, checkSlots, checkType, DEFAULT_SWAP_SLOTS, MAX_SWAPFILES } from "../limits.ts";
import { SimError } from "../errors.ts";
import type { SwapTypeSnapshot } from "../snapshot.ts";
import type { SimContext } from "./context.ts";

export class SwapSide {
  fs: FrontswapFrontend;
  /** Pages written back to their swap slots (a backend's writeback, our unregister). */
  writtenBack = 0;
  readonly #ctx: SimContext;
  readonly #devices = new Map<number, SwapDevice>();
  readonly #truth = new Map<number, SwapTruth>();

  constructor(ctx: SimContext, fs: FrontswapFrontend) {
    this.#ctx = ctx;
    this.fs = fs;
  }

  get deviceCount(): number {
    return this.#devices.size;
  }

  /** `swapon`: enable swap type 0..31 with N slots; `frontswap_init`. */
  swapon(type: number, slots: number = DEFAULT_SWAP_SLOTS): void {
    checkType("swapon", type);
    checkSlots("swapon", slots);
    if (this.#devices.has(type)) throw new SimError(`swapon: swap type ${type} is already active`);
    this.#devices.set(type, new SwapDevice(type, slots));
    this.#truth.set(type, new SwapTruth(slots));
    const a = this.fs.init(type, slots);
    const map = a.map ? "" : ", no frontswap map";
    this.#ctx.log("swapon", `swapon type ${type} (${slots} slots${map}): ${this.fs.state(a)}`);
  }

  /**
   * `swapoff`: `try_to_unuse` swaps every used slot in (a frontswap load or
   * a disk read) and frees it (`frontswap_invalidate_page`), then
   * `frontswap_invalidate_area` as the release's `sys_swapoff` reaches it.
   */
  swapoff(type: number): void {
    const dev = this.#device("swapoff", type);
    let fromFrontswap = 0, fromDisk = 0;
    for (let off = 0; off < dev.slots; off++) {
      if (dev.inUse[off] !== 1) continue;
      if (this.load(type, off) === "hit") fromFrontswap++;
      else fromDisk++;
      this.free(type, off);
    }
    this.fs.invalidateArea(type);
    this.#devices.delete(type);
    this.#truth.delete(type);
    this.#ctx.log(
      "swapoff",
      `swapoff type ${type}: try_to_unuse swapped in ${fromFrontswap} pages from frontswap, ` +
        `${fromDisk} from disk`,
    );
  }

  activeTypes(): number[] {
    return [...this.#devices.keys()].sort((a, b) => a - b);
  }

  nextFreeType(): number | null {
    for (let t = 0; t < MAX_SWAPFILES; t++) if (!this.#devices.has(t)) return t;
    return null;
  }

  /** Slots of an active swap type, or 0. */
  slotCount(type: number): number {
    return this.#devices.get(type)?.slots ?? 0;
  }

  /** A free slot on an active type (lowest type first), or null. */
  allocSlot(type?: number): { type: number; offset: number } | null {
    const types = type === undefined ? this.activeTypes() : [type];
    for (const t of types) {
      const off = this.#devices.get(t)?.findFree() ?? -1;
      if (off >= 0) return { type: t, offset: off };
    }
    return null;
  }

  /** Swap out a page into a slot (`swap_writepage`): `frontswap_store`, the disk when refused. */
  store(type: number, offset: number, cls: PageContent, stamp?: number): "stored" | "rejected" {
    const dev = this.#slot("store", type, offset);
    if (typeof cls === "string") checkClass("store", cls);
    const ctx = this.#ctx;
    if (stamp !== undefined && (!Number.isSafeInteger(stamp) || stamp < 1 || stamp > ctx.stamp)) {
      throw new SimError(`store: ${stamp} is not a version stamp handed out by newVersion()`);
    }
    const digest = pageDigest(fillVersion(versionOf(stamp ?? ctx.nextStamp(), cls), ctx.page));
    dev.fill(offset);
    ctx.ops++;
    const r = this.fs.store(type, offset, ctx.page);
    // writethrough: __frontswap_store reports failure, so swap writes the disk too
    const skipDisk = r !== STORE_REFUSED && !this.fs.writethrough;
    if (!skipDisk) dev.writeDisk(offset, digest);
    const lost = skipDisk && r === STORE_OK_NO_BIT;
    ctx.oracle.swapStored(
      this.#truth.get(type)!,
      offset,
      digest,
      lost ? "eager_unmapped_swap_store" : null,
      () =>
        `store type ${type} offset ${offset} reached the backend with no frontswap map: ` +
        `no bit records it, the disk was skipped`,
    );
    return r === STORE_REFUSED ? "rejected" : "stored";
  }

  /** Swap in (`swap_readpage`): `frontswap_load`, or the disk on a miss; always checked. */
  load(type: number, offset: number): "hit" | "miss" {
    const dev = this.#slot("load", type, offset);
    if (dev.inUse[offset] !== 1) {
      throw new SimError(`load: slot ${offset} of swap type ${type} holds no page`);
    }
    const ctx = this.#ctx;
    const truth = this.#truth.get(type)!;
    ctx.ops++;
    if (truth.isSwapCached(offset)) {
      // loaded exclusively before: the dirty page is still in the swap cache
      ctx.oracle.verifiedRead();
      return "hit";
    }
    const hit = this.fs.load(type, offset, ctx.page);
    if (hit && this.fs.exclusiveLoads) truth.markSwapCached(offset);
    const digest = hit ? pageDigest(ctx.page) : dev.readDisk(offset);
    ctx.oracle.swapRead(
      truth,
      offset,
      digest,
      hit,
      () => `load type ${type} offset ${offset} returned data other than the page swapped out`,
    );
    return hit ? "hit" : "miss";
  }

  /** Free a swap slot (`swap_entry_free`): `frontswap_invalidate_page`. */
  free(type: number, offset: number): void {
    const dev = this.#slot("free", type, offset);
    this.#ctx.ops++;
    this.fs.invalidatePage(type, offset);
    dev.release(offset);
    this.#truth.get(type)!.reset(offset);
  }

  slotInUse(type: number, offset: number): boolean {
    return this.#devices.get(type)?.inUse[offset] === 1;
  }

  /**
   * The one way a swap page reaches its slot outside `swap_writepage`: a
   * backend's writeback or our unregister. Frontswap's bit is not touched.
   */
  writeBack(type: number, offset: number, page: Uint8Array): void {
    const dev = this.#devices.get(type);
    if (!dev) return;
    const digest = pageDigest(page);
    dev.writeDisk(offset, digest);
    const a = this.fs.area(type);
    if (dev.inUse[offset] === 1 && !(a?.map != null && a.map[offset] === 1)) {
      this.#ctx.oracle.swapWrittenBack(
        this.#truth.get(type)!,
        offset,
        digest,
        () => `writeback of type ${type} offset ${offset} wrote an older copy over the slot's page`,
      );
    }
    if (a) a.written_back++;
    this.writtenBack++;
  }

  /** Active swap types waiting for a backend. */
  pendingTypes(): number[] {
    return [...this.fs.areas()].filter((a) => this.fs.state(a) === "pending").map((a) => a.type)
      .sort((x, y) => x - y);
  }

  snapshot(): SwapTypeSnapshot[] {
    return this.activeTypes().map((t) => {
      const a = this.fs.area(t)!;
      const dev = this.#devices.get(t)!;
      return {
        type: t,
        slots: a.slots,
        state: this.fs.state(a),
        pages: a.pages,
        usedSlots: dev.used,
        succ_stores: a.succ_stores,
        failed_stores: a.failed_stores,
        loads: a.loads,
        invalidates: a.invalidates,
        written_back: a.written_back,
        disk_writes: dev.diskWrites,
        disk_reads: dev.diskReads,
        skipped: a.skipped,
      };
    });
  }

  /** Consistency of bitmaps, devices and truth; `peek` reads a page any backend holds. */
  audit(peek: (type: number, offset: number, out: Uint8Array) => boolean): string[] {
    const problems: string[] = [];
    const page = new Uint8Array(this.#ctx.page.length);
    for (const a of this.fs.areas()) {
      const dev = this.#devices.get(a.type);
      const truth = this.#truth.get(a.type);
      if (!dev || !truth) {
        problems.push(`frontswap area ${a.type} without a swap device`);
        continue;
      }
      problems.push(...this.#auditArea(a, dev, truth, peek, page));
    }
    return problems;
  }

  #auditArea(
    a: SwapArea,
    dev: SwapDevice,
    truth: SwapTruth,
    peek: (type: number, offset: number, out: Uint8Array) => boolean,
    page: Uint8Array,
  ): string[] {
    const problems: string[] = [];
    let bits = 0;
    for (let off = 0; off < a.slots; off++) {
      const bit = a.map !== null && a.map[off] === 1;
      if (bit) {
        bits++;
        if (dev.inUse[off] !== 1) problems.push(`type ${a.type} slot ${off}: bit set, slot free`);
      }
      if (dev.inUse[off] !== 1) continue;
      const inBackend = bit && peek(a.type, off, page) && pageDigest(page) === truth.truth[off];
      if (
        !inBackend && !truth.isSwapCached(off) && dev.disk[off] !== truth.truth[off] &&
        !this.#ctx.oracle.explainedLoss(truth, off)
      ) {
        problems.push(`type ${a.type} slot ${off}: page lost (neither backend nor disk has it)`);
      }
    }
    if (bits + a.overcount !== a.pages) {
      problems.push(
        `type ${a.type}: frontswap_pages ${a.pages} != ${bits} set bits` +
          (a.overcount ? ` + ${a.overcount} over-counted` : ""),
      );
    }
    return problems;
  }

  #device(cmd: string, type: number): SwapDevice {
    checkType(cmd, type);
    const dev = this.#devices.get(type);
    if (!dev) throw new SimError(`${cmd}: swap type ${type} is not active`);
    return dev;
  }

  #slot(cmd: string, type: number, offset: number): SwapDevice {
    const dev = this.#device(cmd, type);
    if (!Number.isInteger(offset) || offset < 0 || offset >= dev.slots) {
      throw new SimError(
        `${cmd}: offset must be an integer from 0 to ${dev.slots - 1} for swap type ${type}`,
      );
    }
    return dev;
  }
}
