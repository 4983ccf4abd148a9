/** Run `mod.ts` as a subprocess with a piped stdin (the way scripts use it). */

const ROOT = new URL("../..", import.meta.url);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The permissions of `deno task monitor` that tests need by default. */
export const CLI_PERMISSIONS = ["--allow-env", "--allow-read", "--allow-write"];

export async function runCli(
  args: string[],
  stdin: string | Uint8Array = "",
  permissions: readonly string[] = CLI_PERMISSIONS,
): Promise<CliRun> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...permissions, "mod.ts", ...args],
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const w = child.stdin.getWriter();
  try {
    await w.write(typeof stdin === "string" ? new TextEncoder().encode(stdin) : stdin);
    await w.close();
  } catch {
    // The process may exit (quit) before reading everything.
  }
  const out = await child.output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}
