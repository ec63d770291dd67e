/**
 * The allow-listed `java.util.List` methods (ArrayList and json-smart's JSONArray). As Velocity resolves
 * overloads, `remove(0)` with an Integer removes by index and `remove("x")` removes by value.
 */
import { JavaException } from '../exceptions.js';
import { compareNumbers, javaEquals } from '../equality.js';
import { isJavaNumber } from '../numbers.js';
import { toJavaString } from '../print.js';
import { toJsonText } from '../json-write.js';
import { noteMutation, stringHashCode, JavaList, MapEntry, MapView, NO_METHOD, type NoMethod, type Value } from '../values.js';
import { collectionArg, intArg, requireNonNull } from './arguments.js';

function indexOutOfBounds(index: number, size: number): JavaException {
  return new JavaException('java.lang.IndexOutOfBoundsException', `Index ${index} out of bounds for length ${size}`);
}

function checkIndex(index: number, size: number): void {
  if (index < 0 || index >= size) throw indexOutOfBounds(index, size);
}

function indexOf(items: Value[], v: Value): number {
  for (let i = 0; i < items.length; i++) if (javaEquals(items[i]!, v)) return i;
  return -1;
}

function lastIndexOf(items: Value[], v: Value): number {
  for (let i = items.length - 1; i >= 0; i--) if (javaEquals(items[i]!, v)) return i;
  return -1;
}

/** `List.sort(null)`: natural ordering; strings and numbers only, as Comparable requires. */
function naturalCompare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (isJavaNumber(a) && isJavaNumber(b) && typeof a === typeof b) return compareNumbers(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  throw new JavaException('java.lang.ClassCastException', 'values are not mutually comparable');
}

const RESIZING = new Set(['add', 'addAll', 'remove', 'clear']);
/** What a Set or Collection (a map view) offers: no positional access, no adding. */
const VIEW_METHODS = new Set(['size', 'isEmpty', 'contains', 'containsAll', 'toString', 'hashCode', 'equals', 'remove', 'clear', 'add', 'addAll']);

/** Methods that may change a list (reads of cached values must not survive them). */
const MUTATING = new Set(['add', 'addAll', 'remove', 'removeAll', 'retainAll', 'set', 'clear', 'sort', 'replaceAll', 'removeIf']);

export function invokeList(list: JavaList, name: string, args: Value[]): Value | NoMethod {
  if (MUTATING.has(name)) noteMutation();
  if (list instanceof MapView) return invokeView(list, name, args);
  const before = list.items.length;
  const result = dispatchList(list, name, args);
  if (list.items.length !== before || name === 'sort') list.modCount++;
  return result;
}

function dispatchList(list: JavaList, name: string, args: Value[]): Value | NoMethod {
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
          return toJavaString(list);
        case 'toJSONString':
          return list.json ? toJsonText(list) : NO_METHOD;
        case 'hashCode':
          return stringHashCode(toJavaString(list));
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
          items.push(a!);
          return true;
        case 'addAll': {
          const other = collectionArg(a);
          if (other === undefined) return NO_METHOD;
          const added = requireNonNull(other).items;
          items.push(...added);
          return added.length > 0;
        }
        case 'remove': {
          if (typeof a === 'number') {
            checkIndex(a, items.length);
            return items.splice(a, 1)[0]!;
          }
          const i = indexOf(items, a!);
          if (i < 0) return false;
          items.splice(i, 1);
          return true;
        }
        case 'contains':
          return indexOf(items, a!) >= 0;
        case 'containsAll': {
          const other = collectionArg(a);
          if (other === undefined) return NO_METHOD;
          return requireNonNull(other).items.every((v) => indexOf(items, v) >= 0);
        }
        case 'indexOf':
          return indexOf(items, a!);
        case 'lastIndexOf':
          return lastIndexOf(items, a!);
        case 'equals':
          return javaEquals(list, a!);
        case 'sort':
          if (a !== null) return NO_METHOD;
          items.sort(naturalCompare);
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
          items.splice(i, 0, b!);
          return null;
        }
        case 'addAll': {
          const i = intArg(a);
          const other = collectionArg(b);
          if (i === undefined || other === undefined) return NO_METHOD;
          if (i < 0 || i > items.length) throw indexOutOfBounds(i, items.length);
          const added = requireNonNull(other).items;
          items.splice(i, 0, ...added);
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
          return new JavaList(items.slice(from, to));
        }
      }
      return NO_METHOD;
  }
  return NO_METHOD;
}

function invokeView(view: MapView, name: string, args: Value[]): Value | NoMethod {
  if (!VIEW_METHODS.has(name)) return NO_METHOD;
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
    const entry = view.map.entries().find((e) => (view.view === 'values' ? javaEquals(e.value, a!) : javaEquals(new MapEntry(view.map, e.key, e.value), a!)));
    if (!entry) return false;
    view.map.delete(entry.key);
    return true;
  }
  return dispatchList(view, name, args);
}

/** Velocity property access on a List: only `isEmpty()` is a getter. */
export function listProperty(list: JavaList, name: string): Value | undefined {
  return name === 'empty' ? list.items.length === 0 : undefined;
}
