/** An intrusive doubly linked LRU list: oldest at the head, newest at the tail. */
export interface LruNode {
  prev: LruNode | null;
  next: LruNode | null;
}

export class LruList<T extends LruNode> {
  #head: T | null = null;
  #tail: T | null = null;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The least recently used node, or null. */
  oldest(): T | null {
    return this.#head;
  }

  /** Append as newest. */
  push(n: T): void {
    n.prev = this.#tail;
    n.next = null;
    if (this.#tail) this.#tail.next = n;
    else this.#head = n;
    this.#tail = n;
    this.#size++;
  }

  remove(n: T): void {
    if (n.prev) n.prev.next = n.next;
    else this.#head = n.next as T | null;
    if (n.next) n.next.prev = n.prev;
    else this.#tail = n.prev as T | null;
    n.prev = n.next = null;
    this.#size--;
  }

  /** Mark as most recently used. */
  touch(n: T): void {
    if (this.#tail === n) return;
    this.remove(n);
    this.push(n);
  }
}
