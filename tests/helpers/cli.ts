/** Run `mod.ts` as a subprocess with a piped stdin (the way scripts use it). */

const ROOT = new URL("../..", import.meta.url);

/** The project root as a path. */
export const ROOT_PATH = decodeURIComponent(ROOT.pathname);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The permissions tests run `mod.ts` with by default. */
export const CLI_PERMISSIONS = ["--allow-env", "--allow-read", "--allow-write"];

/** The `deno` arguments that run `mod.ts` with `args` and `permissions`. */
export function cliArgs(
  args: string[],
  permissions: readonly string[] = CLI_PERMISSIONS,
): string[] {
  return ["run", ...permissions, "mod.ts", ...args];
}

/** Start `mod.ts` with every stream piped (stdin left open for the caller). */
export function spawnCli(
  args: string[],
  permissions: readonly string[] = CLI_PERMISSIONS,
): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: cliArgs(args, permissions),
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
}

export async function runCli(
  args: string[],
  stdin: string | Uint8Array = "",
  permissions: readonly string[] = CLI_PERMISSIONS,
): Promise<CliRun> {
  const child = spawnCli(args, permissions);
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

/** Run `mod.ts` through `sh -c` so the shell can redirect its streams (`> /dev/full`). */
export async function runCliShell(args: string[], redirect: string): Promise<CliRun> {
  const quoted = [Deno.execPath(), ...cliArgs(args)].map((a) => `'${a.replaceAll("'", "'\\''")}'`);
  const out = await new Deno.Command("sh", {
    args: ["-c", `${quoted.join(" ")} ${redirect}`],
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

/** Read `stream` until the text read so far satisfies `done`; returns that text. */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  done: (text: string) => boolean,
): Promise<string> {
  const dec = new TextDecoder();
  let text = "";
  while (!done(text)) {
    const { value, done: end } = await reader.read();
    if (end) throw new Error(`stream ended before the expected output; got:\n${text}`);
    text += dec.decode(value, { stream: true });
  }
  return text;
}
