import { describe, expect, it } from 'vitest';
import {
  JavaBigDecimal,
  JavaBigInteger,
  JavaLong,
  bigDecimalFromDouble,
  bigDecimalToPlainString,
  bigDecimalToString,
  integerFromDigits,
  parseBigDecimal,
  toInt,
  toLong,
  JavaDouble,
} from '../../src/java/numbers.js';

describe('integer literal classes', () => {
  it('is an Integer while it fits 32 bits, then Long, then BigInteger', () => {
    expect(integerFromDigits('2147483647')).toBe(2147483647);
    expect(integerFromDigits('-2147483648')).toBe(-2147483648);
    expect(integerFromDigits('2147483648')).toEqual(new JavaLong(2147483648n));
    expect(integerFromDigits('9223372036854775807')).toEqual(new JavaLong(9223372036854775807n));
    expect(integerFromDigits('9223372036854775808')).toEqual(new JavaBigInteger(9223372036854775808n));
    expect(integerFromDigits('-9223372036854775809')).toEqual(new JavaBigInteger(-9223372036854775809n));
  });
});

describe('BigDecimal', () => {
  it.each([
    ['0.30000000000000004', '0.30000000000000004'],
    ['1.00000000000000000', '1.00000000000000000'],
    ['1234567890123456.78', '1234567890123456.78'],
    ['1.7976931348623157E309', '1.7976931348623157E+309'],
    ['1E-19', '1E-19'],
    ['-1.234567890123456789E-13', '-1.234567890123456789E-13'],
    ['0.000001', '0.000001'],
    ['0.0000001', '1E-7'],
    ['5E+2', '5E+2'],
  ])('keeps the digits and scale of %s, printing %s', (literal, printed) => {
    expect(bigDecimalToString(parseBigDecimal(literal))).toBe(printed);
  });

  it('prints plain strings without exponent', () => {
    expect(bigDecimalToPlainString(parseBigDecimal('5E+2'))).toBe('500');
    expect(bigDecimalToPlainString(parseBigDecimal('1E-3'))).toBe('0.001');
  });

  it('converts a double exactly, like new BigDecimal(double)', () => {
    expect(bigDecimalToString(bigDecimalFromDouble(0.5))).toBe('0.5');
    expect(bigDecimalToString(bigDecimalFromDouble(1.1))).toBe('1.100000000000000088817841970012523233890533447265625');
    expect(bigDecimalToString(bigDecimalFromDouble(3))).toBe('3');
    expect(bigDecimalFromDouble(-2)).toEqual(new JavaBigDecimal(-2n, 0));
  });
});

describe('narrowing conversions', () => {
  it('truncates doubles toward zero and saturates like Java', () => {
    expect(toInt(new JavaDouble(2.7))).toBe(2);
    expect(toInt(new JavaDouble(-2.7))).toBe(-2);
    expect(toInt(new JavaDouble(1e20))).toBe(2147483647);
    expect(toInt(new JavaDouble(NaN))).toBe(0);
    expect(toLong(new JavaDouble(-1e30))).toBe(-(2n ** 63n));
  });

  it('wraps longs to 32 bits for intValue', () => {
    expect(toInt(new JavaLong(3000000000n))).toBe(-1294967296);
  });
});
