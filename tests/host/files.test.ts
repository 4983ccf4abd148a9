/** src/host/files.ts: the file names the host view reads (from the kernel sources), and NUL stripping. */
import assert from "node:assert/strict";
import {
  DEBUGFS_DIRS,
  DEBUGFS_NAMES,
  knownHostPaths,
  PROC_FILES,
  stripNuls,
  ZSWAP_PARAM_NAMES,
  ZSWAP_PARAMS_DIR,
} from "../../src/host/files.ts";

const FIXTURES = new URL("../cli/host/fixtures/", import.meta.url);

Deno.test("knownHostPaths: every whole file, every zswap parameter, every debugfs counter, once", () => {
  const paths = knownHostPaths();
  assert.equal(new Set(paths).size, paths.length, "no duplicates");
  for (const p of Object.values(PROC_FILES)) assert.ok(paths.includes(p), p);
  for (const n of ZSWAP_PARAM_NAMES) assert.ok(paths.includes(`${ZSWAP_PARAMS_DIR}/${n}`), n);
  for (const [dir, names] of Object.entries(DEBUGFS_NAMES)) {
    for (const n of names) {
      assert.ok(paths.includes(`sys/kernel/debug/${dir}/${n}`), `${dir}/${n}`);
    }
  }
  assert.equal(
    paths.length,
    Object.keys(PROC_FILES).length + ZSWAP_PARAM_NAMES.length +
      Object.values(DEBUGFS_NAMES).reduce((n, l) => n + l.length, 0),
  );
  for (const p of paths) assert.ok(!p.startsWith("/") && !p.includes(".."), `relative: ${p}`);
});

Deno.test("paths follow the kernel's layout (/sys/module/zswap/parameters, debugfs dirs, procfs)", () => {
  assert.equal(ZSWAP_PARAMS_DIR, "sys/module/zswap/parameters");
  assert.deepEqual(DEBUGFS_DIRS, {
    zswap: "sys/kernel/debug/zswap",
    cleancache: "sys/kernel/debug/cleancache",
    frontswap: "sys/kernel/debug/frontswap",
  });
  // the counters of mm/cleancache.c and mm/frontswap.c (3.9 .. 4.2) and zswap_debugfs_init (4.1)
  for (const n of ["succ_gets", "failed_gets", "puts", "invalidates"]) {
    assert.ok((DEBUGFS_NAMES.cleancache as readonly string[]).includes(n), n);
  }
  assert.deepEqual([...DEBUGFS_NAMES.frontswap], [
    "loads",
    "succ_stores",
    "failed_stores",
    "invalidates",
  ]);
  for (
    const n of [
      "pool_limit_hit",
      "reject_reclaim_fail",
      "reject_alloc_fail",
      "reject_kmemcache_fail",
      "reject_compress_poor",
      "written_back_pages",
      "duplicate_entry",
      "pool_total_size",
      "stored_pages",
    ]
  ) assert.ok((DEBUGFS_NAMES.zswap as readonly string[]).includes(n), n);
  for (const n of ["enabled", "compressor", "zpool", "max_pool_percent"]) {
    assert.ok((ZSWAP_PARAM_NAMES as readonly string[]).includes(n), n);
  }
});

Deno.test("every file of the captured host trees (tests/cli/host/fixtures) is a known path", () => {
  const known = new Set(knownHostPaths());
  let files = 0;
  const walk = (dir: URL, rel: string) => {
    for (const e of Deno.readDirSync(dir)) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory) walk(new URL(`${e.name}/`, dir), r);
      else if (e.isFile && !e.name.endsWith(".err")) {
        files++;
        assert.ok(known.has(r), `${r} is not asked for by the live reader`);
      }
    }
  };
  for (const tree of Deno.readDirSync(FIXTURES)) {
    if (tree.isDirectory) walk(new URL(`${tree.name}/`, FIXTURES), "");
  }
  assert.ok(files > 20, `fixture files found (${files})`);
});

Deno.test("stripNuls: NUL padding removed, other text untouched", () => {
  assert.equal(stripNuls("Y\n\0\0\0"), "Y\n");
  assert.equal(stripNuls("\0a\0b\0"), "ab");
  const plain = "lzo\n";
  assert.equal(stripNuls(plain), plain);
  assert.equal(stripNuls(""), "");
});
