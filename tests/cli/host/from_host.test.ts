/**
 * cli/host/from_host.ts: `register zswap from=host` rewritten at the edge,
 * for the headless session (`hostExpander`) and for the dashboard's port
 * (`expandingPort`): the rewritten line is what reaches the session, the
 * host's notes follow its output, an error never reaches it.
 */
import assert from "node:assert/strict";
import { expandingPort, hostExpander } from "../../../cli/host/from_host.ts";
import { openHostSource } from "../../../cli/host/read.ts";
import type { Clock, ExecResult, Request, SessionPort } from "../../../src/session_port.ts";
import type { HostSnapshot } from "../../../src/host/snapshot.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;
const sample = (name: string) => openHostSource(FIXTURES + name).sample();

/** A port that records what it was sent and answers `ok` with a text. */
function recordingPort() {
  const sent: Request[] = [];
  const calls: string[] = [];
  const port: SessionPort = {
    send(req) {
      sent.push(req);
      return Promise.resolve({ ok: true, cmd: "register", text: "registered" } as ExecResult);
    },
    setClock: (c: Clock) => void calls.push(`clock ${c.speed}`),
    cancel: () => void calls.push("cancel"),
    onUpdate: () => void calls.push("onUpdate"),
    onNotice: () => void calls.push("onNotice"),
    close: () => (calls.push("close"), Promise.resolve()),
  };
  return { port, sent, calls };
}

Deno.test("hostExpander: the host's zswap parameters from the latest sample; other lines unchanged", async () => {
  let latest: HostSnapshot | null | undefined = await sample("zswap-6x-enabled");
  const expand = hostExpander(() => latest);
  assert.deepEqual(expand("mount a"), { line: "mount a", notes: [] });
  const x = expand("register zswap from=host limit=64");
  assert.ok(!("error" in x));
  assert.equal(
    x.line,
    "register zswap compressor=zstd allocator=zsmalloc max_pool_percent=20 full=reject " +
      "accept_threshold=90 same_filled=on limit=64",
  );
  latest = undefined; // the host view is off
  const off = expand("register zswap from=host");
  assert.ok("error" in off && /--host/.test(off.error), JSON.stringify(off));
});

Deno.test("expandingPort: sends the rewritten line and appends the host's notes to the output", async () => {
  const host = await sample("zswap-disabled");
  const { port, sent } = recordingPort();
  const p = expandingPort(port, hostExpander(() => host));
  const r = await p.send({ line: "register zswap from=host" });
  assert.equal(sent.length, 1);
  assert.match((sent[0] as { line: string }).line, /^register zswap allocator=zsmalloc /);
  assert.ok(r.ok);
  const lines = r.text!.split("\n");
  assert.equal(lines[0], "registered");
  assert.ok(lines.slice(1).every((l) => l.startsWith("note: ")), r.text);
  assert.match(r.text!, /note: .*compressor lzo is not simulated/);
});

Deno.test("expandingPort: an expansion error answers at once and sends nothing", async () => {
  const { port, sent } = recordingPort();
  const p = expandingPort(port, hostExpander(() => undefined));
  const r = await p.send({ line: "register zswap from=host" });
  assert.equal(r.ok, false);
  assert.equal(r.cmd, "register");
  assert.equal(r.error, "register: from=host needs the host view (--host or --host-root DIR)");
  assert.deepEqual(sent, []);
  const other = await p.send({ line: "register zcache from=host" });
  assert.match(other.error!, /only zswap takes the host's parameters/);
  assert.deepEqual(sent, []);
});

Deno.test("expandingPort: intents and lines without from=host pass through; the rest is delegated", async () => {
  const { port, sent, calls } = recordingPort();
  const p = expandingPort(port, hostExpander(() => null));
  await p.send({ intent: "mount-next" });
  await p.send({ line: "mount a # from=host is only a comment here" });
  assert.deepEqual(sent, [{ intent: "mount-next" }, {
    line: "mount a # from=host is only a comment here",
  }]);
  p.setClock({ speed: 7, paused: false, rate: 4 });
  p.cancel();
  p.onUpdate(() => {});
  p.onNotice(() => {});
  await p.close();
  assert.deepEqual(calls, ["clock 7", "cancel", "onUpdate", "onNotice", "close"]);
});
