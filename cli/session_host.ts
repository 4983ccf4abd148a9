/**
 * The dashboard's simulation side: owns the command session and runs it on
 * its own clock, off the UI thread (`session_worker.ts` runs it in a Worker).
 *
 * - Requests from the UI are executed in arrival order; intents ("mount the
 *   next filesystem", "swapon the next free type", "stop/start the workloads")
 *   are resolved here against the current state, so keys pressed faster than
 *   snapshots arrive still each act (three `m` make three mounts).
 * - `run N` becomes a job done in small chunks (`run k` through the session,
 *   so the record holds exactly the ticks done). Between slices the host
 *   yields, so requests arriving meanwhile act at once; a cancel flag (shared
 *   memory, checked between chunks) stops it; the ticks done are kept and a
 *   comment line in the record says so.
 * - The live clock advances `speed` ticks per second while no job runs; when
 *   the simulation cannot keep up, the backlog beyond one second is dropped
 *   and updates report `behind` (wanted / achieved speed).
 * - Updates (snapshot, progress, behind) go out after every request and at
 *   most `rate` times per second otherwise, and only when something changed.
 *
 * Every state change goes through `CommandSession.execute`, whose record
 * callback the host forwards as `record` messages: the UI thread stays the
 * only writer of the record file.
 */
import type { Snapshot } from "../src/snapshot.ts";
import type { Clock, ExecResult, Progress, Request, SessionUpdate } from "../src/session_port.ts";

/** What the host needs of a `CommandSession`. */
export interface HostSession {
  execute(line: string): ExecResult;
  readonly sim: { snapshot(): Snapshot; nextFreeType(): number | null };
  /** Several regimes in lockstep (the split view): their snapshots, sent with every update. */
  snapshots?(): Snapshot[];
}

/** Messages from the UI side. */
export type ClientMessage =
  | { type: "request"; id: number; req: Request }
  | { type: "clock"; clock: Clock }
  | { type: "close" };

/** Messages to the UI side. */
export type HostMessage =
  | { type: "result"; id: number; result: ExecResult }
  | { type: "update"; update: SessionUpdate }
  | { type: "record"; line: string }
  | { type: "closed" };

/** Values of the shared cancel flag (index 0). */
export const FLAG_NONE = 0;
export const FLAG_CANCEL = 1;
export const FLAG_CLOSE = 2;

export interface HostEnv {
  /** Wall clock, ms. */
  now(): number;
  post(msg: HostMessage): void;
  /** Call `fn` after `ms` (a timer; tests drive their own). */
  later(fn: () => void, ms: number): void;
  /** Shared flag: the UI sets FLAG_CANCEL or FLAG_CLOSE; checked between chunks. */
  flag: Int32Array;
  /** Most ticks in one chunk (default: sized from measured speed; tests with a manual clock fix it). */
  maxChunk?: number;
}

/** Wall time one step may run ticks before yielding to incoming requests. */
export const SLICE_MS = 25;
/** Wall time one chunk aims at (the cancel flag is checked between chunks). */
const CHUNK_MS = 4;
/** Most chunks in one slice, whatever the clock says. */
const SLICE_CHUNKS = 16;
const RUN_LINE = /^\s*run\s+([0-9]+)\s*$/;

interface Job {
  id: number;
  line: string;
  total: number;
  done: number;
}

export class SessionHost {
  readonly #session: HostSession;
  readonly #env: HostEnv;
  #clock: Clock = { speed: 10, paused: false, rate: 10 };
  #jobs: Job[] = [];
  #closed = false;
  /** When the next step is due (ms), and the token of its timer. */
  #due: number | null = null;
  #timer = 0;
  /** Ticks per ms, measured (chunk sizing). */
  #ticksPerMs = 1;
  #owed = 0;
  #lastLive: number | null = null;
  /** Behind measurement window: ticks wanted and done since `#windowStart`. */
  #windowStart: number | null = null;
  #wanted = 0;
  #doneInWindow = 0;
  #behind = 1;
  #version = 0;
  #sentVersion = -1;
  #sentProgress = "";
  #sentBehind = 1;
  #lastUpdate = -Infinity;
  /** Workloads the toggle stopped, to start them again. */
  #stopped: { name: string; params: Record<string, number | string> }[] = [];

  constructor(session: HostSession, env: HostEnv) {
    this.#session = session;
    this.#env = env;
  }

  /** Handle one message from the UI side. */
  handle(msg: ClientMessage): void {
    if (this.#closed) return;
    switch (msg.type) {
      case "request":
        this.#request(msg.id, msg.req);
        break;
      case "clock": {
        const wasLive = this.#live();
        this.#clock = { ...msg.clock };
        if (!wasLive || !this.#live()) this.#resetLive();
        this.#version++;
        this.#schedule(0);
        break;
      }
      case "close":
        this.#close();
        break;
    }
  }

  /** Post the current state (after start-up). */
  start(): void {
    this.#version++;
    this.#postUpdate(true);
    this.#schedule(0);
  }

  #request(id: number, req: Request): void {
    if ("line" in req) {
      const m = RUN_LINE.exec(req.line);
      // A run longer than one chunk becomes a job (cancellable, with progress); `.` runs at once.
      const ticks = m ? Number(m[1]) : 0;
      const chunk = Math.min(this.#env.maxChunk ?? Infinity, this.#ticksPerMs * CHUNK_MS);
      if (m && Number.isSafeInteger(ticks) && ticks > Math.max(1, chunk)) {
        this.#jobs.push({ id, line: req.line.trim(), total: ticks, done: 0 });
        this.#schedule(0);
        return;
      }
    }
    const result = "line" in req ? this.#exec(req.line) : this.#intent(req.intent);
    this.#env.post({ type: "result", id, result });
    this.#postUpdate(true);
  }

  #exec(line: string): ExecResult {
    this.#version++;
    const r = this.#session.execute(line);
    return pick(r);
  }

  /** Resolve an intent against the current state and execute it. */
  #intent(intent: "mount-next" | "swapon-next" | "workloads-toggle"): ExecResult {
    const s = this.#session.sim.snapshot();
    switch (intent) {
      case "mount-next": {
        const names = new Set(s.superblocks.map((sb) => sb.name));
        let n = 1;
        while (names.has(`fs${n}`)) n++;
        return this.#exec(`mount fs${n}`);
      }
      case "swapon-next": {
        const t = this.#session.sim.nextFreeType();
        if (t === null) return { ok: false, cmd: "swapon", error: "every swap type is enabled" };
        return this.#exec(`swapon ${t}`);
      }
      case "workloads-toggle": {
        const running = s.workloads.filter((w) => w.running);
        if (running.length) {
          this.#stopped = running.map((w) => ({ name: w.name, params: w.params }));
          return this.#exec("workload stop all");
        }
        const again = this.#stopped.length
          ? this.#stopped
          : [{ name: "pagecache", params: {} }, { name: "swap", params: {} }];
        this.#stopped = [];
        let last: ExecResult = { ok: true, cmd: "workload" };
        for (const w of again) {
          const params = Object.entries(w.params)
            .filter(([, v]) => v !== "")
            .map(([k, v]) => ` ${k}=${v}`)
            .join("");
          last = this.#exec(`workload start ${w.name}${params}`);
          if (!last.ok) return last;
        }
        return last;
      }
    }
  }

  #live(): boolean {
    return !this.#clock.paused && this.#clock.speed > 0;
  }

  #resetLive(): void {
    this.#owed = 0;
    this.#lastLive = null;
    this.#windowStart = null;
    this.#wanted = 0;
    this.#doneInWindow = 0;
    this.#behind = 1;
  }

  /** Run `step` in `ms`, unless it is due sooner already (a later timer is superseded). */
  #schedule(ms: number): void {
    if (this.#closed) return;
    const at = this.#env.now() + ms;
    if (this.#due !== null && this.#due <= at) return;
    this.#due = at;
    const token = ++this.#timer;
    this.#env.later(() => {
      if (token !== this.#timer) return;
      this.#due = null;
      this.step();
    }, ms);
  }

  /** One step of the host's loop: a slice of the current job, or the ticks the live clock owes. */
  step(): void {
    if (this.#closed) return;
    const t0 = this.#env.now();
    if (this.#jobs.length) {
      this.#jobSlice(t0);
      this.#lastLive = null; // the live clock does not catch up on time spent in jobs
    } else if (this.#live()) {
      this.#liveSlice(t0);
    }
    this.#postUpdate(false);
    if (this.#closed) return;
    if (this.#jobs.length) this.#schedule(0);
    else if (this.#live()) {
      // Behind (a whole tick owed already): just yield to requests; else wait for the next tick.
      const wait = this.#owed >= 1
        ? 0
        : Math.min(1000 / this.#clock.speed, 1000 / this.#clock.rate);
      this.#schedule(this.#owed >= 1 ? 0 : Math.max(5, wait));
    } else if (this.#version !== this.#sentVersion) this.#schedule(1000 / this.#clock.rate);
  }

  #jobSlice(t0: number): void {
    const job = this.#jobs[0];
    const first = job.done === 0;
    const r = this.#runFor(job.total - job.done, t0 + SLICE_MS);
    job.done += r.done;
    if (first) this.#postUpdate(true); // progress shows from the first slice
    let result: ExecResult | null = null;
    if (r.error) {
      result = { ...r.error };
    } else if (Atomics.load(this.#env.flag, 0) === FLAG_CANCEL) {
      Atomics.store(this.#env.flag, 0, FLAG_NONE);
      const note = `${job.line} cancelled after ${job.done} of ${job.total} ticks`;
      this.#env.post({ type: "record", line: `# ${note}` });
      result = {
        ok: true,
        cmd: "run",
        text: note,
        cancelled: { done: job.done, total: job.total },
      };
    } else if (job.done >= job.total) {
      result = { ok: true, cmd: "run" };
    }
    if (result) {
      this.#jobs.shift();
      this.#env.post({ type: "result", id: job.id, result });
      this.#postUpdate(true);
    }
  }

  #liveSlice(t0: number): void {
    if (Atomics.load(this.#env.flag, 0) === FLAG_CANCEL) {
      Atomics.store(this.#env.flag, 0, FLAG_NONE);
    }
    const speed = this.#clock.speed;
    if (this.#lastLive === null) {
      this.#lastLive = t0;
      this.#windowStart = t0;
      return;
    }
    const dt = (t0 - this.#lastLive) / 1000;
    this.#lastLive = t0;
    this.#owed += dt * speed;
    this.#wanted += dt * speed;
    // A backlog beyond one second's worth is dropped: the screen keeps moving, `behind` says so.
    if (this.#owed > Math.max(1, speed)) this.#owed = Math.max(1, speed);
    const n = Math.floor(this.#owed);
    if (n > 0) {
      const r = this.#runFor(n, t0 + SLICE_MS);
      this.#owed -= r.done;
      this.#doneInWindow += r.done;
      if (r.error) {
        this.#clock = { ...this.#clock, paused: true };
        this.#env.post({
          type: "result",
          id: -1,
          result: { ...r.error, error: `run: ${r.error.error} (paused)` },
        });
      }
    }
    const win = t0 - (this.#windowStart ?? t0);
    if (win >= 1000) {
      const want = this.#wanted;
      const got = this.#doneInWindow;
      this.#behind = want > 0 && got < 0.9 * want ? want / Math.max(got, 1e-9) : 1;
      if (!Number.isFinite(this.#behind)) this.#behind = 1000;
      this.#windowStart = t0;
      this.#wanted = 0;
      this.#doneInWindow = 0;
    }
  }

  /**
   * Run up to `max` ticks in chunks until `deadline` (ms) or a flag is set.
   * Each chunk is one `run k` through the session (so it is recorded).
   */
  #runFor(max: number, deadline: number): { done: number; error?: ExecResult } {
    let done = 0;
    const cap = this.#env.maxChunk ?? Infinity;
    for (let chunks = 0; done < max && chunks < SLICE_CHUNKS; chunks++) {
      if (Atomics.load(this.#env.flag, 0) !== FLAG_NONE) break;
      const k = Math.max(1, Math.min(max - done, cap, Math.floor(this.#ticksPerMs * CHUNK_MS)));
      const t = this.#env.now();
      const r = this.#exec(`run ${k}`);
      if (!r.ok) return { done, error: r };
      done += k;
      const el = this.#env.now() - t;
      const measured = k / Math.max(el, 0.05);
      this.#ticksPerMs = Math.max(0.001, 0.5 * this.#ticksPerMs + 0.5 * measured);
      if (this.#env.now() >= deadline) break;
    }
    return { done };
  }

  #progress(): Progress | null {
    const j = this.#jobs[0];
    return j ? { line: j.line, done: j.done, total: j.total } : null;
  }

  /** Send an update when something changed (`now`: even within the rate limit). */
  #postUpdate(now: boolean): void {
    const t = this.#env.now();
    const progress = this.#progress();
    const pkey = progress ? `${progress.line}:${progress.done}` : "";
    const changed = this.#version !== this.#sentVersion || pkey !== this.#sentProgress ||
      this.#behind !== this.#sentBehind;
    if (!changed) return;
    if (!now && t - this.#lastUpdate < 1000 / this.#clock.rate - 1) return;
    this.#sentVersion = this.#version;
    this.#sentProgress = pkey;
    this.#sentBehind = this.#behind;
    this.#lastUpdate = t;
    const regimes = this.#session.snapshots?.();
    this.#env.post({
      type: "update",
      update: {
        snapshot: this.#session.sim.snapshot(),
        progress,
        behind: this.#behind,
        ...(regimes ? { regimes } : {}),
      },
    });
  }

  #close(): void {
    this.#closed = true;
    this.#jobs = [];
    this.#env.post({ type: "closed" });
  }
}

/** The fields of a session result the UI reads (a structured-clone-friendly copy). */
function pick(r: ExecResult & { quit?: boolean }): ExecResult {
  const out: ExecResult = { ok: r.ok };
  if (r.cmd !== undefined) out.cmd = r.cmd;
  if (r.text !== undefined) out.text = r.text;
  if (r.error !== undefined) out.error = r.error;
  if (r.quit) out.quit = true;
  return out;
}
