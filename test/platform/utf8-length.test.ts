import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8Length } from '../../src/platform/utf8-length.js';

describe('platform utf8Length', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\uD800', 3],
    ['\uDC00\uD800', 6],
  ])('%j is %d bytes', (s, n) => {
    expect(utf8Length(s)).toBe(n);
  });

  it('is Buffer.byteLength for any string, unpaired surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 1000 },
    );
  });
});
