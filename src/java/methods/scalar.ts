/**
 * The allow-listed methods of the scalar classes: Integer, Long, BigInteger, Double, Float, BigDecimal,
 * Boolean and Character. Static methods (`parseInt`, `parseBoolean`, `valueOf`) are reachable through an
 * instance, as Velocity allows and templates use (`$Boolean.parseBoolean($x)` with `$Boolean = false`).
 */
import { JavaException } from '../exceptions.js';
import { javaTrim } from '../java-trim.js';
import { compareNumbers, javaEquals } from '../equality.js';
import { javaDoubleToString } from '../double-to-string.js';
import {
  JavaBigDecimal,
  JavaBigInteger,
  JavaDouble,
  JavaFloat,
  JavaLong,
  bigDecimalToPlainString,
  isJavaNumber,
  toDouble,
  toInt,
  toLong,
  type JavaNumber,
} from '../numbers.js';
import { toJavaString } from '../print.js';
import { javaHashCode } from '../hash-code.js';
import type { Meter } from '../meter.js';
import { JavaChar, NO_METHOD, type NoMethod, type Value } from '../values.js';
import { intArg, isStringArg } from './arguments.js';

function numberFormat(s: string): JavaException {
  return new JavaException('java.lang.NumberFormatException', `For input string: "${s}"`);
}

/** `Integer.parseInt` / `Long.parseLong` with an optional radix. */
function parseIntegral(s: string, radix: number, bits: 32 | 64): bigint {
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
  const m = /^([+-]?)(.+)$/.exec(s);
  if (!m || radix < 2 || radix > 36 || ![...m[2]!.toLowerCase()].every((c) => digits.includes(c))) throw numberFormat(s);
  let v = 0n;
  for (const c of m[2]!.toLowerCase()) v = v * BigInt(radix) + BigInt(digits.indexOf(c));
  if (m[1] === '-') v = -v;
  const limit = 1n << BigInt(bits - 1);
  if (v < -limit || v >= limit) throw numberFormat(s);
  return v;
}

/** `Double.parseDouble`: Java's decimal syntax, with surrounding whitespace allowed. */
function parseDouble(s: string): number {
  const t = javaTrim(s);
  if (/^[+-]?(NaN|Infinity)$/.test(t)) return Number(t.replace('+', ''));
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(t)) throw numberFormat(s);
  return Number(t.replace(/[fFdD]$/, ''));
}

/** The static parsing methods every number class offers through an instance. */
function staticNumberMethod(name: string, args: Value[]): Value | NoMethod {
  const [a, b] = args;
  if (!isStringArg(a)) return NO_METHOD;
  if (a === null) throw numberFormat('null');
  const radix = args.length === 2 ? intArg(b) : 10;
  if (radix === undefined) return NO_METHOD;
  switch (name) {
    case 'parseInt':
      return Number(parseIntegral(a, radix, 32));
    case 'parseLong':
      return new JavaLong(parseIntegral(a, radix, 64));
    case 'parseDouble':
      return args.length === 1 ? new JavaDouble(parseDouble(a)) : NO_METHOD;
  }
  return NO_METHOD;
}

function numberValueMethod(n: JavaNumber, name: string, meter: Meter): Value | NoMethod {
  switch (name) {
    case 'intValue':
      return toInt(n);
    case 'longValue':
      return new JavaLong(toLong(n));
    case 'doubleValue':
      return new JavaDouble(toDouble(n));
    case 'floatValue':
      return new JavaFloat(Math.fround(toDouble(n)));
    case 'shortValue':
      return (toInt(n) << 16) >> 16;
    case 'byteValue':
      return (toInt(n) << 24) >> 24;
    case 'toString':
      return toJavaString(n, meter);
    case 'hashCode':
      return javaHashCode(n, meter);
  }
  return NO_METHOD;
}

export function invokeNumber(n: JavaNumber, name: string, args: Value[], meter: Meter): Value | NoMethod {
  if (args.length === 0) {
    if (name === 'isNaN' && (n instanceof JavaDouble || n instanceof JavaFloat)) return Number.isNaN(n.value);
    if (name === 'isInfinite' && (n instanceof JavaDouble || n instanceof JavaFloat)) return n.value === Infinity || n.value === -Infinity;
    if (name === 'abs' && (n instanceof JavaBigInteger || n instanceof JavaBigDecimal)) {
      return n instanceof JavaBigInteger
        ? new JavaBigInteger(n.value < 0n ? -n.value : n.value)
        : new JavaBigDecimal(n.unscaled < 0n ? -n.unscaled : n.unscaled, n.scale);
    }
    if (name === 'toPlainString' && n instanceof JavaBigDecimal) return bigDecimalToPlainString(n);
    return numberValueMethod(n, name, meter);
  }
  const [a] = args;
  if (args.length === 1) {
    switch (name) {
      case 'equals':
        return javaEquals(n, a!, meter);
      case 'compareTo':
        if (!isJavaNumber(a) || sameClass(n, a) === false) return NO_METHOD;
        return compareNumbers(n, a);
      case 'toString': {
        // Integer.toString(int) and friends, reached through an instance.
        if (typeof a === 'number' && typeof n === 'number') return String(a);
        if (a instanceof JavaDouble && n instanceof JavaDouble) return javaDoubleToString(a.value);
        return NO_METHOD;
      }
      case 'valueOf':
        if (typeof n === 'number') return isStringArg(a) ? staticNumberMethod('parseInt', args) : typeof a === 'number' ? a : NO_METHOD;
        if (n instanceof JavaLong) return isStringArg(a) ? staticNumberMethod('parseLong', args) : NO_METHOD;
        if (n instanceof JavaDouble) return isStringArg(a) ? staticNumberMethod('parseDouble', args) : NO_METHOD;
        return NO_METHOD;
    }
  }
  return staticNumberMethod(name, args);
}

function sameClass(a: JavaNumber, b: JavaNumber): boolean {
  if (typeof a === 'number') return typeof b === 'number';
  return typeof b !== 'number' && a.constructor === b.constructor;
}

export function invokeBoolean(v: boolean, name: string, args: Value[]): Value | NoMethod {
  const [a] = args;
  if (args.length === 0) {
    if (name === 'booleanValue') return v;
    if (name === 'toString') return v ? 'true' : 'false';
    if (name === 'hashCode') return v ? 1231 : 1237;
    return NO_METHOD;
  }
  if (args.length === 1) {
    switch (name) {
      case 'equals':
        return a === v;
      case 'compareTo':
        return typeof a === 'boolean' ? Number(v) - Number(a) : NO_METHOD;
      case 'parseBoolean':
        return isStringArg(a) ? a !== null && a.toLowerCase() === 'true' : NO_METHOD;
      case 'valueOf':
        if (typeof a === 'boolean') return a;
        return isStringArg(a) ? a !== null && a.toLowerCase() === 'true' : NO_METHOD;
      case 'toString':
        return typeof a === 'boolean' ? String(a) : NO_METHOD;
    }
  }
  return NO_METHOD;
}

export function invokeChar(c: JavaChar, name: string, args: Value[], meter: Meter): Value | NoMethod {
  if (args.length === 0) {
    if (name === 'charValue') return c;
    if (name === 'toString') return c.value;
    if (name === 'hashCode') return c.value.charCodeAt(0);
    return NO_METHOD;
  }
  if (args.length === 1) {
    if (name === 'equals') return javaEquals(c, args[0]!, meter);
    if (name === 'compareTo') return args[0] instanceof JavaChar ? c.value.charCodeAt(0) - args[0].value.charCodeAt(0) : NO_METHOD;
  }
  return NO_METHOD;
}
