/**
 * An impossible or malformed request (umount of an unknown filesystem, a
 * swap type outside 0..31, a refused registration...). Thrown before any
 * state is changed, so a caught `SimError` always leaves the simulation intact.
 */
export class SimError extends Error {
  override name = "SimError";
}
