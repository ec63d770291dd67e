/**
 * Jayway 2.0.0's `Criteria.safeCompare(expected, actual)`, the one comparison behind every filter operator.
 *
 * - the same object, or both "nullish" (Java null or the string `"null"`): equal; one nullish: it is smaller;
 * - two strings: `compareTo` (UTF-16 order), after `\'` in the expected one becomes `'`;
 * - two numbers, or an expected string and an actual number: both as `new BigDecimal(toString())`, so
 *   `'8.95'`, `8.95` and a JSON 8.95 are equal, and a string that is not a number throws
 *   NumberFormatException (the template fails, as on AWS);
 * - an expected string and an actual boolean: `Boolean.valueOf(string)` against it;
 * - two booleans: false before true;
 * - anything else cannot be compared (the criterion is false).
 */
import { JavaException } from '../../java/exceptions.js';
import type { Meter } from '../../java/meter.js';
import { bigDecimalToString, isJavaNumber, JavaBigDecimal, JavaBigInteger, JavaDouble, JavaFloat, JavaLong, type JavaNumber } from '../../java/numbers.js';
import { javaDoubleToString, javaFloatToString } from '../../java/double-to-string.js';
import type { Value } from '../../java/values.js';

/** Jayway's ValueCompareException: the criterion is false. */
export const UNCOMPARABLE: unique symbol = Symbol('uncomparable');

/** An integer literal that a double holds exactly (at most 15 digits). */
const SMALL_INTEGER = /^-?\d{1,15}$/;

function isNullish(v: Value): boolean {
  return v === null || v === 'null';
}

/**
 * Compares as Jayway does: negative when `expected` is smaller than `actual`.
 * @throws JavaException (java.lang.NumberFormatException) for a non-numeric string against a number
 */
export function safeCompare(expected: Value, actual: Value, meter: Meter): number | typeof UNCOMPARABLE {
  if (expected === actual) return 0;
  const a = isNullish(expected);
  const b = isNullish(actual);
  if (a && !b) return -1;
  if (!a && b) return 1;
  if (a && b) return 0;
  if (typeof expected === 'string' && typeof actual === 'string') {
    meter.chars(Math.min(expected.length, actual.length));
    const e = expected.includes("'") ? expected.replaceAll("\\'", "'") : expected;
    return e < actual ? -1 : e > actual ? 1 : 0;
  }
  if (typeof actual === 'number' && (typeof expected === 'number' || (typeof expected === 'string' && SMALL_INTEGER.test(expected)))) {
    // Two ints (or an int literal): their decimal order is their numeric order.
    meter.charge(1);
    const x = typeof expected === 'number' ? expected : Number(expected);
    return x < actual ? -1 : x > actual ? 1 : 0;
  }
  if ((typeof expected === 'string' || isJavaNumber(expected)) && isJavaNumber(actual)) {
    const x = decimal(typeof expected === 'string' ? expected : numberText(expected), meter);
    return compareDecimals(x, decimal(numberText(actual), meter));
  }
  if (typeof expected === 'string' && typeof actual === 'boolean') return compareBooleans(expected.toLowerCase() === 'true', actual);
  if (typeof expected === 'boolean' && typeof actual === 'boolean') return compareBooleans(expected, actual);
  return UNCOMPARABLE;
}

function compareBooleans(x: boolean, y: boolean): number {
  return x === y ? 0 : x ? 1 : -1;
}

/** `Number.toString()`. */
function numberText(v: JavaNumber): string {
  if (typeof v === 'number') return String(v);
  if (v instanceof JavaDouble) return javaDoubleToString(v.value);
  if (v instanceof JavaFloat) return javaFloatToString(v.value);
  if (v instanceof JavaBigDecimal) return bigDecimalToString(v);
  return (v as JavaLong | JavaBigInteger).value.toString();
}

/** A decimal as digits and exponent: value = ±0.digits × 10^exponent, digits without leading zeros. */
interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

/**
 * `new BigDecimal(String)`, kept as text so a hostile exponent (`1e999999999`) costs nothing to compare.
 * @throws JavaException (NumberFormatException) with the JDK's message
 */
function decimal(text: string, meter: Meter): Decimal {
  meter.chars(text.length);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) {
    const bad = [...text].find((c, i) => !(/[\d.eE]/.test(c) || (i === 0 && /[+-]/.test(c))));
    throw new JavaException(
      'java.lang.NumberFormatException',
      bad !== undefined
        ? `Character ${bad} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`
        : text === ''
          ? 'Index 0 out of bounds for length 0'
          : 'No digits found.',
    );
  }
  const intPart = m[2] ?? '';
  const all = intPart + (m[3] ?? '');
  const exp = m[4] ? Number(m[4]) : 0;
  const lead = all.search(/[1-9]/);
  if (lead < 0) return { negative: false, digits: '', exponent: 0 };
  const digits = all.slice(lead).replace(/0+$/, '');
  return { negative: m[1] === '-', digits, exponent: intPart.length - lead + exp };
}

function compareDecimals(x: Decimal, y: Decimal): number {
  const sx = x.digits === '' ? 0 : x.negative ? -1 : 1;
  const sy = y.digits === '' ? 0 : y.negative ? -1 : 1;
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  let magnitude: number;
  if (x.exponent !== y.exponent) magnitude = x.exponent < y.exponent ? -1 : 1;
  else magnitude = x.digits < y.digits ? -1 : x.digits > y.digits ? 1 : 0;
  return sx < 0 ? -magnitude : magnitude;
}
