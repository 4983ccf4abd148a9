/**
 * `register zswap from=host` at the edge: the line is rewritten with the
 * host's zswap parameters (src/host/register.ts) before the session parses
 * it, in the headless session (`expand` option) and in the dashboard (a port
 * that rewrites the lines it sends to the session worker). Without the host
 * view on, `from=host` is a line error saying so.
 */
import { expandFromHost } from "../../src/host/register.ts";
import type { HostSnapshot } from "../../src/host/snapshot.ts";
import type { ExecResult, Request, SessionPort } from "../../src/session_port.ts";
import { COMPRESSOR_KINDS } from "../../src/backends/compressors.ts";

/** The line rewrite a session's `expand` option takes; `host` gives the latest sample. */
export function hostExpander(
  host: () => HostSnapshot | null | undefined,
): (line: string) => { line: string; notes: string[] } | { error: string } {
  return (line) => expandFromHost(line, host(), COMPRESSOR_KINDS);
}

/** `port` with every command line rewritten by `expand` first. */
export function expandingPort(
  port: SessionPort,
  expand: ReturnType<typeof hostExpander>,
): SessionPort {
  return {
    async send(req: Request): Promise<ExecResult> {
      if (!("line" in req)) return port.send(req);
      const x = expand(req.line);
      if ("error" in x) return { ok: false, cmd: "register", error: `register: ${x.error}` };
      const r = await port.send({ line: x.line });
      if (!r.ok || x.notes.length === 0) return r;
      return {
        ...r,
        text: [r.text, ...x.notes.map((n) => `note: ${n}`)].filter(Boolean).join("\n"),
      };
    },
    setClock: (clock) => port.setClock(clock),
    cancel: () => port.cancel(),
    onUpdate: (listener) => port.onUpdate(listener),
    onNotice: (listener) => port.onNotice(listener),
    close: () => port.close(),
  };
}
