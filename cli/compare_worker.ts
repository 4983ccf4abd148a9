/// <reference lib="deno.worker" />
/** The Web Worker behind `compareRegimesInWorkers`: runs one regime's column. */
import { compareColumn } from "../src/command/mod.ts";
import type { CompareJob } from "./compare_workers.ts";
import { fileContentPort } from "./files.ts";

self.onmessage = (ev: MessageEvent<CompareJob>) => {
  const { regime, lines, seed, simOptions, firstLine } = ev.data;
  const options = { ...simOptions, files: fileContentPort };
  self.postMessage(compareColumn(regime, lines, seed, options, firstLine));
};
