/**
 * What one command of the script language is: a `CommandSpec` names its
 * word, usage and help line, reads its tokens into a typed command, spells
 * the command canonically, executes it against the simulation and says how
 * recording and `compare` treat it. The table of all specs is `table.ts`;
 * the parser, the session, the help text, the recorder and compare derive
 * everything from it. This file holds only the types they share.
 */
import type { HostSnapshot } from "../host/snapshot.ts";
import type { Simulation } from "../simulation.ts";
import type { Stats } from "./stats.ts";
import type { Regime } from "../regime.ts";

/** Any typed command: its `kind` is the command word. */
export interface AnyCommand {
  readonly kind: string;
}

/** What executing a command produced (besides the change to the simulation). */
export interface Outcome {
  /** `get`/`load` -> hit | miss, `store` -> stored | rejected. */
  result?: "hit" | "miss" | "stored" | "rejected";
  /** The stats object, for `stats`. */
  stats?: Stats;
  /** Set on `expect`: true when the check failed. */
  expectFailed?: boolean;
  /** Set on `quit`. */
  quit?: boolean;
  /** Human-readable output (several lines for `stats`, `compare`, `help`). */
  text?: string;
  /** Extra fields of the JSON form (`expect` details, `compare` columns). */
  data?: Record<string, unknown>;
}

/** One regime's column of a comparison. */
export interface CompareColumn {
  regime: Regime;
  stats: Stats;
  /** Lines that were in error in this regime. */
  errors: number;
  /** The error results, in order. */
  errorResults: CommandResult[];
}

/** The outcome of one line. `text` or `error` set means the line produced output. */
export interface CommandResult extends Outcome {
  /** Script line number (1-based). */
  line: number;
  /** The command word (`get`, `workload`...), "" for a blank line, comment or unknown word. */
  cmd: string;
  ok: boolean;
  /** One line, starting with `line N: `. */
  error?: string;
  /** The parsed command, when the line parsed. */
  command?: AnyCommand;
}

/** What a command's `execute` may use besides the simulation. */
export interface ExecContext {
  /** The current simulation. */
  readonly sim: Simulation;
  /** The line number, for messages. */
  readonly line: number;
  /**
   * True while only setup commands (`regime`, `seed`, `options`) ran on a
   * simulation that was pristine when the session got it.
   */
  readonly pristine: boolean;
  /** Frontswap options of the simulation (`options` reads and changes them). */
  readonly simulationOptions: Readonly<SimulationFlags>;
  /** Rebuild the (pristine) simulation with other options, same regime and seed. */
  rebuild(options: SimulationFlags): void;
  /** Run the session's history in every regime (throws `SimError` when it cannot). */
  compare(): CompareColumn[];
  /** The host's view (`stats` shows it): undefined when the host source is off. */
  readonly host: HostSnapshot | null | undefined;
}

/** The result-changing options of a simulation that are not commands of their own. */
export interface SimulationFlags {
  writethrough: boolean;
  exclusiveLoads: boolean;
}

/** How `compare` treats a command it finds in a script or history. */
export type CompareRole =
  /** Run it in every regime. */
  | "replay"
  /** Leave it out: the regime is imposed, checks and output are per regime. */
  | "skip";

/** One command of the language. `C` is its typed form. */
export interface CommandSpec<C extends AnyCommand = AnyCommand> {
  /** The first word of the line; also the `kind` of `C` and the `cmd` of results. */
  readonly word: C["kind"];
  /** `[usage, help]` lines as `help` lists them; parse errors quote the usages. */
  readonly usage: readonly (readonly [string, string])[];
  /** Whether it changes the simulation (and so is recorded and replayed). */
  readonly changesState: boolean;
  /** Setup commands may run on a pristine simulation without making it used. */
  readonly setup?: boolean;
  /** What `compare` does with it. */
  readonly compare: CompareRole;
  /** It may run for long (`run`, `compare`): output waiting before it is written out first. */
  readonly slow?: boolean;
  /** Read the tokens (`tokens[0]` is the word; `body` the line without comment). */
  parse(tokens: readonly string[], body: string): C;
  /** The canonical one-line text; parsing it gives back an equal command. */
  format(cmd: C): string;
  /** Execute it; throw `SimError` to refuse (the simulation must then be unchanged). */
  execute(cmd: C, ctx: ExecContext): Outcome;
}
