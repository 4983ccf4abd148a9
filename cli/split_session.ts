/**
 * The split view's simulation: one command session per regime (eager,
 * fake-poolid, deferred), same seed and options, driven in lockstep as one
 * `HostSession`. Every line runs on the three in turn before the next line or
 * tick, so a key acts on all three at the same tick and their clocks never
 * drift apart. Runs in the session worker (`session_worker.ts`, `split: true`),
 * off the UI thread like the single session.
 */
import type { SimulationOptions } from "../src/simulation.ts";
import {
  type CommandSession,
  createSession,
  DEFAULT_HISTORY_LIMIT,
  mergeRun,
} from "../src/command/mod.ts";
import { REGIMES } from "../src/regime.ts";
import type { Snapshot } from "../src/snapshot.ts";
import type { ExecResult } from "../src/session_port.ts";
import type { HostSession } from "./session_host.ts";

/** Lines of a recorded session the split does not replay (it sets its own regime and seed). */
const SETUP_LINE = /^\s*(regime|seed)\b/;

export class SplitSession implements HostSession {
  readonly sessions: readonly CommandSession[];
  #cache: Snapshot[] | null = null;

  constructor(options: SimulationOptions) {
    this.sessions = REGIMES.map((regime) => createSession({ simulation: { ...options, regime } }));
  }

  /** The three snapshots, in `REGIMES` order (taken once per change). */
  snapshots(): Snapshot[] {
    this.#cache ??= this.sessions.map((s) => s.snapshot());
    return this.#cache;
  }

  /** Intents resolve against the last regime's state (names and types are the same in all three). */
  readonly sim = {
    snapshot: (): Snapshot => this.snapshots()[this.sessions.length - 1],
    nextFreeType: (): number | null => this.sessions[0].sim.nextFreeType(),
  };

  /** Replay a recorded session's lines (its regime and seed lines left out) in all three. */
  replay(lines: readonly string[]): ExecResult[] {
    const failed: ExecResult[] = [];
    for (const line of lines) {
      if (SETUP_LINE.test(line)) continue;
      const r = this.execute(line);
      if (!r.ok) failed.push({ ...r, error: `${line}: ${r.error}` });
    }
    return failed;
  }

  /** Run `line` in every regime; one result saying where it failed or what each printed. */
  execute(line: string): ExecResult {
    this.#cache = null;
    const rs = this.sessions.map((s) => s.execute(line));
    return combine(rs);
  }
}

/** One result for the three: ok when all are; texts and errors named by regime where they differ. */
export function combine(
  rs: readonly { ok: boolean; cmd?: string; text?: string; error?: string; quit?: boolean }[],
): ExecResult {
  const out: ExecResult = { ok: rs.every((r) => r.ok) };
  const cmd = rs.find((r) => r.cmd)?.cmd;
  if (cmd !== undefined) out.cmd = cmd;
  if (rs.some((r) => r.quit)) out.quit = true;
  const texts = rs.map((r) => r.text?.trimEnd() ?? "");
  if (texts.some((t) => t)) {
    out.text = same(texts)
      ? texts[0]
      : texts.flatMap((t, i) =>
        t.includes("\n") ? [`── ${REGIMES[i]}`, t] : [`${REGIMES[i]}: ${t || "-"}`]
      ).join("\n");
  }
  if (!out.ok) {
    const errs = rs.map((r) => (r.ok ? "ok" : (r.error ?? "failed").replace(/^line \d+: /, "")));
    out.error = same(errs) ? errs[0] : errs.map((e, i) => `${REGIMES[i]}: ${e}`).join("; ");
  }
  return out;
}

function same(xs: readonly string[]): boolean {
  return xs.every((x) => x === xs[0]);
}

/**
 * The single session's command lines as its worker records them (runs merged),
 * kept so the split view can replay the session so far; bounded like the
 * session's own history (past the bound, null: the split starts afresh).
 */
export class ReplayLog {
  #lines: string[] | null = [];

  constructor(readonly limit = DEFAULT_HISTORY_LIMIT) {}

  push(line: string): void {
    if (this.#lines === null) return;
    mergeRun(this.#lines, line);
    if (this.#lines.length > this.limit) this.#lines = null;
  }

  /** The lines so far, or null once past the bound. */
  lines(): readonly string[] | null {
    return this.#lines ? [...this.#lines] : null;
  }
}
