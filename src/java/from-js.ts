/**
 * Caller-supplied JavaScript values (context fields, stage variables) → Java values. Objects are copied,
 * so nothing a template does can reach the caller's objects.
 */
import { JavaBigInteger, JavaDouble, JavaLong, LONG_MAX, LONG_MIN } from './numbers.js';
import { JavaList, JavaMap, type MapFlavour, type Value } from './values.js';
import { InvalidInputError } from '../vtl/errors.js';

export interface MapStyle {
  flavour: MapFlavour;
  /** The maps inside `$context` print as the empty string and adopt maps stored into them. */
  contextMap: boolean;
}

export function numberFromJs(n: number): Value {
  if (Number.isInteger(n) && !Object.is(n, -0)) {
    if (n >= -2147483648 && n <= 2147483647) return n;
    if (Number.isSafeInteger(n)) return new JavaLong(BigInt(n));
  }
  return new JavaDouble(n);
}

/** How deep a caller's value may nest. */
export const MAX_INPUT_DEPTH = 100;

export function fromJs(v: unknown, style: MapStyle, depth = 0): Value {
  // The conversion is where a caller's nested value is first walked, so it is checked here.
  if (depth > MAX_INPUT_DEPTH) throw new InvalidInputError(`input.context nests more than ${MAX_INPUT_DEPTH} levels deep, or contains itself`);
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return numberFromJs(v);
    case 'bigint':
      return v >= LONG_MIN && v <= LONG_MAX ? new JavaLong(v) : new JavaBigInteger(v);
  }
  if (Array.isArray(v)) return new JavaList(v.map((x) => fromJs(x, style, depth + 1)));
  if (typeof v === 'object') {
    const map = newMap(style);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) map.set(k, fromJs(x, style, depth + 1));
    return map;
  }
  throw new InvalidInputError(`input.context holds a ${typeof v}, which is not a JSON value`);
}

export function newMap(style: MapStyle): JavaMap {
  const map = new JavaMap(style.flavour);
  if (style.contextMap) {
    map.printsEmpty = true;
    map.adoptsMaps = true;
  }
  return map;
}
