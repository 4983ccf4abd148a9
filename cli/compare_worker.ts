/// <reference lib="deno.worker" />
/** The Web Worker behind `compareRegimesInWorkers`: runs one regime's column. */
import { compareColumn } from "../src/command/mod.ts";
import type { CompareJob } from "./compare_workers.ts";

self.onmessage = (ev: MessageEvent<CompareJob>) => {
  const { regime, lines, seed, simOptions, firstLine } = ev.data;
  self.postMessage(compareColumn(regime, lines, seed, simOptions, firstLine));
};
