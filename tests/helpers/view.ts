/**
 * A dashboard view state built without a terminal: script lines run in a
 * fresh session, a history sample taken after each, then `newView` over the
 * last snapshot. For the pure panel functions (tests/tui/panels/).
 */
import { createSession } from "../../src/command/create.ts";
import type { SimulationOptions } from "../../src/simulation.ts";
import { History } from "../../tui/history.ts";
import { newView, type ViewState } from "../../tui/view.ts";

/** The view after `lines` (each must succeed), interactive and paused unless said otherwise. */
export function viewAfter(
  lines: readonly string[],
  opts: { simulation?: SimulationOptions; view?: Partial<ViewState> } = {},
): ViewState {
  const s = createSession({ simulation: { seed: 5, ...opts.simulation } });
  const history = new History();
  history.push(s.snapshot());
  for (const line of lines) {
    const r = s.execute(line);
    if (!r.ok) throw new Error(`${line}: ${r.error}`);
    history.push(s.snapshot());
  }
  return newView(s.snapshot(), history, {
    rate: 4,
    speed: 10,
    paused: true,
    interactive: true,
    ...opts.view,
  });
}
