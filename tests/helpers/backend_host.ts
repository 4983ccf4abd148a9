/** A `BackendHost` that records what a backend asked of the kernel, and test pages. */
import type { BackendHost } from "../../src/backends/ops.ts";
import { type ContentClass, generatePage, PAGE_SIZE } from "../../src/content.ts";

export class RecordingHost implements BackendHost {
  /** `frontswap_tmem_exclusive_gets` calls. */
  readonly exclusiveGets: boolean[] = [];
  /** Pages written to their swap slots: "type:offset" -> a copy of the page. */
  readonly slots = new Map<string, Uint8Array>();
  setFrontswapExclusiveGets(on: boolean): void {
    this.exclusiveGets.push(on);
  }
  writeSwapSlot(type: number, offset: number, page: Uint8Array): void {
    this.slots.set(`${type}:${offset}`, page.slice());
  }
}

/** Version `stamp` of a page of class `cls`. */
export function page(cls: ContentClass, stamp = 1): Uint8Array {
  return generatePage(stamp, cls, new Uint8Array(PAGE_SIZE));
}

/** A fresh page to read into. */
export function out(): Uint8Array {
  return new Uint8Array(PAGE_SIZE);
}
