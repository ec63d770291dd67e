import { describe, expect, it } from 'vitest';
import { errors, outcome } from './schema-helpers.js';

const URL = 'https://apigateway.amazonaws.com/restapis/abc123/models';
const Pet = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { $ref: '#/definitions/Tag' } }, definitions: { Tag: { type: 'string', maxLength: 3 } } };

describe('$ref forms', () => {
  it('an API Gateway model URL names a model, whatever the API id and region host', () => {
    const models = { Pet };
    expect(errors({ $ref: `${URL}/Pet` }, '{}', models)).toEqual(['object has missing required properties (["name"])']);
    expect(errors({ $ref: 'https://apigateway.eu-west-1.amazonaws.com/restapis/${RestApi}/models/Pet' }, '{}', models)).toHaveLength(1);
  });

  it('a model’s own #/definitions pointers resolve inside it, also when reached by URL', () => {
    expect(errors({ $ref: `${URL}/Pet` }, '{"name":"x","tag":"long"}', { Pet })).toEqual(['string "long" is too long (length: 4, maximum allowed: 3)']);
    expect(errors(Pet, '{"name":"x","tag":"ok"}')).toEqual([]);
  });

  it('a URL with a fragment points into the named model', () => {
    expect(errors({ $ref: `${URL}/Pet#/definitions/Tag` }, '"long"', { Pet })).toHaveLength(1);
    expect(errors({ $ref: `${URL}/Pet#/properties/name` }, '1', { Pet })).toEqual(['instance type (integer) does not match any allowed primitive type (allowed: ["string"])']);
  });

  it('OpenAPI #/components/schemas/X and Swagger #/definitions/X name model X when the schema lacks them', () => {
    const models = { Pet, Id: { type: 'integer' } };
    expect(errors({ $ref: '#/components/schemas/Pet' }, '{}', models)).toHaveLength(1);
    expect(errors({ type: 'object', properties: { id: { $ref: '#/definitions/Id' } } }, '{"id":"x"}', models)).toEqual(['instance type (string) does not match any allowed primitive type (allowed: ["integer"])']);
  });

  it('a relative model name resolves against the model URL', () => {
    expect(errors({ items: { $ref: 'Pet' } }, '[{}]', { Pet })).toHaveLength(1);
  });

  it('JSON pointers: escapes, percent-encoding, array indexes', () => {
    const schema = { definitions: { 'a/b': { type: 'string' }, 'c~d': { type: 'integer' }, 'e f': { type: 'null' }, list: [{ type: 'boolean' }] }, properties: { x: { $ref: '#/definitions/a~1b' }, y: { $ref: '#/definitions/c~0d' }, z: { $ref: '#/definitions/e%20f' }, w: { $ref: '#/definitions/list/0' } } };
    expect(errors(schema, '{"x":"s","y":1,"z":null,"w":true}')).toEqual([]);
    expect(errors(schema, '{"w":1}')).toHaveLength(1);
  });

  it('a $ref makes the schema ignore its other keywords (draft-04)', () => {
    expect(errors({ $ref: '#/definitions/s', type: 'integer', definitions: { s: { type: 'string' } } }, '"a"')).toEqual([]);
  });

  it('an unresolvable $ref fails validation with fge’s message, only where it is reached', () => {
    const result = outcome({ properties: { a: { $ref: '#/definitions/nope' } } }, '{"a":1}');
    expect(result.errors).toEqual(['JSON Reference "#/definitions/nope" cannot be resolved']);
    expect(result.failure).toBe('JSON Reference "#/definitions/nope" cannot be resolved');
    expect(errors({ properties: { a: { $ref: '#/definitions/nope' } } }, '{"b":1}')).toEqual([]);
    expect(errors({ $ref: 'http://example.com/schema' }, '1')).toEqual(['JSON Reference "http://example.com/schema" cannot be resolved']);
    expect(errors({ $ref: '#foo' }, '1')).toHaveLength(1);
  });
});

describe('circular references terminate', () => {
  it('a recursive model validates deep data (data progress)', () => {
    const Node = { type: 'object', properties: { value: { type: 'integer' }, next: { $ref: `${URL}/Node` } } };
    let body = '{"value":1}';
    for (let i = 0; i < 200; i++) body = `{"value":${i},"next":${body}}`;
    expect(errors({ $ref: `${URL}/Node` }, body, { Node })).toEqual([]);
    expect(errors({ $ref: `${URL}/Node` }, body.replace('"value":1}', '"value":"x"}'), { Node })).toHaveLength(1);
  });

  it('mutually recursive models (LS-import circular models)', () => {
    const models = {
      Person: { type: 'object', properties: { house: { $ref: `${URL}/House` } }, required: ['name'] },
      House: { type: 'object', properties: { owner: { $ref: `${URL}/Person` } } },
    };
    expect(errors({ $ref: `${URL}/Person` }, '{"name":"a","house":{"owner":{"name":"b"}}}', models)).toEqual([]);
    expect(errors({ $ref: `${URL}/Person` }, '{"name":"a","house":{"owner":{}}}', models)).toEqual(['object has missing required properties (["name"])']);
  });

  it('a model whose only content is a $ref to itself reports a reference loop', () => {
    expect(errors({ $ref: `${URL}/Self` }, '{}', { Self: { $ref: `${URL}/Self` } })).toEqual([`JSON Reference "${URL}/Self" loops on itself`]);
    expect(errors({ $ref: '#' }, '1')).toEqual(['JSON Reference "#" loops on itself']);
    expect(errors({ definitions: { a: { $ref: '#/definitions/b' }, b: { $ref: '#/definitions/a' } }, $ref: '#/definitions/a' }, '1')).toHaveLength(1);
  });

  it('a cycle through allOf with no data progress is fge’s validation loop', () => {
    const result = outcome({ definitions: { a: { allOf: [{ $ref: '#/definitions/a' }] } }, $ref: '#/definitions/a' }, '{"x":1}');
    expect(result.failure).toBe('validation loop: schema "#/definitions/a/allOf/0" visited twice for pointer "" of validated instance');
    expect(outcome({ anyOf: [{ not: { $ref: '#' } }] }, '[[1]]').failure).toMatch(/^validation loop/);
    expect(outcome({ items: { anyOf: [{ $ref: '#/items' }] } }, '[1]').failure).toBe('validation loop: schema "#/items/anyOf/0" visited twice for pointer "/0" of validated instance');
  });

  it('the same schema twice side by side is not a loop', () => {
    const s = { type: 'string' };
    expect(errors({ allOf: [s, s, { allOf: [s] }] }, '"a"')).toEqual([]);
  });
});
