/**
 * A page version and its bytes: a stamp (unique to each version written) and
 * a content class, whose bytes the generator makes (`generatePage`), or class
 * `file`, a page of real bytes (src/real_pages.ts) taken as read or, for a
 * version written in the simulation, edited by its stamp.
 */
import { type ContentClass, generatePage, PAGE_SIZE } from "./content.ts";
import type { RealPageRef } from "./real_pages.ts";

/** A page version (see the module comment). */
export type PageVersionRef =
  | { stamp: number; cls: ContentClass; real?: undefined }
  | { stamp: number; cls: "file"; real: RealPageRef };

/** What a write or store is given: a class to generate, or a real page. */
export type PageContent = ContentClass | RealPageRef;

/** The version `stamp` of the given content. */
export function versionOf(stamp: number, content: PageContent): PageVersionRef {
  return typeof content === "string"
    ? { stamp, cls: content }
    : { stamp, cls: "file", real: content };
}

/** Fill `out` with the bytes of a version. */
export function fillVersion(
  v: PageVersionRef,
  out: Uint8Array = new Uint8Array(PAGE_SIZE),
): Uint8Array {
  if (v.real) return v.real.source.fill(v.real.page, v.real.edited ? v.stamp : 0, out);
  return generatePage(v.stamp, v.cls, out);
}
