/**
 * json-smart's JSON writer in its default style (`JSONValue.toJSONString`, `JSONStyle.NO_COMPRESS`): what
 * `$input.json(...)` returns and what a JSON array prints as. Always compact; `/` is written `\/`; control
 * characters, U+007F–U+009F and U+2000–U+20FF are written `\uXXXX` (upper-case hex); everything else raw.
 */
import { JavaBigDecimal, JavaBigInteger, JavaDouble, JavaFloat, JavaLong } from './numbers.js';
import { bigDecimalToString } from './numbers.js';
import { javaDoubleToString, javaFloatToString } from './double-to-string.js';
import { JavaChar, JavaList, JavaMap, JavaObject, MapEntry, type Value } from './values.js';
import { JavaDepthError, MAX_NESTING } from './nesting.js';
import { toJavaString } from './print.js';

const SHORT_ESCAPES: Record<number, string> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x2f: '\\/',
};

function needsEscape(c: number): boolean {
  return c < 0x20 || c === 0x22 || c === 0x5c || c === 0x2f || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && c <= 0x20ff);
}

const NEEDS_ESCAPE = /[\u0000-\u001f"\\/\u007f-\u009f\u2000-\u20ff]/;

/** A JSON string literal, quoted, escaped as json-smart's default style does. */
export function jsonQuote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  let start = 0;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!needsEscape(c)) continue;
    out += s.slice(start, i) + (SHORT_ESCAPES[c] ?? '\\u' + c.toString(16).toUpperCase().padStart(4, '0'));
    start = i + 1;
  }
  return out + s.slice(start) + '"';
}

/** `JSONValue.toJSONString(value)`. */
export function toJsonText(value: Value): string {
  return write(value, 0);
}

function write(v: Value, depth: number): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return jsonQuote(v);
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (depth > MAX_NESTING) throw new JavaDepthError();
  if (v instanceof JavaMap) {
    let out = '{';
    let first = true;
    v.forEachEntry((key, value) => {
      if (!first) out += ',';
      first = false;
      out += jsonQuote(keyText(key)) + ':' + write(value, depth + 1);
    });
    return out + '}';
  }
  if (v instanceof JavaList) {
    let out = '[';
    for (let i = 0; i < v.items.length; i++) {
      if (i > 0) out += ',';
      out += write(v.items[i]!, depth + 1);
    }
    return out + ']';
  }
  if (v instanceof JavaDouble) return Number.isFinite(v.value) || Number.isNaN(v.value) ? javaDoubleToString(v.value) : 'null';
  if (v instanceof JavaFloat) return Number.isFinite(v.value) || Number.isNaN(v.value) ? javaFloatToString(v.value) : 'null';
  if (v instanceof JavaLong || v instanceof JavaBigInteger) return v.value.toString();
  if (v instanceof JavaBigDecimal) return bigDecimalToString(v);
  if (v instanceof JavaChar) return jsonQuote(v.value);
  if (v instanceof MapEntry) return '{' + jsonQuote(keyText(v.key)) + ':' + write(v.value, depth + 1) + '}';
  if (v instanceof JavaObject) return jsonQuote(v.toJavaString());
  return 'null';
}

/** json-smart writes a key with `String.valueOf(key)`. */
function keyText(key: Value): string {
  return typeof key === 'string' ? key : toJavaString(key);
}
