/**
 * Java equality and ordering as templates use them: `Object.equals` (for `.equals()`, `contains`,
 * `indexOf`, `containsValue`) and Velocity 1.7's `==` and `<` rules (`ASTEQNode`, `ASTLTNode`).
 */
import {
  JavaBigDecimal,
  JavaBigInteger,
  JavaDouble,
  JavaFloat,
  JavaLong,
  isJavaNumber,
  toBigDecimal,
  toDouble,
  type JavaNumber,
} from './numbers.js';
import { calculationBase } from './arithmetic.js';
import { toJavaString } from './print.js';
import { JavaChar, JavaList, JavaMap, MapEntry, MapView, type Value } from './values.js';
import type { Meter } from './meter.js';

/**
 * `a.equals(b)` with Java's class-sensitive semantics (Integer 1 does not equal Long 1). Charges one unit
 * per pair compared and the characters of compared strings, so comparing values that share structure
 * exponentially (a list holding itself twice, nested) stops at the work budget.
 */
export function javaEquals(a: Value, b: Value, meter: Meter): boolean {
  meter.charge(1);
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === 'string') {
    if (typeof b !== 'string' || a.length !== b.length) return false;
    meter.chars(a.length);
    return a === b;
  }
  if (typeof a === 'number' || typeof a === 'boolean') return false;
  if (a instanceof JavaDouble) return b instanceof JavaDouble && sameDoubleBits(a.value, b.value);
  if (a instanceof JavaFloat) return b instanceof JavaFloat && sameDoubleBits(a.value, b.value);
  if (a instanceof JavaLong) return b instanceof JavaLong && a.value === b.value;
  if (a instanceof JavaBigInteger) return b instanceof JavaBigInteger && a.value === b.value;
  if (a instanceof JavaBigDecimal) return b instanceof JavaBigDecimal && a.unscaled === b.unscaled && a.scale === b.scale;
  if (a instanceof JavaChar) return b instanceof JavaChar && a.value === b.value;
  if (a instanceof JavaMap) return b instanceof JavaMap && mapsEqual(a, b, meter);
  if (a instanceof JavaList) return b instanceof JavaList && collectionsEqual(a, b, meter);
  if (a instanceof MapEntry) return b instanceof MapEntry && javaEquals(a.key, b.key, meter) && javaEquals(a.value, b.value, meter);
  return false;
}

function sameDoubleBits(x: number, y: number): boolean {
  return Object.is(x, y);
}

function mapsEqual(a: JavaMap, b: JavaMap, meter: Meter): boolean {
  if (a.size !== b.size) return false;
  for (const { key, value } of a.entries()) {
    if (!b.has(key)) return false;
    if (!javaEquals(value, b.get(key) ?? null, meter)) return false;
  }
  return true;
}

/**
 * `List.equals` is another List in the same order; `AbstractSet.equals` (keySet, entrySet) another Set of
 * the same size holding every element, in any order; a `values()` view keeps `Object.equals`, so it
 * equals only itself. A List never equals a Set.
 */
function collectionsEqual(a: JavaList, b: JavaList, meter: Meter): boolean {
  if (a.flavour === 'collection' || b.flavour === 'collection') {
    // HashMap caches its values() view: two calls on one map give the same object.
    return a instanceof MapView && b instanceof MapView && a.map === b.map && a.view === b.view;
  }
  const aSet = a.flavour === 'set';
  if (aSet !== (b.flavour === 'set')) return false;
  if (!aSet) return listsEqual(a, b, meter);
  const x = a.items;
  const y = b.items;
  if (x.length !== y.length) return false;
  return x.every((item) => y.some((other) => javaEquals(item, other, meter)));
}

function listsEqual(a: JavaList, b: JavaList, meter: Meter): boolean {
  const x = a.items;
  const y = b.items;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!javaEquals(x[i]!, y[i]!, meter)) return false;
  return true;
}

/** `MathUtils.compare`: the sign of `a - b` in the operands' calculation base. */
export function compareNumbers(a: JavaNumber, b: JavaNumber): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  switch (calculationBase(a, b)) {
    case 'long':
    case 'biginteger': {
      const x = typeof a === 'number' ? BigInt(a) : (a as JavaLong).value;
      const y = typeof b === 'number' ? BigInt(b) : (b as JavaLong).value;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'double':
    case 'float': {
      const x = toDouble(a);
      const y = toDouble(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'bigdecimal': {
      const x = toBigDecimal(a);
      const y = toBigDecimal(b);
      const scale = Math.max(x.scale, y.scale);
      const l = x.unscaled * 10n ** BigInt(scale - x.scale);
      const r = y.unscaled * 10n ** BigInt(scale - y.scale);
      return l < r ? -1 : l > r ? 1 : 0;
    }
  }
}

/** Velocity's notion of "one class is assignable from the other" for the classes templates see. */
function sameJavaFamily(a: Value, b: Value): boolean {
  if (typeof a === 'string') return typeof b === 'string';
  if (typeof a === 'boolean') return typeof b === 'boolean';
  if (a instanceof JavaMap) return b instanceof JavaMap;
  if (a instanceof JavaList) return b instanceof JavaList;
  if (a instanceof JavaChar) return b instanceof JavaChar;
  if (a instanceof MapEntry) return b instanceof MapEntry;
  return a === b;
}

/** Velocity 1.7 `==`: numbers by value, same-family objects by `equals`, anything else by `toString()`. */
export function velocityEquals(a: Value, b: Value, meter: Meter): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' && typeof b === 'string') {
    if (a.length !== b.length) return false;
    meter.chars(a.length);
    return a === b;
  }
  if (isJavaNumber(a) && isJavaNumber(b)) return compareNumbers(a, b) === 0;
  if (sameJavaFamily(a, b)) return javaEquals(a, b, meter);
  return toJavaString(a, meter) === toJavaString(b, meter);
}

/** Velocity 1.7 `<`, `<=`, `>`, `>=`: false unless both sides are numbers. */
export function velocityCompare(op: '<' | '<=' | '>' | '>=', a: Value, b: Value): boolean {
  if (!isJavaNumber(a) || !isJavaNumber(b)) return false;
  const c = compareNumbers(a, b);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** Velocity 1.7 truthiness: only null and `false` are false (`""`, `0` and empty lists are true). */
export function isTruthy(v: Value): boolean {
  return v !== null && v !== false;
}
