/**
 * Exact arithmetic on JSON numbers (BigDecimal semantics, as fge compares through `decimalValue()`), safe
 * against hostile exponents: `1e999999999` is compared and divided without ever building 10^999999999.
 */
import { JavaBigDecimal, bigDecimalToString } from '../../../java/numbers.js';
import type { JsonNumber } from './instance.js';

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function sign(v: bigint): number {
  return v === 0n ? 0 : v < 0n ? -1 : 1;
}

function digitCount(v: bigint): number {
  return abs(v).toString().length;
}

/** `a.compareTo(b)` of two BigDecimals: -1, 0 or 1. */
export function compareDecimal(a: JavaBigDecimal, b: JavaBigDecimal): number {
  const sa = sign(a.unscaled);
  const sb = sign(b.unscaled);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  // Same sign: compare magnitudes by their decimal exponent first, so no power of ten is built unless
  // the two are within a few digits of each other.
  const ea = digitCount(a.unscaled) - a.scale;
  const eb = digitCount(b.unscaled) - b.scale;
  let magnitude: number;
  if (ea !== eb) {
    magnitude = ea < eb ? -1 : 1;
  } else {
    // Equal exponents: the scales differ by at most the difference of the digit counts.
    const shift = a.scale - b.scale;
    const ua = abs(a.unscaled) * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
    const ub = abs(b.unscaled) * (shift > 0 ? 10n ** BigInt(shift) : 1n);
    magnitude = ua === ub ? 0 : ua < ub ? -1 : 1;
  }
  return sa < 0 ? -magnitude : magnitude;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n % modulus;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** Whether `value / divisor` is an integer (`value.remainder(divisor) == 0`); the divisor is positive. */
export function isMultipleOf(value: JavaBigDecimal, divisor: JavaBigDecimal): boolean {
  if (value.unscaled === 0n) return true;
  const d = abs(divisor.unscaled);
  if (d === 0n) return false;
  // value / divisor = (uv / ud) × 10^(sd − sv)
  const k = divisor.scale - value.scale;
  if (k >= 0) return (abs(value.unscaled) % d) * modPow(10n, BigInt(k), d) % d === 0n;
  // uv must be divisible by ud × 10^-k, impossible once 10^-k alone exceeds |uv|.
  if (-k > digitCount(value.unscaled)) return false;
  return abs(value.unscaled) % (d * 10n ** BigInt(-k)) === 0n;
}

/** `BigDecimal.stripTrailingZeros()`, with zero as plain `0` (Jackson's normalised `DecimalNode`). */
export function stripTrailingZeros(v: JavaBigDecimal): JavaBigDecimal {
  if (v.unscaled === 0n) return new JavaBigDecimal(0n, 0);
  const digits = abs(v.unscaled).toString();
  let zeros = 0;
  while (zeros < digits.length - 1 && digits.charCodeAt(digits.length - 1 - zeros) === 0x30) zeros++;
  if (zeros === 0) return v;
  return new JavaBigDecimal(v.unscaled / 10n ** BigInt(zeros), v.scale - zeros);
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** The integer value of `v` when it has one that fits a Java long (fge's `valueIsLong` digest). */
function longValueOf(v: JavaBigDecimal): bigint | undefined {
  const s = stripTrailingZeros(v);
  if (s.scale > 0) return undefined;
  if (-s.scale > 19) return undefined;
  const n = s.unscaled * 10n ** BigInt(-s.scale);
  return n >= LONG_MIN && n <= LONG_MAX ? n : undefined;
}

/** How an instance number prints in fge's messages (its Jackson node's `toString()`). */
export function instanceNumberText(n: JsonNumber): string {
  if (n.integral) return n.value.unscaled.toString();
  return bigDecimalToString(stripTrailingZeros(n.value));
}

/** How a schema's number prints in fge's messages: its digest (an integer node when integral and long). */
export function schemaNumberText(n: JsonNumber): string {
  const long = longValueOf(n.value);
  if (long !== undefined) return long.toString();
  if (n.value.scale === 0) return n.value.unscaled.toString();
  return bigDecimalToString(stripTrailingZeros(n.value));
}
