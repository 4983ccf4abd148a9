/**
 * The host source: reads the kernel's zswap state, read-only, and builds a
 * `HostSnapshot` (src/host/snapshot.ts) per sample, with rates from the
 * previous sample.
 *
 * - Live (`--host`): Deno 2.9 refuses to read anything under /proc and /sys
 *   unless the program has every permission (`--allow-all`), even with
 *   `--allow-read=/proc,/sys`. So the files are read by a `cat` child
 *   (`--allow-run=cat`): one process per sample for all files, separated by
 *   the boot id (/proc/sys/kernel/random/boot_id, the same 37 bytes on every
 *   read), with cat's error messages telling which files were missing or
 *   denied. A directory cannot be listed this way: every parameter and
 *   counter name some release had is asked for (src/host/files.ts).
 * - A copy (`--host-root DIR`): plain reads under DIR only (`--allow-read=DIR`
 *   is enough), listing the directories for names the list does not know. A
 *   `FILE.err` (or `DIR.err`) written by the snapshot command says why the
 *   original could not be read.
 *
 * NULs are stripped from every text (sysfs files copied with tar are padded
 * with them). A file that cannot be read is a `FileRead` failure, never an
 * exception.
 */
import {
  DEBUGFS_DIRS,
  type FileRead,
  knownHostPaths,
  type ReadFailure,
  stripNuls,
  ZSWAP_PARAMS_DIR,
} from "../../src/host/files.ts";
import { buildHostSnapshot, type HostSnapshot } from "../../src/host/snapshot.ts";

/** Where samples come from: the live kernel or a copy. */
export interface HostSource {
  /** `/` or the copy's directory. */
  readonly root: string;
  /** Read everything once more; null when nothing at all is readable. */
  sample(): Promise<HostSnapshot | null>;
  /** The last sample taken (null before the first, or when nothing was readable). */
  readonly last: HostSnapshot | null;
}

/** Reads files relative to a root; never throws for a file. */
export type HostReader = (rels: string[]) => Promise<Map<string, FileRead>>;

/** A source sampling through a reader; rates come from consecutive samples. */
export function hostSource(
  root: string,
  reader: HostReader,
  clock: () => number = Date.now,
): HostSource {
  let last: HostSnapshot | null = null;
  return {
    root,
    get last() {
      return last;
    },
    async sample() {
      const files = await reader(knownHostPaths());
      last = buildHostSnapshot(files, root, clock(), last);
      return last;
    },
  };
}

const decoder = new TextDecoder();
const BOOT_ID = "/proc/sys/kernel/random/boot_id";

function failureOf(message: string): ReadFailure {
  if (/No such file|Not a directory/i.test(message)) return "missing";
  if (/Permission denied|Operation not permitted/i.test(message)) return "denied";
  return "error";
}

async function runCat(paths: string[]): Promise<{ out: string; err: string }> {
  const o = await new Deno.Command("cat", {
    args: ["--", ...paths],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    clearEnv: true,
    env: { LC_ALL: "C" },
  }).output();
  return { out: decoder.decode(o.stdout), err: decoder.decode(o.stderr) };
}

/**
 * cat's complaints by path: `cat: PATH: reason` (GNU, whose program name may
 * be the full path; PATH quoted when it has odd characters) or busybox's
 * `cat: can't open 'PATH': reason`.
 */
function catErrors(err: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of err.split("\n")) {
    const m = /^\S*cat: (?:can't open )?(.*): ([^:]+)$/.exec(line);
    if (m) out.set(m[1].replace(/^'(.*)'$/, "$1"), m[2]);
  }
  return out;
}

/**
 * Read absolute paths through one `cat` child, separating the files with the
 * boot id; falls back to one child per file when the boot id is unreadable.
 */
export async function catReadAll(paths: string[]): Promise<Map<string, FileRead>> {
  const args = [BOOT_ID];
  for (const p of paths) args.push(p, BOOT_ID);
  let ran: { out: string; err: string };
  try {
    ran = await runCat(args);
  } catch (e) {
    // No cat, or not allowed to run it: every file is unreadable, for that reason.
    const detail = `cannot run cat (${e instanceof Error ? e.message : String(e)})`;
    return new Map(paths.map((p) => [p, { failed: "denied", detail }]));
  }
  const { out, err } = ran;
  const errors = catErrors(err);
  const nl = out.indexOf("\n");
  const sep = nl > 0 ? out.slice(0, nl + 1) : "";
  const parts = sep && !errors.has(BOOT_ID) ? out.slice(sep.length).split(sep) : [];
  const result = new Map<string, FileRead>();
  if (parts.length !== paths.length + 1) {
    for (const p of paths) {
      const one = await runCat([p]);
      const e = catErrors(one.err).get(p);
      result.set(p, e ? { failed: failureOf(e), detail: e } : { text: stripNuls(one.out) });
    }
    return result;
  }
  paths.forEach((p, i) => {
    const e = errors.get(p);
    result.set(p, e ? { failed: failureOf(e), detail: e } : { text: stripNuls(parts[i]) });
  });
  return result;
}

/** The live kernel, read through `cat` (needs `--allow-run=cat`). */
export function liveReader(root = "/"): HostReader {
  return async (rels) => {
    const abs = rels.map((r) => `${root.replace(/\/$/, "")}/${r}`);
    const reads = await catReadAll(abs);
    return new Map(rels.map((r, i) => [r, reads.get(abs[i])!]));
  };
}

function errorOf(e: unknown): FileRead & { failed: ReadFailure } {
  if (e instanceof Deno.errors.NotFound || e instanceof Deno.errors.NotADirectory) {
    return { failed: "missing", detail: "No such file or directory" };
  }
  if (e instanceof Deno.errors.PermissionDenied || e instanceof Deno.errors.NotCapable) {
    return { failed: "denied", detail: e.message };
  }
  return { failed: "error", detail: e instanceof Error ? e.message : String(e) };
}

async function readOne(path: string): Promise<FileRead> {
  try {
    return { text: stripNuls(await Deno.readTextFile(path)) };
  } catch (e) {
    const f = errorOf(e);
    if (f.failed !== "missing") return f;
    // The snapshot command leaves FILE.err, or DIR.err for a directory it could not enter.
    for (const errFile of [`${path}.err`, `${path.slice(0, path.lastIndexOf("/"))}.err`]) {
      try {
        const why = (await Deno.readTextFile(errFile)).trim();
        const m = /: ([^:]+)$/.exec(why);
        const detail = m ? m[1] : why;
        return { failed: failureOf(detail), detail };
      } catch {
        // no note: the file was simply absent
      }
    }
    return f;
  }
}

async function listNames(dir: string): Promise<string[]> {
  try {
    const names: string[] = [];
    for await (const e of Deno.readDir(dir)) {
      if (e.isFile && !e.name.endsWith(".err")) names.push(e.name);
    }
    return names.sort();
  } catch {
    return [];
  }
}

/** A copy of /proc and /sys laid out under `dir` (plain reads of `dir` only). */
export function dirReader(dir: string): HostReader {
  const base = dir.replace(/\/+$/, "");
  return async (rels) => {
    const all = new Set(rels);
    for (const d of [ZSWAP_PARAMS_DIR, ...Object.values(DEBUGFS_DIRS)]) {
      for (const n of await listNames(`${base}/${d}`)) all.add(`${d}/${n}`);
    }
    const list = [...all];
    const reads = await Promise.all(list.map((r) => readOne(`${base}/${r}`)));
    return new Map(list.map((r, i) => [r, reads[i]]));
  };
}

/**
 * Sample `source` every `ms` milliseconds in the background (a sample still
 * running is not doubled), calling `onSample` after each; returns the
 * function that stops it.
 */
export function startSampling(
  source: HostSource,
  ms: number,
  onSample: () => void = () => {},
): () => void {
  let busy = false;
  const id = setInterval(() => {
    if (busy) return;
    busy = true;
    source.sample().then(onSample).finally(() => (busy = false));
  }, ms);
  return () => clearInterval(id);
}

/** The source for `--host` (root null) or `--host-root DIR`. */
export function openHostSource(root: string | null): HostSource {
  return root === null ? hostSource("/", liveReader()) : hostSource(root, dirReader(root));
}
