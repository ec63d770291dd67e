import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from '../../src/platform/base64.js';

/** Text a base64 reader may meet: the alphabets, padding, whitespace, and units whose low byte is one of them. */
const base64ish = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') },
    { weight: 2, arbitrary: fc.constantFrom('=', '-', '_', ' ', '\n', '\r', '\t', '.', '\u0141', '\u013d', '\u2603', '\u0100', 'é') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 40,
});

describe('platform base64', () => {
  it('encodes as Buffer does', () => {
    expect(encodeBase64(new Uint8Array())).toBe('');
    expect(encodeBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(Array.from(decodeBase64(encodeBase64(bytes)))).toEqual(Array.from(bytes));
      }),
    );
  });

  it.each([
    ['YQ==YQ==', '61'],
    ['Y Q\n=', '61'],
    ['YWJjZ', '616263'],
    ['-_-_', 'fbffbf'],
    ['=QUFB', ''],
    ['\u0141\u0141\u0141\u0141', '000000'],
  ])('reads %j leniently, as Node does, as %s', (text, hex) => {
    expect(Array.from(decodeBase64(text), (b) => b.toString(16).padStart(2, '0')).join('')).toBe(hex);
  });

  it("decodes any text exactly as Buffer.from(text, 'base64')", () => {
    fc.assert(
      fc.property(base64ish, (text) => {
        expect(Array.from(decodeBase64(text))).toEqual(Array.from(Buffer.from(text, 'base64')));
      }),
      { numRuns: 3000 },
    );
  });
});
