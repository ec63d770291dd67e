/**
 * Java's boxed number classes as templates see them.
 *
 * A `java.lang.Integer` is a plain JS number (always an int32): it is by far the most common number in a
 * template (sizes, indexes, counters, JSON integers), so it stays unboxed. Every other class is a small
 * immutable box, because Java prints and computes them differently: `2.0` is a Double and prints `2.0`,
 * `2` is an Integer; `2147483648` is a Long; `12345678901234567890` is a BigInteger; a long decimal JSON
 * literal is a BigDecimal that keeps its digits.
 */

/** `java.lang.Long`: a 64-bit integer. */
export class JavaLong {
  constructor(readonly value: bigint) {}
}

/** `java.math.BigInteger`: an integer of any size. */
export class JavaBigInteger {
  constructor(readonly value: bigint) {}
}

/** `java.lang.Double`. */
export class JavaDouble {
  constructor(readonly value: number) {}
}

/** `java.lang.Float`: only json-smart's `NaN` and float arithmetic on it produce one. */
export class JavaFloat {
  constructor(readonly value: number) {}
}

/** `java.math.BigDecimal`: `unscaled × 10^-scale`, keeping the scale of the literal it came from. */
export class JavaBigDecimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}
}

export type JavaInteger = number;
export type JavaNumber = JavaInteger | JavaLong | JavaBigInteger | JavaDouble | JavaFloat | JavaBigDecimal;

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

export function isJavaNumber(v: unknown): v is JavaNumber {
  return (
    typeof v === 'number' ||
    v instanceof JavaDouble ||
    v instanceof JavaLong ||
    v instanceof JavaBigInteger ||
    v instanceof JavaBigDecimal ||
    v instanceof JavaFloat
  );
}

/** Boxes a 64-bit integer result the way Velocity's MathUtils does: Integer if it fits, else Long. */
export function narrowLong(v: bigint, atLeastLong: boolean): JavaNumber {
  if (!atLeastLong && v >= -2147483648n && v <= 2147483647n) return Number(v);
  if (v >= LONG_MIN && v <= LONG_MAX) return new JavaLong(v);
  return new JavaBigInteger(v);
}

/** The class of an integer literal in a template or a JSON body: Integer, else Long, else BigInteger. */
export function integerFromDigits(text: string): JavaNumber {
  // Nine digits always fit an Integer: skip BigInt for the common case.
  if (text.length <= 9 || (text.length === 10 && text.charCodeAt(0) === 0x2d)) return Number(text) | 0;
  const v = BigInt(text);
  if (v >= -2147483648n && v <= 2147483647n) return Number(v);
  if (v >= LONG_MIN && v <= LONG_MAX) return new JavaLong(v);
  return new JavaBigInteger(v);
}

/** `Number.doubleValue()`. */
export function toDouble(v: JavaNumber): number {
  if (typeof v === 'number') return v;
  if (v instanceof JavaDouble || v instanceof JavaFloat) return v.value;
  if (v instanceof JavaBigDecimal) return Number(bigDecimalToPlainString(v));
  return Number(v.value);
}

/** `Number.longValue()` (Java narrowing: doubles truncate toward zero and saturate, NaN is 0). */
export function toLong(v: JavaNumber): bigint {
  if (typeof v === 'number') return BigInt(v);
  if (v instanceof JavaLong) return v.value;
  if (v instanceof JavaBigInteger) return BigInt.asIntN(64, v.value);
  if (v instanceof JavaBigDecimal) return BigInt.asIntN(64, bigDecimalTruncate(v));
  const d = v.value;
  if (Number.isNaN(d)) return 0n;
  if (d >= 9223372036854775807) return LONG_MAX;
  if (d <= -9223372036854775808) return LONG_MIN;
  return BigInt(Math.trunc(d));
}

/** `Number.intValue()`. */
export function toInt(v: JavaNumber): number {
  if (typeof v === 'number') return v;
  if (v instanceof JavaDouble || v instanceof JavaFloat) {
    const d = v.value;
    if (Number.isNaN(d)) return 0;
    if (d >= INT_MAX) return INT_MAX;
    if (d <= INT_MIN) return INT_MIN;
    return Math.trunc(d);
  }
  return Number(BigInt.asIntN(32, toLong(v)));
}

/** BigDecimal → BigInteger, truncating toward zero. */
export function bigDecimalTruncate(v: JavaBigDecimal): bigint {
  if (v.scale <= 0) return v.unscaled * 10n ** BigInt(-v.scale);
  return v.unscaled / 10n ** BigInt(v.scale);
}

/** The exact value of a finite double as a BigDecimal, like `new BigDecimal(double)`. */
export function bigDecimalFromDouble(d: number): JavaBigDecimal {
  if (!Number.isFinite(d)) throw new RangeError('Infinite or NaN');
  if (d === 0) return new JavaBigDecimal(0n, 0);
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, d);
  const bits = buf.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  let significand = bits & 0xfffffffffffffn;
  let exponent: number;
  if (exponentBits === 0) {
    exponent = -1074;
  } else {
    significand |= 1n << 52n;
    exponent = exponentBits - 1075;
  }
  while ((significand & 1n) === 0n) {
    significand >>= 1n;
    exponent++;
  }
  if (negative) significand = -significand;
  if (exponent >= 0) return new JavaBigDecimal(significand << BigInt(exponent), 0);
  // m × 2^-k = m × 5^k / 10^k
  return new JavaBigDecimal(significand * 5n ** BigInt(-exponent), -exponent);
}

/**
 * Any number as a BigDecimal, as Velocity's `MathUtils.toBigDecimal` makes it (the widest calculation
 * base): a BigInteger exactly, every other class through `doubleValue()` — so a Long beyond 2^53 is
 * rounded first (`9007199254740993 + 0.5` is `9007199254740992.5` on Velocity).
 */
export function toBigDecimal(v: JavaNumber): JavaBigDecimal {
  if (v instanceof JavaBigDecimal) return v;
  if (typeof v === 'number') return new JavaBigDecimal(BigInt(v), 0);
  if (v instanceof JavaBigInteger) return new JavaBigDecimal(v.value, 0);
  if (v instanceof JavaLong) return bigDecimalFromDouble(Number(v.value));
  return bigDecimalFromDouble(v.value);
}

function digitCount(v: bigint): number {
  return (v < 0n ? -v : v).toString().length;
}

/** `BigDecimal.toString()`: plain when the scale is non-negative and the exponent is small, else E notation. */
export function bigDecimalToString(v: JavaBigDecimal): string {
  const negative = v.unscaled < 0n;
  const digits = (negative ? -v.unscaled : v.unscaled).toString();
  const adjusted = digitCount(v.unscaled) - 1 - v.scale;
  const sign = negative ? '-' : '';
  if (v.scale >= 0 && adjusted >= -6) return sign + placeDecimalPoint(digits, v.scale);
  const mantissa = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  return sign + mantissa + 'E' + (adjusted >= 0 ? '+' : '') + adjusted;
}

/** `BigDecimal.toPlainString()`. */
export function bigDecimalToPlainString(v: JavaBigDecimal): string {
  const negative = v.unscaled < 0n;
  const digits = (negative ? -v.unscaled : v.unscaled).toString();
  const sign = negative ? '-' : '';
  if (v.scale <= 0) return sign + digits + '0'.repeat(-v.scale);
  return sign + placeDecimalPoint(digits, v.scale);
}

function placeDecimalPoint(digits: string, scale: number): string {
  if (scale === 0) return digits;
  if (digits.length > scale) return digits.slice(0, digits.length - scale) + '.' + digits.slice(digits.length - scale);
  return '0.' + '0'.repeat(scale - digits.length) + digits;
}

/** Parses a decimal literal (`1.5`, `-2E+3`, `.5`) exactly, as `new BigDecimal(String)` does. */
export function parseBigDecimal(text: string): JavaBigDecimal {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) throw new RangeError(`not a decimal: ${text}`);
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  const exponent = m[4] ? Number(m[4]) : 0;
  let unscaled = BigInt((intPart + fracPart) || '0');
  if (m[1] === '-') unscaled = -unscaled;
  return new JavaBigDecimal(unscaled, fracPart.length - exponent);
}
