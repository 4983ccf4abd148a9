/**
 * What the file side, the swap side and the facade of a simulation share:
 * the operation count, the version stamps, one scratch page, the oracle and
 * the event log.
 */
import { PAGE_SIZE } from "../content.ts";
import type { EventLog } from "../event_log.ts";
import type { SimEvent } from "../snapshot.ts";
import type { IntegrityOracle } from "../integrity.ts";

export class SimContext {
  /** Frontend operations so far (gets, puts, invalidates, stores, loads). */
  ops = 0;
  /** The last version stamp handed out. */
  stamp = 0;
  /** Virtual time. */
  tick = 0;
  /** Registration serial of the backend holding cleancache (0: none); see `poolKey`. */
  cleancacheSerial = 0;
  /** Serial of the backend being registered, while its registration creates pools (0: none). */
  registeringSerial = 0;
  /**
   * Set after every put that reached a backend: whether the backend refused it
   * (`Backend.lastResult`), for the oracle.
   */
  putRefused = false;
  /** Scratch page for generated and returned data. */
  readonly page = new Uint8Array(PAGE_SIZE);

  constructor(readonly oracle: IntegrityOracle, readonly events: EventLog) {}

  /** A fresh version stamp. */
  nextStamp(): number {
    return ++this.stamp;
  }

  log(kind: SimEvent["kind"], text: string): void {
    this.events.add(this.tick, kind, text);
  }
}
