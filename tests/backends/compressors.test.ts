/**
 * The compressors: every one gives each content class back byte for byte,
 * and the node:zlib ones, called with a one-page output chunk, write the same
 * bytes as node:zlib's defaults (the chunk size is a speed setting only);
 * the levels each honours; deflate-native's level 1 writes fixed-Huffman
 * blocks only; lz4's clen is the block without the package's 4-byte length.
 */
import assert from "node:assert/strict";
import {
  constants,
  deflateRawSync,
  inflateRawSync,
  zstdCompressSync,
  zstdDecompressSync,
} from "node:zlib";
import { compress as lz4Compress } from "lz4-wasm";
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

Deno.test("levels: deflate 0-9 (1), deflate-native 1-9 (2), zstd 1-19 (1), lz4 none", () => {
  assert.deepEqual(COMPRESSOR_LEVELS, {
    "deflate": [0, 9, 1],
    "deflate-native": [1, 9, 2],
    "zstd": [1, 19, 1],
    "lz4": null,
  });
  // the highest levels round-trip too
  for (const [kind, range] of Object.entries(COMPRESSOR_LEVELS)) {
    if (!range) continue;
    const c = createCompressor(kind as keyof typeof COMPRESSOR_LEVELS, range[1]);
    const p = pages()[9];
    const out = new Uint8Array(PAGE_SIZE);
    c.decompress(c.compress(p).slice(), out);
    assert.deepEqual(out, p, `${kind} level ${range[1]}`);
  }
});

Deno.test("deflate-native level 1 (fixed Huffman only) compresses text worse than level 2; zstd honours its level", () => {
  const p = generatePage(3, "text", new Uint8Array(PAGE_SIZE));
  const n1 = createCompressor("deflate-native", 1).compress(p).length;
  const n2 = createCompressor("deflate-native", 2).compress(p).length;
  assert.ok(n1 > n2, `level 1 ${n1} bytes, level 2 ${n2}`);
  const z1 = createCompressor("zstd", 1).compress(p).length;
  const z19 = createCompressor("zstd", 19).compress(p).length;
  assert.ok(z19 < z1, `zstd 19 ${z19} bytes, zstd 1 ${z1}`);
});

Deno.test("lz4: the compressed length is the block alone (the kernel's lz4 stores no length)", () => {
  const p = generatePage(5, "records", new Uint8Array(PAGE_SIZE));
  assert.equal(createCompressor("lz4", 0).compress(p).length, lz4Compress(p).length - 4);
});
