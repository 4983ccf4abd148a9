/**
 * The dashboard's session in a real Worker: start-up, requests, a long run
 * cancelled from this thread while the worker is busy, record lines handed
 * over in order, and close() never depending on the worker answering.
 */
import assert from "node:assert/strict";
import { type WorkerLike, WorkerSessionPort } from "../../cli/session_client.ts";
import type { SessionUpdate } from "../../src/session_port.ts";

function nextUpdate(port: WorkerSessionPort, ok: (u: SessionUpdate) => boolean) {
  return new Promise<SessionUpdate>((resolve) => port.onUpdate((u) => ok(u) && resolve(u)));
}

Deno.test({
  name: "worker: the default scenario, a key's intent, a long run cancelled while busy, records",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const records: string[] = [];
    const port = new WorkerSessionPort({
      regime: "deferred",
      seed: 5,
      record: (l) => records.push(l),
    });
    try {
      port.setClock({ speed: 10, paused: true, rate: 10 });
      const first = await nextUpdate(port, () => true);
      assert.deepEqual(first.snapshot.superblocks.map((s) => s.name), ["root", "home", "gfs2"]);
      const r = await port.send({ intent: "mount-next" });
      assert.equal(r.ok, true);
      const job = port.send({ line: "run 1000000" });
      const busy = await nextUpdate(port, (u) => (u.progress?.done ?? 0) > 0);
      assert.equal(busy.progress?.total, 1000000);
      port.cancel();
      const done = await job;
      assert.ok(done.cancelled && done.cancelled.done > 0 && done.cancelled.done < 1000000);
      const after = await port.send({ line: "stats" });
      assert.equal(after.ok, true);
      assert.deepEqual(records.slice(0, 2), ["regime deferred", "seed 5"]);
      assert.ok(records.includes("mount fs1"));
      const ran = records.filter((l) => /^run \d+$/.test(l)).reduce(
        (a, l) => a + Number(l.slice(4)),
        0,
      );
      assert.equal(ran, done.cancelled.done);
      assert.equal(
        records.at(-1),
        `# run 1000000 cancelled after ${done.cancelled.done} of 1000000 ticks`,
      );
    } finally {
      await port.close();
    }
  },
});

Deno.test({
  name: "worker: close during a long run resolves, the pending request is answered",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const port = new WorkerSessionPort({ regime: "deferred", seed: 5 });
    port.setClock({ speed: 10, paused: true, rate: 10 });
    const job = port.send({ line: "run 1000000" });
    await nextUpdate(port, (u) => (u.progress?.done ?? 0) > 0);
    await port.close();
    const r = await job;
    assert.equal(r.ok, false);
  },
});

Deno.test("close() does not wait for a worker that never answers", async () => {
  let terminated = false;
  const silent: WorkerLike = {
    postMessage() {},
    terminate() {
      terminated = true;
    },
    onmessage: null,
  };
  const port = new WorkerSessionPort({
    regime: "deferred",
    seed: 1,
    spawn: () => silent,
    closeWaitMs: 20,
  });
  const pending = port.send({ line: "run 5" });
  await port.close();
  assert.equal(terminated, true);
  assert.deepEqual(await pending, { ok: false, error: "the session is closed" });
});
