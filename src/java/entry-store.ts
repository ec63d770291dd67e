/**
 * The entries of a map in insertion order, keyed by identity (strict equality; the map turns value-keys
 * into tokens first). Most maps a template sees are small JSON objects — an item of a body has a handful
 * of keys — and for those one array of alternating keys and values is cheaper to build, to look up, to
 * iterate and to keep alive than a hash table: no table per object, a lookup compares a few keys, and a
 * parsed body of many objects stays small for the garbage collector. Past {@link SMALL_ENTRIES} entries
 * the store becomes a `Map`, so lookups stay constant-time on big maps.
 */

/** Above this many entries the array is replaced by a hash table. */
export const SMALL_ENTRIES = 8;

export type StoreKey = string | number | boolean | null | object;

export class EntryStore<V> {
  private table: Map<StoreKey, V> | null = null;

  /**
   * `pairs` (key, value, key, value, …) becomes the store's own; its keys must be distinct.
   */
  constructor(private pairs: Array<StoreKey | V> = []) {
    if (pairs.length > 2 * SMALL_ENTRIES) {
      const table = new Map<StoreKey, V>();
      for (let i = 0; i < pairs.length; i += 2) table.set(pairs[i] as StoreKey, pairs[i + 1] as V);
      this.table = table;
      this.pairs = [];
    }
  }

  get size(): number {
    return this.table ? this.table.size : this.pairs.length >> 1;
  }

  /** The index of `key` in the pairs, or -1 (a plain loop: faster than indexOf on a few keys). */
  private find(key: StoreKey): number {
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return i;
    return -1;
  }

  get(key: StoreKey): V | undefined {
    if (this.table) return this.table.get(key);
    const i = this.find(key);
    return i < 0 ? undefined : (this.pairs[i + 1] as V);
  }

  has(key: StoreKey): boolean {
    return this.table ? this.table.has(key) : this.find(key) >= 0;
  }

  /** Puts `value` under `key`, keeping the position of an existing key; true when the key is new. */
  set(key: StoreKey, value: V): boolean {
    const table = this.table;
    if (table) {
      const size = table.size;
      table.set(key, value);
      return table.size !== size;
    }
    const pairs = this.pairs;
    const i = this.find(key);
    if (i >= 0) {
      pairs[i + 1] = value;
      return false;
    }
    if (pairs.length >= 2 * SMALL_ENTRIES) {
      const grown = new Map<StoreKey, V>();
      for (let j = 0; j < pairs.length; j += 2) grown.set(pairs[j] as StoreKey, pairs[j + 1] as V);
      grown.set(key, value);
      this.table = grown;
      this.pairs = [];
      return true;
    }
    pairs.push(key, value);
    return true;
  }

  /** Removes `key`; true when it was there. */
  delete(key: StoreKey): boolean {
    if (this.table) return this.table.delete(key);
    const i = this.find(key);
    if (i < 0) return false;
    this.pairs.splice(i, 2);
    return true;
  }

  clear(): void {
    this.table = null;
    this.pairs = [];
  }

  /** Visits the entries in insertion order. */
  forEach(visit: (key: StoreKey, value: V) => void): void {
    if (this.table) {
      for (const [k, v] of this.table) visit(k, v);
      return;
    }
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 2) visit(pairs[i] as StoreKey, pairs[i + 1] as V);
  }

  /** The keys in insertion order (a fresh array). */
  keys(): StoreKey[] {
    if (this.table) return [...this.table.keys()];
    const out: StoreKey[] = [];
    for (let i = 0; i < this.pairs.length; i += 2) out.push(this.pairs[i] as StoreKey);
    return out;
  }

  /** The values in insertion order (a fresh array). */
  values(): V[] {
    if (this.table) return [...this.table.values()];
    const out: V[] = [];
    for (let i = 1; i < this.pairs.length; i += 2) out.push(this.pairs[i] as V);
    return out;
  }
}
