/**
 * Runs every scenario script in tests/scenarios/ and requires every `expect`
 * line to pass. A line ending in a `#! error` comment must be refused (and
 * only those). A script without a `regime` line runs in all three regimes.
 * Each script runs in-process through `CommandSession`, and once as a
 * subprocess of mod.ts with --json.
 */
import assert from "node:assert/strict";
import { Simulation } from "../src/simulation.ts";
import { REGIMES } from "../src/regime.ts";
import {
  type CommandResult,
  CommandSession,
  ScriptRunner,
  splitScript,
} from "../src/command/mod.ts";

const DIR = new URL("./scenarios/", import.meta.url);
const files = [...Deno.readDirSync(DIR)]
  .filter((e) => e.isFile && e.name.endsWith(".tmem"))
  .map((e) => e.name)
  .sort();

interface Scenario {
  name: string;
  text: string;
  lines: string[];
  /** 1-based numbers of lines that must be refused. */
  errorLines: number[];
  /** 1-based numbers of `expect` lines. */
  expectLines: number[];
  regimes: readonly string[];
}

function load(name: string): Scenario {
  const text = Deno.readTextFileSync(new URL(name, DIR));
  const lines = splitScript(text).map((l) => l.text);
  const errorLines: number[] = [];
  const expectLines: number[] = [];
  let hasRegime = false;
  lines.forEach((l, i) => {
    if (/#!\s*error\b/.test(l)) errorLines.push(i + 1);
    if (/^\s*expect\s/.test(l)) expectLines.push(i + 1);
    if (/^\s*regime\s/.test(l)) hasRegime = true;
  });
  return {
    name,
    text,
    lines,
    errorLines,
    expectLines,
    regimes: hasRegime ? ["deferred"] : REGIMES,
  };
}

const scenarios = files.map(load);

Deno.test("the scenario directory covers what the issue asks for", () => {
  const names = scenarios.map((s) => s.name);
  for (
    const want of [
      "eager.tmem",
      "fake-poolid.tmem",
      "deferred.tmem",
      "register-order.tmem",
      "fake-poolid-33-mounts.tmem",
      "unregister-frontswap.tmem",
      "content-classes.tmem",
      "pool-limits.tmem",
      // issue #14: the real backends
      "behaviour-8-private-pools.tmem",
      "zcache-16th-init-fs.tmem",
      "zswap-alone-cleancache-pending.tmem",
      "zswap-soft-limit-reclaim.tmem",
      "zswap-reject-hysteresis.tmem",
    ]
  ) {
    assert.ok(names.includes(want), `missing scenario ${want}`);
  }
  for (const s of scenarios) assert.ok(s.expectLines.length > 0, `${s.name} has no expect line`);
});

for (const sc of scenarios) {
  for (const regime of sc.regimes) {
    Deno.test(`scenario ${sc.name} (${regime}, in-process): every expect passes`, () => {
      const results: CommandResult[] = [];
      const session = new CommandSession(
        new Simulation({ regime: regime as "deferred", seed: 1 }),
      );
      const runner = new ScriptRunner(session, { out: () => {}, err: () => {} });
      const orig = runner.print.bind(runner);
      runner.print = (r) => {
        results.push(r);
        orig(r);
      };
      for (const l of sc.lines) runner.runLine(l);
      const failed = results.filter((r) => r.expectFailed).map((r) => r.text);
      assert.deepEqual(failed, [], `failed expects in ${sc.name}`);
      const expects = results.filter((r) => r.cmd === "expect" && r.ok);
      assert.equal(expects.length, sc.expectLines.length, "every expect line was evaluated");
      const errors = results.filter((r) => r.error !== undefined).map((r) => r.line);
      assert.deepEqual(
        errors,
        sc.errorLines,
        results.filter((r) => r.error).map((r) => r.error).join("\n"),
      );
      assert.equal(runner.exitStatus(), sc.errorLines.length ? 2 : 0);
    });
  }
}

for (const sc of scenarios) {
  Deno.test(`scenario ${sc.name} (subprocess, --json): exit status and JSON expects`, async () => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-env",
        "--allow-read",
        "--allow-write",
        "mod.ts",
        "--json",
        "--script",
        `tests/scenarios/${sc.name}`,
      ],
      cwd: new URL("..", import.meta.url),
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(stderr, "", "JSON mode writes errors to stdout");
    const objs = stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    const expects = objs.filter((o) => o.cmd === "expect");
    assert.equal(expects.length, sc.expectLines.length);
    assert.deepEqual(expects.map((o) => o.line), sc.expectLines);
    assert.deepEqual(expects.filter((o) => !o.pass), []);
    assert.deepEqual(objs.filter((o) => o.error !== undefined).map((o) => o.line), sc.errorLines);
    assert.equal(out.code, sc.errorLines.length ? 2 : 0);
  });
}
