/** The bounds (src/limits.ts): one definition for the simulation and the parser. */
import assert from "node:assert/strict";
import {
  checkClass,
  checkIndex,
  checkName,
  checkSlots,
  checkType,
  isValidName,
  LIMITS,
  MAX_SWAPFILES,
} from "../src/limits.ts";
import { PARSE_LIMITS, parseLine } from "../src/command/mod.ts";
import { SimError } from "../src/errors.ts";

Deno.test("the parser reads its limits from src/limits.ts", () => {
  assert.equal(PARSE_LIMITS, LIMITS);
  assert.equal(LIMITS.swapType, MAX_SWAPFILES - 1);
  const ok = parseLine(`swapon ${MAX_SWAPFILES - 1}`);
  assert.ok(ok.ok && ok.command !== null);
  assert.equal(parseLine(`swapon ${MAX_SWAPFILES}`).ok, false);
});

Deno.test("names: 1-64 of letters, digits, _ . : / -", () => {
  assert.ok(isValidName("a"));
  assert.ok(isValidName("x".repeat(64)));
  for (const bad of ["", "x".repeat(65), "a b", "é", "a=b"]) assert.equal(isValidName(bad), false);
  assert.throws(() => checkName("mount", "uuid", "a b"), SimError);
});

Deno.test("each check throws a SimError naming the command", () => {
  assert.throws(
    () => checkType("swapon", 32),
    /^Error: swapon: swap type must be an integer from 0 to 31$|swapon: swap type/,
  );
  assert.throws(() => checkSlots("swapon", 0), /swapon: slots must be an integer from 1 to/);
  assert.throws(() => checkIndex("get", "inode", -1), /get: inode must be an integer from 0 to/);
  // the bound the parser reads (LIMITS) is the one the simulation checks: inodes are 32-bit
  assert.throws(() => checkIndex("put", "inode", LIMITS.ino + 1), /from 0 to 4294967295/);
  checkIndex("put", "page index", LIMITS.index);
  assert.throws(() => checkClass("put", "bogus"), /put: unknown content class 'bogus'/);
  checkType("swapon", 0);
  checkSlots("swapon", LIMITS.slots);
  checkIndex("get", "inode", 0);
  checkClass("put", "zero");
});
