/**
 * `$context` values as plain JSON for a Lambda proxy event's `requestContext`. The event is built from the
 * same `$context` map the templates see, so both agree on every default (ids, domain, identity).
 */
import { JavaBigDecimal, JavaBigInteger, JavaDouble, JavaFloat, JavaLong } from '../../java/numbers.js';
import { JavaChar, JavaList, JavaMap, type Value } from '../../java/values.js';
import { setOwn } from '../../own-property.js';

/** A JSON value: what `JSON.stringify` writes and `JSON.parse` reads back unchanged. */
export type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/**
 * A Java value of `$context` as JSON: numbers as numbers (a Long epoch stays exact below 2^53), maps as
 * objects in the map's own iteration order, anything else (a Java object) as null. `$context` nests only
 * as deep as its input could (`fromJs` bounds that), so the recursion is bounded too.
 */
export function contextJson(value: Value | undefined): Json {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (value instanceof JavaLong || value instanceof JavaBigInteger) return Number(value.value);
  if (value instanceof JavaDouble || value instanceof JavaFloat) return Number.isFinite(value.value) ? value.value : null;
  if (value instanceof JavaBigDecimal) return Number(`${value.unscaled}e${-value.scale}`);
  if (value instanceof JavaChar) return value.value;
  if (value instanceof JavaMap) {
    const out: { [key: string]: Json } = {};
    for (const entry of value.entries()) setOwn(out, String(entry.key), contextJson(entry.value));
    return out;
  }
  if (value instanceof JavaList) return value.items.map(contextJson);
  return null;
}
