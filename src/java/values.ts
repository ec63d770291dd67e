/**
 * The Java value model templates see. Every value a template touches is one of:
 *
 * - `null` (Java null; a reference never evaluates to it on API Gateway, but containers hold it)
 * - `string` (java.lang.String), `boolean` (java.lang.Boolean), a {@link JavaNumber}
 * - {@link JavaChar} (java.lang.Character, from `String.charAt`)
 * - {@link JavaMap} (LinkedHashMap, or HashMap for the maps API Gateway builds)
 * - {@link JavaList} (ArrayList from template literals, JSONArray from JSON)
 * - a {@link JavaObject}: `$input`, `$util`, `$foreach`, `Map.Entry`, a `#define` block, …
 *
 * Plain JavaScript objects never appear here, so no template can reach a JavaScript prototype.
 */
import { JavaBigDecimal, JavaBigInteger, JavaDouble, JavaFloat, JavaLong, type JavaNumber } from './numbers.js';
import { javaDoubleToString } from './double-to-string.js';
import type { Meter } from './meter.js';
import { EntryStore, type StoreKey } from './entry-store.js';

export type Value = null | string | boolean | JavaNumber | JavaChar | JavaMap | JavaList | JavaObject;

/** Returned by method dispatch when the value's class has no method of that name and signature. */
export const NO_METHOD: unique symbol = Symbol('no such method');
export type NoMethod = typeof NO_METHOD;

/** `java.lang.Character`. */
export class JavaChar {
  constructor(readonly value: string) {}
}

/** A Java object with its own allow-listed properties and methods. */
export abstract class JavaObject {
  /** The Java class name, used in error messages. */
  abstract readonly className: string;

  /** Velocity property access `$obj.name` (a `getName()`/`isName()` getter); `undefined` if none. */
  property(_name: string): Value | undefined {
    return undefined;
  }

  /**
   * A method call; {@link NO_METHOD} when the class has no such method for these arguments. Work and
   * allocation proportional to the data go on the render's meter.
   */
  invoke(_name: string, _args: Value[], _meter: Meter): Value | NoMethod {
    return NO_METHOD;
  }

  /** `Object.toString()`: what the object prints as (Java's default is the class name and a hash). */
  toJavaString(_meter: Meter): string {
    return this.className + '@1b6d3586';
  }
}

/** Key identity for {@link JavaMap}: primitives stand for themselves, other keys are tokens. */
type MapKey = StoreKey;

/**
 * The canonical text of a key whose identity is its value although it is an object here (Long 5,
 * Double 1.0, a Character), or undefined for primitives and for keys compared by identity (maps, lists).
 * Java's `equals`: Long 5 and Integer 5 are different keys, "5" and 5 too.
 */
function canonicalKey(key: Value): string | undefined {
  if (key instanceof JavaLong) return 'L' + key.value;
  if (key instanceof JavaBigInteger) return 'I' + key.value;
  if (key instanceof JavaDouble) return 'D' + javaDoubleToString(key.value);
  if (key instanceof JavaFloat) return 'F' + javaDoubleToString(key.value);
  if (key instanceof JavaBigDecimal) return 'B' + key.unscaled + 'e' + key.scale;
  if (key instanceof JavaChar) return 'C' + key.value;
  return undefined;
}

/** `String.hashCode()`. */
export function stringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** `Object.hashCode()` for the key classes HashMap ordering depends on. */
function javaHashCode(key: Value): number {
  if (key === null) return 0;
  if (typeof key === 'string') return stringHashCode(key);
  if (typeof key === 'number') return key | 0;
  if (typeof key === 'boolean') return key ? 1231 : 1237;
  if (key instanceof JavaLong) return Number(BigInt.asIntN(32, key.value ^ (key.value >> 32n)));
  if (key instanceof JavaChar) return key.value.charCodeAt(0);
  return 0;
}

/**
 * Counts writes to any map or list. A cached reading of a value (the canonical JSON of a parsed body)
 * stays valid only while this count is unchanged.
 */
let mutations = 0;

export function mutationCount(): number {
  return mutations;
}

export function noteMutation(): void {
  mutations++;
}

export type MapFlavour = 'linked' | 'hash';

interface MapTraits {
  printsEmpty: boolean;
  readOnly: boolean;
  adoptsMaps: boolean;
  beforeSet: ((key: Value) => void) | null;
}

/**
 * `java.util.LinkedHashMap` (JSON objects, `{…}` literals) or `java.util.HashMap` (every map API Gateway
 * builds: `$input.params()`, `$context`, `$stageVariables`). The two differ only in iteration order; a
 * HashMap is modelled by its bucket layout (String.hashCode, the default 16 buckets doubling at 75% load),
 * which reproduces the key orders recorded on AWS.
 */
export class JavaMap {
  /** Values by key identity, in insertion order. */
  private data: EntryStore<Value>;
  /**
   * Tokens standing for value-identity keys (see canonicalKey), and the original key of each token. They
   * live and die with the map's entries, so no key outlives the map that holds it.
   */
  private tokens: Map<string, object> | null = null;
  private objectKeys: Map<MapKey, Value> | null = null;
  /** A HashMap's bucket count and, once computed, its iteration order (null for linked maps). */
  private hash: { capacity: number; order: Array<{ key: Value; value: Value }> | null } | null = null;
  /** Bumped by structural changes (new key, removal), like Java's `modCount`. */
  modCount = 0;
  /**
   * What the few maps API Gateway builds specially do (`$context` and the maps inside it); null for
   * every other map, so the many maps of a parsed body carry one field instead of four.
   */
  private traits: MapTraits | null = null;

  constructor(readonly flavour: MapFlavour = 'linked') {
    this.data = new EntryStore();
    if (flavour === 'hash') this.hash = { capacity: 16, order: null };
  }

  private get writableTraits(): MapTraits {
    return (this.traits ??= { printsEmpty: false, readOnly: false, adoptsMaps: false, beforeSet: null });
  }

  /** True for the maps inside `$context`: they print as the empty string on AWS. */
  get printsEmpty(): boolean {
    return this.traits !== null && this.traits.printsEmpty;
  }
  set printsEmpty(on: boolean) {
    this.writableTraits.printsEmpty = on;
  }

  /** True for `$context` itself (an unmodifiable map on AWS). */
  get readOnly(): boolean {
    return this.traits !== null && this.traits.readOnly;
  }
  set readOnly(on: boolean) {
    this.writableTraits.readOnly = on;
  }

  /** Maps stored into this map become copies of this map's kind (AWS's `$context` sub-maps do this). */
  get adoptsMaps(): boolean {
    return this.traits !== null && this.traits.adoptsMaps;
  }
  set adoptsMaps(on: boolean) {
    this.writableTraits.adoptsMaps = on;
  }

  /** Called before every write (the override maps use it to allow each key to be set once). */
  get beforeSet(): ((key: Value) => void) | null {
    return this.traits === null ? null : this.traits.beforeSet;
  }
  set beforeSet(hook: ((key: Value) => void) | null) {
    this.writableTraits.beforeSet = hook;
  }

  /**
   * A LinkedHashMap the JSON parser filled: `pairs` holds distinct string keys and their values,
   * alternating, in order. The array becomes the map's own (the parser gives each object an array of
   * its exact size).
   */
  static fromParsed(pairs: Value[]): JavaMap {
    const map = new JavaMap('linked');
    map.data = new EntryStore<Value>(pairs);
    map.modCount = pairs.length >> 1;
    return map;
  }

  get size(): number {
    return this.data.size;
  }

  /** The identity under which `key` is stored, or undefined when no entry can have it. */
  private lookupKey(key: Value): MapKey | undefined {
    if (key === null || typeof key !== 'object') return key;
    const canonical = canonicalKey(key);
    return canonical === undefined ? key : this.tokens?.get(canonical);
  }

  private storeKey(key: Value): MapKey {
    if (key === null || typeof key !== 'object') return key;
    const canonical = canonicalKey(key);
    if (canonical === undefined) return key;
    this.tokens ??= new Map();
    let token = this.tokens.get(canonical);
    if (!token) {
      token = Object.freeze(Object.create(null) as object);
      this.tokens.set(canonical, token);
      (this.objectKeys ??= new Map()).set(token, key);
    }
    return token;
  }

  get(key: Value): Value | undefined {
    const k = this.lookupKey(key);
    return k === undefined ? undefined : this.data.get(k);
  }

  has(key: Value): boolean {
    const k = this.lookupKey(key);
    return k !== undefined && this.data.has(k);
  }

  /** `Map.put`: returns the previous value (Java null when there was none). */
  set(key: Value, value: Value): Value {
    const traits = this.traits;
    if (traits !== null && traits.beforeSet) traits.beforeSet(key);
    mutations++;
    const k = this.storeKey(key);
    const stored = traits !== null && traits.adoptsMaps && value instanceof JavaMap ? adoptMap(value, this) : value;
    const previous = this.data.get(k);
    const hash = this.hash;
    if (!this.data.set(k, stored)) {
      if (hash) hash.order = null;
      return previous ?? null;
    }
    this.modCount++;
    if (hash) {
      hash.order = null;
      while (this.data.size > hash.capacity * 0.75) hash.capacity *= 2;
    }
    return null;
  }

  /**
   * Insertion by the JSON parser into a map it just made: string keys, no hooks, Java's put semantics.
   * @returns false when the key was already there (a duplicate key in the body)
   */
  putParsed(key: string, value: Value): boolean {
    if (!this.data.set(key, value)) return false;
    this.modCount++;
    return true;
  }

  /** Visits the entries in Java iteration order without building an entry array (for linked maps). */
  forEachEntry(visit: (key: Value, value: Value) => void): void {
    if (this.flavour === 'hash' || this.objectKeys) {
      for (const e of this.entries()) visit(e.key, e.value);
      return;
    }
    this.data.forEach(visit as (key: MapKey, value: Value) => void);
  }

  delete(key: Value): Value {
    mutations++;
    const k = this.lookupKey(key);
    if (k === undefined || !this.data.has(k)) return null;
    const previous = this.data.get(k)!;
    this.data.delete(k);
    if (k !== null && typeof k === 'object' && this.objectKeys?.has(k)) {
      this.objectKeys.delete(k);
      this.tokens!.delete(canonicalKey(key)!);
    }
    if (this.hash) this.hash.order = null;
    this.modCount++;
    return previous;
  }

  clear(): void {
    mutations++;
    this.data.clear();
    this.objectKeys = null;
    this.tokens = null;
    if (this.hash) this.hash.order = null;
    this.modCount++;
  }

  private keyOf(k: MapKey): Value {
    return (this.objectKeys?.get(k) ?? k) as Value;
  }

  /** Entries in Java iteration order. The returned array must not be modified. */
  entries(): ReadonlyArray<{ key: Value; value: Value }> {
    if (this.flavour === 'hash') {
      const hash = this.hash!;
      if (!hash.order) hash.order = this.computeHashOrder();
      return hash.order;
    }
    const out: Array<{ key: Value; value: Value }> = [];
    this.data.forEach((k, value) => out.push({ key: this.keyOf(k), value }));
    return out;
  }

  keys(): Value[] {
    if (this.flavour === 'hash') return this.entries().map((e) => e.key);
    const out: Value[] = [];
    for (const k of this.data.keys()) out.push(this.keyOf(k));
    return out;
  }

  values(): Value[] {
    if (this.flavour === 'hash') return this.entries().map((e) => e.value);
    return this.data.values();
  }

  private computeHashOrder(): Array<{ key: Value; value: Value }> {
    const mask = this.hash!.capacity - 1;
    const all: Array<{ key: Value; value: Value; bucket: number; insertion: number }> = [];
    let insertion = 0;
    this.data.forEach((k, value) => {
      const key = this.keyOf(k);
      const h = javaHashCode(key);
      all.push({ key, value, bucket: (h ^ (h >>> 16)) & mask, insertion: insertion++ });
    });
    all.sort((a, b) => a.bucket - b.bucket || a.insertion - b.insertion);
    return all.map(({ key, value }) => ({ key, value }));
  }
}

function adoptMap(value: JavaMap, owner: JavaMap): JavaMap {
  if (value.adoptsMaps && value.printsEmpty === owner.printsEmpty) return value;
  const copy = new JavaMap(owner.flavour);
  copy.printsEmpty = owner.printsEmpty;
  copy.adoptsMaps = true;
  for (const { key, value: v } of value.entries()) copy.set(key, v);
  return copy;
}

/**
 * What a list is in Java, which decides how it prints and what it can do:
 * - `list`: `java.util.ArrayList` (template literals, ranges), printed `[a, b]`;
 * - `json`: `net.minidev.json.JSONArray` (JSON arrays), printed as compact JSON;
 * - `array`: a Java array (`String.split`), fixed-size, printed as Java prints arrays (`[Ljava.lang.String;@…`);
 * - `set` / `collection`: a map's `keySet()`/`entrySet()` or `values()` view (see {@link MapView}).
 */
export type ListFlavour = 'list' | 'json' | 'array' | 'set' | 'collection';

export class JavaList {
  /** Bumped by structural changes, so an iteration can fail like Java's (ConcurrentModificationException). */
  modCount = 0;
  private readonly elements: Value[];

  constructor(
    items: Value[] = [],
    readonly flavour: ListFlavour = 'list',
  ) {
    this.elements = items;
  }

  /** The elements, in order (a live array for ordinary lists). */
  get items(): Value[] {
    return this.elements;
  }

  get json(): boolean {
    return this.flavour === 'json';
  }
}

/**
 * `map.keySet()`, `map.values()` and `map.entrySet()`: live views of a map, as in Java. They print and
 * iterate like lists, but they are Sets and Collections: no `get(i)` or `[i]`, no `add`; removing from
 * a view removes from the map.
 */
export class MapView extends JavaList {
  constructor(
    readonly map: JavaMap,
    readonly view: 'keys' | 'values' | 'entries',
  ) {
    super([], view === 'values' ? 'collection' : 'set');
  }

  override get items(): Value[] {
    const entries = this.map.entries();
    if (this.view === 'keys') return entries.map((e) => e.key);
    if (this.view === 'values') return entries.map((e) => e.value);
    return entries.map((e) => new MapEntry(this.map, e.key, e.value));
  }
}

/** `Map.Entry`, as `entrySet()` yields it: `$e.key`, `$e.value`, `$e.setValue(v)`. */
export class MapEntry extends JavaObject {
  readonly className = 'java.util.Map$Entry';

  constructor(
    readonly map: JavaMap,
    readonly key: Value,
    private current: Value,
  ) {
    super();
  }

  get value(): Value {
    return this.current;
  }

  override property(name: string): Value | undefined {
    if (name === 'key') return this.key;
    if (name === 'value') return this.current;
    return undefined;
  }

  override invoke(name: string, args: Value[]): Value | NoMethod {
    if (args.length === 0 && name === 'getKey') return this.key;
    if (args.length === 0 && name === 'getValue') return this.current;
    if (args.length === 1 && name === 'setValue') {
      const previous = this.current;
      this.current = args[0]!;
      this.map.set(this.key, this.current);
      return previous;
    }
    return NO_METHOD;
  }
}
