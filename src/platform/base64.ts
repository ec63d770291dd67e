/**
 * Base64 (RFC 4648, padded) without `Buffer` or `btoa`: `btoa` only takes Latin-1 text, and the core
 * must run where `Buffer` does not exist.
 *
 * Decoding is lenient exactly as Node's `Buffer.from(text, 'base64')`, which the core used before:
 * it accepts the URL-safe alphabet too, skips characters outside the alphabet, stops at the first `=`,
 * reads each UTF-16 unit by its low byte, and drops a trailing lone character. Callers that need
 * Java's strict decoder validate first (see `gateway/util/base64.ts`).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 0x3d;

/** Sextet value per byte; 64 marks a byte outside both alphabets. */
const DECODE = new Uint8Array(256).fill(64);
for (let i = 0; i < 64; i++) DECODE[ENCODE[i]!] = i;
DECODE[0x2d] = 62; // '-'
DECODE[0x5f] = 63; // '_'

// Base64 text is ASCII, and ASCII is valid UTF-8: the native decoder turns the bytes into a string
// faster than any JavaScript concatenation would.
const ascii = new TextDecoder();

/** `bytes` as padded base64 text. */
export function encodeBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let k = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[k++] = ENCODE[v >>> 18]!;
    out[k++] = ENCODE[(v >>> 12) & 63]!;
    out[k++] = ENCODE[(v >>> 6) & 63]!;
    out[k++] = ENCODE[v & 63]!;
  }
  if (i < n) {
    const two = i + 1 < n;
    const v = (bytes[i]! << 16) | (two ? bytes[i + 1]! << 8 : 0);
    out[k++] = ENCODE[v >>> 18]!;
    out[k++] = ENCODE[(v >>> 12) & 63]!;
    out[k++] = two ? ENCODE[(v >>> 6) & 63]! : PAD;
    out[k++] = PAD;
  }
  return ascii.decode(out);
}

/** The bytes of base64 (or base64url) text, read leniently as Node's `Buffer` reads it. */
export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 2);
  let k = 0;
  let acc = 0;
  let sextets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) & 0xff;
    const v = DECODE[c]!;
    if (v === 64) {
      if (c === PAD) break;
      continue;
    }
    acc = (acc << 6) | v;
    if (++sextets === 4) {
      out[k++] = acc >>> 16;
      out[k++] = (acc >>> 8) & 0xff;
      out[k++] = acc & 0xff;
      acc = 0;
      sextets = 0;
    }
  }
  if (sextets === 2) out[k++] = (acc >>> 4) & 0xff;
  else if (sextets === 3) {
    out[k++] = (acc >>> 10) & 0xff;
    out[k++] = (acc >>> 2) & 0xff;
  }
  return out.subarray(0, k);
}
