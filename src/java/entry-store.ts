/**
 * The entries of a map in insertion order, keyed by identity (strict equality; the map turns value-keys
 * into tokens first). Most maps a template sees are small JSON objects — an item of a body has a handful
 * of keys — and for those two parallel arrays are cheaper to build, to look up and to iterate than a
 * hash table: no table is allocated per object, and a lookup compares a few keys. Past
 * {@link SMALL_ENTRIES} entries the store becomes a `Map`, so lookups stay constant-time on big maps.
 */

/** Above this many entries the arrays are replaced by a hash table. */
export const SMALL_ENTRIES = 8;

export type StoreKey = string | number | boolean | null | object;

export class EntryStore<V> {
  private table: Map<StoreKey, V> | null = null;

  /** Keys and values given here belong to the store; the keys must be distinct. */
  constructor(
    private keyList: StoreKey[] = [],
    private valueList: V[] = [],
  ) {
    if (keyList.length > SMALL_ENTRIES) {
      this.table = new Map();
      for (let i = 0; i < keyList.length; i++) this.table.set(keyList[i]!, valueList[i]!);
      this.keyList = [];
      this.valueList = [];
    }
  }

  get size(): number {
    return this.table ? this.table.size : this.keyList.length;
  }

  /** The position of `key` in the arrays, or -1 (a plain loop: faster than indexOf on a few keys). */
  private find(key: StoreKey): number {
    const keys = this.keyList;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
    return -1;
  }

  get(key: StoreKey): V | undefined {
    if (this.table) return this.table.get(key);
    const i = this.find(key);
    return i < 0 ? undefined : this.valueList[i];
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
    const keys = this.keyList;
    const i = this.find(key);
    if (i >= 0) {
      this.valueList[i] = value;
      return false;
    }
    if (keys.length >= SMALL_ENTRIES) {
      const grown = new Map<StoreKey, V>();
      for (let j = 0; j < keys.length; j++) grown.set(keys[j]!, this.valueList[j]!);
      grown.set(key, value);
      this.table = grown;
      this.keyList = [];
      this.valueList = [];
      return true;
    }
    keys.push(key);
    this.valueList.push(value);
    return true;
  }

  /** Removes `key`; true when it was there. */
  delete(key: StoreKey): boolean {
    if (this.table) return this.table.delete(key);
    const i = this.find(key);
    if (i < 0) return false;
    this.keyList.splice(i, 1);
    this.valueList.splice(i, 1);
    return true;
  }

  clear(): void {
    this.table = null;
    this.keyList = [];
    this.valueList = [];
  }

  /** Visits the entries in insertion order. */
  forEach(visit: (key: StoreKey, value: V) => void): void {
    if (this.table) {
      for (const [k, v] of this.table) visit(k, v);
      return;
    }
    const keys = this.keyList;
    const values = this.valueList;
    for (let i = 0; i < keys.length; i++) visit(keys[i]!, values[i]!);
  }

  /** The keys in insertion order (a fresh array). */
  keys(): StoreKey[] {
    return this.table ? [...this.table.keys()] : this.keyList.slice();
  }

  /** The values in insertion order (a fresh array). */
  values(): V[] {
    return this.table ? [...this.table.values()] : this.valueList.slice();
  }
}
