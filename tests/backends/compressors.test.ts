/**
 * Compressors (src/backends/compressors.ts): every kind round-trips every
 * content class; the levels each honours; deflate-native's level 1 writes
 * fixed-Huffman blocks only; lz4's clen is the block without the package's
 * 4-byte length.
 */
import assert from "node:assert/strict";
import { compress as lz4Compress } from "lz4-wasm";
import {
  COMPRESSOR_KINDS,
  COMPRESSOR_LEVELS,
  createCompressor,
} from "../../src/backends/compressors.ts";
import { CONTENT_CLASSES, samePage } from "../../src/content.ts";
import { out, page } from "../helpers/backend_host.ts";

Deno.test("every compressor round-trips every content class at its lowest, default and highest level", () => {
  for (const kind of COMPRESSOR_KINDS) {
    const levels = COMPRESSOR_LEVELS[kind] ?? [0, 0, 0];
    for (const level of levels) {
      const c = createCompressor(kind, level);
      CONTENT_CLASSES.forEach((cls, i) => {
        const p = page(cls, i + 7);
        const z = c.compress(p).slice();
        const got = out();
        c.decompress(z, got);
        assert.ok(samePage(got, p), `${kind} level ${level} ${cls}`);
      });
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
});

Deno.test("deflate-native level 1 (fixed Huffman only) compresses text worse than level 2; zstd honours its level", () => {
  const p = page("text", 3);
  const n1 = createCompressor("deflate-native", 1).compress(p).length;
  const n2 = createCompressor("deflate-native", 2).compress(p).length;
  assert.ok(n1 > n2, `level 1 ${n1} bytes, level 2 ${n2}`);
  const z1 = createCompressor("zstd", 1).compress(p).length;
  const z19 = createCompressor("zstd", 19).compress(p).length;
  assert.ok(z19 < z1, `zstd 19 ${z19} bytes, zstd 1 ${z1}`);
});

Deno.test("lz4: the compressed length is the block alone (the kernel's lz4 stores no length)", () => {
  const p = page("records", 5);
  assert.equal(createCompressor("lz4", 0).compress(p).length, lz4Compress(p).length - 4);
});
