/**
 * An LRU order over numeric keys: a `Map` in insertion order (oldest first),
 * plus one long-lived iterator to find the oldest entry.
 *
 * Why not `map.keys().next()` each time: V8 leaves a hole in the table for
 * every deleted entry until it rehashes, and a fresh iterator walks over all
 * the holes at the front: with a large cache where most operations move a
 * page to the newest end, that is O(n) per eviction. One iterator kept across
 * calls never goes back: everything before it is deleted, so the first live
 * entry after it is the oldest (a moved entry is re-inserted at the end).
 */
export class LruMap<V> {
  readonly #map = new Map<number, V>();
  #it: MapIterator<[number, V]> = this.#map.entries();
  /** The entry the iterator stands on, while it is still in the map at that place. */
  #head: [number, V] | null = null;

  get size(): number {
    return this.#map.size;
  }

  has(key: number): boolean {
    return this.#map.has(key);
  }

  get(key: number): V | undefined {
    return this.#map.get(key);
  }

  /** Insert `key` as the newest entry, or move it there. */
  touch(key: number, value: V): void {
    this.delete(key);
    this.#map.set(key, value);
  }

  delete(key: number): boolean {
    if (this.#head !== null && this.#head[0] === key) this.#head = null;
    return this.#map.delete(key);
  }

  /** The oldest entry, or null when empty (it stays in the map). */
  oldest(): [number, V] | null {
    if (this.#head !== null) return this.#head;
    if (this.#map.size === 0) return null;
    let r = this.#it.next();
    if (r.done) {
      // the iterator ran off the end once (the map was emptied): start again
      this.#it = this.#map.entries();
      r = this.#it.next();
    }
    this.#head = r.done ? null : r.value;
    return this.#head;
  }

  /** Entries, oldest first. */
  entries(): MapIterator<[number, V]> {
    return this.#map.entries();
  }

  clear(): void {
    this.#map.clear();
    this.#head = null;
    this.#it = this.#map.entries();
  }
}
