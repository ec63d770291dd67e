/**
 * The length in bytes of a string's UTF-8 encoding, without encoding it: limits are stated in bytes
 * (the 300 KB template limit), and building a copy of a large template only to measure it is waste.
 */

/**
 * The UTF-8 byte length of `s`, an unpaired surrogate counting `loneSurrogate` bytes: three where it is
 * written as U+FFFD (TextEncoder), one where it is written as `?` (Java's encoder).
 */
export function utf8ByteLength(s: string, loneSurrogate: 1 | 3): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c < 0xd800 || c > 0xdfff) n += 3;
    else if (c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += loneSurrogate;
  }
  return n;
}

/** The UTF-8 byte length of `s`; an unpaired surrogate counts three bytes, as its U+FFFD replacement. */
export function utf8Length(s: string): number {
  return utf8ByteLength(s, 3);
}
