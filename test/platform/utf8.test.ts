import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, encodeUtf8 } from '../../src/platform/utf8.js';

describe('platform UTF-8 codec', () => {
  it('encodes as Buffer does, an unpaired surrogate as EF BF BD', () => {
    expect(Array.from(encodeUtf8('a\uD800b'))).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(Array.from(encodeUtf8(s))).toEqual(Array.from(Buffer.from(s, 'utf8')));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes as Buffer does: malformed bytes become U+FFFD, a byte order mark stays', () => {
    expect(decodeUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toBe('\uFEFFa');
    expect(decodeUtf8(Uint8Array.of(0x61, 0xc3))).toBe('a\uFFFD');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeUtf8(bytes)).toBe(Buffer.from(bytes).toString('utf8'));
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(decodeUtf8(encodeUtf8(s))).toBe(s);
      }),
    );
  });
});
