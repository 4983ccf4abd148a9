/**
 * The benchmark's page mix: deterministic pages from `src/content.ts` in a
 * realistic mix (same-filled pages 15%, as zswap sees 10-22%), packed in one
 * ArrayBuffer so every case reads the same bytes.
 */
import { type ContentClass, generatePage, PAGE_SIZE } from "../src/content.ts";

/** Class weights of the mix (percent). */
export const MIX: readonly [ContentClass, number][] = [
  ["zero", 12],
  ["same", 3],
  ["heap", 25],
  ["text", 25],
  ["records", 20],
  ["random", 15],
];

export interface PageSet {
  /** All pages back to back. */
  readonly bytes: Uint8Array;
  /** One view per page. */
  readonly pages: Uint8Array[];
  readonly classes: ContentClass[];
}

/** `n` pages of the mix, classes interleaved deterministically. */
export function pageMix(n: number, firstStamp = 1, mix = MIX): PageSet {
  const bytes = new Uint8Array(n * PAGE_SIZE);
  const pages: Uint8Array[] = [];
  const classes: ContentClass[] = [];
  const wheel: ContentClass[] = [];
  for (const [cls, w] of mix) for (let i = 0; i < w; i++) wheel.push(cls);
  for (let i = 0; i < n; i++) {
    // a stride coprime with 100 spreads the classes evenly
    const cls = wheel[(i * 37) % wheel.length];
    const page = bytes.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
    generatePage(firstStamp + i, cls, page);
    pages.push(page);
    classes.push(cls);
  }
  return { bytes, pages, classes };
}

/** Only the pages of some classes. */
export function pagesOf(set: PageSet, keep: readonly ContentClass[]): Uint8Array[] {
  return set.pages.filter((_, i) => keep.includes(set.classes[i]));
}
