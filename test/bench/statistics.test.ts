import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growthExponent, mannWhitney, median, quantile } from '../../src/bench/statistics.js';

describe('bench statistics', () => {
  it('quantiles by nearest rank', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('Mann–Whitney: identical samples are not significant, separated ones are', () => {
    const a = Array.from({ length: 30 }, (_, i) => 1 + (i % 5) / 100);
    expect(mannWhitney(a, [...a]).p).toBeGreaterThan(0.5);
    const b = a.map((x) => x * 2);
    const test = mannWhitney(a, b);
    expect(test.p).toBeLessThan(1e-6);
    expect(test.probabilityALess).toBe(1);
  });

  it('Mann–Whitney p-values are probabilities, symmetric in the order of the samples', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }), (a, b) => {
        const ab = mannWhitney(a, b);
        const ba = mannWhitney(b, a);
        expect(ab.p).toBeGreaterThanOrEqual(0);
        expect(ab.p).toBeLessThanOrEqual(1);
        expect(ab.p).toBeCloseTo(ba.p, 9);
      }),
    );
  });

  it('growth exponent: 1 for linear, 2 for quadratic', () => {
    expect(growthExponent([1, 10, 100].map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1, 9);
    expect(growthExponent([1, 10, 100].map((x) => ({ x, y: x * x })))).toBeCloseTo(2, 9);
    expect(growthExponent([{ x: 1, y: 1 }])).toBeNaN();
  });
});
