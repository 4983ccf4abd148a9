/**
 * Compression ahead of time in Web Workers, without the event loop: each
 * worker owns a slot of shared memory (a control word, input pages, output
 * sizes and bytes). The simulation, synchronous as it is, hands pages it
 * expects to compress soon to idle workers at the start of a tick and
 * collects finished slots at the next one; it never waits for a worker.
 *
 * Results are identical to a single-threaded run by construction: the backend
 * uses a precomputed result only for a page whose bytes equal the ones
 * compressed (`PrecompressedCache`), with the same compressor and level, and
 * compresses inline otherwise. Only the speed depends on the workers' timing.
 */
import { COMPRESSOR_KINDS, type CompressorKind } from "../backends/compressors.ts";
import type { BatchResult } from "./worker_pool.ts";

/** Shared slot layout and states. */
export const SLOT = {
  CTRL_WORDS: 4,
  /** Main thread may fill the slot. */
  IDLE: 0,
  /** Pages are in; the worker compresses them. */
  READY: 1,
  /** Results are in; the main thread may collect them. */
  DONE: 2,
  STOP: 3,
  /** Largest compressed page kept (deflate of 4096 bytes is at most about 4101). */
  OUT_MAX: 4224,
  inputOffset: () => 16,
  sizesOffset: (cap: number) => 16 + cap * 4096,
  outputOffset: (cap: number) => 16 + cap * 4096 + cap * 4,
  bytes: (cap: number) => 16 + cap * 4096 + cap * 4 + cap * 4224,
};

/** Compressor kinds by their code in the control word. */
export const KIND_CODES: readonly CompressorKind[] = COMPRESSOR_KINDS;

/** What a worker gets once, at start. */
export interface PrefetchSetup {
  sab: SharedArrayBuffer;
  capacity: number;
}

/** A source of compressions computed ahead (what `Simulation` asks of it). */
export interface Precompressor {
  /** How many more pages it can take now. */
  room(): number;
  /** Hand over pages expected to be compressed soon with this compressor (copied; at most `room()`). */
  submit(pages: readonly Uint8Array[], kind: CompressorKind, level: number): void;
  /** Finished results, without waiting (with `wait`, first wait for work in flight). */
  collect(wait?: boolean): BatchResult[];
  close(): void;
}

interface Slot {
  worker: Worker;
  ctrl: Int32Array;
  input: Uint8Array;
  sizes: Int32Array;
  output: Uint8Array;
}

/** N workers, each compressing up to `capacity` pages per round, through shared memory. */
export class SharedCompressorPool implements Precompressor {
  readonly capacity: number;
  readonly #slots: Slot[] = [];
  /** Pages handed over and results collected, for reports. */
  submitted = 0;
  collected = 0;

  constructor(workers: number, capacity = 64) {
    this.capacity = capacity;
    for (let i = 0; i < workers; i++) {
      const sab = new SharedArrayBuffer(SLOT.bytes(capacity));
      const worker = new Worker(new URL("./prefetch_worker.ts", import.meta.url).href, {
        type: "module",
      });
      worker.postMessage({ sab, capacity } satisfies PrefetchSetup);
      this.#slots.push({
        worker,
        ctrl: new Int32Array(sab, 0, SLOT.CTRL_WORDS),
        input: new Uint8Array(sab, SLOT.inputOffset(), capacity * 4096),
        sizes: new Int32Array(sab, SLOT.sizesOffset(capacity), capacity),
        output: new Uint8Array(sab, SLOT.outputOffset(capacity), capacity * SLOT.OUT_MAX),
      });
    }
  }

  room(): number {
    let n = 0;
    for (const s of this.#slots) if (Atomics.load(s.ctrl, 0) === SLOT.IDLE) n += this.capacity;
    return n;
  }

  submit(pages: readonly Uint8Array[], kind: CompressorKind, level: number): void {
    let next = 0;
    for (const s of this.#slots) {
      if (next >= pages.length) break;
      if (Atomics.load(s.ctrl, 0) !== SLOT.IDLE) continue;
      const count = Math.min(this.capacity, pages.length - next);
      for (let i = 0; i < count; i++) s.input.set(pages[next + i], i * 4096);
      next += count;
      this.submitted += count;
      Atomics.store(s.ctrl, 1, count);
      Atomics.store(s.ctrl, 2, KIND_CODES.indexOf(kind));
      Atomics.store(s.ctrl, 3, level);
      Atomics.store(s.ctrl, 0, SLOT.READY);
      Atomics.notify(s.ctrl, 0);
    }
  }

  collect(wait = false): BatchResult[] {
    const out: BatchResult[] = [];
    for (const s of this.#slots) {
      if (wait) {
        // only for tests: block until the slot's work in flight is done (10 s at most)
        for (let i = 0; i < 100 && Atomics.load(s.ctrl, 0) === SLOT.READY; i++) {
          Atomics.wait(s.ctrl, 0, SLOT.READY, 100);
        }
      }
      if (Atomics.load(s.ctrl, 0) !== SLOT.DONE) continue;
      const count = Atomics.load(s.ctrl, 1);
      let total = 0, kept = 0;
      for (let i = 0; i < count; i++) if (s.sizes[i] >= 0) (total += s.sizes[i], kept++);
      const pages = new Uint8Array(kept * 4096);
      const data = new Uint8Array(total);
      const offsets = new Int32Array(kept + 1);
      let o = 0, k = 0;
      for (let i = 0; i < count; i++) {
        const n = s.sizes[i];
        if (n < 0) continue;
        pages.set(s.input.subarray(i * 4096, (i + 1) * 4096), k * 4096);
        data.set(s.output.subarray(i * SLOT.OUT_MAX, i * SLOT.OUT_MAX + n), o);
        offsets[k++] = o;
        o += n;
      }
      offsets[kept] = o;
      this.collected += kept;
      Atomics.store(s.ctrl, 0, SLOT.IDLE);
      Atomics.notify(s.ctrl, 0);
      const kind = KIND_CODES[Atomics.load(s.ctrl, 2)], level = Atomics.load(s.ctrl, 3);
      out.push({ kind, level, pages, data, offsets });
    }
    return out;
  }

  close(): void {
    for (const s of this.#slots) {
      Atomics.store(s.ctrl, 0, SLOT.STOP);
      Atomics.notify(s.ctrl, 0);
      s.worker.terminate();
    }
    this.#slots.length = 0;
  }
}
