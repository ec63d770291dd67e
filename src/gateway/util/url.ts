/**
 * `$util.urlEncode` / `$util.urlDecode`: `java.net.URLEncoder` / `URLDecoder` with UTF-8 — form encoding,
 * where a space is `+` and only `A-Z a-z 0-9 . - * _` stay as they are.
 */
import { JavaException } from '../../java/exceptions.js';
import { decodeUtf8Java, replaceLoneSurrogatesJava } from '../../platform/java-utf8.js';

export function urlEncode(s: string): string {
  // Java encodes an unpaired surrogate as '?' (its replacement byte); encodeURIComponent would throw.
  return encodeURIComponent(replaceLoneSurrogatesJava(s))
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

export function urlDecode(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const bytes: number[] = [];
      while (i < s.length && s[i] === '%') {
        if (i + 2 >= s.length) {
          throw new JavaException('java.lang.IllegalArgumentException', 'URLDecoder: Incomplete trailing escape (%) pattern');
        }
        const hi = hexValue(s.charCodeAt(i + 1));
        const lo = hexValue(s.charCodeAt(i + 2));
        if (hi < 0 || lo < 0) {
          throw new JavaException(
            'java.lang.IllegalArgumentException',
            `URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "${s.slice(i + 1, i + 3)}"`,
          );
        }
        bytes.push(hi * 16 + lo);
        i += 3;
      }
      // URLDecoder turns each run of escapes into text with `new String(bytes, UTF_8)`.
      out += decodeUtf8Java(Uint8Array.from(bytes));
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
