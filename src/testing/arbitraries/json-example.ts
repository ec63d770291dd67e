/**
 * JSON bodies shaped like an example body: the same keys and nesting, with generated values of the same
 * kind — strings full of escaping traps, numbers in awkward spellings, lists of 0–4 items shaped like the
 * example's first — and now and then a missing key or a null, the inputs that break templates.
 */
import fc from 'fast-check';
import { awkwardNumber } from './input.js';
import { escapingString } from './strings.js';

const JSON_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const jsonNumber = awkwardNumber.filter((t) => JSON_NUMBER.test(t));
const integerText = fc.oneof(fc.integer({ min: -1000, max: 100000 }).map(String), fc.constantFrom('0', '2147483648', '9007199254740993'));
const decimalText = fc.oneof(jsonNumber.filter((t) => /[.eE]/.test(t)), fc.integer({ min: -100000, max: 100000 }).map((n) => String(n / 100)));

export interface ExampleOptions {
  /** How often an object key of the example is left out, 0–1 (default 0.1). */
  missingKeys?: number;
  /** How often a value is null instead, 0–1 (default 0.05). */
  nulls?: number;
}

function like(example: unknown, o: Required<ExampleOptions>, depth: number): fc.Arbitrary<string> {
  const value = shaped(example, o, depth);
  if (o.nulls <= 0 || example === null) return value;
  const nullWeight = Math.max(1, Math.round(o.nulls * 100));
  return fc.oneof({ weight: 100 - nullWeight, arbitrary: value }, { weight: nullWeight, arbitrary: fc.constant('null') });
}

function shaped(example: unknown, o: Required<ExampleOptions>, depth: number): fc.Arbitrary<string> {
  if (example === null) return fc.oneof(fc.constant('null'), escapingString.map((s) => JSON.stringify(s)));
  if (typeof example === 'string') return escapingString.map((s) => JSON.stringify(s));
  if (typeof example === 'boolean') return fc.constantFrom('true', 'false');
  if (typeof example === 'number') return Number.isInteger(example) ? integerText : decimalText;
  if (Array.isArray(example)) {
    if (example.length === 0 || depth > 8) return fc.constant('[]');
    return fc.array(like(example[0], o, depth + 1), { maxLength: 4 }).map((items) => `[${items.join(',')}]`);
  }
  if (typeof example === 'object') {
    const keep = Math.max(1, Math.round((1 - o.missingKeys) * 100));
    const fields = Object.entries(example as Record<string, unknown>).map(([key, v]) => {
      const field = like(v, o, depth + 1).map((text) => `${JSON.stringify(key)}:${text}`);
      return o.missingKeys <= 0 ? field : fc.oneof({ weight: keep, arbitrary: field }, { weight: 100 - keep, arbitrary: fc.constant('') });
    });
    return fc.tuple(...fields).map((parts) => `{${parts.filter((p) => p !== '').join(',')}}`);
  }
  throw new TypeError(`an example body must be JSON, found ${typeof example}`);
}

/** JSON text shaped like `example` (a parsed JSON value, or JSON text). */
export function jsonLikeExample(example: unknown, options: ExampleOptions = {}): fc.Arbitrary<string> {
  const value = typeof example === 'string' ? (JSON.parse(example) as unknown) : example;
  return shaped(value, { missingKeys: options.missingKeys ?? 0.1, nulls: options.nulls ?? 0.05 }, 0);
}
