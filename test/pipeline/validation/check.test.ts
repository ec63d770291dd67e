import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../../src/pipeline/validation/index.js';

const URL = 'https://apigateway.amazonaws.com/restapis/abc123/models';

describe('schemaProblems', () => {
  it('a valid model has none', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: 'Pet',
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', pattern: '^[A-Z]', minLength: 1 }, tags: { type: 'array', items: { $ref: `${URL}/Tag` }, uniqueItems: true } },
      additionalProperties: false,
      definitions: { x: { enum: [1, 2] } },
    };
    expect(schemaProblems(schema, { Tag: { type: 'string' } })).toEqual([]);
  });

  it('wrong keyword types', () => {
    expect(schemaProblems({ type: 'object', properties: { a: { minLength: '1' } } })).toEqual(['#/properties/a/minLength: value has incorrect type (found string, expected one of [integer])']);
    expect(schemaProblems({ additionalProperties: 'no' })).toEqual(['#/additionalProperties: value has incorrect type (found string, expected one of [boolean, object])']);
    expect(schemaProblems({ items: 1 })).toEqual(['#/items: value has incorrect type (found integer, expected one of [array, object])']);
    expect(schemaProblems({ maxItems: -1, minLength: 2.5, maxLength: 2 ** 31 })).toEqual([
      '#/maxItems: integer value must be strictly positive',
      '#/minLength: value has incorrect type (found number, expected one of [integer])',
      '#/maxLength: integer value is too large',
    ]);
    expect(schemaProblems({ multipleOf: 0 })).toEqual(['#/multipleOf: divisor must be strictly greater than zero']);
    expect(schemaProblems({ exclusiveMinimum: true })).toEqual(['#/exclusiveMinimum: exclusiveMinimum must be paired with minimum']);
    expect(schemaProblems({ exclusiveMaximum: 5, maximum: 6 })).toEqual(['#/exclusiveMaximum: value has incorrect type (found integer, expected one of [boolean])']);
    expect(schemaProblems('string')).toEqual(['#: JSON value is of type string, not a JSON Schema (expected an object)']);
    expect(schemaProblems({ properties: { a: [] } })).toEqual(['#/properties/a: JSON value is of type array, not a JSON Schema (expected an object)']);
  });

  it('required must be a non-empty list of distinct strings', () => {
    expect(schemaProblems({ required: 'a' })).toEqual(['#/required: value has incorrect type (found string, expected one of [array])']);
    expect(schemaProblems({ required: [] })).toEqual(['#/required: array must have at least one element']);
    expect(schemaProblems({ required: ['a', 1, 'a'] })).toEqual(['#/required: array element at index 1 has incorrect type (expected one of [string] but found integer)', '#/required: array must not contain duplicate elements']);
  });

  it('type names, enum duplicates, combinators', () => {
    expect(schemaProblems({ type: 'int' })).toEqual(['#/type: "int" is not a valid primitive type (valid values are: [array, boolean, integer, null, number, object, string])']);
    expect(schemaProblems({ enum: [1, 1.0] })).toEqual(['#/enum: array must not contain duplicate elements']);
    expect(schemaProblems({ oneOf: [] })).toEqual(['#/oneOf: array must have at least one element']);
    expect(schemaProblems({ anyOf: [{ type: 5 }] })).toEqual(['#/anyOf/0/type: value has incorrect type (found integer, expected one of [array])']);
    expect(schemaProblems({ dependencies: { a: 'b' } })).toEqual(['#/dependencies: dependency value for property "a" has incorrect type (expected one of [array, object] but found string)']);
  });

  it('bad regexes: not ECMA 262, or ES2018-only syntax fge’s engines reject', () => {
    expect(schemaProblems({ pattern: '(' })).toEqual(['#/pattern: string "(" is not a valid ECMA 262 regular expression']);
    expect(schemaProblems({ pattern: '(?<=a)b' })).toEqual(['#/pattern: string "(?<=a)b" is not a valid ECMA 262 regular expression']);
    expect(schemaProblems({ pattern: 'a++' })).toHaveLength(1);
    expect(schemaProblems({ patternProperties: { '[': {} } })).toEqual(['#/patternProperties/[: property name "[" is not a valid ECMA 262 regular expression']);
    expect(schemaProblems({ pattern: '[\\d-z]\\y\\8' })).toEqual([]);
  });

  it('unresolvable and self-referencing $refs', () => {
    expect(schemaProblems({ $ref: `${URL}/Missing` })).toEqual([`#/$ref: JSON Reference "${URL}/Missing" cannot be resolved`]);
    expect(schemaProblems({ properties: { a: { $ref: '#/definitions/x' } } })).toEqual(['#/properties/a/$ref: JSON Reference "#/definitions/x" cannot be resolved']);
    expect(schemaProblems({ $ref: `${URL}/Self` }, { Self: { $ref: `${URL}/Self` } })).toEqual([`#/$ref: JSON Reference "${URL}/Self" loops on itself`]);
    expect(schemaProblems({ $ref: '#' })).toEqual(['#/$ref: JSON Reference "#" loops on itself']);
    expect(schemaProblems({ $ref: 5 })).toEqual(['#/$ref: value has incorrect type (found integer, expected one of [string])']);
    // Recursion through data is fine.
    expect(schemaProblems({ properties: { next: { $ref: '#' } } })).toEqual([]);
    expect(schemaProblems({ $ref: '#/components/schemas/Tag' }, { Tag: {} })).toEqual([]);
  });

  it('never throws, never loops: shared and cyclic objects, deep nesting', () => {
    const cyclic: Record<string, unknown> = { type: 'object' };
    cyclic['properties'] = { self: cyclic };
    expect(schemaProblems(cyclic)).toEqual([]);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++) deep = { not: deep };
    expect(schemaProblems(deep)).toEqual([`#${'/not'.repeat(501)}: schemas nested more than 500 levels deep`]);
    expect(schemaProblems(null)).toEqual(['#: JSON value is of type null, not a JSON Schema (expected an object)']);
  });
});
