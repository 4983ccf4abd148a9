/**
 * The file reader behind `workload start files dir=PATH` and
 * `workload start swap source=PATH`: the edge side of `FileContentPort`
 * (src/real_pages.ts). It reads only under PATH (never follows a symbolic
 * link, so `--allow-read=PATH` is enough), regular files only, and at most
 * a byte budget: the files are taken in the order of a hash of their path
 * below PATH (a spread over the whole tree, the same for the same files),
 * each cut to `perFile` bytes, until the budget is spent. Files or folders
 * that cannot be read are skipped.
 */
import { SimError } from "../src/errors.ts";
import type { FileContentPort, SourceFile } from "../src/real_pages.ts";

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function why(e: unknown): string {
  if (e instanceof Deno.errors.NotFound) return "no such file or directory";
  if (e instanceof Deno.errors.NotCapable) return "not allowed (run with --allow-read=PATH)";
  if (e instanceof Deno.errors.PermissionDenied) return "permission denied";
  return e instanceof Error ? e.message : String(e);
}

/** Regular files under `dir`, with sizes, paths relative to `dir`. */
function walk(dir: string, rel: string, out: { rel: string; size: number }[]): void {
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(rel ? `${dir}/${rel}` : dir)];
  } catch {
    return; // an unreadable folder is skipped
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory) walk(dir, r, out);
    else if (e.isFile) {
      try {
        const size = Deno.lstatSync(`${dir}/${r}`).size;
        if (size > 0) out.push({ rel: r, size });
      } catch {
        // vanished or unreadable: skipped
      }
    }
  }
}

/** The first `n` bytes of a file (fewer if it shrank), or null when it cannot be read. */
function head(path: string, n: number): Uint8Array | null {
  let f: Deno.FsFile | undefined;
  try {
    f = Deno.openSync(path, { read: true });
    const buf = new Uint8Array(n);
    let off = 0;
    while (off < n) {
      const got = f.readSync(buf.subarray(off));
      if (got === null || got === 0) break;
      off += got;
    }
    return off === n ? buf : buf.slice(0, off);
  } catch {
    return null;
  } finally {
    f?.close();
  }
}

/** Read what the port promises (see the module comment). */
export function readSourceFiles(path: string, budget: number, perFile: number): SourceFile[] {
  let info: Deno.FileInfo;
  try {
    info = Deno.lstatSync(path);
  } catch (e) {
    throw new SimError(`${path}: ${why(e)}`);
  }
  const base = path.replace(/\/+$/, "") || "/";
  let candidates: { rel: string; size: number }[];
  if (info.isFile) candidates = [{ rel: "", size: info.size }];
  else if (info.isDirectory) {
    candidates = [];
    walk(base, "", candidates);
  } else throw new SimError(`${path}: not a regular file or a directory`);
  candidates.sort((a, b) => fnv(a.rel) - fnv(b.rel) || (a.rel < b.rel ? -1 : 1));
  const out: SourceFile[] = [];
  let left = budget;
  for (const c of candidates) {
    if (left <= 0) break;
    const bytes = head(c.rel ? `${base}/${c.rel}` : base, Math.min(c.size, perFile, left));
    if (!bytes || bytes.length === 0) continue;
    out.push({ path: c.rel || base.slice(base.lastIndexOf("/") + 1), bytes });
    left -= bytes.length;
  }
  if (out.length === 0) throw new SimError(`${path}: no readable bytes in regular files`);
  return out;
}

/** The port for the simulation. */
export const fileContentPort: FileContentPort = { read: readSourceFiles };
