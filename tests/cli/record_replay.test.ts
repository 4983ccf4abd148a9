/**
 * A `--record` file replays the same run exactly whatever flags the replay
 * is given: its first lines set every result-changing flag (one case per
 * flag marked `changesResults` in cli/flags.ts, checked to be complete).
 */
import assert from "node:assert/strict";
import { flagEntries } from "../../cli/flags.ts";
import { runCli } from "../helpers/cli.ts";

/**
 * A script every result-changing flag shows in (checked below). zcache turns
 * frontswap exclusive gets on itself unless told not to
 * (`zcache_frontswap_init`'s `frontswap_tmem_exclusive_gets(true)`), which
 * would hide --exclusive-loads: `exclusive_gets=off` leaves it to the flag.
 */
const SCRIPT = [
  "mount home",
  "swapon 0 slots=64",
  "register zcache exclusive_gets=off",
  "put home 1 1",
  "get home 1 1",
  "store 0 1",
  "store 0 2 random",
  "load 0 1",
  "load 0 1",
  "workload start swap rate=20 ram=16",
  "run 20",
].join("\n") + "\n";

/** For each result-changing flag: its arguments in the recording run, and other values to replay with. */
const CASES: Record<string, { record: string[]; replayWith: string[][] }> = {
  regime: { record: ["--regime", "eager"], replayWith: [[], ["--regime", "fake-poolid"]] },
  seed: { record: ["--seed", "7"], replayWith: [[], ["--seed", "8"]] },
  writethrough: { record: ["--writethrough"], replayWith: [[], ["--exclusive-loads"]] },
  "exclusive-loads": {
    record: ["--exclusive-loads"],
    replayWith: [[], ["--writethrough"], ["--exclusive-loads"]],
  },
};

/** The final stats line of a JSON run. */
async function finalStats(args: string[], script: string): Promise<string> {
  const r = await runCli(["--json", ...args], script + "stats\n");
  assert.equal(r.code, 0, r.stderr);
  const last = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  assert.equal(last.cmd, "stats");
  return JSON.stringify(last.stats);
}

Deno.test("every result-changing flag has a record/replay case", () => {
  const marked = flagEntries().filter(([, s]) => s.changesResults).map(([n]) => n).sort();
  assert.deepEqual(Object.keys(CASES).sort(), marked);
});

for (const [flag, c] of Object.entries(CASES)) {
  Deno.test(`--record with --${flag}: the replay is exact whatever flags it gets`, async () => {
    const rec = await Deno.makeTempFile({ suffix: ".tmem" });
    try {
      const recorded = await runCli([...c.record, "--record", rec], SCRIPT);
      assert.equal(recorded.code, 0, recorded.stderr);
      const original = await finalStats(c.record, SCRIPT);
      assert.notEqual(original, await finalStats([], SCRIPT), `--${flag} changes the results`);
      const text = await Deno.readTextFile(rec);
      for (const flags of c.replayWith) {
        assert.equal(await finalStats(flags, text), original, `replayed with [${flags}]`);
        const viaScript = await runCli([...flags, "--json", "--script", rec], "");
        assert.equal(viaScript.code, 0, viaScript.stderr);
      }
    } finally {
      await Deno.remove(rec);
    }
  });
}
