/// <reference lib="deno.worker" />
/**
 * The Web Worker behind `SharedCompressorPool`: it waits on a shared control
 * word (no messages after the first), compresses the pages the main thread
 * put in shared memory with the backend's own compressor, and flags them done.
 */
import { type Compressor, createCompressor } from "../backends/compressors.ts";
import { KIND_CODES, type PrefetchSetup, SLOT } from "./prefetch_pool.ts";

self.onmessage = (ev: MessageEvent<PrefetchSetup>) => {
  const { sab, capacity } = ev.data;
  const ctrl = new Int32Array(sab, 0, SLOT.CTRL_WORDS);
  const input = new Uint8Array(sab, SLOT.inputOffset(), capacity * 4096);
  const sizes = new Int32Array(sab, SLOT.sizesOffset(capacity), capacity);
  const output = new Uint8Array(sab, SLOT.outputOffset(capacity), capacity * SLOT.OUT_MAX);
  const compressors = new Map<number, Compressor>();
  for (;;) {
    const state = Atomics.load(ctrl, 0);
    if (state === SLOT.STOP) return;
    if (state !== SLOT.READY) {
      Atomics.wait(ctrl, 0, state, 200); // re-check now and then, whatever happens
      continue;
    }
    const count = Atomics.load(ctrl, 1);
    const key = Atomics.load(ctrl, 2) * 16 + Atomics.load(ctrl, 3);
    let c = compressors.get(key);
    if (!c) {
      c = createCompressor(KIND_CODES[Atomics.load(ctrl, 2)], Atomics.load(ctrl, 3));
      compressors.set(key, c);
    }
    for (let i = 0; i < count; i++) {
      const out = c.compress(input.subarray(i * 4096, (i + 1) * 4096));
      if (out.length <= SLOT.OUT_MAX) {
        output.set(out, i * SLOT.OUT_MAX);
        sizes[i] = out.length;
      } else sizes[i] = -1;
    }
    // READY -> DONE, unless the pool was closed meanwhile (STOP stays)
    Atomics.compareExchange(ctrl, 0, SLOT.READY, SLOT.DONE);
    Atomics.notify(ctrl, 0);
  }
};
