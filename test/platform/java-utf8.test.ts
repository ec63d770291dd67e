import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8Java, encodeUtf8Java, replaceLoneSurrogatesJava, utf8LengthJava } from '../../src/platform/java-utf8.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const bytes = (hex: string) => Uint8Array.from(hex.split(' ').map((h) => parseInt(h, 16)));
const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')).join(' ');

describe('JDK UTF-8 decoding (new String(bytes, UTF_8)), cases answered by JDK 17', () => {
  it.each([
    // A surrogate encoded in 3 bytes is one U+FFFD (WHATWG: three), also when cut short or broken.
    ['ED A0 80', 'FFFD'],
    ['ED B0 80', 'FFFD'],
    ['ED BF BF', 'FFFD'],
    ['ED A0 80 ED B0 80', 'FFFD FFFD'],
    ['ED A0', 'FFFD'],
    ['ED A0 41', 'FFFD 0041'],
    ['ED', 'FFFD'],
    ['ED 9F BF', 'D7FF'],
    ['ED 80 80', 'D000'],
    // Overlongs: the lead byte alone is malformed, then each continuation byte.
    ['C0 80', 'FFFD FFFD'],
    ['C1 BF', 'FFFD FFFD'],
    ['C0', 'FFFD'],
    ['E0 80 80', 'FFFD FFFD FFFD'],
    ['E0 9F BF', 'FFFD FFFD FFFD'],
    ['E0 80', 'FFFD FFFD'],
    ['F0 80 80 80', 'FFFD FFFD FFFD FFFD'],
    ['F0 8F BF BF', 'FFFD FFFD FFFD FFFD'],
    ['F0 80', 'FFFD FFFD'],
    ['F0 80 80', 'FFFD FFFD FFFD'],
    // Above U+10FFFF, and lead bytes that never start a sequence.
    ['F4 90 80 80', 'FFFD FFFD FFFD FFFD'],
    ['F4 A0 80 80', 'FFFD FFFD FFFD FFFD'],
    ['F4 90', 'FFFD FFFD'],
    ['F5 80 80 80', 'FFFD FFFD FFFD FFFD'],
    ['F7 BF BF BF', 'FFFD FFFD FFFD FFFD'],
    ['F8 88 80 80 80', 'FFFD FFFD FFFD FFFD FFFD'],
    ['FE', 'FFFD'],
    ['FF', 'FFFD'],
    ['FE FF', 'FFFD FFFD'],
    // Lone continuation bytes: one U+FFFD each.
    ['80', 'FFFD'],
    ['80 80', 'FFFD FFFD'],
    ['BF 41', 'FFFD 0041'],
    // A sequence cut by the end of the input is one U+FFFD; cut by another byte, the other byte is read.
    ['C2', 'FFFD'],
    ['E0 A0', 'FFFD'],
    ['E2 82', 'FFFD'],
    ['EE 80', 'FFFD'],
    ['F0', 'FFFD'],
    ['F0 90', 'FFFD'],
    ['F0 90 80', 'FFFD'],
    ['F1 80 80', 'FFFD'],
    ['F4 80 80', 'FFFD'],
    ['F4 8F BF', 'FFFD'],
    ['C2 41', 'FFFD 0041'],
    ['C2 C2 A9', 'FFFD 00A9'],
    ['E0 41', 'FFFD 0041'],
    ['E0 A0 41', 'FFFD 0041'],
    ['E2 82 41', 'FFFD 0041'],
    ['E1 80 C0 80', 'FFFD FFFD FFFD'],
    ['F0 90 80 41', 'FFFD 0041'],
    ['F0 90 80 C0', 'FFFD FFFD'],
    ['F0 90 80 F0 90 80 80', 'FFFD D800 DC00'],
    ['41 E2 28 A1', '0041 FFFD 0028 FFFD'],
    ['F0 28 8C BC', 'FFFD 0028 FFFD FFFD'],
    ['F0 90 28 BC', 'FFFD 0028 FFFD'],
    ['F0 28 8C 28', 'FFFD 0028 FFFD 0028'],
    // Valid boundaries, and a byte order mark that stays text.
    ['C2 80', '0080'],
    ['DF BF', '07FF'],
    ['E0 A0 80', '0800'],
    ['F0 90 80 80', 'D800 DC00'],
    ['F4 8F BF BF', 'DBFF DFFF'],
    ['EF BB BF 41', 'FEFF 0041'],
  ])('%s reads as %s', (hex, expected) => {
    expect(units(decodeUtf8Java(bytes(hex)))).toBe(expected);
  });

  it('reads valid UTF-8 exactly as TextDecoder does', () => {
    const web = new TextDecoder('utf-8', { ignoreBOM: true });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const encoded = new TextEncoder().encode(s);
        expect(decodeUtf8Java(encoded)).toBe(web.decode(encoded));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes any bytes to at most one UTF-16 unit per byte, and long malformed input in one piece', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(decodeUtf8Java(b).length).toBeLessThanOrEqual(b.length);
      }),
      { numRuns: 1000 },
    );
    const long = new Uint8Array(20000).fill(0xed);
    expect(decodeUtf8Java(long)).toBe('\uFFFD'.repeat(20000));
  });
});

describe('JDK UTF-8 encoding (String.getBytes(UTF_8))', () => {
  it('writes an unpaired surrogate as ? (0x3F), a pair as four bytes', () => {
    expect(Array.from(encodeUtf8Java('a\uD800b\uDC00c\uD83D\uDE00\uDBFF'))).toEqual([0x61, 0x3f, 0x62, 0x3f, 0x63, 0xf0, 0x9f, 0x98, 0x80, 0x3f]);
    expect(Array.from(encodeUtf8Java('\uDC00\uD800'))).toEqual([0x3f, 0x3f]);
    expect(replaceLoneSurrogatesJava('plain')).toBe('plain');
  });

  it('agrees with TextEncoder on well-formed text, and its length is utf8LengthJava', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const encoded = encodeUtf8Java(s);
        expect(encoded.length).toBe(utf8LengthJava(s));
        if (!LONE_SURROGATE.test(s)) expect(Array.from(encoded)).toEqual(Array.from(new TextEncoder().encode(s)));
      }),
      { numRuns: 500 },
    );
  });
});
