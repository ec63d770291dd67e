/**
 * `Object.hashCode()` as the JDK computes it for the classes templates see: `String` (s[0]·31^(n-1) + …),
 * `Integer` (the value), `Long` and `Double` (the 64 bits folded), `Boolean` (1231/1237), `Character`,
 * `List` (31·h + e for each element), `Map` (the sum of key ^ value over the entries), `Map.Entry`.
 * Charged per node and per character, so values that share structure exponentially stop at the budget.
 */
import { JavaBigDecimal, JavaBigInteger, JavaDouble, JavaFloat, JavaLong } from './numbers.js';
import type { Meter } from './meter.js';
import { JavaDepthError, MAX_NESTING } from './nesting.js';
import { JavaChar, JavaList, JavaMap, JavaObject, MapEntry, stringHashCode, type Value } from './values.js';

const scratch = new DataView(new ArrayBuffer(8));

function foldLong(value: bigint): number {
  return Number(BigInt.asIntN(32, value ^ (BigInt.asUintN(64, value) >> 32n)));
}

function doubleHash(d: number): number {
  // Double.doubleToLongBits: every NaN has the canonical bits.
  scratch.setFloat64(0, Number.isNaN(d) ? NaN : d);
  return (scratch.getInt32(0) ^ scratch.getInt32(4)) | 0;
}

function floatHash(f: number): number {
  scratch.setFloat32(0, Number.isNaN(f) ? NaN : f);
  return scratch.getInt32(0);
}

/** BigInteger.hashCode: 31·h + each 32-bit word of the magnitude, most significant first, times the sign. */
function bigIntegerHash(value: bigint): number {
  const negative = value < 0n;
  let magnitude = negative ? -value : value;
  const words: number[] = [];
  while (magnitude > 0n) {
    words.push(Number(BigInt.asUintN(32, magnitude)));
    magnitude >>= 32n;
  }
  let h = 0;
  for (let i = words.length - 1; i >= 0; i--) h = (Math.imul(31, h) + words[i]!) | 0;
  return negative ? -h | 0 : h;
}

export function javaHashCode(v: Value, meter: Meter): number {
  return hash(v, 0, meter);
}

function hash(v: Value, depth: number, meter: Meter): number {
  meter.charge(1);
  if (v === null) return 0;
  switch (typeof v) {
    case 'string':
      meter.chars(v.length);
      return stringHashCode(v);
    case 'number':
      return v | 0;
    case 'boolean':
      return v ? 1231 : 1237;
  }
  if (v instanceof JavaChar) return v.value.charCodeAt(0);
  if (v instanceof JavaLong) return foldLong(v.value);
  if (v instanceof JavaDouble) return doubleHash(v.value);
  if (v instanceof JavaFloat) return floatHash(v.value);
  if (v instanceof JavaBigInteger) {
    meter.chars(v.value.toString(16).length);
    return bigIntegerHash(v.value);
  }
  if (v instanceof JavaBigDecimal) {
    meter.chars(v.unscaled.toString(16).length);
    return (Math.imul(31, bigIntegerHash(v.unscaled)) + v.scale) | 0;
  }
  if (depth > MAX_NESTING) throw new JavaDepthError();
  if (v instanceof JavaList) {
    // An array's and a values() view's hash is the identity hash: arbitrary on AWS.
    if (v.flavour === 'array' || v.flavour === 'collection') return 0x3c756e4d;
    // A list that contains itself overflows Java's stack; ours stops at the depth limit.
    const items = v.items;
    meter.elements(items.length);
    if (v.flavour === 'set') {
      // keySet()/entrySet() are Sets: AbstractSet sums its elements.
      let sum = 0;
      for (const item of items) sum = (sum + hash(item, depth + 1, meter)) | 0;
      return sum;
    }
    let h = 1;
    for (const item of items) h = (Math.imul(31, h) + hash(item, depth + 1, meter)) | 0;
    return h;
  }
  if (v instanceof JavaMap) {
    let sum = 0;
    for (const e of v.entries()) sum = (sum + (hash(e.key, depth + 1, meter) ^ hash(e.value, depth + 1, meter))) | 0;
    return sum;
  }
  if (v instanceof MapEntry) return hash(v.key, depth + 1, meter) ^ hash(v.value, depth + 1, meter);
  if (v instanceof JavaObject) return 0x1b6d3586;
  return 0;
}
