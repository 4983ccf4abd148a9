/** tui/terminal.ts: a stdout whose writes never erase the terminal's scrollback (ED 3). */
import assert from "node:assert/strict";
import { ERASE_SCROLLBACK, keepScrollback, withoutScrollbackErase } from "../../tui/terminal.ts";

const CLEAR = "\x1b[2J";

Deno.test("withoutScrollbackErase: every ED 3 removed, the screen clear and the rest kept", () => {
  assert.equal(ERASE_SCROLLBACK, "\x1b[3J");
  assert.equal(withoutScrollbackErase(`${CLEAR}\x1b[3J\x1b[Hframe`), `${CLEAR}\x1b[Hframe`);
  assert.equal(withoutScrollbackErase("a\x1b[3Jb\x1b[3Jc"), "abc");
  const plain = "no erase here \x1b[31mred\x1b[0m";
  assert.equal(withoutScrollbackErase(plain), plain);
});

Deno.test("keepScrollback: write filtered (its other arguments and result kept); the rest untouched", () => {
  const written: unknown[][] = [];
  const stdout = {
    columns: 120,
    rows: 40,
    write(chunk: unknown, ...rest: unknown[]) {
      written.push([chunk, ...rest]);
      return this === stdout;
    },
    size() {
      return this.columns;
    },
  };
  const kept = keepScrollback(stdout);
  const cb = () => {};
  assert.equal(kept.write(`${CLEAR}\x1b[3Jhello`, "utf8", cb), true, "called on the real stdout");
  const bytes = new Uint8Array([1, 2, 3]);
  kept.write(bytes);
  assert.deepEqual(
    written,
    [[`${CLEAR}hello`, "utf8", cb], [bytes]],
    "non-strings pass as they are",
  );
  assert.equal(kept.columns, 120);
  assert.equal(kept.size(), 120, "methods bound to the real stdout");
  stdout.columns = 90;
  assert.equal(kept.columns, 90, "a view, not a copy");
});
