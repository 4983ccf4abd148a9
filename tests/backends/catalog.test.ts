/**
 * The backend catalog (src/backends/catalog.ts): the four backends of issue
 * #14 with their sources and register options, parsed to options or a
 * one-line error, formatted back, built.
 */
import assert from "node:assert/strict";
import {
  BACKEND_CATALOG,
  BACKEND_KINDS,
  createBackend,
  formatBackendOptions,
  parseBackendOptions,
  registerHelp,
} from "../../src/backends/catalog.ts";

Deno.test("the catalog has zcache, zswap, tmem and ram, each with a description, its source and options", () => {
  assert.deepEqual([...BACKEND_KINDS], ["zcache", "zswap", "tmem", "ram"]);
  for (const e of BACKEND_CATALOG) {
    assert.ok(e.description.length > 20 && e.source.length > 3, e.name);
    for (const o of e.options) assert.ok(o.help.length > 5, `${e.name}.${o.key}`);
    assert.equal(createBackend(e.name).name, e.name);
    assert.ok(registerHelp().includes(`${e.name}:`));
  }
  assert.match(BACKEND_CATALOG[0].source, /staging\/zcache/);
  assert.match(BACKEND_CATALOG[1].source, /mm\/zswap\.c/);
  assert.match(BACKEND_CATALOG[2].source, /drivers\/xen\/tmem\.c/);
});

Deno.test("zswap's options: allocator zbud|z3fold|zsmalloc, ram, max_pool_percent, limit, full, accept_threshold, same_filled", () => {
  const o = parseBackendOptions("zswap", []);
  assert.deepEqual(o, {
    compressor: "deflate",
    level: 1,
    allocator: "zbud",
    ram: 10240,
    max_pool_percent: 20,
    limit: 0,
    full: "reclaim",
    accept_threshold: 90,
    same_filled: true,
  });
  const z3 = parseBackendOptions("zswap", [["allocator", "z3fold"], ["full", "reject"]]);
  assert.equal(typeof z3, "object");
  assert.equal(createBackend("zswap", z3 as Record<string, unknown>).stats().allocator, "z3fold");
  assert.equal(
    parseBackendOptions("zswap", [["allocator", "zpool"]]),
    "allocator must be zbud|z3fold|zsmalloc, got 'zpool'",
  );
});

Deno.test("zcache's options: compressor, level, limit, threshold (zbud_max_zsize), debug, zero_filled, exclusive_gets, writeback", () => {
  const o = parseBackendOptions("zcache", [["compressor", "zstd"], ["level", "3"]]) as Record<
    string,
    unknown
  >;
  assert.deepEqual(Object.keys(o), [
    "compressor",
    "level",
    "limit",
    "threshold",
    "debug",
    "zero_filled",
    "exclusive_gets",
    "writeback",
  ]);
  assert.deepEqual([o.compressor, o.level, o.threshold, o.writeback], ["zstd", 3, 3584, false]);
});

Deno.test("bad register options are one-line errors naming the problem", () => {
  assert.match(parseBackendOptions("zram", []) as string, /unknown backend 'zram'/);
  assert.match(parseBackendOptions("ram", [["compressor", "lz4"]]) as string, /ram has no option/);
  assert.equal(
    parseBackendOptions("zswap", [["limit", "1"], ["limit", "2"]]),
    "option limit given twice",
  );
  assert.match(
    parseBackendOptions("zswap", [["max_pool_percent", "0"]]) as string,
    /from 1 to 100/,
  );
  assert.equal(
    parseBackendOptions("zcache", [["compressor", "lz4"], ["level", "3"]]),
    "compressor lz4 has no levels",
  );
  assert.equal(
    parseBackendOptions("zcache", [["compressor", "deflate-native"], ["level", "0"]]),
    "level must be from 1 to 9 for deflate-native",
  );
  assert.equal(
    parseBackendOptions("zswap", [["same_filled", "maybe"]]),
    "same_filled must be on|off, got 'maybe'",
  );
  assert.match(parseBackendOptions("tmem", [["limit", "x"]]) as string, /limit must be an integer/);
});

Deno.test("formatted options parse back to the same options", () => {
  for (const e of BACKEND_CATALOG) {
    const o = parseBackendOptions(e.name, []) as Record<string, unknown>;
    const words = formatBackendOptions(e.name, o).split(" ").filter((w) => w !== "");
    const pairs = words.map((w) => w.split("=") as [string, string]);
    assert.deepEqual(parseBackendOptions(e.name, pairs), o, e.name);
  }
});
