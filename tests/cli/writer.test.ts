/** The output writer: whole lines on flush, a big buffer written by itself, failures remembered. */
import assert from "node:assert/strict";
import { Writer } from "../../cli/writer.ts";

function sink(fail?: Error) {
  const chunks: string[] = [];
  return {
    chunks,
    writeSync(p: Uint8Array): number {
      if (fail) throw fail;
      // A short write: at most 1000 bytes at a time.
      const n = Math.min(p.length, 1000);
      chunks.push(new TextDecoder().decode(p.subarray(0, n)));
      return n;
    },
  };
}

Deno.test("lines wait for flush; short writes are completed", () => {
  const s = sink();
  const w = new Writer(s);
  w.line("a");
  w.line("x".repeat(2500));
  assert.equal(w.pending, true);
  assert.deepEqual(s.chunks, []);
  assert.equal(w.flush(), true);
  assert.equal(s.chunks.join(""), "a\n" + "x".repeat(2500) + "\n");
  assert.equal(w.pending, false);
});

Deno.test("past 64 KiB the buffer is written without waiting for flush", () => {
  const s = sink();
  const w = new Writer(s);
  for (let i = 0; i < 70; i++) w.line("y".repeat(1023));
  assert.ok(s.chunks.join("").length > 65536);
});

Deno.test("a failed write is remembered; later output is dropped, flush says false", () => {
  const err = new Error("No space left on device (os error 28)");
  const w = new Writer(sink(err));
  w.line("lost");
  assert.equal(w.flush(), false);
  assert.equal(w.failure, err);
  w.line("dropped");
  assert.equal(w.pending, false);
  assert.equal(w.flush(), false);
});
