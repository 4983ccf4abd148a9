/**
 * Page compressors. `fflate` (pure JavaScript deflate) is the default;
 * `zlib` uses Deno's native `node:zlib` raw deflate, for comparing ratio
 * against speed the way zswap users choose lzo, lz4 or zstd.
 */
import { deflateSync, inflateSync } from "fflate";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { CompressorKind } from "./options.ts";

/** A page compressor (`crypto_comp` in zswap). */
export interface Compressor {
  readonly name: string;
  /** Compress a page; the result may be a fresh buffer owned by the caller. */
  compress(page: Uint8Array): Uint8Array;
  /** Decompress `src` into `out` (exactly one page). */
  decompress(src: Uint8Array, out: Uint8Array): void;
}

/** fflate's deflate at a given level. */
export class FflateCompressor implements Compressor {
  readonly name = "fflate";
  readonly #opts: { level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 };
  constructor(level: number) {
    this.#opts = { level: clampLevel(level) };
  }
  compress(page: Uint8Array): Uint8Array {
    return deflateSync(page, this.#opts);
  }
  decompress(src: Uint8Array, out: Uint8Array): void {
    inflateSync(src, { out });
  }
}

/** Deno's native zlib (raw deflate), through `node:zlib`. */
export class ZlibCompressor implements Compressor {
  readonly name = "zlib";
  readonly #level: number;
  constructor(level: number) {
    this.#level = clampLevel(level);
  }
  compress(page: Uint8Array): Uint8Array {
    const b = deflateRawSync(page, { level: this.#level });
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  decompress(src: Uint8Array, out: Uint8Array): void {
    const b = inflateRawSync(src);
    out.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  }
}

/** No compression: the page itself (the `ram` backend). */
export class IdentityCompressor implements Compressor {
  readonly name = "none";
  compress(page: Uint8Array): Uint8Array {
    return page;
  }
  decompress(src: Uint8Array, out: Uint8Array): void {
    out.set(src);
  }
}

function clampLevel(level: number): 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 {
  return Math.max(0, Math.min(9, Math.round(level))) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/** Build a compressor by kind. */
export function createCompressor(kind: CompressorKind, level: number): Compressor {
  return kind === "zlib" ? new ZlibCompressor(level) : new FflateCompressor(level);
}
