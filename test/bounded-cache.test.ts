import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextKeyedCache } from '../src/bounded-cache.js';

describe('TextKeyedCache', () => {
  it('never holds more entries or more key characters than its bounds, whatever is stored', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 200 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 200 }), (keys, maxEntries, maxLength) => {
        const cache = new TextKeyedCache<number>(maxEntries, maxLength);
        keys.forEach((k, i) => {
          if (cache.lookup(k) === undefined) cache.store(k, i);
          expect(cache.size).toBeLessThanOrEqual(maxEntries);
          expect(cache.totalLength).toBeLessThanOrEqual(maxLength);
        });
      }),
    );
  });

  it('evicts the least recently used key', () => {
    const cache = new TextKeyedCache<string>(2, 100);
    cache.store('a', 'A');
    cache.store('b', 'B');
    expect(cache.lookup('a')).toBe('A');
    cache.store('c', 'C');
    expect(cache.lookup('b')).toBeUndefined();
    expect(cache.lookup('a')).toBe('A');
    expect(cache.lookup('c')).toBe('C');
  });

  it('does not keep a key longer than a quarter of its character budget', () => {
    const cache = new TextKeyedCache<string>(10, 100);
    cache.store('x'.repeat(26), 'big');
    expect(cache.size).toBe(0);
  });
});
