/**
 * The bounds of every request, defined once: the simulation checks them and
 * the command parser (src/command/parse.ts) reads its limits from here.
 */
import { CONTENT_CLASSES, isContentClass, PAGE_SIZE } from "./content.ts";
import { SimError } from "./errors.ts";

/** Largest swap type + 1 (`MAX_SWAPFILES`). */
export const MAX_SWAPFILES = 32;
/** Most slots one swap device may have. */
export const MAX_SWAP_SLOTS = 1 << 20;
/** Default number of slots of a swap device. */
export const DEFAULT_SWAP_SLOTS = 4096;
/** Longest filesystem name or uuid. */
export const MAX_NAME_LENGTH = 64;
/** Characters of a filesystem name or uuid. */
export const NAME_PATTERN = /^[A-Za-z0-9_.:/-]+$/;

/** Upper bounds keeping every request a sane size (the parser's limits). */
export const LIMITS = {
  ino: 0xffffffff,
  index: 0xffffffff,
  offset: 0xffffffff,
  slots: MAX_SWAP_SLOTS,
  ticks: 1_000_000,
  seed: 0xffffffff,
  limit: 1 << 24,
  threshold: PAGE_SIZE,
  level: 9,
  nameLength: MAX_NAME_LENGTH,
  swapType: MAX_SWAPFILES - 1,
} as const;

/** Whether `name` is a valid filesystem name or uuid. */
export function isValidName(name: unknown): name is string {
  return typeof name === "string" && name.length >= 1 && name.length <= MAX_NAME_LENGTH &&
    NAME_PATTERN.test(name);
}

/** Throws `SimError` unless `name` is a valid filesystem name or uuid. */
export function checkName(cmd: string, what: string, name: string): void {
  if (!isValidName(name)) {
    throw new SimError(
      `${cmd}: ${what} must be 1-${MAX_NAME_LENGTH} characters of letters, digits, _ . / : -`,
    );
  }
}

/** Throws `SimError` unless `type` is a swap type 0..31. */
export function checkType(cmd: string, type: number): void {
  if (!Number.isInteger(type) || type < 0 || type >= MAX_SWAPFILES) {
    throw new SimError(`${cmd}: swap type must be an integer from 0 to ${MAX_SWAPFILES - 1}`);
  }
}

/** Throws `SimError` unless `slots` is a valid swap device size. */
export function checkSlots(cmd: string, slots: number): void {
  if (!Number.isInteger(slots) || slots < 1 || slots > MAX_SWAP_SLOTS) {
    throw new SimError(`${cmd}: slots must be an integer from 1 to ${MAX_SWAP_SLOTS}`);
  }
}

/** Throws `SimError` unless `n` is an integer from 0 to 2^32 - 1 (inode, page index). */
export function checkIndex(cmd: string, what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > LIMITS.index) {
    throw new SimError(`${cmd}: ${what} must be an integer from 0 to ${LIMITS.index}`);
  }
}

/** Throws `SimError` unless `cls` is a content class. */
export function checkClass(cmd: string, cls: string): void {
  if (!isContentClass(cls)) {
    throw new SimError(`${cmd}: unknown content class '${cls}' (${CONTENT_CLASSES.join(", ")})`);
  }
}
