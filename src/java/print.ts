/**
 * `String.valueOf(value)`: how every value prints, in output and inside other values' text.
 *
 * Maps print `{k=v, k2=v2}` (AbstractMap), template lists `[a, b]` (AbstractCollection), JSON arrays as
 * compact JSON (JSONArray), doubles with Java's `Double.toString`, Java null as `null`.
 */
import { JavaBigDecimal, JavaBigInteger, JavaDouble, JavaFloat, JavaLong, bigDecimalToString } from './numbers.js';
import { javaDoubleToString, javaFloatToString } from './double-to-string.js';
import { JavaChar, JavaList, JavaMap, JavaObject, MapEntry, stringHashCode, type Value } from './values.js';
import { toJsonText } from './json-write.js';
import { JavaDepthError, MAX_NESTING } from './nesting.js';

export function toJavaString(v: Value): string {
  return print(v, 0);
}

function print(v: Value, depth: number): string {
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
  if (depth > MAX_NESTING) throw new JavaDepthError();
  if (v instanceof JavaMap) {
    if (v.printsEmpty) return '';
    let out = '{';
    let first = true;
    for (const e of v.entries()) {
      if (!first) out += ', ';
      first = false;
      out += (e.key === v ? '(this Map)' : print(e.key, depth + 1)) + '=' + (e.value === v ? '(this Map)' : print(e.value, depth + 1));
    }
    return out + '}';
  }
  if (v instanceof JavaList) {
    if (v.flavour === 'json') return toJsonText(v);
    if (v.flavour === 'array') return javaArrayIdentity(v);
    let out = '[';
    for (let i = 0; i < v.items.length; i++) {
      if (i > 0) out += ', ';
      const item = v.items[i]!;
      out += item === v ? '(this Collection)' : print(item, depth + 1);
    }
    return out + ']';
  }
  if (v instanceof MapEntry) return print(v.key, depth + 1) + '=' + print(v.value, depth + 1);
  if (v instanceof JavaBigDecimal) return bigDecimalToString(v);
  if (v instanceof JavaFloat) return javaFloatToString(v.value);
  if (v instanceof JavaObject) return v.toJavaString();
  return '';
}

/**
 * Java prints an array as its type and identity hash (`[Ljava.lang.String;@3c756e4d`). The hash is
 * arbitrary on AWS; we derive a stable one from the contents so renders are reproducible.
 */
function javaArrayIdentity(v: JavaList): string {
  const charArray = v.items.length > 0 && v.items.every((x) => x instanceof JavaChar);
  let h = 0x3c756e4d;
  for (const item of v.items) h = (Math.imul(h, 31) + stringHashCodeOf(item)) | 0;
  return (charArray ? '[C@' : '[Ljava.lang.String;@') + (h >>> 0).toString(16);
}

function stringHashCodeOf(v: Value): number {
  return stringHashCode(print(v, 0));
}
