/**
 * The worker's outgoing messages: record lines wait for the next other
 * message and go out with it in one post, in the order posted; a message with
 * nothing held goes out alone; lines nothing follows go out after the delay;
 * the client side reads a post back as its messages in order.
 */
import assert from "node:assert/strict";
import { type HostPost, PostBatcher, postedMessages } from "../../cli/post_batch.ts";
import type { HostMessage } from "../../cli/session_host.ts";

function batcher() {
  const sent: HostPost[] = [];
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const b = new PostBatcher({
    send: (p) => sent.push(p),
    later: (fn, ms) => {
      const t = { fn, ms, cancelled: false };
      timers.push(t);
      return () => (t.cancelled = true);
    },
    maxDelayMs: 50,
  });
  return { b, sent, timers };
}

const rec = (line: string): HostMessage => ({ type: "record", line });
const update = { type: "update", update: {} } as unknown as HostMessage;

Deno.test("record lines go out with the next message, in one post, in order", () => {
  const { b, sent, timers } = batcher();
  b.post(rec("run 1"));
  b.post(rec("run 2"));
  assert.equal(sent.length, 0, "held");
  b.post(update);
  assert.equal(sent.length, 1, "one post");
  assert.deepEqual(postedMessages(sent[0]), [rec("run 1"), rec("run 2"), update]);
  assert.equal(timers.length, 1);
  assert.equal(timers[0].cancelled, true, "the flush timer is cancelled once they went out");
});

Deno.test("a message with nothing held goes out alone, as itself", () => {
  const { b, sent, timers } = batcher();
  const result: HostMessage = { type: "result", id: 3, result: { ok: true } };
  b.post(result);
  assert.deepEqual(sent, [result]);
  assert.deepEqual(postedMessages(sent[0]), [result]);
  assert.equal(timers.length, 0);
});

Deno.test("lines nothing follows go out after the delay; the goodbye takes what is held", () => {
  const { b, sent, timers } = batcher();
  b.post(rec("mount fs1"));
  b.post(rec("run 4"));
  assert.equal(timers.length, 1, "one timer for the held lines");
  assert.equal(timers[0].ms, 50);
  timers[0].fn();
  assert.deepEqual(sent.map(postedMessages), [[rec("mount fs1"), rec("run 4")]]);

  b.post(rec("# run 9 cancelled after 3 of 9 ticks"));
  b.post({ type: "closed" });
  assert.deepEqual(postedMessages(sent[1]), [
    rec("# run 9 cancelled after 3 of 9 ticks"),
    { type: "closed" },
  ]);
});
