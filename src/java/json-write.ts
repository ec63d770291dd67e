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
import { BoundedText } from './bounded-text.js';
import type { Meter } from './meter.js';

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

/** `JSONValue.toJSONString(value)`, charged to the meter as it is written. */
export function toJsonText(value: Value, meter: Meter): string {
  if (typeof value === 'string') return meter.string(jsonQuote(value));
  const out = new BoundedText(meter);
  writeJson(value, 0, out);
  return out.done();
}

/** Writes the JSON of `v` into `out` (exported for printing, where a JSON array prints as JSON). */
export function writeJson(v: Value, depth: number, out: BoundedText): void {
  out.visit();
  if (v === null) return out.append('null');
  switch (typeof v) {
    case 'string':
      return out.append(jsonQuote(v));
    case 'number':
      return out.append(String(v));
    case 'boolean':
      return out.append(v ? 'true' : 'false');
  }
  if (depth > MAX_NESTING) throw new JavaDepthError();
  if (v instanceof JavaMap) {
    out.append('{');
    let first = true;
    v.forEachEntry((key, value) => {
      if (!first) out.append(',');
      first = false;
      out.append(jsonQuote(keyText(key, out.meter)) + ':');
      writeJson(value, depth + 1, out);
    });
    return out.append('}');
  }
  if (v instanceof JavaList) {
    out.append('[');
    const items = v.items;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out.append(',');
      writeJson(items[i]!, depth + 1, out);
    }
    return out.append(']');
  }
  if (v instanceof JavaDouble) return out.append(Number.isFinite(v.value) || Number.isNaN(v.value) ? javaDoubleToString(v.value) : 'null');
  if (v instanceof JavaFloat) return out.append(Number.isFinite(v.value) || Number.isNaN(v.value) ? javaFloatToString(v.value) : 'null');
  if (v instanceof JavaLong || v instanceof JavaBigInteger) return out.append(v.value.toString());
  if (v instanceof JavaBigDecimal) return out.append(bigDecimalToString(v));
  if (v instanceof JavaChar) return out.append(jsonQuote(v.value));
  if (v instanceof MapEntry) {
    out.append('{' + jsonQuote(keyText(v.key, out.meter)) + ':');
    writeJson(v.value, depth + 1, out);
    return out.append('}');
  }
  if (v instanceof JavaObject) return out.append(jsonQuote(v.toJavaString(out.meter)));
  out.append('null');
}

/** json-smart writes a key with `String.valueOf(key)`. */
function keyText(key: Value, meter: Meter): string {
  return typeof key === 'string' ? key : toJavaString(key, meter);
}
