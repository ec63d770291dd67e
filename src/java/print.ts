/**
 * `String.valueOf(value)`: how every value prints, in output and inside other values' text.
 *
 * Maps print `{k=v, k2=v2}` (AbstractMap), template lists `[a, b]` (AbstractCollection), JSON arrays as
 * compact JSON (JSONArray), doubles with Java's `Double.toString`, Java null as `null`. Printing charges
 * the render's meter per node and stops at the string cap as it goes.
 */
import { JavaBigDecimal, JavaBigInteger, JavaDouble, JavaFloat, JavaLong, bigDecimalToString } from './numbers.js';
import { javaDoubleToString, javaFloatToString } from './double-to-string.js';
import { JavaChar, JavaList, JavaMap, JavaObject, MapEntry, stringHashCode, type Value } from './values.js';
import { writeJson } from './json-write.js';
import { JavaDepthError, MAX_NESTING } from './nesting.js';
import { BoundedText } from './bounded-text.js';
import type { Meter } from './meter.js';

export function toJavaString(v: Value, meter: Meter): string {
  const simple = scalarText(v);
  if (simple !== undefined) return simple;
  const out = new BoundedText(meter);
  print(v, 0, out);
  return out.done();
}

/** The text of a value that prints without visiting anything, or undefined. */
function scalarText(v: Value): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof JavaDouble) return javaDoubleToString(v.value);
  if (v instanceof JavaLong || v instanceof JavaBigInteger) return v.value.toString();
  if (v instanceof JavaChar) return v.value;
  if (v instanceof JavaBigDecimal) return bigDecimalToString(v);
  if (v instanceof JavaFloat) return javaFloatToString(v.value);
  return undefined;
}

/** Writes `String.valueOf(v)` into `out`. Exported for the JSON writer (JSON arrays nested in template lists). */
export function print(v: Value, depth: number, out: BoundedText): void {
  out.visit();
  const simple = scalarText(v);
  if (simple !== undefined) {
    out.append(simple);
    return;
  }
  if (depth > MAX_NESTING) throw new JavaDepthError();
  if (v instanceof JavaMap) {
    if (v.printsEmpty) return;
    out.append('{');
    let first = true;
    for (const e of v.entries()) {
      if (!first) out.append(', ');
      first = false;
      if (e.key === v) out.append('(this Map)');
      else print(e.key, depth + 1, out);
      out.append('=');
      if (e.value === v) out.append('(this Map)');
      else print(e.value, depth + 1, out);
    }
    out.append('}');
    return;
  }
  if (v instanceof JavaList) {
    if (v.flavour === 'json') return writeJson(v, depth, out);
    if (v.flavour === 'array') return out.append(javaArrayIdentity(v, out.meter));
    out.append('[');
    const items = v.items;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out.append(', ');
      const item = items[i]!;
      if (item === v) out.append('(this Collection)');
      else print(item, depth + 1, out);
    }
    out.append(']');
    return;
  }
  if (v instanceof MapEntry) {
    print(v.key, depth + 1, out);
    out.append('=');
    print(v.value, depth + 1, out);
    return;
  }
  if (v instanceof JavaObject) out.append(v.toJavaString(out.meter));
}

/**
 * Java prints an array as its type and identity hash (`[Ljava.lang.String;@3c756e4d`). The hash is
 * arbitrary on AWS; we derive a stable one from the contents so renders are reproducible.
 */
function javaArrayIdentity(v: JavaList, meter: Meter): string {
  const charArray = v.items.length > 0 && v.items.every((x) => x instanceof JavaChar);
  let h = 0x3c756e4d;
  for (const item of v.items) {
    const text = toJavaString(item, meter);
    meter.chars(text.length);
    h = (Math.imul(h, 31) + stringHashCode(text)) | 0;
  }
  return (charArray ? '[C@' : '[Ljava.lang.String;@') + (h >>> 0).toString(16);
}
