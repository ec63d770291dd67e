/**
 * JSON bodies generated from a JSON Schema — the draft-04 subset API Gateway models use (`type`,
 * `properties`, `required`, `additionalProperties`, `items`, `enum`, numeric and length bounds, `pattern`,
 * `format`, `allOf`/`anyOf`/`oneOf`/`not`, `$ref`), plus OpenAPI's `nullable`. Strings lean on the
 * escaping traps; numbers on awkward spellings. Every generated body is valid against the schema (checked,
 * and filtered where a construct cannot be generated directly).
 */
import fc from 'fast-check';
import { schemaValidator, type JsonSchema } from '../json-schema/validate.js';
import { awkwardNumber } from './input.js';
import { escapingString } from './strings.js';

export type { JsonSchema } from '../json-schema/validate.js';

export interface SchemaOptions {
  /** Schemas a `$ref` may name: by the whole ref, or by its last segment (an API Gateway model name). */
  definitions?: Record<string, JsonSchema>;
  /** How deep recursive schemas may nest before optional parts are left out (default 6). */
  maxDepth?: number;
}

const DEFAULT_MAX_ITEMS = 4;

class Generator {
  constructor(
    private readonly root: JsonSchema,
    private readonly options: SchemaOptions,
  ) {}

  resolve(ref: string): JsonSchema {
    const defs = this.options.definitions ?? {};
    if (Object.hasOwn(defs, ref)) return defs[ref]!;
    if (ref.startsWith('#/')) {
      let node: unknown = this.root;
      for (const part of ref.slice(2).split('/')) {
        const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
        node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
      }
      if (node !== undefined) return node as JsonSchema;
    }
    const name = ref.split('/').pop()!;
    if (Object.hasOwn(defs, name)) return defs[name]!;
    throw new TypeError(`cannot resolve $ref '${ref}' (give its schema in definitions)`);
  }

  /** allOf merged into one schema; $ref followed. */
  flatten(schema: JsonSchema, seen = 0): JsonSchema {
    if (seen > 50) throw new TypeError('$ref chain too deep');
    if (schema.$ref) return this.flatten({ ...this.resolve(schema.$ref), ...withoutKeys(schema, ['$ref']) }, seen + 1);
    if (!schema.allOf) return schema;
    let merged: JsonSchema = withoutKeys(schema, ['allOf']);
    for (const part of schema.allOf) merged = mergeSchemas(merged, this.flatten(part, seen + 1));
    return merged;
  }

  value(input: JsonSchema, depth: number): fc.Arbitrary<string> {
    const schema = this.flatten(input);
    const base = this.core(schema, depth);
    return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant('null') }) : base;
  }

  private core(schema: JsonSchema, depth: number): fc.Arbitrary<string> {
    if (schema.enum) return fc.constantFrom(...schema.enum.map((v) => JSON.stringify(v)));
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) {
      const rest = withoutKeys(schema, ['anyOf', 'oneOf']);
      return fc.oneof(...alternatives.map((a) => this.value(mergeSchemas(rest, a), depth)));
    }
    // An unconstrained value deep in a recursive structure stays a scalar, so generation terminates.
    const types = typesOf(schema).filter((t) => depth < this.maxDepth || (t !== 'object' && t !== 'array') || schema.type !== undefined);
    const arbitraries = types.map((t) => this.ofType(t, schema, depth));
    if (arbitraries.length === 0) return fc.constant('null');
    return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
  }

  private ofType(type: string, schema: JsonSchema, depth: number): fc.Arbitrary<string> {
    switch (type) {
      case 'string':
        return stringValue(schema).map((s) => JSON.stringify(s));
      case 'integer':
        return integerValue(schema).map(String);
      case 'number':
        return numberValue(schema);
      case 'boolean':
        return fc.constantFrom('true', 'false');
      case 'null':
        return fc.constant('null');
      case 'array':
        return this.arrayValue(schema, depth);
      case 'object':
        return this.objectValue(schema, depth);
    }
    throw new TypeError(`unknown JSON Schema type '${type}'`);
  }

  private arrayValue(schema: JsonSchema, depth: number): fc.Arbitrary<string> {
    const min = schema.minItems ?? 0;
    const max = Math.max(min, Math.min(schema.maxItems ?? DEFAULT_MAX_ITEMS, depth >= this.maxDepth ? min : DEFAULT_MAX_ITEMS + min));
    const join = (items: string[]) => `[${items.join(',')}]`;
    if (Array.isArray(schema.items)) {
      const tuple = schema.items.map((s) => this.value(s, depth + 1));
      return fc.tuple(...tuple).map(join);
    }
    if (max === 0) return fc.constant('[]');
    const item = this.value(schema.items ?? {}, depth + 1);
    return (schema.uniqueItems ? fc.uniqueArray(item, { minLength: min, maxLength: max }) : fc.array(item, { minLength: min, maxLength: max })).map(join);
  }

  private objectValue(schema: JsonSchema, depth: number): fc.Arbitrary<string> {
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const deep = depth >= this.maxDepth;
    const entries = Object.entries(properties).map(([key, s]) => {
      const value = this.value(s, depth + 1).map((v) => `${JSON.stringify(key)}:${v}`);
      // Optional fields are sometimes missing: the `"x": ,` bug needs exactly that.
      return required.has(key) ? value : deep ? fc.constant('') : fc.option(value, { nil: '', freq: 3 });
    });
    for (const key of required) {
      if (!Object.hasOwn(properties, key)) entries.push(fc.constant(`${JSON.stringify(key)}:null`));
    }
    const additional = schema.additionalProperties;
    const extra =
      deep || additional === false
        ? fc.constant<string[]>([])
        : fc.uniqueArray(fc.constantFrom('extra', 'other', 'x-y'), { maxLength: 1 }).chain((keys) =>
            fc.tuple(...keys.filter((k) => !Object.hasOwn(properties, k)).map((k) => this.value(typeof additional === 'object' ? additional : {}, depth + 1).map((v) => `${JSON.stringify(k)}:${v}`))),
          );
    return fc.tuple(fc.tuple(...entries), extra).map(([fields, more]) => `{${[...fields, ...more].filter((f) => f !== '').join(',')}}`);
  }

  get maxDepth(): number {
    return this.options.maxDepth ?? 6;
  }
}

function withoutKeys(schema: JsonSchema, keys: string[]): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) if (!keys.includes(k)) out[k] = v;
  return out as JsonSchema;
}

function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...a, ...b };
  if (a.properties || b.properties) merged.properties = { ...a.properties, ...b.properties };
  if (a.required || b.required) merged.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  if (a.type && b.type) {
    const bt = [b.type].flat();
    const common = [a.type].flat().filter((t) => bt.includes(t) || (t === 'integer' && bt.includes('number')) || (t === 'number' && bt.includes('integer')));
    merged.type = common.includes('integer') && !common.includes('number') ? 'integer' : common.length === 1 ? common[0] : common;
  }
  return merged;
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.type) return [schema.type].flat();
  if (schema.properties || schema.required || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items) return ['array'];
  if (schema.minLength !== undefined || schema.maxLength !== undefined || schema.pattern || schema.format) return ['string'];
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return ['number'];
  return ['string', 'number', 'boolean', 'null', 'object', 'array'];
}

function codePoints(s: string): number {
  return Array.from(s).length;
}

const dates = () => fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

/** Built on first use: fast-check's e-mail and URL arbitraries take a second to construct. */
const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  email: () => fc.emailAddress(),
  'date-time': () => dates().map((d) => d.toISOString()),
  date: () => dates().map((d) => d.toISOString().slice(0, 10)),
  uri: () => fc.webUrl(),
  uuid: () => fc.uuid(),
  ipv4: () => fc.ipV4(),
};
const formatCache = new Map<string, fc.Arbitrary<string>>();

function formatArbitrary(format: string): fc.Arbitrary<string> {
  let arbitrary = formatCache.get(format);
  if (!arbitrary) formatCache.set(format, (arbitrary = FORMATS[format]!()));
  return arbitrary;
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Math.max(min, 40);
  let base: fc.Arbitrary<string>;
  if (schema.pattern) base = fc.stringMatching(new RegExp(schema.pattern, 'u'));
  else if (schema.format && Object.hasOwn(FORMATS, schema.format)) base = formatArbitrary(schema.format);
  else {
    // Tricky text, padded or cut (by code point, never splitting a surrogate pair) to the bounds.
    return escapingString.map((s) => {
      let chars = Array.from(s);
      if (chars.length > max) chars = chars.slice(0, max);
      while (chars.length < min) chars.push('x');
      return chars.join('');
    });
  }
  return base.filter((s) => codePoints(s) >= min && codePoints(s) <= max);
}

function bounds(schema: JsonSchema): { min: number; max: number; minExclusive: boolean; maxExclusive: boolean } {
  // draft-04: exclusiveMinimum is a boolean beside minimum; draft-06+: a number of its own.
  const minExclusive = schema.exclusiveMinimum === true || typeof schema.exclusiveMinimum === 'number';
  const maxExclusive = schema.exclusiveMaximum === true || typeof schema.exclusiveMaximum === 'number';
  const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : (schema.minimum ?? -1e9);
  const max = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : (schema.maximum ?? 1e9);
  return { min, max, minExclusive, maxExclusive };
}

function integerValue(schema: JsonSchema): fc.Arbitrary<number> {
  const b = bounds(schema);
  let min = Math.ceil(b.min);
  let max = Math.floor(b.max);
  if (b.minExclusive && min === b.min) min++;
  if (b.maxExclusive && max === b.max) max--;
  min = Math.max(min, Number.MIN_SAFE_INTEGER);
  max = Math.min(max, Number.MAX_SAFE_INTEGER);
  if (min > max) throw new TypeError(`no integer fits minimum ${b.min} / maximum ${b.max}`);
  const step = schema.multipleOf;
  if (step) {
    const lo = Math.ceil(min / step);
    const hi = Math.floor(max / step);
    if (lo > hi) throw new TypeError(`no multiple of ${step} fits the bounds`);
    return fc.integer({ min: lo, max: Math.min(hi, lo + 1_000_000) }).map((k) => k * step);
  }
  const edges = [0, 1, -1, 2147483647, 2147483648, -2147483649, 9007199254740991].filter((n) => n >= min && n <= max);
  return edges.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(...edges) }) : fc.integer({ min, max });
}

function numberValue(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.multipleOf) return integerValue(schema).map(String);
  const b = bounds(schema);
  const inRange = (n: number) => (b.minExclusive ? n > b.min : n >= b.min) && (b.maxExclusive ? n < b.max : n <= b.max);
  const doubles = fc.double({ min: b.min, max: b.max, noNaN: true, noDefaultInfinity: true, minExcluded: b.minExclusive, maxExcluded: b.maxExclusive }).map((n) => JSON.stringify(Object.is(n, -0) ? 0 : n));
  const lo = Math.max(b.min, -1e7);
  const hi = Math.min(b.max, 1e7);
  // Prices and measures: two decimals, the values templates most often print.
  const cents = fc.integer({ min: Math.ceil(lo * 100), max: Math.floor(hi * 100) }).map((n) => n / 100).filter(inRange).map((n) => JSON.stringify(n));
  const spelled = awkwardNumber.filter((text) => /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) && inRange(Number(text)));
  return lo <= hi
    ? fc.oneof({ weight: 2, arbitrary: cents }, { weight: 1, arbitrary: doubles }, { weight: 1, arbitrary: spelled })
    : fc.oneof(doubles, spelled);
}

/**
 * JSON text valid against the schema.
 * @throws TypeError when the schema cannot be generated from (an unresolvable `$ref`, empty bounds)
 */
export function jsonFromSchema(schema: JsonSchema, options: SchemaOptions = {}): fc.Arbitrary<string> {
  const generator = new Generator(schema, options);
  const arbitrary = generator.value(schema, 0);
  const valid = schemaValidator(schema, options.definitions);
  // Constructs generated only approximately (`not`, `oneOf` overlaps, patterns with lookarounds…) are
  // kept honest: a value the schema rejects is never produced.
  return arbitrary.filter((text) => valid(JSON.parse(text)).valid);
}
