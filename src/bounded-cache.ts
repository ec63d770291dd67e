/**
 * A least-recently-used cache of values derived from a text (compiled patterns, parsed paths), bounded
 * twice: by entry count and by the total length of the keys, so that neither many keys nor a few huge
 * ones can grow it. Owned by whatever shares its lifetime (a compiled template), never process-wide.
 */
export class TextKeyedCache<V> {
  /** A Map iterates in insertion order: re-inserting on every hit makes it the LRU list. */
  private readonly entries = new Map<string, V>();
  private length = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxTotalLength: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Total characters of the keys kept. */
  get totalLength(): number {
    return this.length;
  }

  /** The value kept for `key`, now the most recently used; undefined on a miss. */
  lookup(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Keeps `value` for `key`, evicting the least recently used; a key over a quarter of the budget is not kept. */
  store(key: string, value: V): void {
    if (key.length > this.maxTotalLength / 4 || this.maxEntries <= 0 || this.entries.has(key)) return;
    this.entries.set(key, value);
    this.length += key.length;
    while (this.entries.size > this.maxEntries || this.length > this.maxTotalLength) {
      const oldest = this.entries.keys().next().value!;
      this.entries.delete(oldest);
      this.length -= oldest.length;
    }
  }
}
