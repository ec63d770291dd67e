/**
 * The single entry point from templates into Java values: method calls, property reads (`$x.name`) and
 * index reads (`$x[i]`). Every call goes through an explicit allow-list per class; nothing reaches a
 * JavaScript object or prototype, so names like `constructor` or `__proto__` simply find nothing.
 */
import { isJavaNumber } from '../numbers.js';
import { JavaException } from '../exceptions.js';
import { JavaChar, JavaList, JavaMap, JavaObject, MapEntry, MapView, NO_METHOD, type NoMethod, type Value } from '../values.js';
import { javaEquals } from '../equality.js';
import { javaHashCode } from '../hash-code.js';
import { toJavaString } from '../print.js';
import { invokeString, stringProperty } from './string.js';
import type { MethodContext } from './context.js';
import type { Meter } from '../meter.js';
import { invokeMap } from './map.js';
import { invokeList, listProperty } from './list.js';
import { invokeBoolean, invokeChar, invokeNumber } from './scalar.js';

/** Calls `target.name(args)`; {@link NO_METHOD} when the class has no such (allowed) method. */
export function invokeMethod(target: Value, name: string, args: Value[], rt: MethodContext): Value | NoMethod {
  if (typeof target === 'string') return invokeString(target, name, args, rt);
  if (target instanceof JavaMap) return invokeMap(target, name, args, rt.meter);
  if (target instanceof JavaList) return invokeList(target, name, args, rt.meter);
  if (target instanceof MapEntry) return invokeEntry(target, name, args, rt.meter);
  if (target instanceof JavaObject) return target.invoke(name, args, rt.meter);
  if (typeof target === 'boolean') return invokeBoolean(target, name, args);
  if (target instanceof JavaChar) return invokeChar(target, name, args, rt.meter);
  if (target !== null && isJavaNumber(target)) return invokeNumber(target, name, args, rt.meter);
  return NO_METHOD;
}

/** `Map.Entry`: its accessors, and the Object methods it defines by key and value. */
function invokeEntry(entry: MapEntry, name: string, args: Value[], meter: Meter): Value | NoMethod {
  if (args.length === 0 && name === 'hashCode') return javaHashCode(entry, meter);
  if (args.length === 0 && name === 'toString') return toJavaString(entry, meter);
  if (args.length === 1 && name === 'equals') return javaEquals(entry, args[0]!, meter);
  return entry.invoke(name, args);
}

/**
 * Velocity's `$x.name`: a Map reads the key; other classes read a `getName()`/`isName()` getter.
 * `undefined` when there is none.
 */
export function readProperty(target: Value, name: string): Value | undefined {
  if (target instanceof JavaMap) return target.get(name);
  if (target instanceof JavaObject) return target.property(name);
  if (typeof target === 'string') return stringProperty(target, name);
  if (target instanceof JavaList) return listProperty(target, name);
  return undefined;
}

/**
 * Velocity 1.7's `$x[i]`: a list element (negative indexes count from the end), a map value, or
 * `get(i)` on an object that has one. Out-of-range list indexes throw, as `ArrayList.get` does.
 */
export function readIndex(target: Value, index: Value, meter: Meter): Value | undefined {
  if (target instanceof MapView) return undefined; // a Set or Collection has no positions
  if (target instanceof JavaList) {
    if (typeof index !== 'number') return undefined;
    const size = target.items.length;
    const i = index < 0 ? size + index : index;
    if (i < 0 || i >= size) {
      throw new JavaException('java.lang.IndexOutOfBoundsException', `Index ${index} out of bounds for length ${size}`);
    }
    return target.items[i];
  }
  if (target instanceof JavaMap) return target.get(index);
  if (target instanceof JavaObject) {
    const r = target.invoke('get', [index], meter);
    return r === NO_METHOD ? undefined : r;
  }
  return undefined;
}

export { NO_METHOD };
export type { NoMethod };
