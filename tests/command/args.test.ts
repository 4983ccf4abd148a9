/** src/command/args.ts: the tokenizer and the token readers every command's `parse` uses. */
import assert from "node:assert/strict";
import {
  noMore,
  parseChoice,
  parseClass,
  ParseFailure,
  parseName,
  parseOnOff,
  parseOptions,
  parseParamValue,
  parseType,
  parseUint,
  tokenize,
  withoutComment,
} from "../../src/command/args.ts";
import { CONTENT_CLASSES } from "../../src/content.ts";

/** Assert that `f` throws a ParseFailure whose reason matches `reason`. */
function fails(f: () => unknown, reason: RegExp | string): void {
  assert.throws(f, (e) => {
    assert.ok(e instanceof ParseFailure, `a ParseFailure, got ${e}`);
    if (typeof reason === "string") assert.equal(e.message, reason);
    else assert.match(e.message, reason);
    return true;
  });
}

Deno.test("tokenize: spaces and tabs separate, `#` starts a comment", () => {
  assert.deepEqual(tokenize("get home 1 2 # hot"), ["get", "home", "1", "2"]);
  assert.deepEqual(tokenize("\t run \t 5\t"), ["run", "5"]);
  assert.deepEqual(tokenize("mount a#b c"), ["mount", "a"]);
  assert.deepEqual(tokenize("# only a comment"), []);
  assert.deepEqual(tokenize(""), []);
  assert.deepEqual(tokenize("   "), []);
  assert.equal(withoutComment("a b # c # d"), "a b ");
  assert.equal(withoutComment("no comment"), "no comment");
});

Deno.test("parseUint: whole numbers within min..max, with reasons naming the value", () => {
  assert.equal(parseUint("0", "N", 10), 0);
  assert.equal(parseUint("10", "N", 10), 10);
  assert.equal(parseUint("007", "N", 10), 7);
  assert.equal(parseUint("3", "N", 10, 3), 3);
  fails(() => parseUint(undefined, "INO", 10), "missing INO");
  fails(() => parseUint("-1", "INO", 10), 'INO must be a whole number, got "-1"');
  fails(() => parseUint("1.5", "INO", 10), /whole number/);
  fails(() => parseUint("0x10", "INO", 10), /whole number/);
  fails(() => parseUint("11", "INO", 10), 'INO must be in 0..10, got "11"');
  fails(() => parseUint("2", "INO", 10, 3), 'INO must be in 3..10, got "2"');
  // A huge number of digits is out of range, not a precision accident.
  fails(() => parseUint("1".repeat(40), "N", Number.MAX_SAFE_INTEGER), /must be in/);
});

Deno.test("parseName: letters, digits and _ . : / -, at most 64 characters", () => {
  assert.equal(parseName("home"), "home");
  assert.equal(parseName("a_b.c:d/e-f"), "a_b.c:d/e-f");
  assert.equal(parseName("x".repeat(64)), "x".repeat(64));
  fails(() => parseName(undefined), "missing NAME");
  fails(() => parseName(undefined, "UUID"), "missing UUID");
  fails(() => parseName("shared=abc"), 'missing NAME (got option "shared=abc")');
  fails(() => parseName("a b"), /NAME may use letters, digits/);
  fails(() => parseName("h\u00e9"), /got "h\\u00e9"/);
  fails(() => parseName("x".repeat(65)), "NAME is longer than 64 characters");
});

Deno.test("parseClass: text by default, else one of the content classes", () => {
  assert.equal(parseClass(undefined), "text");
  for (const c of CONTENT_CLASSES) assert.equal(parseClass(c), c);
  fails(
    () => parseClass("bogus"),
    `CLASS must be one of ${CONTENT_CLASSES.join("|")}, got "bogus"`,
  );
});

Deno.test("parseType: a swap type 0..31", () => {
  assert.equal(parseType("0"), 0);
  assert.equal(parseType("31"), 31);
  fails(() => parseType("32"), 'TYPE must be in 0..31, got "32"');
  fails(() => parseType(undefined), "missing TYPE");
});

Deno.test("parseOptions: KEY=VALUE pairs in order; malformed, unknown and repeated keys refused", () => {
  assert.deepEqual(parseOptions(["a=1", "b-c=x=y"], null), [["a", "1"], ["b-c", "x=y"]]);
  assert.deepEqual(parseOptions([], ["a"]), []);
  assert.deepEqual(parseOptions(["a=1"], ["a", "b"]), [["a", "1"]]);
  fails(() => parseOptions(["a"], null), 'expected KEY=VALUE, got "a"');
  fails(() => parseOptions(["=1"], null), 'expected KEY=VALUE, got "=1"');
  fails(() => parseOptions(["a="], null), 'expected KEY=VALUE, got "a="');
  fails(() => parseOptions(["1a=2"], null), 'bad option name "1a"');
  fails(() => parseOptions(["c=1"], ["a", "b"]), 'unknown option "c" (known: a, b)');
  fails(() => parseOptions(["a=1", "a=2"], null), 'option "a" given twice');
});

Deno.test("noMore: refuses the first token from the index on", () => {
  noMore(["get", "a"], 2);
  fails(() => noMore(["get", "a", "extra", "more"], 2), 'unexpected "extra"');
});

Deno.test("parseOnOff: on/true/yes/1 and off/false/no/0, nothing else", () => {
  for (const v of ["on", "true", "yes", "1"]) assert.equal(parseOnOff(v, "W"), true, v);
  for (const v of ["off", "false", "no", "0"]) assert.equal(parseOnOff(v, "W"), false, v);
  fails(() => parseOnOff("ON", "writeback"), 'writeback must be on or off, got "ON"');
  fails(() => parseOnOff("", "W"), /must be on or off/);
});

Deno.test("parseChoice: one of the choices, or a reason listing them", () => {
  const regimes = ["eager", "deferred"] as const;
  assert.equal(parseChoice("eager", "REGIME", regimes), "eager");
  fails(() => parseChoice(undefined, "REGIME", regimes), "missing REGIME (eager|deferred)");
  fails(
    () => parseChoice("lazy", "REGIME", regimes),
    'unknown REGIME "lazy" (known: eager, deferred)',
  );
});

Deno.test("parseParamValue: numbers when they look like one (short), else the text", () => {
  assert.equal(parseParamValue("300"), 300);
  assert.equal(parseParamValue("-2"), -2);
  assert.equal(parseParamValue("0.25"), 0.25);
  assert.equal(parseParamValue("text:60,random:40"), "text:60,random:40");
  assert.equal(parseParamValue("1e3"), "1e3");
  assert.equal(parseParamValue(".5"), ".5");
  assert.equal(parseParamValue("1".repeat(17)), "1".repeat(17), "too long to be exact: text");
});

Deno.test("quote truncates a long token at 40 characters in reasons", () => {
  fails(
    () => parseUint("x".repeat(50), "N", 5),
    `N must be a whole number, got "${"x".repeat(40)}..."`,
  );
});
