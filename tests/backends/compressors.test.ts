/**
 * The compressors: every one gives each content class back byte for byte,
 * and the node:zlib ones, called with a one-page output chunk, write the same
 * bytes as node:zlib's defaults (the chunk size is a speed setting only).
 */
import assert from "node:assert/strict";
import {
  constants,
  deflateRawSync,
  inflateRawSync,
  zstdCompressSync,
  zstdDecompressSync,
} from "node:zlib";
import {
  COMPRESSOR_KINDS,
  COMPRESSOR_LEVELS,
  createCompressor,
} from "../../src/backends/compressors.ts";
import { CONTENT_CLASSES, generatePage, PAGE_SIZE } from "../../src/content.ts";

function pages(): Uint8Array[] {
  const out: Uint8Array[] = [];
  let stamp = 1;
  for (const cls of CONTENT_CLASSES) {
    for (let i = 0; i < 4; i++) out.push(generatePage(stamp++, cls, new Uint8Array(PAGE_SIZE)));
  }
  return out;
}

Deno.test("compressors: every kind and level gives every content class back", () => {
  const out = new Uint8Array(PAGE_SIZE);
  for (const kind of COMPRESSOR_KINDS) {
    const [lo, , dflt] = COMPRESSOR_LEVELS[kind] ?? [0, 0, 0];
    for (const level of new Set([lo, dflt])) {
      const c = createCompressor(kind, level);
      for (const p of pages()) {
        const z = c.compress(p).slice();
        out.fill(0xa5);
        c.decompress(z, out);
        assert.deepEqual(out, p, `${kind} level ${level}`);
      }
    }
  }
});

Deno.test("compressors: node:zlib deflate and zstd write the bytes of node:zlib's defaults", () => {
  for (const level of [1, 2, 9]) {
    const c = createCompressor("deflate-native", level);
    for (const p of pages()) {
      const z = c.compress(p);
      assert.deepEqual(z, new Uint8Array(deflateRawSync(p, { level })));
      assert.deepEqual(new Uint8Array(inflateRawSync(z)), p);
    }
  }
  for (const level of [1, 3]) {
    const c = createCompressor("zstd", level);
    const params = {
      [constants.ZSTD_c_compressionLevel]: level,
      [constants.ZSTD_c_contentSizeFlag]: 1,
    };
    for (const p of pages()) {
      const z = c.compress(p);
      assert.deepEqual(z, new Uint8Array(zstdCompressSync(p, { params })));
      assert.deepEqual(new Uint8Array(zstdDecompressSync(z)), p);
    }
  }
});
