/** `expect` values: only finite numbers; canonical spelling reads back equal. */
import assert from "node:assert/strict";
import { formatExpectValue, parseLine } from "../../src/command/mod.ts";

function error(line: string): string {
  const r = parseLine(line);
  assert.equal(r.ok, false, `${line} should be refused`);
  return (r as { error: string }).error;
}

Deno.test("expect refuses 1e309, Infinity and NaN like other bad numbers", () => {
  for (const v of ["1e309", "-1e309", "Infinity", "-Infinity", "+Infinity", "NaN", "inf", "nan"]) {
    assert.match(error(`expect tick == ${v}`), /not a finite number/, v);
  }
  for (const v of ["[1e309]", "[1, 2e400]", "[Infinity]", "[NaN,1]"]) {
    assert.match(error(`expect frontswap.active == ${v}`), /not a finite number|bad list/, v);
  }
});

Deno.test("finite numbers, and strings that look like Infinity when quoted, are fine", () => {
  for (
    const [text, value] of [["1e308", 1e308], ["-2.5", -2.5], ["0", 0], ["1E3", 1000]] as const
  ) {
    const r = parseLine(`expect tick == ${text}`);
    assert.ok(r.ok && r.command);
    assert.equal((r.command as { value: unknown }).value, value);
  }
  const q = parseLine('expect regime == "Infinity"');
  assert.ok(q.ok && q.command);
  assert.equal((q.command as { value: unknown }).value, "Infinity");
  assert.equal(formatExpectValue("Infinity"), '"Infinity"', "quoted, so it reads back a string");
});
