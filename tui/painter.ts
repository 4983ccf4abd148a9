/**
 * The live dashboard's frame, painted straight onto the (alternate) screen:
 * only the rows that differ from the last frame, each addressed by its row
 * number, in one write. The frame is already a list of rows exactly as wide
 * as the terminal (`screen.ts`), so Ink's per-frame pipeline (layout, a cell
 * grid of the whole screen, every row split into graphemes and measured
 * twice) redrew 4,800 cells to find the few that changed: about 3 ms a frame
 * and most of the dashboard's CPU at 10 Hz. Ink still owns the terminal
 * (raw input, the alternate screen, the cursor, resizing, exit); the App
 * renders nothing through it in this mode (`app.tsx`).
 *
 * Each write is a synchronized update (the terminal shows it at once) with
 * auto-wrap off, so a row that is too wide (a double-width character in a
 * name) is cut at the right edge instead of spilling into the next row.
 */

/** Synchronized update begin/end (DEC mode 2026), as Ink writes around its frames. */
const BSU = "\x1b[?2026h";
const ESU = "\x1b[?2026l";
/** Auto-wrap off/on (DECAWM). */
const NO_WRAP = "\x1b[?7l";
const WRAP = "\x1b[?7h";
/** Erase the whole line; erase from the cursor to the end of the screen. */
const ERASE_LINE = "\x1b[2K";
const ERASE_BELOW = "\x1b[J";

/** Move the cursor to the start of row `i` (0-based). */
const at = (i: number) => `\x1b[${i + 1};1H`;

/** What the painter writes to (the terminal's stdout, as Ink was given it). */
export interface TermOut {
  write(chunk: string): unknown;
}

export class FramePainter {
  readonly #out: TermOut;
  /** The rows on screen (as last written), and the terminal size they were painted for. */
  #shown: string[] = [];
  #size = "";
  #stopped = false;

  constructor(out: TermOut) {
    this.#out = out;
  }

  /**
   * Show `rows` (one string per terminal row, SGR codes allowed) on a
   * `cols`x`height` terminal. Writes the rows that changed since the last
   * paint (all of them after a resize or `invalidate`) and returns what it
   * wrote ("" when nothing changed: no write at all).
   */
  paint(rows: readonly string[], cols: number, height: number): string {
    if (this.#stopped) return "";
    const size = `${cols}x${height}`;
    const full = size !== this.#size;
    let body = "";
    for (let i = 0; i < rows.length; i++) {
      if (full || rows[i] !== this.#shown[i]) body += at(i) + ERASE_LINE + rows[i];
    }
    if (full) {
      if (rows.length < height) body += at(rows.length) + ERASE_BELOW;
    } else {
      for (let i = rows.length; i < this.#shown.length; i++) body += at(i) + ERASE_LINE;
    }
    this.#size = size;
    this.#shown = rows.slice();
    if (!body) return "";
    const chunk = BSU + NO_WRAP + body + "\x1b[0m" + WRAP + ESU;
    this.#out.write(chunk);
    return chunk;
  }

  /**
   * Paint nothing from now on: the dashboard is closing (Ink leaves the alternate screen next,
   * and an update arriving after that must not draw on the user's screen).
   */
  stop(): void {
    this.#stopped = true;
  }

  /** Forget what is on screen: the next paint writes every row. */
  invalidate(): void {
    this.#size = "";
    this.#shown = [];
  }
}
