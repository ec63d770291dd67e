/**
 * UTF-8 as Java and Node write and read it, on the Web's codecs: an unpaired surrogate is written as
 * U+FFFD (EF BF BD), malformed input reads as U+FFFD, and a leading byte order mark is text, not a
 * signature (`new String(bytes, UTF_8)` keeps it, so the decoder must not swallow it).
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The UTF-8 bytes of `s`. */
export function encodeUtf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** `bytes` read as UTF-8, malformed sequences replaced by U+FFFD, a byte order mark kept. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
