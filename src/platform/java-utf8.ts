/**
 * UTF-8 by the JDK's rules (`String.getBytes(UTF_8)`, `new String(bytes, UTF_8)`), for every place where
 * API Gateway hands text to Java: the Web's codecs differ from the JDK on malformed input.
 *
 * - Encoding: an unpaired surrogate becomes `?` (0x3F), the encoder's replacement byte; TextEncoder
 *   writes U+FFFD (EF BF BD).
 * - Decoding: each malformed sequence becomes one U+FFFD, but the JDK cuts sequences differently from
 *   WHATWG: a 3-byte sequence starting ED is taken whole before the surrogate check (ED A0 80 is one
 *   U+FFFD, not three), and a sequence cut short by the end of the input is one U+FFFD however many of
 *   its bytes were valid. A leading byte order mark is text.
 *
 * Valid UTF-8 reads the same under both rules, so the native decoder does the work until it meets
 * malformed input.
 */
import { utf8ByteLength } from './utf8-length.js';

const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** `s` with every unpaired surrogate replaced by `?`, as the JDK's UTF-8 encoder replaces it. */
export function replaceLoneSurrogatesJava(s: string): string {
  return HAS_SURROGATE.test(s) ? s.replace(LONE_SURROGATE, '?') : s;
}

/** The bytes of `s.getBytes(StandardCharsets.UTF_8)`. */
export function encodeUtf8Java(s: string): Uint8Array {
  return encoder.encode(replaceLoneSurrogatesJava(s));
}

/** The length of {@link encodeUtf8Java}`(s)`, without encoding: an unpaired surrogate counts one byte. */
export function utf8LengthJava(s: string): number {
  return utf8ByteLength(s, 1);
}

/** The text of `new String(bytes, StandardCharsets.UTF_8)`. */
export function decodeUtf8Java(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeMalformed(bytes);
  }
}

const REPLACEMENT = 0xfffd;

function isContinuation(b: number): boolean {
  return (b & 0xc0) === 0x80;
}

/** A second byte that cannot follow `b1` in a 4-byte sequence (overlong, above U+10FFFF, or no continuation). */
function badSecondOf4(b1: number, b2: number): boolean {
  return (b1 === 0xf0 && (b2 < 0x90 || b2 > 0xbf)) || (b1 === 0xf4 && (b2 & 0xf0) !== 0x80) || !isContinuation(b2);
}

// Follows the JDK 17 decoder's case analysis (String.decodeUTF8_UTF16), which decides how many bytes
// each U+FFFD stands for; the case tables in test/platform/java-utf8.test.ts were confirmed on the JDK.
function decodeMalformed(src: Uint8Array): string {
  const n = src.length;
  const units: number[] = [];
  let out = '';
  const flush = () => {
    out += String.fromCharCode(...units);
    units.length = 0;
  };
  let i = 0;
  while (i < n) {
    if (units.length >= 4096) flush();
    const b1 = src[i++]!;
    if (b1 < 0x80) {
      units.push(b1);
    } else if (b1 >= 0xc2 && b1 <= 0xdf) {
      if (i >= n) {
        units.push(REPLACEMENT);
        break;
      }
      const b2 = src[i]!;
      if (!isContinuation(b2)) {
        units.push(REPLACEMENT);
      } else {
        units.push(((b1 & 0x1f) << 6) | (b2 & 0x3f));
        i++;
      }
    } else if (b1 >= 0xe0 && b1 <= 0xef) {
      if (i + 1 < n) {
        const b2 = src[i]!;
        const b3 = src[i + 1]!;
        const overlong = b1 === 0xe0 && (b2 & 0xe0) === 0x80;
        if (overlong || !isContinuation(b2) || !isContinuation(b3)) {
          units.push(REPLACEMENT);
          // The JDK skips the lead byte alone when the second byte is already wrong, else both.
          i += overlong || !isContinuation(b2) ? 0 : 1;
        } else {
          const c = ((b1 & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
          units.push(c >= 0xd800 && c <= 0xdfff ? REPLACEMENT : c);
          i += 2;
        }
        continue;
      }
      units.push(REPLACEMENT);
      if (i < n && ((b1 === 0xe0 && (src[i]! & 0xe0) === 0x80) || !isContinuation(src[i]!))) continue;
      break;
    } else if (b1 >= 0xf0 && b1 <= 0xf7) {
      if (i + 2 < n) {
        const b2 = src[i]!;
        const b3 = src[i + 1]!;
        const b4 = src[i + 2]!;
        const cp = ((b1 & 0x07) << 18) | ((b2 & 0x3f) << 12) | ((b3 & 0x3f) << 6) | (b4 & 0x3f);
        if (!isContinuation(b2) || !isContinuation(b3) || !isContinuation(b4) || cp < 0x10000 || cp > 0x10ffff) {
          units.push(REPLACEMENT);
          if (b1 > 0xf4 || badSecondOf4(b1, b2)) i += 0;
          else if (!isContinuation(b3)) i += 1;
          else i += 2;
        } else {
          const v = cp - 0x10000;
          units.push(0xd800 | (v >> 10), 0xdc00 | (v & 0x3ff));
          i += 3;
        }
        continue;
      }
      units.push(REPLACEMENT);
      if (b1 > 0xf4 || (i < n && badSecondOf4(b1, src[i]!))) continue;
      i++;
      if (i < n && !isContinuation(src[i]!)) continue;
      break;
    } else {
      units.push(REPLACEMENT);
    }
  }
  flush();
  return out;
}
