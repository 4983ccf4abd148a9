/**
 * The host source over the fixture trees (tests/cli/host/fixtures/README.md
 * says where each comes from), the cat-based live reader, and rates from
 * two samples.
 */
import assert from "node:assert/strict";
import {
  catReadAll,
  dirReader,
  hostSource,
  liveReader,
  openHostSource,
} from "../../../cli/host/read.ts";
import { type HostSnapshot, isUnavailable } from "../../../src/host/snapshot.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

async function sampleOf(name: string): Promise<HostSnapshot | null> {
  return await openHostSource(FIXTURES + name).sample();
}

function reason(v: unknown): string {
  assert.ok(isUnavailable(v), `expected a "not available" group, got ${JSON.stringify(v)}`);
  return v.unavailable;
}

Deno.test("6.x with zswap enabled and debugfs readable: every group, derived figures", async () => {
  const h = (await sampleOf("zswap-6x-enabled"))!;
  assert.equal(h.kernel, "6.8.0-45-generic");
  assert.deepEqual(h.zswap, {
    enabled: "Y",
    compressor: "zstd", // its file is padded with NULs: stripped
    zpool: "zsmalloc",
    max_pool_percent: "20",
    accept_threshold_percent: "90",
    shrinker_enabled: "Y",
    same_filled_pages_enabled: "Y",
    non_same_filled_pages_enabled: "Y",
  });
  assert.ok(!isUnavailable(h.meminfo));
  assert.equal(h.meminfo.Zswap, 412616);
  assert.equal(h.meminfo.Zswapped, 1432896);
  assert.deepEqual(h.vmstat, { zswpin: 1204411, zswpout: 2093310, zswpwb: 4012 });
  assert.ok(!isUnavailable(h.debugfs.zswap));
  assert.equal(h.debugfs.zswap.stored_pages, 358224);
  assert.equal(h.debugfs.zswap.pool_total_size, 422518784);
  assert.equal(h.debugfs.zswap.reject_compress_poor, 2210);
  assert.match(reason(h.debugfs.cleancache), /cleancache absent/);
  assert.deepEqual(h.swaps, [{
    filename: "/dev/nvme0n1p3",
    type: "partition",
    size: 8388604,
    used: 1683456,
    priority: -2,
  }]);
  assert.equal(h.derived.ratio, 1432896 / 412616);
  assert.equal(h.derived.poolBytes, 412616 * 1024);
  assert.equal(h.derived.poolLimitBytes, Math.floor(16303856 * 1024 * 0.2));
  assert.equal(h.derived.poolUse, (412616 * 1024) / Math.floor(16303856 * 1024 * 0.2));
  assert.equal(h.rates, null, "one sample has no rates");
});

Deno.test("rates per second from two samples", async () => {
  let t = 5_000;
  const readers = [
    dirReader(FIXTURES + "zswap-6x-enabled"),
    dirReader(FIXTURES + "zswap-6x-enabled-10s-later"),
  ];
  let n = 0;
  const src = hostSource("two", (rels) => readers[n++](rels), () => (t += 10_000) - 10_000);
  assert.equal((await src.sample())!.rates, null);
  const h = (await src.sample())!;
  assert.deepEqual(h.rates, { seconds: 10, zswpin: 50, zswpout: 300, zswpwb: 5 });
  assert.equal(src.last, h);
});

Deno.test("zswap disabled (this machine): parameters shown, debugfs not mounted, no swap", async () => {
  const h = (await sampleOf("zswap-disabled"))!;
  assert.ok(!isUnavailable(h.zswap));
  assert.equal(h.zswap.enabled, "N");
  assert.equal(h.zswap.compressor, "lzo");
  assert.equal(h.zswap.zpool, undefined, "6.18 has no zpool parameter");
  assert.deepEqual(h.swaps, []);
  assert.ok(!isUnavailable(h.meminfo));
  assert.equal(h.meminfo.SwapTotal, 0);
  assert.equal(h.meminfo.Zswap, 0);
  assert.equal(h.derived.ratio, null, "nothing stored: no ratio");
  assert.equal(h.derived.poolUse, 0);
  assert.match(reason(h.debugfs.zswap), /debugfs not mounted/);
});

Deno.test("no zswap module: the groups say why, meminfo and swaps still shown", async () => {
  const h = (await sampleOf("no-zswap-module"))!;
  assert.match(reason(h.zswap), /no zswap module/);
  assert.ok(!isUnavailable(h.meminfo));
  assert.equal(h.meminfo.Zswap, null);
  assert.deepEqual(h.vmstat, { zswpin: null, zswpout: null, zswpwb: null });
  assert.match(reason(h.debugfs.zswap), /debugfs not mounted/);
  assert.equal(h.derived.ratio, null);
  assert.equal(h.derived.poolLimitBytes, null);
  assert.equal(!isUnavailable(h.swaps) && h.swaps[0].type, "file");
});

Deno.test("3.x-style tree: cleancache and frontswap debugfs counters", async () => {
  const h = (await sampleOf("v3.10-cleancache-frontswap"))!;
  assert.equal(h.kernel, "3.10.33");
  assert.deepEqual(h.debugfs.cleancache, {
    succ_gets: 18211,
    failed_gets: 40377,
    puts: 112904,
    invalidates: 2218,
  });
  assert.deepEqual(h.debugfs.frontswap, {
    loads: 51022,
    succ_stores: 60144,
    failed_stores: 1146,
    invalidates: 49120,
  });
  assert.match(reason(h.zswap), /no zswap module/);
  assert.match(reason(h.debugfs.zswap), /no zswap in this kernel/);
});

Deno.test("unreadable debugfs: permission denied, the rest shown", async () => {
  const h = (await sampleOf("debugfs-unreadable"))!;
  for (const g of Object.values(h.debugfs)) assert.match(reason(g), /permission denied/);
  assert.ok(!isUnavailable(h.zswap));
  assert.equal(h.zswap.compressor, "lzo");
});

Deno.test("nothing readable: the sample is null, not an error", async () => {
  const dir = await Deno.makeTempDir();
  try {
    assert.equal(await openHostSource(dir).sample(), null);
    assert.equal(await openHostSource(dir + "/does-not-exist").sample(), null);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a tar copy of procfs (0-byte files) is called out, not shown as zeros", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${dir}/proc`);
    await Deno.writeTextFile(`${dir}/proc/meminfo`, "");
    await Deno.writeTextFile(`${dir}/proc/swaps`, "Filename Type Size Used Priority\n");
    const h = (await openHostSource(dir).sample())!;
    assert.match(reason(h.meminfo), /tar/);
    assert.deepEqual(h.swaps, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("live reader through one cat: file contents split right, failures named", async () => {
  const dir = FIXTURES + "zswap-6x-enabled";
  const reads = await catReadAll([
    `${dir}/sys/module/zswap/parameters/compressor`,
    `${dir}/nope`,
    `${dir}/proc/vmstat`,
  ]);
  assert.deepEqual(reads.get(`${dir}/sys/module/zswap/parameters/compressor`), { text: "zstd\n" });
  assert.deepEqual(reads.get(`${dir}/nope`), {
    failed: "missing",
    detail: "No such file or directory",
  });
  assert.equal(
    (reads.get(`${dir}/proc/vmstat`) as { text: string }).text,
    await Deno.readTextFile(`${dir}/proc/vmstat`),
  );
  // The same tree read through cat and through plain reads gives the same view.
  const viaCat = await hostSource(dir, liveReader(dir), () => 0).sample();
  const viaDir = await hostSource(dir, dirReader(dir), () => 0).sample();
  assert.deepEqual(viaCat, viaDir);
});

Deno.test("live reader on this machine: meminfo readable, never throws", async () => {
  const h = await openHostSource(null).sample();
  assert.ok(h !== null);
  assert.ok(!isUnavailable(h.meminfo) && (h.meminfo.MemTotal ?? 0) > 0);
});

Deno.test("the documented snapshot command copies what the live view reads", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const sh = new URL("../../../cli/host/snapshot.sh", import.meta.url).pathname;
    const o = await new Deno.Command("sh", { args: [sh, dir] }).output();
    assert.equal(o.code, 0, new TextDecoder().decode(o.stderr));
    const copy = (await openHostSource(dir).sample())!;
    const live = (await openHostSource(null).sample())!;
    assert.equal(copy.kernel, live.kernel);
    assert.deepEqual(copy.zswap, live.zswap);
    assert.deepEqual(copy.swaps, live.swaps);
    assert.deepEqual(copy.debugfs, live.debugfs);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
