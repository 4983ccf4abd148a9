/**
 * Least privilege at run time. Deno scopes permissions to paths written in
 * the task, but the record file's path is known only when the program runs,
 * so `deno task monitor` grants write access and the program gives it up for
 * good as soon as the record file is open (the open handle keeps working):
 * from then on nothing can write any file. Workers load their modules from
 * the project, so `--workers` needs read access to it (`deno task headless`,
 * which grants nothing, cannot run them).
 */
import { UsageError } from "./flags.ts";

/** Give up write permission for the rest of the process (no-op when not granted). */
export function dropWrite(): void {
  Deno.permissions.revokeSync({ name: "write" });
}

/** Refuse `--workers` when the worker modules cannot be loaded. */
export function checkWorkersCanLoad(workers: number): void {
  if (workers === 0) return;
  const dirs = ["../src/", "./"].map((p) => new URL(p, import.meta.url));
  for (const dir of dirs) {
    if (Deno.permissions.querySync({ name: "read", path: dir }).state !== "granted") {
      throw new UsageError(
        `--workers needs read access to ${decodeURIComponent(dir.pathname)} ` +
          "(the workers load their modules from there): use deno task monitor",
      );
    }
  }
}
