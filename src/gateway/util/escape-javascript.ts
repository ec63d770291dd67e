/**
 * `$util.escapeJavaScript`: Apache Commons Lang 2.x `StringEscapeUtils.escapeJavaScript`, which API Gateway
 * uses. Note that it escapes `'` as `\'` — not valid inside JSON — and `/` as `\/`; every character
 * above U+007F becomes `\uXXXX` (upper-case hex, one escape per UTF-16 unit).
 */
/** Anything escapeJavaScript changes (U+007F itself is left alone, as Commons Lang does). */
const NEEDS_ESCAPE = /[\u0000-\u001f'"\\/\u0080-\uffff]/;

export function escapeJavaScript(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let escaped: string;
    if (c > 0x7f) escaped = '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    else if (c < 0x20) {
      switch (c) {
        case 0x08:
          escaped = '\\b';
          break;
        case 0x09:
          escaped = '\\t';
          break;
        case 0x0a:
          escaped = '\\n';
          break;
        case 0x0c:
          escaped = '\\f';
          break;
        case 0x0d:
          escaped = '\\r';
          break;
        default:
          escaped = '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
      }
    } else if (c === 0x27 || c === 0x22 || c === 0x5c || c === 0x2f) {
      escaped = '\\' + s[i];
    } else {
      continue;
    }
    out += s.slice(start, i) + escaped;
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

/** The length of `escapeJavaScript(s)`, counted without building it. */
export function escapedJavaScriptLength(s: string): number {
  let length = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) length += 5;
    else if (c < 0x20) length += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 1 : 5;
    else if (c === 0x27 || c === 0x22 || c === 0x5c || c === 0x2f) length += 1;
  }
  return length;
}
