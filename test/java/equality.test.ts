import { describe, expect, it } from 'vitest';
import { isTruthy, javaEquals, velocityCompare, velocityEquals } from '../../src/java/equality.js';
import { JavaChar, JavaList, JavaMap } from '../../src/java/values.js';
import { JavaDouble, JavaLong, parseBigDecimal } from '../../src/java/numbers.js';
import { unlimitedMeter } from '../../src/java/meter.js';

describe('Velocity 1.7 ==', () => {
  it('compares numbers by value across classes', () => {
    expect(velocityEquals(1, new JavaDouble(1), unlimitedMeter())).toBe(true);
    expect(velocityEquals(5, new JavaLong(5n), unlimitedMeter())).toBe(true);
    expect(velocityEquals(5, parseBigDecimal('5.00'), unlimitedMeter())).toBe(true);
  });

  it('compares different classes by their text', () => {
    expect(velocityEquals(1, '1', unlimitedMeter())).toBe(true);
    expect(velocityEquals(new JavaDouble(1), '1', unlimitedMeter())).toBe(false);
    expect(velocityEquals(new JavaDouble(1), '1.0', unlimitedMeter())).toBe(true);
    expect(velocityEquals(true, 'true', unlimitedMeter())).toBe(true);
    expect(velocityEquals(new JavaChar('e'), 'e', unlimitedMeter())).toBe(true);
  });

  it('compares maps and lists by content', () => {
    const a = new JavaList([1, 2]);
    const b = new JavaList([1, 2], 'json');
    expect(velocityEquals(a, b, unlimitedMeter())).toBe(true);
    const m = new JavaMap();
    m.set('a', 1);
    const n = new JavaMap('hash');
    n.set('a', 1);
    expect(velocityEquals(m, n, unlimitedMeter())).toBe(true);
  });
});

describe('Object.equals', () => {
  it('is class sensitive, unlike ==', () => {
    expect(javaEquals(1, new JavaLong(1n), unlimitedMeter())).toBe(false);
    expect(javaEquals(new JavaChar('e'), 'e', unlimitedMeter())).toBe(false);
    expect(javaEquals(new JavaDouble(0), new JavaDouble(-0), unlimitedMeter())).toBe(false);
    expect(javaEquals(new JavaDouble(NaN), new JavaDouble(NaN), unlimitedMeter())).toBe(true);
  });
});

describe('Velocity 1.7 < and friends', () => {
  it('are false unless both sides are numbers', () => {
    expect(velocityCompare('>', 2, '1')).toBe(false);
    expect(velocityCompare('>', 'b', 'a')).toBe(false);
    expect(velocityCompare('>', 2, new JavaDouble(1.5))).toBe(true);
    expect(velocityCompare('<=', null, 1)).toBe(false);
  });
});

describe('truthiness of values', () => {
  it('only null and false are false', () => {
    expect(isTruthy(null)).toBe(false);
    expect(isTruthy(false)).toBe(false);
    for (const v of ['', 0, new JavaList(), new JavaMap(), 'false']) expect(isTruthy(v)).toBe(true);
  });
});
