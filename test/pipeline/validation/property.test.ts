import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetExceeded, Meter } from '../../../src/java/meter.js';
import { ModelValidators } from '../../../src/pipeline/validation/model-validators.js';
import { parseBodyJson } from '../../../src/pipeline/validation/schema/parse-body.js';
import { schemaProblems } from '../../../src/pipeline/validation/index.js';
import { jsonFromSchema } from '../../../src/testing/arbitraries/json-schema.js';
import AjvModule from 'ajv-draft-04';
import type { Options, ValidateFunction } from 'ajv-draft-04';
import type { JsonSchema } from '../../../src/testing/json-schema/validate.js';

// The oracle: Ajv's draft-04 build, used directly (src/testing's wrapper drops members named `id`).
const AjvClass = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (options: Options) => { compile(schema: object): ValidateFunction };
const ajv = new AjvClass({ strict: false, validateFormats: false, allErrors: false });
// Plain copies: fast-check's dictionaries have no prototype, which Ajv's deep equality cannot compare.
const ajvValid = (schema: JsonSchema, value: unknown): boolean => ajv.compile(JSON.parse(JSON.stringify(schema)) as JsonSchema)(value) as boolean;

const KEYS = ['a', 'b', 'c', 'id', 'x y'];

const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(0.5, -2.25, 3.75, 100.125),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('😀', 'ab', ''),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/**
 * Draft-04 schemas without `format` and `pattern` (where fge and Ajv legitimately differ). `satisfiable`
 * leaves out the keywords that can make a schema match nothing (the value generator cannot cope).
 */
function schemas(satisfiable: boolean): fc.Arbitrary<JsonSchema> {
  return fc.letrec<{ schema: JsonSchema }>((tie) => {
  const sub = tie('schema');
  const always = [
    fc.record({ type: fc.oneof(fc.constantFrom('string', 'integer', 'number', 'boolean', 'null', 'array', 'object'), fc.uniqueArray(fc.constantFrom('string', 'integer', 'number', 'null', 'object'), { minLength: 1, maxLength: 3 })) }),
    fc.record({ minimum: fc.integer({ min: -10, max: 10 }), exclusiveMinimum: fc.boolean() }),
    fc.record({ maximum: fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constant(2.5)), exclusiveMaximum: fc.boolean() }),
    fc.record({ multipleOf: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ minLength: fc.nat(3) }),
    fc.record({ maxLength: fc.nat(3) }),
    fc.record({ minItems: fc.nat(2) }),
    fc.record({ maxItems: fc.nat(2) }),
    fc.record({ uniqueItems: fc.boolean() }),
    fc.record({ items: fc.oneof(sub, fc.array(sub, { minLength: 1, maxLength: 2 })) }),
    fc.record({ items: fc.array(sub, { minLength: 1, maxLength: 2 }), additionalItems: fc.oneof(fc.boolean(), sub) }),
    fc.record({ properties: fc.dictionary(fc.constantFrom(...KEYS), sub, { maxKeys: 3 }) }),
    fc.record({ required: fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }) }),
    fc.record({ additionalProperties: fc.oneof(fc.boolean(), sub), properties: fc.dictionary(fc.constantFrom(...KEYS), sub, { maxKeys: 2 }) }),
    fc.record({ minProperties: fc.nat(2) }),
    fc.record({ maxProperties: fc.nat(2) }),
    fc.record({ dependencies: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(sub, fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 2 })), { maxKeys: 2 }) }),
  ];
  const risky = [
    fc.record({ enum: fc.uniqueArray(jsonValue, { minLength: 1, maxLength: 3, selector: (v) => JSON.stringify(v) }) }),
    fc.record({ allOf: fc.array(sub, { minLength: 1, maxLength: 2 }) }),
    fc.record({ anyOf: fc.array(sub, { minLength: 1, maxLength: 2 }) }),
    fc.record({ oneOf: fc.array(sub, { minLength: 1, maxLength: 2 }) }),
    fc.record({ not: sub }),
  ];
  const keyword = fc.oneof(...always, ...(satisfiable ? [] : risky));
  return {
    schema: fc.oneof({ depthSize: 'small' }, fc.constant({}), fc.array(keyword, { minLength: 1, maxLength: satisfiable ? 1 : 3 }).map((parts) => Object.assign({}, ...parts) as JsonSchema)),
  };
}).schema;
}

const schema = schemas(false);

/** Hostile schemas: any keyword with any value, references anywhere, patterns and formats. */
const wildSchema: fc.Arbitrary<unknown> = fc.letrec<{ schema: unknown }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small' },
    jsonValue,
    fc.dictionary(
      fc.constantFrom('type', 'enum', 'properties', 'items', 'additionalItems', 'additionalProperties', 'patternProperties', 'required', 'allOf', 'anyOf', 'oneOf', 'not', 'dependencies', 'pattern', 'format', '$ref', 'minimum', 'maximum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxItems', 'uniqueItems', 'definitions'),
      fc.oneof(tie('schema'), fc.array(tie('schema'), { maxLength: 3 }), fc.constantFrom('#', '#/definitions/a', '#/properties/a', 'https://apigateway.amazonaws.com/restapis/x/models/M', 'M', '(a+)+$', '[', 'date-time', 'email', 'uri', -1, 0, 1e308)),
      { maxKeys: 5 },
    ),
  ),
})).schema;

function ourValidity(s: unknown, text: string): boolean {
  const meter = new Meter({ maxWork: 1e9, maxMemory: 1e9, maxStringLength: 1e8 });
  const parsed = parseBodyJson(text, meter);
  if (!parsed.ok) throw new Error(`not JSON: ${text}`);
  return new ModelValidators({}).validate(s, parsed.value, meter).errors.length === 0;
}

/** JSON text both validators read alike: no exponents (Jackson reads 1e21 as a decimal, Ajv as an integer). */
function comparable(text: string): boolean {
  return !/\d[eE]/.test(text);
}

describe('properties', () => {
  it('agrees with Ajv (draft-04) on valid / invalid, for random values', () => {
    fc.assert(
      fc.property(schema, jsonValue, (s, v) => {
        const text = JSON.stringify(v);
        fc.pre(comparable(text));
        expect(schemaProblems(s)).toEqual([]);
        expect(ourValidity(s, text), `${JSON.stringify(s)} / ${text}`).toBe(ajvValid(s, JSON.parse(text)));
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with Ajv on values generated to match the schema', () => {
    fc.assert(
      fc.property(
        schemas(true).chain((s) => {
          let values: fc.Arbitrary<string>;
          try {
            values = jsonFromSchema(s);
          } catch {
            values = fc.constant('null');
          }
          return fc.tuple(fc.constant(s), values);
        }),
        ([s, generated]) => {
          const text = JSON.stringify(JSON.parse(generated));
          fc.pre(comparable(text));
          expect(ourValidity(s, text), `${JSON.stringify(s)} / ${text}`).toBe(ajvValid(s, JSON.parse(text)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws (but for the budget) for any value against any schema, nor does schemaProblems', () => {
    const validators = new ModelValidators({ M: { $ref: 'M' } });
    fc.assert(
      fc.property(wildSchema, jsonValue, (s, v) => {
        expect(Array.isArray(schemaProblems(s, { M: { $ref: 'M' } }))).toBe(true);
        const meter = new Meter({ maxWork: 200_000, maxMemory: 1e8, maxStringLength: 1e7 });
        const parsed = parseBodyJson(JSON.stringify(v), meter);
        if (!parsed.ok) return;
        try {
          const result = validators.validate(s, parsed.value, meter);
          expect(Array.isArray(result.errors)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(BudgetExceeded);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
