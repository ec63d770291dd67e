import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { javaDoubleToString, javaFloatToString } from '../../src/java/double-to-string.js';

describe('Double.toString (JDK 19+)', () => {
  it.each([
    [1.0, '1.0'],
    [100.0, '100.0'],
    [1e7, '1.0E7'],
    [9999999.0, '9999999.0'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1e21, '1.0E21'],
    [1e-7, '1.0E-7'],
    [123456789.0, '1.23456789E8'],
    [-0.0, '-0.0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [2e23, '2.0E23'],
    [1e23, '1.0E23'],
    [Number.MIN_VALUE, '4.9E-324'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
    [Infinity, 'Infinity'],
    [12345678.9, '1.23456789E7'],
    [1e16, '1.0E16'],
    [10.5, '10.5'],
    [249.99, '249.99'],
    [0.00099, '9.9E-4'],
    [-1.5, '-1.5'],
    [1.7976931348623157e308, '1.7976931348623157E308'],
  ])('prints %d as %s', (value, expected) => {
    expect(javaDoubleToString(value)).toBe(expected);
  });

  it('prints the double nearest 1e-323 with two digits, as JDK 19+ does', () => {
    expect(javaDoubleToString(1e-323)).toBe('9.9E-324');
  });

  it('always reads back as the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(javaDoubleToString(x))).toBe(x);
      }),
    );
  });

  it('always has a fractional part or an exponent', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(javaDoubleToString(x)).toMatch(/^-?\d+\.\d+(E-?\d+)?$/);
      }),
    );
  });

  it('uses plain notation exactly for 10^-3 <= |x| < 10^7', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (x) => {
        const ax = Math.abs(x);
        const plain = !javaDoubleToString(x).includes('E');
        expect(plain).toBe(x === 0 || (ax >= 1e-3 && ax < 1e7));
      }),
    );
  });
});

describe('Float.toString', () => {
  it('prints NaN and short floats', () => {
    expect(javaFloatToString(NaN)).toBe('NaN');
    expect(javaFloatToString(Math.fround(0.1))).toBe('0.1');
    expect(javaFloatToString(Math.fround(1.5))).toBe('1.5');
  });
});
