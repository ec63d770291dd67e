import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonFromSchema, schemaValidator, type JsonSchema } from '../../src/testing/index.js';

const PET: JsonSchema = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  title: 'Pet',
  type: 'object',
  required: ['name', 'age', 'kind'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 12 },
    age: { type: 'integer', minimum: 0, maximum: 30 },
    kind: { enum: ['cat', 'dog'] },
    price: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1000 },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]{1,5}$' }, maxItems: 3, uniqueItems: true },
    owner: { $ref: 'https://apigateway.amazonaws.com/restapis/abc123/models/Owner' },
    nick: { type: 'string', nullable: true },
    code: { type: ['string', 'integer'] },
    size: { oneOf: [{ type: 'integer', multipleOf: 5 }, { type: 'string', format: 'uuid' }] },
    extra: { allOf: [{ type: 'object', properties: { a: { type: 'boolean' } }, required: ['a'] }, { properties: { b: { type: 'null' } } }] },
  },
};
const definitions = { Owner: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' }, since: { type: 'string', format: 'date-time' } } } as JsonSchema };

describe('bodies from a JSON Schema (draft-04, API Gateway models)', () => {
  it('every generated body is valid JSON that the schema accepts', () => {
    const valid = schemaValidator(PET, definitions);
    fc.assert(
      fc.property(jsonFromSchema(PET, { definitions }), (text) => {
        const result = valid(JSON.parse(text));
        expect(result.errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('optional fields are sometimes missing, strings carry escaping traps', () => {
    const samples = fc.sample(jsonFromSchema(PET, { definitions }), { numRuns: 300, seed: 3 }).map((t) => JSON.parse(t) as Record<string, unknown>);
    expect(samples.some((s) => !('owner' in s))).toBe(true);
    expect(samples.some((s) => 'owner' in s)).toBe(true);
    expect(samples.some((s) => /['"\\]/.test(String(s['name'])))).toBe(true);
  });

  it('OpenAPI component refs and local definitions resolve', () => {
    const schema: JsonSchema = { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Item' } };
    const arb = jsonFromSchema(schema, { definitions: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } } });
    for (const text of fc.sample(arb, { numRuns: 20, seed: 1 })) expect(Number.isInteger((JSON.parse(text) as { id: number }[])[0]!.id)).toBe(true);
    const local: JsonSchema = { definitions: { N: { type: 'integer', minimum: 5, maximum: 5 } }, type: 'object', required: ['n'], additionalProperties: false, properties: { n: { $ref: '#/definitions/N' } } };
    expect(fc.sample(jsonFromSchema(local), { numRuns: 5, seed: 1 })).toEqual(Array(5).fill('{"n":5}'));
  });

  it('recursive schemas terminate', () => {
    const tree: JsonSchema = {
      $ref: '#/definitions/Tree',
      definitions: { Tree: { type: 'object', required: ['children'], properties: { children: { type: 'array', items: { $ref: '#/definitions/Tree' } } } } },
    };
    const samples = fc.sample(jsonFromSchema(tree, { maxDepth: 3 }), { numRuns: 30, seed: 2 });
    expect(samples.every((t) => JSON.stringify(JSON.parse(t)).length < 10_000)).toBe(true);
  });

  it('explains a schema it cannot generate from', () => {
    expect(() => jsonFromSchema({ $ref: '#/definitions/Missing' })).toThrow(/cannot resolve \$ref '#\/definitions\/Missing'/);
    expect(() => jsonFromSchema({ type: 'integer', minimum: 5, maximum: 4 })).toThrow(/no integer fits/);
  });
});

describe('schemaValidator keeps names that only look like keywords', () => {
  it('a property named id (or $schema) is still checked, and enum values keep their id members', () => {
    const validate = schemaValidator({ type: 'object', required: ['id'], properties: { id: { type: 'integer' }, $schema: { type: 'string' } } });
    expect(validate({ id: 1 }).valid).toBe(true);
    expect(validate({ id: 'x' }).valid).toBe(false);
    expect(validate({}).valid).toBe(false);
    expect(validate({ id: 1, $schema: 3 }).valid).toBe(false);
    const enumOf = schemaValidator({ enum: [{ id: 1 }] });
    expect(enumOf({ id: 1 }).valid).toBe(true);
    expect(enumOf({}).valid).toBe(false);
  });
});
