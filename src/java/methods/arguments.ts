/**
 * How Velocity matches template arguments to Java parameter types (method invocation conversion):
 * an Integer or Character fits an `int`; Integer, Long or Character fit a `long`; any number fits a
 * `double`; a String (or null) fits `String`/`CharSequence`/`Object`. A call whose arguments fit no
 * overload finds no method, which API Gateway renders as the empty string.
 */
import { JavaException } from '../exceptions.js';
import { JavaChar, JavaList, JavaMap, type Value } from '../values.js';

/** An `int` parameter: an Integer, or a Character widened to its code. */
export function intArg(v: Value | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof JavaChar) return v.value.charCodeAt(0);
  return undefined;
}

/** A `String` or `CharSequence` parameter: a string, or Java null. */
export function isStringArg(v: Value | undefined): v is string | null {
  return v === null || typeof v === 'string';
}

/** A `char` parameter. */
export function charArg(v: Value | undefined): string | undefined {
  return v instanceof JavaChar ? v.value : undefined;
}

/** A `boolean` parameter. */
export function booleanArg(v: Value | undefined): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** A `Collection` parameter (a list, or a map's keySet/values which are lists here). */
export function collectionArg(v: Value | undefined): JavaList | null | undefined {
  if (v === null || v instanceof JavaList) return v;
  return undefined;
}

/** A `Map` parameter. */
export function mapArg(v: Value | undefined): JavaMap | null | undefined {
  if (v === null || v instanceof JavaMap) return v;
  return undefined;
}

/** Java throws NullPointerException when a method dereferences a null argument. */
export function requireNonNull<T>(v: T | null): T {
  if (v === null) throw new JavaException('java.lang.NullPointerException', '');
  return v;
}
