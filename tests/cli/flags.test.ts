/** The flag table: parsing, checking, defaults, and `--help` listing every flag. */
import assert from "node:assert/strict";
import { flagEntries, flagHelp, parseFlags, UsageError } from "../../cli/flags.ts";

Deno.test("defaults, and every flag read from its entry", () => {
  const d = parseFlags([]);
  assert.equal(d.regime, "deferred");
  assert.equal(d.seed, 1);
  assert.equal(d.rate, 10);
  assert.equal(d.workers, 0);
  assert.equal(d.json, false);
  assert.equal(d.script, undefined);
  const f = parseFlags(["--regime", "eager", "--seed", "9", "--json", "--script", "x", "-h"]);
  assert.deepEqual([f.regime, f.seed, f.json, f.script, f.help], ["eager", 9, true, "x", true]);
});

Deno.test("bad values and unknown flags are UsageErrors naming the flag", () => {
  const cases: [string[], RegExp][] = [
    [["--regime", "lazy"], /--regime must be one of eager, fake-poolid, deferred, got 'lazy'/],
    [["--seed=-1"], /--seed must be a whole number from 0 to 4294967295/],
    [["--seed", "1.5"], /--seed must be a whole number/],
    [["--rate", "100"], /--rate must be a number from 0.1 to 60/],
    [["--workers", "9"], /--workers must be a whole number from 0 to 8/],
    [["--bogus"], /bogus/],
    [["positional"], /positional/],
  ];
  for (const [args, re] of cases) {
    assert.throws(() => parseFlags(args), (e) => e instanceof UsageError && re.test(e.message));
  }
});

Deno.test("--help lists every flag of the table with its argument", () => {
  const help = flagHelp().join("\n");
  for (const [name, spec] of flagEntries()) {
    assert.match(help, new RegExp(`--${name}${spec.arg ? ` ${spec.arg}` : ""}\\s`), name);
  }
});
