/**
 * One escaping rule for everything output quotes of the input: checked over
 * every code point that could break a line-splitting reader or reorder text
 * (C0, DEL, C1, bidi embeddings/overrides/isolates, U+2028/U+2029), through
 * the function itself, the `expect` echo (text and JSON) and error messages.
 */
import assert from "node:assert/strict";
import {
  asciiEscapes,
  createSession,
  formatJsonLine,
  parseLine,
  quote,
} from "../../src/command/mod.ts";

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Every code point that must never reach output raw. */
const DANGEROUS = [
  ...range(0x00, 0x1f),
  0x7f,
  ...range(0x80, 0x9f),
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  0x2028,
  0x2029,
];

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

Deno.test("asciiEscapes: every code point outside printable ASCII becomes \\uXXXX, JSON-equal", () => {
  for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x3000 ? 1 : 0x101) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = `a${String.fromCodePoint(cp)}b`;
    const e = asciiEscapes(JSON.stringify(s));
    assert.match(e, PRINTABLE_ASCII, `U+${cp.toString(16)}`);
    assert.equal(JSON.parse(e), s, `U+${cp.toString(16)} reads back`);
  }
  assert.equal(asciiEscapes("\ud800"), "\\ud800", "a lone surrogate too");
  assert.equal(asciiEscapes("plain ~!"), "plain ~!");
});

Deno.test("expect echoes a dangerous string escaped, in text and JSON, and it reads back", () => {
  for (const cp of DANGEROUS) {
    const ch = String.fromCodePoint(cp);
    const value = `x${ch}y`;
    const line = `expect regime == ${JSON.stringify(value)}`;
    const s = createSession();
    const r = s.execute(line);
    assert.equal(r.ok, true, `U+${cp.toString(16)}: ${r.error}`);
    assert.match(r.text!, PRINTABLE_ASCII, `text, U+${cp.toString(16)}`);
    assert.ok(r.text!.includes(asciiEscapes(JSON.stringify(ch)).slice(1, -1)), "escaped");
    assert.ok(!r.text!.includes(ch), "not raw");
    const json = formatJsonLine(r);
    assert.match(json, PRINTABLE_ASCII, `JSON, U+${cp.toString(16)}`);
    assert.equal(JSON.parse(json).expected, value);
    // The echoed expect line is canonical: it parses back to the same value.
    const echoed = /: (expect .*): FAILED/.exec(r.text!)![1];
    const back = parseLine(echoed);
    assert.ok(back.ok && back.command);
    assert.equal((back.command as { value: unknown }).value, value);
  }
});

Deno.test("error messages quote input escaped, whatever code point it holds", () => {
  for (const cp of DANGEROUS) {
    if (cp === 0x0a || cp === 0x0d || cp === 0x09 || cp === 0x20) continue; // separators
    const ch = String.fromCodePoint(cp);
    for (const line of [`mount a${ch}b`, `frob${ch}`, `get home x${ch} 1`]) {
      const r = createSession().execute(line);
      assert.equal(r.ok, false);
      assert.match(r.error!, PRINTABLE_ASCII, `${JSON.stringify(line)}`);
      assert.match(formatJsonLine(r), PRINTABLE_ASCII);
    }
  }
  assert.equal(quote("a\u202eb"), '"a\\u202eb"');
});
