/**
 * A compression worker: compresses batches of 4 KiB pages with the same
 * compressor the backend uses (a pure function of the bytes and the level),
 * so a result computed here is byte-identical to one computed inline.
 */
import { createCompressor } from "../backends/compressors.ts";
import type { CompressorKind } from "../backends/compressors.ts";

/** A batch: `count` pages back to back in `pages`. */
export interface CompressRequest {
  id: number;
  kind: CompressorKind;
  level: number;
  pages: ArrayBuffer;
  count: number;
}

/** The compressed pages back to back in `data`, their sizes in `sizes`. */
export interface CompressReply {
  id: number;
  data: ArrayBuffer;
  sizes: Int32Array;
}

const PAGE = 4096;

/** Compress a batch (also used inline for one-thread runs). */
export function compressBatch(req: Omit<CompressRequest, "id">): Omit<CompressReply, "id"> {
  const c = createCompressor(req.kind, req.level);
  const src = new Uint8Array(req.pages);
  const sizes = new Int32Array(req.count);
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < req.count; i++) {
    const out = c.compress(src.subarray(i * PAGE, (i + 1) * PAGE));
    sizes[i] = out.length;
    total += out.length;
    parts.push(out);
  }
  const data = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    data.set(p, o);
    o += p.length;
  }
  return { data: data.buffer, sizes };
}

// deno-lint-ignore no-explicit-any
const scope = globalThis as any;
if (typeof scope.WorkerGlobalScope !== "undefined" && scope instanceof scope.WorkerGlobalScope) {
  scope.onmessage = (ev: MessageEvent<CompressRequest>) => {
    const { id, ...req } = ev.data;
    const r = compressBatch(req);
    scope.postMessage({ id, ...r } satisfies CompressReply, [r.data, r.sizes.buffer]);
  };
}
