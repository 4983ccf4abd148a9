/** The shared context (src/sim/context.ts): stamps and the event log. */
import assert from "node:assert/strict";
import { SimContext } from "../../src/sim/context.ts";
import { IntegrityOracle } from "../../src/integrity.ts";
import { EventLog } from "../../src/event_log.ts";

Deno.test("stamps grow by one; events carry the tick", () => {
  const ctx = new SimContext(new IntegrityOracle(), new EventLog(4));
  assert.equal(ctx.nextStamp(), 1);
  assert.equal(ctx.nextStamp(), 2);
  ctx.tick = 7;
  ctx.log("info", "hello");
  assert.deepEqual(ctx.events.newestFirst(), [{ tick: 7, kind: "info", text: "hello", seq: 0 }]);
  assert.equal(ctx.page.length, 4096);
});
