/**
 * The `files` workload and `swap source=PATH`: pages made of real bytes,
 * handed in through an in-memory file port (the edge's reader is tested in
 * tests/cli/files.test.ts).
 */
import assert from "node:assert/strict";
import { Simulation } from "../../src/simulation.ts";
import { SimError } from "../../src/errors.ts";
import { FilesWorkload, SwapWorkload } from "../../src/workloads/mod.ts";
import type { FileContentPort, SourceFile } from "../../src/real_pages.ts";
import { COMPRESSOR_KINDS, type CompressorKind } from "../../src/backends/compressors.ts";
import { hash32 } from "../../src/rng.ts";

const COMPRESSORS: readonly CompressorKind[] = COMPRESSOR_KINDS;
/** The backends with cleancache ops (zswap has none). */
const CLEANCACHE_BACKENDS = ["zcache", "tmem", "ram"] as const;

/** Text-like files (words from a small vocabulary) and one of noise. */
function corpus(): SourceFile[] {
  const words = "page cache swap zswap frontswap cleancache kernel memory pool".split(" ");
  const files: SourceFile[] = [];
  for (let f = 0; f < 6; f++) {
    const parts: string[] = [];
    for (let i = 0; parts.join(" ").length < 9000 + f * 3000; i++) {
      parts.push(words[hash32(f, i) % words.length]);
    }
    files.push({ path: `doc/${f}.txt`, bytes: new TextEncoder().encode(parts.join(" ")) });
  }
  files.push({ path: "noise.bin", bytes: Uint8Array.from({ length: 5000 }, (_, i) => hash32(i)) });
  return files;
}

/** A port over fixed files; records what it was asked. */
function port(files: SourceFile[] = corpus()): FileContentPort & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read(path, budget, perFile) {
      asked.push(`${path} ${budget} ${perFile}`);
      if (path !== "/data") throw new SimError(`${path}: no such file or directory`);
      let left = budget;
      return files.map((f) => {
        const n = Math.min(f.bytes.length, perFile, left);
        left -= n;
        return { path: f.path, bytes: f.bytes.slice(0, n) };
      });
    },
  };
}

function run(seed: number, backend: "zcache" | "tmem" | "ram", compressor: CompressorKind) {
  const s = new Simulation({ seed, files: port() });
  s.mount("home");
  s.mount("var");
  s.register(backend, backend === "zcache" ? { compressor } : {});
  s.startWorkload("files", { dir: "/data", rate: 100, cache: 40, writes: 0.2 });
  s.advance(12);
  return s;
}

Deno.test("files: real pages through the page cache under every backend and compressor", () => {
  for (const backend of CLEANCACHE_BACKENDS) {
    for (const compressor of backend === "zcache" ? COMPRESSORS : COMPRESSORS.slice(0, 1)) {
      const s = run(3, backend, compressor);
      const snap = s.snapshot();
      const what = `${backend}/${compressor}`;
      assert.ok(snap.cleancache.puts > 0, `${what}: clean pages put`);
      assert.ok(snap.cleancache.succ_gets > 0, `${what}: and got back`);
      assert.ok(snap.cleancache.invalidates > 0, `${what}: writes invalidate`);
      assert.ok(snap.integrity.verified_reads > 0, what);
      assert.equal(snap.integrity.stale_reads, 0, what);
      assert.deepEqual(s.audit(), [], what);
    }
  }
});

Deno.test("files: deterministic for the same files and seed", () => {
  const a = run(9, "zcache", "deflate").snapshot();
  const b = run(9, "zcache", "deflate").snapshot();
  const c = run(10, "zcache", "deflate").snapshot();
  assert.deepEqual({ ...a, events: [] }, { ...b, events: [] });
  assert.notDeepEqual(a.cleancache, c.cleancache);
});

Deno.test("files: what the backend compresses is the files' bytes", () => {
  const ratio = (files: SourceFile[]) => {
    const s = new Simulation({ seed: 1, files: port(files) });
    s.mount("home");
    s.register("zcache", { limit: 0 });
    s.startWorkload("files", { dir: "/data", rate: 200, cache: 8, writes: 0 });
    s.advance(10);
    return s.snapshot().backend!;
  };
  const text = ratio(corpus().slice(0, 6));
  const noise = ratio([{
    path: "n",
    bytes: Uint8Array.from({ length: 65536 }, (_, i) => hash32(i, 7)),
  }]);
  assert.ok(text.compression_ratio > 2.5, `text compresses: ${text.compression_ratio}`);
  assert.ok(noise.reject_compress_poor > 0, "noise is rejected as poorly compressible");
  assert.equal(noise.stored_pages, 0);
});

Deno.test("files: the workload reads within its budget, file by file", () => {
  const p = port();
  const s = new Simulation({ files: p });
  const w = new FilesWorkload({ dir: "/data", budget: 0.0625, filemax: 2 }, s);
  assert.deepEqual(p.asked, ["/data 65536 8192"]);
  assert.ok(w.pages.bytes <= 65536 + 4096 * w.pages.files.length);
  assert.ok(w.pages.files.every((f) => f.pages <= 2));
});

Deno.test("files: refused without a reader, a dir, or a readable path; nothing changes", () => {
  const s = new Simulation({ files: port() });
  assert.throws(() => s.startWorkload("files", {}), /files needs dir=PATH/);
  assert.throws(
    () => s.startWorkload("files", { dir: "/nope" }),
    /workload: files: \/nope: no such/,
  );
  assert.deepEqual(s.runningWorkloads(), []);
  const bare = new Simulation();
  assert.throws(() => bare.startWorkload("files", { dir: "/data" }), /not available/);
  assert.throws(() => bare.startWorkload("swap", { source: "/data" }), /not available/);
});

Deno.test("swap source=PATH: anonymous pages from a file's bytes, every load verified", () => {
  for (const compressor of COMPRESSORS) {
    const s = new Simulation({ seed: 4, files: port() });
    s.swapon(0, 2048);
    s.register("zcache", { compressor });
    s.startWorkload("swap", { source: "/data", ram: 64, procs: 3, size: 80, rate: 100 });
    s.advance(40);
    const snap = s.snapshot();
    assert.ok(snap.frontswap.succ_stores > 0, compressor);
    assert.ok(snap.frontswap.loads > 0, compressor);
    assert.equal(snap.integrity.stale_reads, 0);
    assert.equal(snap.integrity.lost_pages, 0);
    assert.deepEqual(s.audit(), []);
  }
  assert.throws(() => new SwapWorkload({ source: "/data" }), /file reader/);
});
