/**
 * The command table drives everything: every entry is listed by `help`,
 * its usage shows in its parse errors, its canonical form parses back, and
 * its word is unique. Adding a command is one entry (checked here).
 */
import assert from "node:assert/strict";
import {
  COMMANDS,
  createSession,
  formatCommand,
  helpText,
  isSlowLine,
  parseLine,
} from "../../src/command/mod.ts";

/** One valid line per command word (every entry must have one). */
const SAMPLES: Record<string, string[]> = {
  regime: ["regime eager"],
  seed: ["seed 3"],
  options: ["options writethrough=on", "options exclusive-loads=off writethrough=off"],
  mount: ["mount home", "mount gfs shared=c0ffee"],
  umount: ["umount home"],
  swapon: ["swapon 0", "swapon 3 slots=64"],
  swapoff: ["swapoff 0"],
  register: [
    "register zcache level=3",
    "register zswap allocator=zsmalloc full=reject",
    "register ram",
  ],
  unregister: ["unregister"],
  put: ["put home 1 2 zero"],
  write: ["write home 1 2"],
  get: ["get home 1 2"],
  invalidate: ["invalidate home 1", "invalidate home 1 2"],
  delete: ["delete home 1"],
  store: ["store 0 5 random"],
  load: ["load 0 5"],
  free: ["free 0 5"],
  workload: ["workload start swap rate=5", "workload stop all"],
  run: ["run 10"],
  stats: ["stats"],
  expect: ["expect cleancache.puts >= 1", 'expect regime == "a b"'],
  compare: ["compare"],
  audit: ["audit"],
  help: ["help"],
  quit: ["quit"],
};

Deno.test("every entry has a unique word, a sample, help lines and a usage in its errors", () => {
  const words = COMMANDS.map((c) => c.word);
  assert.equal(new Set(words).size, words.length, "unique words");
  for (const w of words) assert.ok(w in SAMPLES, `a sample line for ${w}`);
  const help = helpText();
  for (const spec of COMMANDS) {
    for (const [usage, what] of spec.usage) {
      assert.ok(help.includes(usage) && help.includes(what), `help lists ${usage}`);
    }
    const bad = parseLine(`${spec.word} ${"%".repeat(3)} ${"%".repeat(3)} x y z`);
    assert.ok(!bad.ok, `${spec.word} with junk is refused`);
    assert.ok(bad.error.includes(`(usage: ${spec.usage[0][0]}`), bad.error);
  }
});

Deno.test("the canonical form of every sample parses back to the same command", () => {
  for (const lines of Object.values(SAMPLES)) {
    for (const line of lines) {
      const p = parseLine(line);
      assert.ok(p.ok && p.command, `${line}: ${!p.ok ? p.error : ""}`);
      const canonical = formatCommand(p.command);
      const again = parseLine(canonical);
      assert.ok(again.ok && again.command);
      assert.deepEqual(again.command, p.command, canonical);
      assert.equal(formatCommand(again.command), canonical);
    }
  }
});

Deno.test("slow commands (output is written before them) are those the table marks", () => {
  assert.deepEqual(COMMANDS.filter((c) => c.slow).map((c) => c.word).sort(), ["compare", "run"]);
  assert.equal(isSlowLine("  run 5 # long"), true);
  assert.equal(isSlowLine("runx 5"), false);
  assert.equal(isSlowLine("# run 5"), false);
});

Deno.test("a store that reached a backend says which, its compressed length and why it was refused", () => {
  const s = createSession();
  for (const l of ["mount a", "swapon 0 slots=16"]) assert.equal(s.execute(l).ok, true, l);
  // No backend yet: the store reached none, so nothing is added.
  assert.equal(s.execute("store 0 1").data, undefined);
  s.execute("register zswap");
  const stored = s.execute("store 0 2");
  assert.equal(stored.result, "stored");
  assert.equal(stored.data?.backend, "zswap");
  assert.ok((stored.data?.clen as number) > 0 && (stored.data?.clen as number) < 3960);
  assert.equal(stored.data?.reason, null);
  // mm/zswap.c (4.2) `zswap_frontswap_store`: a compressed length over the zbud limit is
  // `reject_compress_poor`.
  const refused = s.execute("store 0 3 random");
  assert.equal(refused.result, "rejected");
  assert.equal(refused.data?.reason, "compress_poor");
  assert.ok((refused.data?.clen as number) > 3960);
  // A same-filled page is kept as one word: clen 0 (4.16+ `zswap_is_page_same_filled`).
  assert.equal(s.execute("store 0 4 zero").data?.clen, 0);
});

Deno.test("a put that reached a backend says which, its compressed length and why it was refused", () => {
  const s = createSession();
  assert.equal(s.execute("mount a").ok, true);
  // No backend yet: the superblock is pending, the put reached none.
  assert.equal(s.execute("put a 1 0").data, undefined);
  s.execute("register zcache");
  const put = s.execute("put a 1 1");
  assert.equal(put.data?.backend, "zcache");
  assert.ok((put.data?.clen as number) > 0 && (put.data?.clen as number) <= 4000);
  assert.equal(put.data?.reason, null);
  // drivers/staging/zcache/zcache-main.c `zcache_pampd_eph_create`: an ephemeral page
  // compressing above zbud_max_buddy_size() (4000 bytes) is refused (`compress_poor`).
  const refused = s.execute("put a 1 2 random");
  assert.equal(refused.data?.reason, "compress_poor");
  assert.ok((refused.data?.clen as number) > 4000);
  // 3.10's `page_is_zero_filled`: a zero page is kept as such, nothing compressed.
  assert.equal(s.execute("put a 1 3 zero").data?.clen, 0);
  // zswap registers no cleancache ops: under zswap alone a put reaches no backend.
  const z = createSession();
  z.execute("mount a");
  z.execute("register zswap");
  assert.equal(z.execute("put a 1 0").data, undefined);
});
