/**
 * How the simulator's typed-array tables grow: by a quarter at a time, so at
 * most a fifth of a table is unused room (doubling would leave up to half).
 * Copying a typed array is cheap next to the memory a million pages hold.
 */
export const GROWTH = 1.25;

/** The capacity after `current` that holds index `needed` (grown by GROWTH steps). */
export function grownCapacity(current: number, needed: number): number {
  let n = Math.max(1, current);
  while (n <= needed) n = Math.ceil(n * GROWTH);
  return n;
}
