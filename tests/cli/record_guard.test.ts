/**
 * The dashboard's record file failing mid-session: recording stops on a whole line, the
 * dashboard says so (status, event, header), and the session goes on.
 */
import assert from "node:assert/strict";
import { RecordGuard } from "../../cli/record_guard.ts";
import { LocalSessionPort } from "../../cli/local_port.ts";
import { CommandSession, ScriptRecorder } from "../../src/command/mod.ts";
import { Simulation } from "../../src/simulation.ts";
import { Controller } from "../../tui/controller.ts";
import { keyPresses } from "../../tui/input.ts";
import { settle } from "../tui/helpers.tsx";

Deno.test("a record write failing mid-session stops the recording on a whole line and says so", async () => {
  // A sink with room for 120 bytes, like a nearly full disk: a write that does not fit fails
  // and leaves nothing of itself (what RecordFile does by cutting back to the last line).
  let file = "";
  const sink = {
    append(text: string) {
      if (file.length + text.length > 120) throw new Error("No space left on device (os error 28)");
      file += text;
    },
  };
  const recorder = new ScriptRecorder(sink, "test recording");
  const guard = new RecordGuard((line) => recorder.push(line));
  // The session records its first lines (regime, seed, options) before the port exists.
  const early: string[] = [];
  let forward = (line: string): void => void early.push(line);
  const session = new CommandSession(new Simulation({ seed: 7 }), {
    record: (line) => forward(line),
  });
  const port = new LocalSessionPort(session, { record: guard.record });
  forward = port.recordLine;
  early.forEach(forward);
  const ctl = new Controller({
    port: guard.port(port),
    snapshot: session.sim.snapshot(),
    paused: true,
    record: "session.tmem",
  });
  for (let i = 0; i < 12; i++) {
    ctl.keys(keyPresses("m"));
    await settle(port);
  }
  assert.ok(guard.stopped, "the write failure was seen");
  assert.ok(file.endsWith("\n"), "the file ends on a whole line");
  const lines = file.split("\n").filter((l) => l && !l.startsWith("#"));
  assert.deepEqual(lines.slice(0, 2), ["regime deferred", "seed 7"]);
  const mounts = lines.filter((l) => l.startsWith("mount"));
  assert.ok(mounts.length >= 1 && mounts.length < 12, `some mounts recorded: ${mounts.length}`);
  assert.deepEqual(mounts, mounts.map((_, i) => `mount fs${i + 1}`), "in order, none cut");
  // The session went on: twelve filesystems mounted.
  assert.equal(session.sim.mountedNames().length, 12);
  // The dashboard said it, once, in the event log and the header's record label.
  const errors = ctl.view.events.events.filter((e) => e.kind === "error");
  assert.equal(errors.length, 1);
  assert.match(errors[0].text, /recording stopped: .*No space left/);
  assert.match(ctl.view.record!, /stopped \(write failed\)/);
});
