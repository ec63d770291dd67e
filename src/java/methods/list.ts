/**
 * The allow-listed `java.util.List` methods (ArrayList and json-smart's JSONArray). As Velocity resolves
 * overloads, `remove(0)` with an Integer removes by index and `remove("x")` removes by value.
 */
import { JavaException } from '../exceptions.js';
import { compareNumbers, javaEquals } from '../equality.js';
import { isJavaNumber } from '../numbers.js';
import { toJavaString } from '../print.js';
import { toJsonText } from '../json-write.js';
import { javaHashCode } from '../hash-code.js';
import { BYTES_PER_SLOT, type Meter } from '../meter.js';
import { noteMutation, JavaList, MapEntry, MapView, NO_METHOD, type NoMethod, type Value } from '../values.js';
import { collectionArg, intArg, requireNonNull } from './arguments.js';

function indexOutOfBounds(index: number, size: number): JavaException {
  return new JavaException('java.lang.IndexOutOfBoundsException', `Index ${index} out of bounds for length ${size}`);
}

function checkIndex(index: number, size: number): void {
  if (index < 0 || index >= size) throw indexOutOfBounds(index, size);
}

function indexOf(items: Value[], v: Value, meter: Meter): number {
  for (let i = 0; i < items.length; i++) if (javaEquals(items[i]!, v, meter)) return i;
  return -1;
}

function lastIndexOf(items: Value[], v: Value, meter: Meter): number {
  for (let i = items.length - 1; i >= 0; i--) if (javaEquals(items[i]!, v, meter)) return i;
  return -1;
}

/** `List.sort(null)`: natural ordering; strings and numbers only, as Comparable requires. */
function naturalCompare(a: Value, b: Value, meter: Meter): number {
  meter.charge(1);
  if (typeof a === 'string' && typeof b === 'string') {
    meter.chars(Math.min(a.length, b.length));
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (isJavaNumber(a) && isJavaNumber(b) && typeof a === typeof b) return compareNumbers(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw new JavaException('java.lang.ClassCastException', 'values are not mutually comparable');
}

const RESIZING = new Set(['add', 'addAll', 'remove', 'clear']);
/** What a Set or Collection (a map view) offers: no positional access, no adding. */
const VIEW_METHODS = new Set(['size', 'isEmpty', 'contains', 'containsAll', 'toString', 'hashCode', 'equals', 'remove', 'clear', 'add', 'addAll']);

/** Methods that may change a list (reads of cached values must not survive them). */
const MUTATING = new Set(['add', 'addAll', 'remove', 'removeAll', 'retainAll', 'set', 'clear', 'sort', 'replaceAll', 'removeIf']);

export function invokeList(list: JavaList, name: string, args: Value[], meter: Meter): Value | NoMethod {
  if (MUTATING.has(name)) noteMutation();
  if (list instanceof MapView) return invokeView(list, name, args, meter);
  const before = list.items.length;
  const result = dispatchList(list, name, args, meter);
  if (list.items.length !== before || name === 'sort') list.modCount++;
  return result;
}

/** Adding `count` elements: their slots are allocated, and copying them is work. */
function grow(count: number, meter: Meter): void {
  meter.elements(count);
  meter.alloc(count * BYTES_PER_SLOT);
}

function dispatchList(list: JavaList, name: string, args: Value[], meter: Meter): Value | NoMethod {
  const items = list.items;
  if (list.flavour === 'array' && RESIZING.has(name)) {
    // A Java array seen through Velocity's list wrapper cannot change size.
    throw new JavaException('java.lang.UnsupportedOperationException', '');
  }
  const [a, b] = args;
  switch (args.length) {
    case 0:
      switch (name) {
        case 'size':
          return items.length;
        case 'isEmpty':
          return items.length === 0;
        case 'toString':
          return toJavaString(list, meter);
        case 'toJSONString':
          return list.json ? toJsonText(list, meter) : NO_METHOD;
        case 'hashCode':
          return javaHashCode(list, meter);
        case 'clear':
          items.length = 0;
          return null;
      }
      return NO_METHOD;
    case 1:
      switch (name) {
        case 'get': {
          const i = intArg(a);
          if (i === undefined) return NO_METHOD;
          checkIndex(i, items.length);
          return items[i]!;
        }
        case 'add':
          grow(1, meter);
          items.push(a!);
          return true;
        case 'addAll': {
          const other = collectionArg(a);
          if (other === undefined) return NO_METHOD;
          const added = requireNonNull(other).items;
          grow(added.length, meter);
          for (let i = 0, n = added.length; i < n; i++) items.push(added[i]!);
          return added.length > 0;
        }
        case 'remove': {
          if (typeof a === 'number') {
            checkIndex(a, items.length);
            meter.elements(items.length - a);
            return items.splice(a, 1)[0]!;
          }
          const i = indexOf(items, a!, meter);
          if (i < 0) return false;
          meter.elements(items.length - i);
          items.splice(i, 1);
          return true;
        }
        case 'contains':
          return indexOf(items, a!, meter) >= 0;
        case 'containsAll': {
          const other = collectionArg(a);
          if (other === undefined) return NO_METHOD;
          return requireNonNull(other).items.every((v) => indexOf(items, v, meter) >= 0);
        }
        case 'indexOf':
          return indexOf(items, a!, meter);
        case 'lastIndexOf':
          return lastIndexOf(items, a!, meter);
        case 'equals':
          return javaEquals(list, a!, meter);
        case 'sort':
          if (a !== null) return NO_METHOD;
          items.sort((x, y) => naturalCompare(x, y, meter));
          return null;
      }
      return NO_METHOD;
    case 2:
      switch (name) {
        case 'set': {
          const i = intArg(a);
          if (i === undefined) return NO_METHOD;
          checkIndex(i, items.length);
          const previous = items[i]!;
          items[i] = b!;
          return previous;
        }
        case 'add': {
          const i = intArg(a);
          if (i === undefined) return NO_METHOD;
          if (i < 0 || i > items.length) throw indexOutOfBounds(i, items.length);
          grow(1 + items.length - i, meter);
          items.splice(i, 0, b!);
          return null;
        }
        case 'addAll': {
          const i = intArg(a);
          const other = collectionArg(b);
          if (i === undefined || other === undefined) return NO_METHOD;
          if (i < 0 || i > items.length) throw indexOutOfBounds(i, items.length);
          const added = requireNonNull(other).items;
          grow(added.length + items.length - i, meter);
          // No spread: a list of a million elements would overflow the argument stack.
          const inserted = added.slice();
          const tail = items.splice(i);
          for (const x of inserted) items.push(x);
          for (const x of tail) items.push(x);
          return added.length > 0;
        }
        case 'subList': {
          const from = intArg(a);
          const to = intArg(b);
          if (from === undefined || to === undefined) return NO_METHOD;
          if (from < 0 || to > items.length || from > to) {
            throw new JavaException('java.lang.IndexOutOfBoundsException', `fromIndex: ${from}, toIndex: ${to}, size: ${items.length}`);
          }
          // ArrayList.subList is a plain List view (even of a JSONArray): it prints the Java way.
          grow(to - from, meter);
          return new JavaList(items.slice(from, to));
        }
      }
      return NO_METHOD;
  }
  return NO_METHOD;
}

function invokeView(view: MapView, name: string, args: Value[], meter: Meter): Value | NoMethod {
  if (!VIEW_METHODS.has(name)) return NO_METHOD;
  // A view's elements are read from the map on every call.
  grow(view.map.size, meter);
  if (name === 'add' || name === 'addAll') throw new JavaException('java.lang.UnsupportedOperationException', '');
  if (name === 'clear' && args.length === 0) {
    view.map.clear();
    return null;
  }
  if (name === 'remove' && args.length === 1) {
    const [a] = args;
    if (view.view === 'keys') {
      const had = view.map.has(a!);
      view.map.delete(a!);
      return had;
    }
    const entry = view.map
      .entries()
      .find((e) => (view.view === 'values' ? javaEquals(e.value, a!, meter) : javaEquals(new MapEntry(view.map, e.key, e.value), a!, meter)));
    if (!entry) return false;
    view.map.delete(entry.key);
    return true;
  }
  return dispatchList(view, name, args, meter);
}

/** Velocity property access on a List: only `isEmpty()` is a getter. */
export function listProperty(list: JavaList, name: string): Value | undefined {
  return name === 'empty' ? list.items.length === 0 : undefined;
}
