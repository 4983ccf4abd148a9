/**
 * The command table: every command of the script language is one
 * `CommandSpec` entry here (word, usage and help, parse, canonical form,
 * execute with its text and JSON output, whether it changes state, what
 * `compare` does with it). The parser (`parse.ts`), the session
 * (`session.ts`), `help` and `--help`, the recorder and compare all read
 * this table; adding a command is adding one entry to `COMMANDS`.
 */
import { type Regime, REGIMES } from "../regime.ts";
import type { ContentClass } from "../content.ts";
import {
  BACKEND_KINDS,
  type BackendKind,
  type BackendOptions,
  formatBackendOptions,
  parseBackendOptions,
  registerHelp,
} from "../backends/catalog.ts";
import { WORKLOAD_NAMES, type WorkloadName, type WorkloadParams } from "../workload.ts";
import {
  fail,
  noMore,
  PARSE_LIMITS,
  parseChoice,
  parseClass,
  parseName,
  parseOnOff,
  parseOptions,
  parseParamValue,
  parseType,
  parseUint,
  withoutComment,
} from "./args.ts";
import {
  COMPARE_OPS,
  type CompareOp,
  type ExpectValue,
  formatExpectValue,
  parseExpectValue,
} from "./expect.ts";
import type { AnyCommand, CommandSpec, Outcome, SimulationFlags } from "./spec.ts";
import { SimError } from "../errors.ts";
import { evaluateExpect, statsOf } from "./stats.ts";
import { formatCompareText, formatStatsText } from "./output.ts";
import { quote } from "./text.ts";

/** Typing help: an entry of the table with its command type `C`. */
function command<C extends AnyCommand>(spec: CommandSpec<C>): CommandSpec<C> {
  return spec;
}

/** A command that is just its word (`stats`, `audit`...). */
type Bare<K extends string> = { kind: K };

function bare<K extends string>(word: K) {
  return (t: readonly string[]): Bare<K> => {
    noMore(t, 1);
    return { kind: word };
  };
}

/** The text of a command with a result: `get home 1 2: hit`. */
function withResult<C extends AnyCommand>(
  spec: { format(c: C): string },
  cmd: C,
  result: NonNullable<Outcome["result"]>,
): Outcome {
  return { result, text: `${spec.format(cmd)}: ${result}` };
}

/** A file page: NAME INO INDEX. */
type PageAddress = { name: string; ino: number; index: number };

function parsePage(t: readonly string[]): PageAddress {
  return {
    name: parseName(t[1]),
    ino: parseUint(t[2], "INO", PARSE_LIMITS.ino),
    index: parseUint(t[3], "INDEX", PARSE_LIMITS.index),
  };
}

const regime = command<{ kind: "regime"; regime: Regime }>({
  word: "regime",
  usage: [[
    `regime ${REGIMES.join("|")}`,
    "choose the regime (only before the first mount/swapon)",
  ]],
  changesState: true,
  setup: true,
  compare: "skip",
  parse(t) {
    const r = parseChoice(t[1], "regime", REGIMES);
    noMore(t, 2);
    return { kind: "regime", regime: r };
  },
  format: (c) => `regime ${c.regime}`,
  execute(c, { sim }) {
    sim.setRegime(c.regime);
    return {};
  },
});

const seed = command<{ kind: "seed"; seed: number }>({
  word: "seed",
  usage: [["seed N", "reseed the PRNG the workloads use"]],
  changesState: true,
  setup: true,
  compare: "replay",
  parse(t) {
    const seed = parseUint(t[1], "N", PARSE_LIMITS.seed);
    noMore(t, 2);
    return { kind: "seed", seed };
  },
  format: (c) => `seed ${c.seed}`,
  execute(c, { sim }) {
    sim.setSeed(c.seed);
    return {};
  },
});

/** `options` keys and the simulation flags they set, in canonical order. */
const OPTION_KEYS: readonly (readonly [string, keyof SimulationFlags])[] = [
  ["writethrough", "writethrough"],
  ["exclusive-loads", "exclusiveLoads"],
];

const options = command<{ kind: "options" } & Partial<SimulationFlags>>({
  word: "options",
  usage: [[
    "options [writethrough=on|off] [exclusive-loads=on|off]",
    "frontswap writethrough / exclusive loads (only before anything else ran)",
  ]],
  changesState: true,
  setup: true,
  compare: "replay",
  parse(t) {
    const keys = OPTION_KEYS.map(([k]) => k);
    const pairs = parseOptions(t.slice(1), keys);
    if (pairs.length === 0) fail(`missing KEY=VALUE (known: ${keys.join(", ")})`);
    const cmd: { kind: "options" } & Partial<SimulationFlags> = { kind: "options" };
    for (const [key, flag] of OPTION_KEYS) {
      const pair = pairs.find(([k]) => k === key);
      if (pair) cmd[flag] = parseOnOff(pair[1], key);
    }
    return cmd;
  },
  format(c) {
    const parts = ["options"];
    for (const [key, flag] of OPTION_KEYS) {
      if (c[flag] !== undefined) parts.push(`${key}=${c[flag] ? "on" : "off"}`);
    }
    return parts.join(" ");
  },
  execute(c, ctx) {
    if (!ctx.pristine) {
      throw new SimError(
        "can only be set before the first mount, swapon, register, workload or run",
      );
    }
    const { kind: _kind, ...given } = c;
    ctx.rebuild({ ...ctx.simulationOptions, ...given });
    return {};
  },
});

/** The `options` line that sets every simulation flag to `flags` (record headers). */
export function optionsLine(flags: SimulationFlags): string {
  return options.format({ kind: "options", ...flags });
}

const mount = command<{ kind: "mount"; name: string; uuid?: string }>({
  word: "mount",
  usage: [["mount NAME [shared=UUID]", "cleancache init_fs / init_shared_fs"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const name = parseName(t[1]);
    const opts = parseOptions(t.slice(2), ["shared"]);
    if (opts.length === 0) return { kind: "mount", name };
    return { kind: "mount", name, uuid: parseName(opts[0][1], "UUID") };
  },
  format: (c) => c.uuid === undefined ? `mount ${c.name}` : `mount ${c.name} shared=${c.uuid}`,
  execute(c, { sim }) {
    sim.mount(c.name, c.uuid === undefined ? undefined : { uuid: c.uuid });
    return {};
  },
});

const umount = command<{ kind: "umount"; name: string }>({
  word: "umount",
  usage: [["umount NAME", "cleancache invalidate_fs"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const name = parseName(t[1]);
    noMore(t, 2);
    return { kind: "umount", name };
  },
  format: (c) => `umount ${c.name}`,
  execute(c, { sim }) {
    sim.umount(c.name);
    return {};
  },
});

const swapon = command<{ kind: "swapon"; type: number; slots?: number }>({
  word: "swapon",
  usage: [["swapon TYPE [slots=N]", "enable swap type 0..31 (frontswap init)"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const type = parseType(t[1]);
    const opts = parseOptions(t.slice(2), ["slots"]);
    if (opts.length === 0) return { kind: "swapon", type };
    return { kind: "swapon", type, slots: parseUint(opts[0][1], "slots", PARSE_LIMITS.slots, 1) };
  },
  format: (c) => c.slots === undefined ? `swapon ${c.type}` : `swapon ${c.type} slots=${c.slots}`,
  execute(c, { sim }) {
    sim.swapon(c.type, c.slots);
    return {};
  },
});

const swapoff = command<{ kind: "swapoff"; type: number }>({
  word: "swapoff",
  usage: [["swapoff TYPE", "disable a swap type (frontswap invalidate_area)"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const type = parseType(t[1]);
    noMore(t, 2);
    return { kind: "swapoff", type };
  },
  format: (c) => `swapoff ${c.type}`,
  execute(c, { sim }) {
    sim.swapoff(c.type);
    return {};
  },
});

const register = command<{ kind: "register"; backend: BackendKind; options: BackendOptions }>({
  word: "register",
  usage: [[`register ${BACKEND_KINDS.join("|")} [KEY=VALUE ...]`, registerHelp()]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const backend = parseChoice(t[1], "backend", BACKEND_KINDS);
    // options are parsed and validated by the backend catalog; only those given are kept
    const pairs = parseOptions(t.slice(2), null);
    const resolved = parseBackendOptions(backend, pairs);
    if (typeof resolved === "string") fail(resolved);
    const options: BackendOptions = {};
    for (const [k] of pairs) options[k] = resolved[k];
    return { kind: "register", backend, options };
  },
  format(c) {
    const opts = formatBackendOptions(c.backend, c.options);
    return opts ? `register ${c.backend} ${opts}` : `register ${c.backend}`;
  },
  execute(c, { sim }) {
    // a result line when the registration stacked, was partly refused or overrode a backend
    const r = sim.register(c.backend, c.options);
    return r.note === null ? {} : { text: `register ${c.backend}: ${r.note}` };
  },
});

const unregister = command<{ kind: "unregister"; name?: string }>({
  word: "unregister",
  usage: [[
    "unregister [NAME]",
    "unregister the newest backend, or the one named (its frontswap pages written back)",
  ]],
  changesState: true,
  compare: "replay",
  parse(t) {
    if (t.length === 1) return { kind: "unregister" };
    const name = parseName(t[1]);
    noMore(t, 2);
    return { kind: "unregister", name };
  },
  format: (c) => (c.name === undefined ? "unregister" : `unregister ${c.name}`),
  execute(c, { sim }) {
    sim.unregister(c.name);
    return {};
  },
});

type PageWrite<K extends string> = PageAddress & { kind: K; cls: ContentClass };

function parsePageWrite<K extends string>(kind: K, t: readonly string[]): PageWrite<K> {
  const page = parsePage(t);
  const cls = parseClass(t[4]);
  noMore(t, 5);
  return { kind, ...page, cls };
}

const put = command<PageWrite<"put">>({
  word: "put",
  usage: [["put NAME INO INDEX [CLASS]", "write a new page version and cleancache-put it"]],
  changesState: true,
  compare: "replay",
  parse: (t) => parsePageWrite("put", t),
  format: (c) => `put ${c.name} ${c.ino} ${c.index} ${c.cls}`,
  execute(c, { sim }): Outcome {
    const reached = sim.putReported(c.name, c.ino, c.index, c.cls);
    // --json: as for a store, the backend the put reached, the compressed length, why refused
    return reached
      ? { data: { backend: reached.backend, clen: reached.clen, reason: reached.reason } }
      : {};
  },
});

const write = command<PageWrite<"write">>({
  word: "write",
  usage: [["write NAME INO INDEX [CLASS]", "write a new version to disk (stale copy invalidated)"]],
  changesState: true,
  compare: "replay",
  parse: (t) => parsePageWrite("write", t),
  format: (c) => `write ${c.name} ${c.ino} ${c.index} ${c.cls}`,
  execute(c, { sim }) {
    sim.write(c.name, c.ino, c.index, c.cls);
    return {};
  },
});

const get = command<PageAddress & { kind: "get" }>({
  word: "get",
  usage: [["get NAME INO INDEX", "cleancache get -> hit | miss"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const page = parsePage(t);
    noMore(t, 4);
    return { kind: "get", ...page };
  },
  format: (c) => `get ${c.name} ${c.ino} ${c.index}`,
  execute(c, { sim }): Outcome {
    return withResult(get, c, sim.get(c.name, c.ino, c.index));
  },
});

const invalidate = command<{ kind: "invalidate"; name: string; ino: number; index?: number }>({
  word: "invalidate",
  usage: [["invalidate NAME INO [INDEX]", "invalidate a page, or the whole inode"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const name = parseName(t[1]);
    const ino = parseUint(t[2], "INO", PARSE_LIMITS.ino);
    if (t[3] === undefined) return { kind: "invalidate", name, ino };
    const index = parseUint(t[3], "INDEX", PARSE_LIMITS.index);
    noMore(t, 4);
    return { kind: "invalidate", name, ino, index };
  },
  format: (c) =>
    c.index === undefined
      ? `invalidate ${c.name} ${c.ino}`
      : `invalidate ${c.name} ${c.ino} ${c.index}`,
  execute(c, { sim }) {
    sim.invalidate(c.name, c.ino, c.index);
    return {};
  },
});

const deleteFile = command<{ kind: "delete"; name: string; ino: number }>({
  word: "delete",
  usage: [["delete NAME INO", "delete a file (inode invalidated, pages dropped from disk)"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const name = parseName(t[1]);
    const ino = parseUint(t[2], "INO", PARSE_LIMITS.ino);
    noMore(t, 3);
    return { kind: "delete", name, ino };
  },
  format: (c) => `delete ${c.name} ${c.ino}`,
  execute(c, { sim }) {
    sim.deleteFile(c.name, c.ino);
    return {};
  },
});

/** A swap slot: TYPE OFFSET. */
type SwapSlot = { type: number; offset: number };

function parseSlot(t: readonly string[]): SwapSlot {
  return { type: parseType(t[1]), offset: parseUint(t[2], "OFFSET", PARSE_LIMITS.offset) };
}

const store = command<SwapSlot & { kind: "store"; cls: ContentClass }>({
  word: "store",
  usage: [["store TYPE OFFSET [CLASS]", "frontswap store -> stored | rejected"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const slot = parseSlot(t);
    const cls = parseClass(t[3]);
    noMore(t, 4);
    return { kind: "store", ...slot, cls };
  },
  format: (c) => `store ${c.type} ${c.offset} ${c.cls}`,
  execute(c, { sim }): Outcome {
    const { value, reached } = sim.storeReported(c.type, c.offset, c.cls);
    const out = withResult(store, c, value);
    // --json: the backend the store reached, the compressed length, and why it was refused
    if (reached) {
      out.data = { backend: reached.backend, clen: reached.clen, reason: reached.reason };
    }
    return out;
  },
});

const load = command<SwapSlot & { kind: "load" }>({
  word: "load",
  usage: [["load TYPE OFFSET", "frontswap load -> hit | miss (a miss reads the disk)"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const slot = parseSlot(t);
    noMore(t, 3);
    return { kind: "load", ...slot };
  },
  format: (c) => `load ${c.type} ${c.offset}`,
  execute(c, { sim }): Outcome {
    return withResult(load, c, sim.load(c.type, c.offset));
  },
});

const free = command<SwapSlot & { kind: "free" }>({
  word: "free",
  usage: [["free TYPE OFFSET", "free a swap slot (frontswap invalidate_page)"]],
  changesState: true,
  compare: "replay",
  parse(t) {
    const slot = parseSlot(t);
    noMore(t, 3);
    return { kind: "free", ...slot };
  },
  format: (c) => `free ${c.type} ${c.offset}`,
  execute(c, { sim }) {
    sim.free(c.type, c.offset);
    return {};
  },
});

const workload = command<
  | { kind: "workload"; action: "start"; workload: WorkloadName; params: WorkloadParams }
  | { kind: "workload"; action: "stop"; workload: WorkloadName | "all" }
>({
  word: "workload",
  usage: [
    [
      `workload start ${WORKLOAD_NAMES.join("|")} [KEY=VALUE ...]`,
      "start a workload generator",
    ],
    [`workload stop ${[...WORKLOAD_NAMES, "all"].join("|")}`, "stop workload generators"],
  ],
  changesState: true,
  compare: "replay",
  parse(t) {
    const action = t[1];
    if (action !== "start" && action !== "stop") {
      fail(
        action === undefined
          ? "missing start or stop"
          : `expected start or stop, got ${quote(action)}`,
      );
    }
    const name = t[2];
    const names = action === "stop" ? [...WORKLOAD_NAMES, "all"] : WORKLOAD_NAMES;
    if (name === undefined) fail(`missing workload name (${names.join("|")})`);
    if (!(names as readonly string[]).includes(name)) {
      fail(`unknown workload ${quote(name)} (known: ${names.join(", ")})`);
    }
    if (action === "stop") {
      noMore(t, 3);
      return { kind: "workload", action, workload: name as WorkloadName | "all" };
    }
    const params: WorkloadParams = {};
    for (const [k, v] of parseOptions(t.slice(3), null)) {
      if (!/^[\x21-\x7e]+$/.test(v)) fail(`bad value for ${k}: ${quote(v)}`);
      params[k] = parseParamValue(v);
    }
    return { kind: "workload", action, workload: name as WorkloadName, params };
  },
  format(c) {
    if (c.action === "stop") return `workload stop ${c.workload}`;
    const parts = [`workload start ${c.workload}`];
    for (const [k, v] of Object.entries(c.params)) parts.push(`${k}=${v}`);
    return parts.join(" ");
  },
  execute(c, { sim }) {
    if (c.action === "start") sim.startWorkload(c.workload, c.params);
    else sim.stopWorkload(c.workload);
    return {};
  },
});

const run = command<{ kind: "run"; ticks: number }>({
  word: "run",
  usage: [["run TICKS", "advance the simulation (1 tick = 100 ms)"]],
  changesState: true,
  compare: "replay",
  slow: true,
  parse(t) {
    const ticks = parseUint(t[1], "TICKS", PARSE_LIMITS.ticks);
    noMore(t, 2);
    return { kind: "run", ticks };
  },
  format: (c) => `run ${c.ticks}`,
  execute(c, { sim }) {
    sim.advance(c.ticks);
    return {};
  },
});

const stats = command<Bare<"stats">>({
  word: "stats",
  usage: [["stats", "print a snapshot of the counters"]],
  changesState: false,
  compare: "skip",
  parse: bare("stats"),
  format: () => "stats",
  execute(_c, { sim, host }) {
    const stats = statsOf(sim.snapshot(), host);
    return { stats, text: formatStatsText(stats) };
  },
});

const expect = command<{ kind: "expect"; path: string; op: CompareOp; value: ExpectValue }>({
  word: "expect",
  usage: [["expect PATH OP VALUE", "check a stats value; OP: == != < <= > >="]],
  changesState: false,
  compare: "skip",
  parse(t, body) {
    const path = t[1];
    if (path === undefined) fail("missing PATH");
    if (!/^[A-Za-z0-9_.:/@+-]+$/.test(path)) fail(`bad PATH ${quote(path)}`);
    const op = t[2];
    if (op === undefined) fail("missing OP (== != < <= > >=)");
    if (!(COMPARE_OPS as readonly string[]).includes(op)) {
      fail(`OP must be one of == != < <= > >=, got ${quote(op)}`);
    }
    if (t.length < 4) fail("missing VALUE");
    // The value is the rest of the line (a quoted string or a list may hold spaces).
    const m = /^expect[ \t]+\S+[ \t]+\S+[ \t]+(.*)$/.exec(withoutComment(body).trim());
    const valueText = m ? m[1] : t.slice(3).join(" ");
    return { kind: "expect", path, op: op as CompareOp, value: parseExpectValue(valueText) };
  },
  format: (c) => `expect ${c.path} ${c.op} ${formatExpectValue(c.value)}`,
  execute(c, { sim, line, host }): Outcome {
    const o = evaluateExpect(statsOf(sim.snapshot(), host), c.path, c.op, c.value);
    return {
      expectFailed: !o.pass,
      text: `line ${line}: ${expect.format(c)}: ${o.pass ? "ok" : "FAILED"} (${o.detail})`,
      data: {
        path: c.path,
        op: c.op,
        expected: c.value,
        actual: o.actual === undefined ? null : o.actual,
        pass: o.pass,
      },
    };
  },
});

const compare = command<Bare<"compare">>({
  word: "compare",
  usage: [["compare", "replay this session's commands in all three regimes, side by side"]],
  changesState: false,
  compare: "skip",
  slow: true,
  parse: bare("compare"),
  format: () => "compare",
  execute(_c, ctx) {
    const columns = ctx.compare();
    return {
      text: formatCompareText(columns),
      data: {
        regimes: REGIMES,
        columns: columns.map((c) => ({ regime: c.regime, errors: c.errors, stats: c.stats })),
      },
    };
  },
});

const audit = command<Bare<"audit">>({
  word: "audit",
  usage: [["audit", "run the full consistency audit"]],
  changesState: false,
  compare: "skip",
  parse: bare("audit"),
  format: () => "audit",
  execute(_c, { sim }) {
    const problems = sim.audit();
    return {
      text: problems.length
        ? `audit: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join("\n")}`
        : "audit: ok",
      data: { problems },
    };
  },
});

const help = command<Bare<"help">>({
  word: "help",
  usage: [["help", "list the commands"]],
  changesState: false,
  compare: "skip",
  parse: bare("help"),
  format: () => "help",
  execute() {
    const text = helpText();
    return { text, data: { text } };
  },
});

const quit = command<Bare<"quit">>({
  word: "quit",
  usage: [["quit", "end the session"]],
  changesState: false,
  compare: "replay",
  parse: bare("quit"),
  format: () => "quit",
  execute: () => ({ quit: true }),
});

/** Every command of the language, in the order `help` lists them. */
export const COMMANDS = [
  regime,
  seed,
  options,
  mount,
  umount,
  swapon,
  swapoff,
  register,
  unregister,
  put,
  write,
  get,
  invalidate,
  deleteFile,
  store,
  load,
  free,
  workload,
  run,
  stats,
  expect,
  compare,
  audit,
  help,
  quit,
] as const;

/** One parsed script line: the union of the table's command types. */
export type Command = (typeof COMMANDS)[number] extends infer S
  ? S extends CommandSpec<infer C> ? C : never
  : never;

const BY_WORD: ReadonlyMap<string, CommandSpec> = new Map(
  COMMANDS.map((s) => [s.word, s as unknown as CommandSpec]),
);

/** The spec of a command word, or undefined for a word the language does not have. */
export function specOfWord(word: string): CommandSpec | undefined {
  return BY_WORD.get(word);
}

/** The spec of a parsed command. */
export function specOf(cmd: AnyCommand): CommandSpec {
  const spec = BY_WORD.get(cmd.kind);
  if (!spec) throw new Error(`no command ${quote(cmd.kind)}`);
  return spec;
}

/**
 * The canonical one-line text of a command. `formatCommand(parseLine(x))`
 * is the canonical spelling of `x`; parsing it gives back an equal command.
 */
export function formatCommand(cmd: AnyCommand): string {
  return specOf(cmd).format(cmd);
}

/**
 * Whether a line starts with the word of a `slow` command (a cheap look at
 * the first word, for output flushing; the line is not parsed).
 */
export function isSlowLine(line: string): boolean {
  const word = /^[ \t]*([^ \t#]+)/.exec(line)?.[1];
  return word !== undefined && specOfWord(word)?.slow === true;
}

/** The usage forms of a word, joined for a parse error. */
export function usageOf(spec: CommandSpec): string {
  return spec.usage.map(([u]) => u).join(" | ");
}

/** The command list `help` and `--help` print: usage, then help, aligned. */
export function helpText(): string {
  const rows = COMMANDS.flatMap((s) => s.usage);
  const w = Math.max(...rows.map(([u]) => Math.min(u.length, 52)));
  return rows.map((
    [u, d],
  ) => (u.length > w ? `${u}\n${"".padEnd(w)}  ${d}` : `${u.padEnd(w)}  ${d}`))
    .join("\n");
}
