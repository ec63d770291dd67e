/**
 * `$util.base64Encode` / `$util.base64Decode`: `java.util.Base64`'s basic (RFC 4648) codec over the UTF-8
 * bytes of the text. Decoding is strict like Java's: any character outside the alphabet (whitespace
 * included) or a misplaced `=` fails the template.
 */
import { JavaException } from '../../java/exceptions.js';
import { decodeBase64, encodeBase64 } from '../../platform/base64.js';
import { decodeUtf8Java, encodeUtf8Java } from '../../platform/java-utf8.js';

export function base64Encode(s: string): string {
  return encodeBase64(encodeUtf8Java(s));
}

/** The decoded bytes; throws Java's IllegalArgumentException for text that is not strict base64. */
export function base64DecodeBytes(s: string): Uint8Array {
  const illegal = /[^A-Za-z0-9+/=]/.exec(s);
  if (illegal) {
    throw new JavaException(
      'java.lang.IllegalArgumentException',
      `Illegal base64 character ${illegal[0].charCodeAt(0).toString(16)}`,
    );
  }
  const body = s.replace(/=+$/, '');
  const padding = s.length - body.length;
  if (body.includes('=') || padding > 2 || (padding > 0 && s.length % 4 !== 0)) {
    throw new JavaException('java.lang.IllegalArgumentException', 'Input byte array has incorrect ending byte');
  }
  if (body.length % 4 === 1) {
    throw new JavaException('java.lang.IllegalArgumentException', 'Last unit does not have enough valid bits');
  }
  return decodeBase64(body);
}

export function base64Decode(s: string): string {
  return decodeUtf8Java(base64DecodeBytes(s));
}
