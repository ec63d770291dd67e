import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arithmetic } from '../../src/java/arithmetic.js';
import { toJavaString } from '../../src/java/print.js';
import { JavaBigInteger, JavaDouble, JavaLong, parseBigDecimal } from '../../src/java/numbers.js';
import type { Value } from '../../src/java/values.js';
import { unlimitedMeter } from '../../src/java/meter.js';

const calc = (op: '+' | '-' | '*' | '/' | '%', a: Value, b: Value) => {
  const r = arithmetic(op, a, b, unlimitedMeter());
  return r === null ? null : toJavaString(r, unlimitedMeter());
};

describe('Velocity 1.7 arithmetic', () => {
  it('truncates integer division toward zero', () => {
    expect(calc('/', 7, 2)).toBe('3');
    expect(calc('/', -7, 2)).toBe('-3');
    expect(calc('/', 10, 4)).toBe('2');
  });

  it('takes the sign of the dividend for %', () => {
    expect(calc('%', -7, 3)).toBe('-1');
    expect(calc('%', 7, -3)).toBe('1');
    expect(calc('%', new JavaDouble(5.5), 2)).toBe('1.5');
  });

  it('widens Integer to Long and Long to BigInteger on overflow', () => {
    expect(arithmetic('+', 2147483647, 1, unlimitedMeter())).toEqual(new JavaLong(2147483648n));
    expect(arithmetic('-', -2147483648, 1, unlimitedMeter())).toEqual(new JavaLong(-2147483649n));
    expect(arithmetic('*', 2147483647, 2, unlimitedMeter())).toEqual(new JavaLong(4294967294n));
    expect(arithmetic('+', new JavaLong(9223372036854775807n), 1, unlimitedMeter())).toEqual(new JavaBigInteger(9223372036854775808n));
    expect(arithmetic('/', -2147483648, -1, unlimitedMeter())).toEqual(new JavaLong(2147483648n));
  });

  it('keeps the wider operand class: Integer + Long is a Long', () => {
    expect(arithmetic('+', 5, new JavaLong(5n), unlimitedMeter())).toEqual(new JavaLong(10n));
  });

  it('computes in double as soon as one operand is a Double', () => {
    expect(calc('/', new JavaDouble(7), 2)).toBe('3.5');
    expect(calc('/', 10, new JavaDouble(4))).toBe('2.5');
    expect(calc('*', new JavaDouble(1.5), 2)).toBe('3.0');
    expect(calc('+', new JavaDouble(0.1), new JavaDouble(0.2))).toBe('0.30000000000000004');
    expect(calc('/', new JavaDouble(100), 50)).toBe('2.0');
    expect(calc('*', new JavaDouble(0.5), new JavaDouble(0.1))).toBe('0.05');
  });

  it('yields null for division by zero and for math on non-numbers', () => {
    expect(calc('/', 1, 0)).toBeNull();
    expect(calc('/', new JavaDouble(1), 0)).toBeNull();
    expect(calc('%', 1, 0)).toBeNull();
    expect(calc('*', 'a', 2)).toBeNull();
    expect(calc('-', null, 1)).toBeNull();
  });

  it('concatenates when either side of + is a string', () => {
    expect(calc('+', 'a', 1)).toBe('a1');
    expect(calc('+', 1, 'a')).toBe('1a');
    expect(calc('+', 'a', new JavaDouble(1.5))).toBe('a1.5');
  });

  it('uses BigDecimal arithmetic when a BigDecimal is involved, dividing at the dividend scale', () => {
    expect(calc('/', parseBigDecimal('5.00'), 3)).toBe('1.67');
    expect(calc('/', parseBigDecimal('10'), 3)).toBe('3');
    expect(calc('*', parseBigDecimal('5.00'), new JavaDouble(1.1))).toBe('5.50000000000000044408920985006261616945266723632812500');
    expect(() => arithmetic('%', parseBigDecimal('5.0'), 2, unlimitedMeter())).toThrow(/Cannot calculate the modulo of BigDecimals/);
  });

  it('uses BigInteger modulo, which is never negative', () => {
    expect(calc('%', new JavaBigInteger(-7n), 3)).toBe('2');
    expect(() => arithmetic('%', new JavaBigInteger(7n), -3, unlimitedMeter())).toThrow(/modulus not positive/);
  });

  it('computes two Integers without BigInt exactly as long arithmetic narrowed back (property)', () => {
    const asLong = (op: '+' | '-' | '*' | '/' | '%', a: number, b: number): Value => {
      const x = BigInt(a);
      const y = BigInt(b);
      if ((op === '/' || op === '%') && y === 0n) return null;
      const r = op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y;
      return r >= -2147483648n && r <= 2147483647n ? Number(r) : new JavaLong(r);
    };
    const edge = fc.constantFrom(0, 1, -1, 2, -2, 2147483647, -2147483648, 46341, -46341, 65536);
    const int = fc.oneof(fc.integer({ min: -2147483648, max: 2147483647 }), edge);
    fc.assert(
      fc.property(fc.constantFrom('+', '-', '*', '/', '%' as const), int, int, (op, a, b) => {
        const got = arithmetic(op, a, b, unlimitedMeter());
        expect(got).toEqual(asLong(op, a, b));
        if (typeof got === 'number') expect(Object.is(got, -0)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('Long multiplication detects overflow by dividing back, as Velocity does: MIN_VALUE * -1 stays a Long', () => {
    const min = new JavaLong(-(2n ** 63n));
    expect(arithmetic('*', min, -1, unlimitedMeter())).toEqual(min);
    expect(arithmetic('*', -1, min, unlimitedMeter())).toEqual(new JavaBigInteger(2n ** 63n));
    expect(arithmetic('*', new JavaLong(4611686018427387904n), 2, unlimitedMeter())).toEqual(new JavaBigInteger(2n ** 63n));
  });

  it('a Long meets a BigDecimal through doubleValue(), as MathUtils.toBigDecimal does', () => {
    expect(calc('+', new JavaLong(9007199254740993n), parseBigDecimal('0.5'))).toBe('9007199254740992.5');
    expect(calc('+', new JavaBigInteger(9007199254740993n), parseBigDecimal('0.5'))).toBe('9007199254740993.5');
  });
});
