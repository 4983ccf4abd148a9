/**
 * `--host`, `--host-root DIR` and the files workload through the CLI, each
 * with the narrowest permissions it needs (README: Host view, Pages from
 * real files).
 */
import assert from "node:assert/strict";
import { runCli } from "../helpers/cli.ts";
import { openHostSource } from "../../cli/host/read.ts";

const FIXTURES = "tests/cli/host/fixtures";
const ENABLED = `${FIXTURES}/zswap-6x-enabled`;

Deno.test("--host-root DIR --once --json: the host group, with a read of DIR only", async () => {
  const r = await runCli(["--host-root", ENABLED, "--once", "--json"], "", [
    "--allow-env",
    `--allow-read=${ENABLED}`,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const stats = JSON.parse(r.stdout);
  assert.equal(stats.host.zswap.compressor, "zstd");
  assert.equal(stats.host.derived.ratio, 1432896 / 412616);
  assert.equal(stats.host.rates.zswpout, 0, "two samples of a still copy: rate 0");
});

Deno.test("--host --once --json on this machine: the same view as a direct read", async () => {
  const r = await runCli(["--host", "--once", "--json"], "", [
    "--allow-env",
    "--allow-read",
    "--allow-run=cat",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const host = JSON.parse(r.stdout).host;
  const direct = (await openHostSource(null).sample())!;
  assert.deepEqual(host.zswap, direct.zswap);
  assert.deepEqual(host.swaps, direct.swaps);
  assert.deepEqual(host.debugfs, direct.debugfs);
  assert.ok(host.rates.seconds > 0);
});

Deno.test("--host without --allow-run=cat: host null, said once, the session goes on", async () => {
  const r = await runCli(["--host", "--json"], "stats\n", ["--allow-env", "--allow-read"]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /--host: nothing readable \(is cat allowed/);
  assert.equal(JSON.parse(r.stdout.trim()).stats.host, null);
});

Deno.test("host paths in expect and the text stats; no host group without the flag", async () => {
  const script = [
    "expect host.zswap.compressor == zstd",
    "expect host.debugfs.zswap.stored_pages == 358224",
    "expect host.kernel == 6.8.0-45-generic",
    "stats",
  ].join("\n");
  const r = await runCli(["--host-root", ENABLED], script);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /host zswap: enabled=Y compressor=zstd zpool=zsmalloc/);
  assert.match(r.stdout, /host debugfs cleancache: not available/);
  const plain = await runCli(["--json"], "stats\n");
  assert.equal("host" in JSON.parse(plain.stdout.trim()).stats, false);
});

Deno.test("files workload from the command line, reading only the folder it is given", async () => {
  const dir = `${FIXTURES}/zswap-6x-enabled`; // any small tree of real files
  const script = [
    "mount home",
    "register zcache",
    `workload start files dir=${dir} rate=50 cache=4`,
    "run 20",
    "expect cleancache.puts > 0",
    "expect integrity.stale_reads == 0",
    "workload stop files",
    "workload start files dir=/nonexistent",
  ].join("\n");
  const r = await runCli(["--json"], script, ["--allow-env", `--allow-read=${dir}`]);
  assert.equal(r.code, 2, "the last line is in error");
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  const expects = lines.filter((l) => l.cmd === "expect");
  assert.equal(expects.length, 2);
  assert.ok(expects.every((l) => l.pass === true), r.stdout);
  // Outside the allowed folder: refused in one line, naming the line and why.
  assert.match(lines.at(-1).error, /^line 8: workload: files: \/nonexistent: not allowed/);
});

Deno.test("register zswap from=host: the host's parameters as options, recorded as such", async () => {
  const rec = await Deno.makeTempFile();
  try {
    const r = await runCli(["--host-root", ENABLED, "--record", rec], "register zswap from=host\n");
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(
      await Deno.readTextFile(rec),
      /^register zswap compressor=zstd allocator=zsmalloc max_pool_percent=20 full=reject accept_threshold=90 same_filled=on$/m,
    );
    const off = await runCli([], "register zswap from=host\n");
    assert.equal(off.code, 2);
    assert.match(off.stderr, /line 1: register: from=host needs the host view/);
  } finally {
    await Deno.remove(rec);
  }
});
