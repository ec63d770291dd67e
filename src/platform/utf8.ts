/**
 * UTF-8 on the Web's codecs, for text that never passes through API Gateway's Java (ids the library
 * invents, HTTP plumbing, CloudFormation intrinsics): an unpaired surrogate is written as U+FFFD
 * (EF BF BD), malformed input reads as U+FFFD per WHATWG, and a leading byte order mark is kept.
 * Where Java reads or writes the bytes, use `java-utf8.ts`: the JDK differs on both counts.
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
