/**
 * A tmux server of its own (`tmux -L SOCKET`) to run the dashboard in a real terminal: the
 * end-to-end tests (`tests/tui/e2e_tmux.test.ts`) and the dashboard bench
 * (`bench/dashboard_tmux.ts`) drive it the same way: start a command in a detached session
 * of a given size, send keys, capture the pane, kill the server.
 */

/** Whether tmux can be run here. */
export function hasTmux(): boolean {
  try {
    return new Deno.Command("tmux", { args: ["-V"], stdout: "null", stderr: "null" }).outputSync()
      .success;
  } catch {
    return false;
  }
}

/** One tmux server and one session on it. */
export class TmuxSession {
  constructor(readonly socket: string, readonly session: string) {}

  /** Run a tmux command on this server; throws with tmux's message when it fails. */
  async tmux(...args: string[]): Promise<string> {
    const out = await new Deno.Command("tmux", {
      args: ["-L", this.socket, ...args],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      throw new Error(`tmux ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
    }
    return new TextDecoder().decode(out.stdout);
  }

  /** Start `command` (a shell line) in a detached `cols`x`rows` session, in `cwd`. */
  start(cols: number, rows: number, cwd: string, command: string): Promise<string> {
    return this.tmux(
      "new-session",
      "-d",
      "-x",
      String(cols),
      "-y",
      String(rows),
      "-s",
      this.session,
      "-c",
      cwd,
      command,
    );
  }

  /** The pane's text as shown. */
  capture(): Promise<string> {
    return this.tmux("capture-pane", "-p", "-t", this.session);
  }

  /** A pane variable (`#{history_size}`, `#{alternate_on}`, `#{pane_pid}` …). */
  async paneVar(name: string): Promise<string> {
    return (await this.tmux("display-message", "-p", "-t", this.session, `#{${name}}`)).trim();
  }

  /** `send-keys` (`-l` as the first key sends the rest literally, in one write). */
  keys(...keys: string[]): Promise<string> {
    return this.tmux("send-keys", "-t", this.session, ...keys);
  }

  /** Kill the server (and everything in it); never throws. */
  async kill(): Promise<void> {
    await this.tmux("kill-server").catch(() => {});
  }
}
