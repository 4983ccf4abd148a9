/** `register zswap from=host`: the host's parameters as register options (src/host/register.ts). */
import assert from "node:assert/strict";
import { expandFromHost, zswapFromHost } from "../../src/host/register.ts";
import { openHostSource } from "../../cli/host/read.ts";

const FIXTURES = new URL("../cli/host/fixtures/", import.meta.url).pathname;
const COMPRESSORS = ["deflate", "deflate-native", "zstd", "lz4"];
const host = (name: string) => openHostSource(FIXTURES + name).sample();

Deno.test("from=host on a 6.x host: compressor, zpool, pool percent, hysteresis", async () => {
  const r = zswapFromHost(await host("zswap-6x-enabled"), COMPRESSORS);
  assert.ok(!("error" in r));
  assert.deepEqual(r.pairs, [
    ["compressor", "zstd"],
    ["allocator", "zsmalloc"],
    ["max_pool_percent", "20"],
    ["full", "reject"],
    ["accept_threshold", "90"],
    ["same_filled", "on"],
  ]);
  assert.deepEqual(r.notes, []);
});

Deno.test("from=host on this machine: lzo is not simulated, zsmalloc only, disabled noted", async () => {
  const r = zswapFromHost(await host("zswap-disabled"), COMPRESSORS);
  assert.ok(!("error" in r));
  assert.deepEqual(r.pairs, [
    ["allocator", "zsmalloc"],
    ["max_pool_percent", "20"],
    ["full", "reject"],
    ["accept_threshold", "90"],
  ]);
  assert.match(r.notes.join("\n"), /compressor lzo is not simulated/);
  assert.match(r.notes.join("\n"), /disabled on the host/);
});

Deno.test("from=host without zswap, without a host view, or with nothing readable: why", async () => {
  assert.match(
    (zswapFromHost(await host("no-zswap-module"), COMPRESSORS) as { error: string }).error,
    /no zswap module/,
  );
  assert.match((zswapFromHost(undefined, COMPRESSORS) as { error: string }).error, /--host/);
  assert.match((zswapFromHost(null, COMPRESSORS) as { error: string }).error, /nothing/);
});

Deno.test("the line rewrite: own keys win, comments kept, other lines untouched", async () => {
  const h = await host("zswap-6x-enabled");
  const x = expandFromHost(
    "register zswap from=host compressor=lz4 limit=64 # mine",
    h,
    COMPRESSORS,
  );
  assert.ok(!("error" in x));
  assert.equal(
    x.line,
    "register zswap allocator=zsmalloc max_pool_percent=20 full=reject accept_threshold=90 " +
      "same_filled=on compressor=lz4 limit=64 # mine",
  );
  assert.deepEqual(expandFromHost("register zcache level=3", h, COMPRESSORS), {
    line: "register zcache level=3",
    notes: [],
  });
  assert.deepEqual(expandFromHost("mount from=host", h, COMPRESSORS), {
    line: "mount from=host",
    notes: [],
  });
  assert.match(
    (expandFromHost("register zcache from=host", h, COMPRESSORS) as { error: string }).error,
    /only zswap/,
  );
});
