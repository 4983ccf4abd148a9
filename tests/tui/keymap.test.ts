/** The keymap table: no key bound twice, no F-keys, and the docs list every binding. */
import assert from "node:assert/strict";
import type { Key } from "ink";
import { KEYMAP, lookup } from "../../tui/keymap.ts";
import { NO_KEY } from "../../tui/input.ts";

const PRESSES: [string, Partial<Key>][] = [
  ...[..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .+=-:?"].map((
    c,
  ): [string, Partial<Key>] => [c, {}]),
  ["", { tab: true }],
  ["", { tab: true, shift: true }],
  ["", { upArrow: true }],
  ["", { downArrow: true }],
  ["c", { ctrl: true }],
  ["", { escape: true }],
];

Deno.test("no key press triggers two bindings", () => {
  for (const [input, mods] of PRESSES) {
    const key = { ...NO_KEY, ...mods };
    const hits = KEYMAP.filter((b) => b.match(input, key));
    assert.ok(
      hits.length <= 1,
      `${JSON.stringify([input, mods])} matches ${hits.map((b) => b.keys)}`,
    );
  }
});

Deno.test("every binding is reachable and none is an F-key", () => {
  for (const b of KEYMAP) {
    assert.doesNotMatch(b.keys, /^F\d+$/);
    const press = PRESSES.find(([input, mods]) => lookup(input, { ...NO_KEY, ...mods }) === b);
    assert.ok(press, `some key triggers "${b.keys}"`);
  }
});

Deno.test("README.md lists every binding", async () => {
  const doc = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const b of KEYMAP) {
    assert.match(
      doc,
      new RegExp(`\\|\\s*\`${esc(b.keys)}\`\\s*\\|\\s*${esc(b.description)}\\s*\\|`),
    );
  }
});
