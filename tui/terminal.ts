/**
 * The terminal left as found. Ink clears the screen with `ESC[2J ESC[3J`
 * when a frame fills or overflows the terminal (and on shrinking it), and
 * `ESC[3J` erases the terminal's scrollback, even from the alternate screen
 * (tmux drops its whole history). `keepScrollback` hands ink a stdout whose
 * writes have that sequence taken out: clearing the (alternate) screen still
 * works, the scrollback stays.
 */

/** The sequence that erases the scrollback (ED 3). */
export const ERASE_SCROLLBACK = "\x1b[3J";

/** Remove every ED 3 from a chunk of terminal output. */
export function withoutScrollbackErase(chunk: string): string {
  return chunk.includes(ERASE_SCROLLBACK) ? chunk.replaceAll(ERASE_SCROLLBACK, "") : chunk;
}

/** A view of `stdout` (a Node write stream) whose `write` never erases the scrollback. */
export function keepScrollback<T extends object>(stdout: T): T {
  return new Proxy(stdout, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === "write" && typeof value === "function") {
        return (chunk: unknown, ...rest: unknown[]) =>
          value.call(
            target,
            typeof chunk === "string" ? withoutScrollbackErase(chunk) : chunk,
            ...rest,
          );
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
