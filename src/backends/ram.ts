/**
 * `ram` (ours): the reference backend. It accepts every page and keeps an
 * uncompressed copy in a page frame of its own; shared filesystems share a
 * pool by uuid, gets from private pools are exclusive. Frontswap: one area
 * per type told `init`; a store to a type it was never told about is
 * refused (`unknown_type`), so under the eager regime (3.9) it shows as
 * `failed_stores`, where zcache and tmem lose the page. No kernel source:
 * this is what a perfect backend would do, to compare the others against.
 */
import { UncompressedBackend, type UncompressedOptions } from "./uncompressed.ts";

/** The `ram` backend. */
export class RamBackend extends UncompressedBackend {
  readonly name = "ram";
  /** Frontswap types told `init`. */
  readonly #types = new Set<number>();

  constructor(options: UncompressedOptions) {
    super(options);
  }

  protected initType(type: number): void {
    this.#types.add(type);
  }
  protected acceptsType(type: number): boolean {
    return this.#types.has(type);
  }
  protected rejectType(): "unknown_type" {
    return "unknown_type";
  }
  protected dropType(type: number): void {
    this.#types.delete(type);
  }
  protected debugfs(): Record<string, number> {
    return { stored_pages: this.s.ccLru.size + this.s.swLru.size, types: this.#types.size };
  }
}
