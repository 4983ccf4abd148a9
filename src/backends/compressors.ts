/**
 * Page compressors, the `crypto_comp` algorithms zswap and zcache chose
 * from, as they run under Deno without native builds or extra permissions:
 *
 * - `deflate`: fflate's pure-JavaScript deflate (the default; `level` 0-9).
 * - `deflate-native`: raw deflate through Deno's `node:zlib`. Its level 1
 *   writes fixed-Huffman blocks only and compresses worse than fflate's
 *   level 1, so the catalog offers level 2 and up by default.
 * - `zstd`: Deno's built-in zstd through `node:zlib` (`zstdCompressSync`);
 *   levels 1-19 are passed as `ZSTD_c_compressionLevel`.
 * - `lz4`: the lz4 block format from the `lz4-wasm` package (a Rust build
 *   imported as a WebAssembly module); it has no levels. The package
 *   prepends the 4-byte original length, which the kernel's lz4 does not
 *   store: it is stripped here so `clen` is the lz4 block alone.
 * - `none`: the page itself (the `ram` and `tmem` backends).
 *
 * lzo / lzo-rle: no npm package compresses lzo under Deno without a native
 * build (`lzo` is a node-gyp addon, `lzo-wasm` only decompresses).
 */
import { deflateSync, inflateSync } from "fflate";
import {
  constants as zlibConstants,
  deflateRawSync,
  inflateRawSync,
  zstdCompressSync,
  zstdDecompressSync,
} from "node:zlib";
import { compress as lz4Compress, decompress as lz4Decompress } from "lz4-wasm";
import { PAGE_SIZE } from "../content.ts";

/** Compressors a backend can be registered with. */
export const COMPRESSOR_KINDS = ["deflate", "deflate-native", "zstd", "lz4"] as const;
export type CompressorKind = typeof COMPRESSOR_KINDS[number];

/** Levels each compressor honours: [lowest, highest, default]; null = no levels. */
export const COMPRESSOR_LEVELS: Record<CompressorKind, [number, number, number] | null> = {
  "deflate": [0, 9, 1],
  "deflate-native": [1, 9, 2],
  "zstd": [1, 19, 1],
  "lz4": null,
};

/** A page compressor (`crypto_comp` in zswap). */
export interface Compressor {
  readonly name: string;
  /** Compress a page; the result may be a buffer reused by the next call (copy it to keep it). */
  compress(page: Uint8Array): Uint8Array;
  /** Decompress `src` into `out` (exactly one page). */
  decompress(src: Uint8Array, out: Uint8Array): void;
}

type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** fflate's deflate at a given level. */
export class FflateCompressor implements Compressor {
  readonly name = "deflate";
  readonly #opts: { level: Level };
  constructor(level: number) {
    this.#opts = { level: Math.max(0, Math.min(9, Math.round(level))) as Level };
  }
  compress(page: Uint8Array): Uint8Array {
    return deflateSync(page, this.#opts);
  }
  decompress(src: Uint8Array, out: Uint8Array): void {
    inflateSync(src, { out });
  }
}

/**
 * node:zlib's output buffer size for one page (its default, 16 KiB, is
 * allocated on every call): a page and its worst-case deflate or zstd
 * expansion fit in one buffer, so each call makes one pass. The bytes are
 * the same as with the default.
 */
const CHUNK = PAGE_SIZE + 512;

function bytes(b: { buffer: ArrayBufferLike; byteOffset: number; byteLength: number }) {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

const INFLATE_OPTS = { chunkSize: CHUNK };

/** Raw deflate through Deno's native `node:zlib`. */
export class ZlibCompressor implements Compressor {
  readonly name = "deflate-native";
  readonly #opts: { level: number; chunkSize: number };
  constructor(level: number) {
    this.#opts = { level: Math.max(1, Math.min(9, Math.round(level))), chunkSize: CHUNK };
  }
  compress(page: Uint8Array): Uint8Array {
    return bytes(deflateRawSync(page, this.#opts));
  }
  decompress(src: Uint8Array, out: Uint8Array): void {
    out.set(bytes(inflateRawSync(src, INFLATE_OPTS)));
  }
}

/** zstd through Deno's `node:zlib`. */
export class ZstdCompressor implements Compressor {
  readonly name = "zstd";
  readonly #opts: { params: Record<number, number>; chunkSize: number };
  constructor(level: number) {
    const l = Math.max(1, Math.min(19, Math.round(level)));
    this.#opts = {
      chunkSize: CHUNK,
      params: {
        [zlibConstants.ZSTD_c_compressionLevel]: l,
        [zlibConstants.ZSTD_c_contentSizeFlag]: 1,
      },
    };
  }
  compress(page: Uint8Array): Uint8Array {
    return bytes(zstdCompressSync(page, this.#opts));
  }
  decompress(src: Uint8Array, out: Uint8Array): void {
    out.set(bytes(zstdDecompressSync(src, INFLATE_OPTS)));
  }
}

/** lz4 blocks through the `lz4-wasm` package, without its 4-byte length prefix. */
export class Lz4Compressor implements Compressor {
  readonly name = "lz4";
  readonly #framed = new Uint8Array(4 + PAGE_SIZE + PAGE_SIZE / 255 + 16);
  compress(page: Uint8Array): Uint8Array {
    return lz4Compress(page).subarray(4);
  }
  decompress(src: Uint8Array, out: Uint8Array): void {
    const f = this.#framed;
    new DataView(f.buffer).setUint32(0, out.length, true);
    f.set(src, 4);
    out.set(lz4Decompress(f.subarray(0, 4 + src.length)));
  }
}

/** No compression: the page itself (`ram`, `tmem`). */
export class IdentityCompressor implements Compressor {
  readonly name = "none";
  compress(page: Uint8Array): Uint8Array {
    return page;
  }
  decompress(src: Uint8Array, out: Uint8Array): void {
    out.set(src);
  }
}

/** Build a compressor by kind (levels clamped to what the kind honours). */
export function createCompressor(kind: CompressorKind, level: number): Compressor {
  switch (kind) {
    case "deflate":
      return new FflateCompressor(level);
    case "deflate-native":
      return new ZlibCompressor(level);
    case "zstd":
      return new ZstdCompressor(level);
    case "lz4":
      return new Lz4Compressor();
  }
}
