/**
 * `createSession`: the usual way to start a session, a fresh simulation
 * wired to a `CommandSession` with the regime comparison plugged in (the
 * session does not import compare, so there is no import cycle).
 */
import { Simulation, type SimulationOptions } from "../simulation.ts";
import { compareRegimes } from "./compare.ts";
import { CommandSession, type CommandSessionOptions } from "./session.ts";

/** Options of `createSession`: the simulation's and the session's. */
export interface CreateSessionOptions extends Omit<CommandSessionOptions, "simulationOptions"> {
  /** Regime, seed, frontswap options, file reader... of the simulation. */
  simulation?: SimulationOptions;
}

/**
 * A session on a fresh simulation, with `compare` available.
 *
 * @example
 * const s = createSession({ simulation: { regime: "eager", seed: 7 } });
 * s.execute("mount home"); // { line: 1, cmd: "mount", ok: true, ... }
 */
export function createSession(opts: CreateSessionOptions = {}): CommandSession {
  const { simulation = {}, ...session } = opts;
  const { regime: _regime, seed: _seed, ...simulationOptions } = simulation;
  return new CommandSession(new Simulation(simulation), {
    compare: compareRegimes,
    ...session,
    simulationOptions,
  });
}
