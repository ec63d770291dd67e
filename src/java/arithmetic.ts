/**
 * Velocity 1.7 arithmetic (`MathUtils`, `ASTAddNode`, `ASTDivNode`, …). Both operands must be numbers,
 * except that `+` with a String on either side concatenates. The calculation base is chosen from the
 * operand classes: BigDecimal, BigInteger, long, double or float. Integer results keep the wider operand
 * class and widen on overflow (Integer → Long → BigInteger); integer division truncates; division or
 * modulo by zero, and math on anything that is not a number, yield null.
 */
import {
  JavaBigDecimal,
  JavaBigInteger,
  JavaDouble,
  JavaFloat,
  JavaLong,
  LONG_MAX,
  LONG_MIN,
  isJavaNumber,
  narrowLong,
  toBigDecimal,
  toDouble,
  type JavaNumber,
} from './numbers.js';
import { JavaException } from './exceptions.js';
import { toJavaString } from './print.js';
import { CHARS_PER_UNIT, type Meter } from './meter.js';
import type { Value } from './values.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

type Base = 'bigdecimal' | 'biginteger' | 'long' | 'double' | 'float';

/** `MathUtils.findCalculationBase`. */
export function calculationBase(a: JavaNumber, b: JavaNumber): Base {
  const aInt = typeof a === 'number' || a instanceof JavaLong || a instanceof JavaBigInteger;
  const bInt = typeof b === 'number' || b instanceof JavaLong || b instanceof JavaBigInteger;
  if (a instanceof JavaBigDecimal || b instanceof JavaBigDecimal) return 'bigdecimal';
  if ((a instanceof JavaBigInteger && !bInt) || (b instanceof JavaBigInteger && !aInt)) return 'bigdecimal';
  if (aInt && bInt) return a instanceof JavaBigInteger || b instanceof JavaBigInteger ? 'biginteger' : 'long';
  if (a instanceof JavaDouble || b instanceof JavaDouble) return 'double';
  return 'float';
}

function longValue(v: JavaNumber): bigint {
  return typeof v === 'number' ? BigInt(v) : (v as JavaLong | JavaBigInteger).value;
}

/** Re-wraps a long result in the wider operand class (Integer if both are Integers), widening if needed. */
function wrapLong(result: bigint, a: JavaNumber, b: JavaNumber): JavaNumber {
  return narrowLong(result, typeof a !== 'number' || typeof b !== 'number');
}

function isZero(v: JavaNumber): boolean {
  if (typeof v === 'number') return v === 0;
  if (v instanceof JavaDouble || v instanceof JavaFloat) return v.value === 0;
  if (v instanceof JavaBigDecimal) return v.unscaled === 0n;
  return v.value === 0n;
}

/** Hex digits of an arbitrary-precision operand (0 for the fixed-size classes). */
function bigDigits(v: JavaNumber): number {
  if (v instanceof JavaBigInteger) return v.value.toString(16).length;
  if (v instanceof JavaBigDecimal) return v.unscaled.toString(16).length + Math.abs(v.scale) / 1.2;
  return 0;
}

/**
 * BigInteger and BigDecimal arithmetic costs grow with the operands (a body can carry a number of
 * millions of digits, and repeated squaring doubles it each time): charge the digits touched, and for
 * `*`, `/` and `%` their product, before computing, so a runaway calculation is refused, not run.
 */
function chargeBig(op: ArithmeticOperator, a: JavaNumber, b: JavaNumber, meter: Meter): void {
  const x = bigDigits(a);
  const y = bigDigits(b);
  if (x === 0 && y === 0) return;
  meter.chars(x + y);
  if (op === '*' || op === '/' || op === '%') meter.charge(((x + 1) * (y + 1)) / (CHARS_PER_UNIT * 64));
  meter.alloc((x + y) / 2);
}

/** Evaluates `left op right`; null when Velocity would log an error and produce no value. */
export function arithmetic(op: ArithmeticOperator, left: Value, right: Value, meter: Meter): Value {
  if (typeof left === 'number' && typeof right === 'number') return integerArithmetic(op, left, right);
  if (op === '+' && (typeof left === 'string' || typeof right === 'string')) {
    const l = toJavaString(left, meter);
    const r = toJavaString(right, meter);
    meter.admit(l.length + r.length);
    return l + r;
  }
  if (!isJavaNumber(left) || !isJavaNumber(right)) return null;
  if (typeof left !== 'number' || typeof right !== 'number') chargeBig(op, left, right, meter);
  if ((op === '/' || op === '%') && isZero(right)) return null;
  switch (calculationBase(left, right)) {
    case 'long':
      return longArithmetic(op, left, right);
    case 'biginteger':
      return bigIntegerArithmetic(op, longValue(left), longValue(right));
    case 'double':
      return new JavaDouble(doubleArithmetic(op, toDouble(left), toDouble(right)));
    case 'float':
      return new JavaFloat(Math.fround(doubleArithmetic(op, Math.fround(toDouble(left)), Math.fround(toDouble(right)))));
    case 'bigdecimal':
      return bigDecimalArithmetic(op, toBigDecimal(left), toBigDecimal(right));
  }
}

/**
 * Two Integers, the overwhelmingly common case, without BigInt: Velocity computes in long and narrows
 * back, so a result outside the int range is a Long — exact in a double below 2^53, which every sum,
 * difference, quotient and remainder of two ints is; only a product can need BigInt.
 */
function integerArithmetic(op: ArithmeticOperator, a: number, b: number): JavaNumber | null {
  let r: number;
  switch (op) {
    case '+':
      r = a + b;
      break;
    case '-':
      r = a - b;
      break;
    case '*':
      r = a * b;
      if (!Number.isSafeInteger(r)) return narrowLong(BigInt(a) * BigInt(b), false);
      break;
    case '/':
      if (b === 0) return null;
      // Truncation toward zero; `| 0` also turns -0 into 0. Only MIN_VALUE / -1 leaves the int range.
      if (a === -2147483648 && b === -1) return new JavaLong(2147483648n);
      return (a / b) | 0;
    case '%':
      if (b === 0) return null;
      return (a % b) | 0;
  }
  // `0 * -1` is -0 in JavaScript; Java's ints have one zero.
  if (r === 0) return 0;
  return r >= -2147483648 && r <= 2147483647 ? r : new JavaLong(BigInt(r));
}

function longArithmetic(op: ArithmeticOperator, a: JavaNumber, b: JavaNumber): JavaNumber {
  const x = longValue(a);
  const y = longValue(b);
  let r: bigint;
  switch (op) {
    case '+':
      r = x + y;
      break;
    case '-':
      r = x - y;
      break;
    case '*': {
      // Velocity detects overflow by dividing back (`result / l2 != l1`, in long arithmetic), which
      // misses exactly MIN_VALUE * -1: that stays the Long MIN_VALUE, while -1 * MIN_VALUE widens.
      const wrapped = BigInt.asIntN(64, x * y);
      if (y !== 0n && BigInt.asIntN(64, wrapped / y) !== x) return new JavaBigInteger(x * y);
      return wrapLong(wrapped, a, b);
    }
    case '/':
      // Java long division truncates toward zero and wraps on Long.MIN_VALUE / -1.
      return wrapLong(BigInt.asIntN(64, x / y), a, b);
    case '%':
      return wrapLong(x % y, a, b);
  }
  if (r < LONG_MIN || r > LONG_MAX) return new JavaBigInteger(r);
  return wrapLong(r, a, b);
}

function bigIntegerArithmetic(op: ArithmeticOperator, x: bigint, y: bigint): JavaNumber {
  switch (op) {
    case '+':
      return new JavaBigInteger(x + y);
    case '-':
      return new JavaBigInteger(x - y);
    case '*':
      return new JavaBigInteger(x * y);
    case '/':
      return new JavaBigInteger(x / y);
    case '%': {
      if (y < 0n) throw new JavaException('java.lang.ArithmeticException', 'BigInteger: modulus not positive');
      const m = x % y;
      return new JavaBigInteger(m < 0n ? m + y : m);
    }
  }
}

function doubleArithmetic(op: ArithmeticOperator, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
  }
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Aligns two BigDecimals to a common scale (the larger one). */
function align(a: JavaBigDecimal, b: JavaBigDecimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.unscaled * pow10(scale - a.scale), b.unscaled * pow10(scale - b.scale), scale];
}

function bigDecimalArithmetic(op: ArithmeticOperator, a: JavaBigDecimal, b: JavaBigDecimal): JavaNumber {
  switch (op) {
    case '+': {
      const [x, y, scale] = align(a, b);
      return new JavaBigDecimal(x + y, scale);
    }
    case '-': {
      const [x, y, scale] = align(a, b);
      return new JavaBigDecimal(x - y, scale);
    }
    case '*':
      return new JavaBigDecimal(a.unscaled * b.unscaled, a.scale + b.scale);
    case '/':
      return bigDecimalDivideHalfDown(a, b);
    case '%':
      throw new JavaException('java.lang.ArithmeticException', 'Cannot calculate the modulo of BigDecimals.');
  }
}

/** `a.divide(b, ROUND_HALF_DOWN)`: the quotient at the dividend's scale, ties rounded toward zero. */
function bigDecimalDivideHalfDown(a: JavaBigDecimal, b: JavaBigDecimal): JavaBigDecimal {
  // (ua·10^-sa) / (ub·10^-sb) at scale sa has unscaled value ua·10^sb / ub.
  let num = a.unscaled;
  let den = b.unscaled;
  if (b.scale >= 0) num *= pow10(b.scale);
  else den *= pow10(-b.scale);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  let q = num / den;
  const rem = num % den;
  const twice = (rem < 0n ? -rem : rem) * 2n;
  if (twice > den) q += num < 0n ? -1n : 1n;
  return new JavaBigDecimal(q, a.scale);
}
