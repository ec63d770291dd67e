import { describe, expect, it } from 'vitest';
import type { MethodDefinition } from '../../../src/model/index.js';
import { validateRequest } from '../../../src/pipeline/validation/index.js';
import { ModelValidators } from '../../../src/pipeline/validation/model-validators.js';
import { logMessages, method, routed, type StateOptions } from './helpers.js';

const TEST_SCHEMA = { $schema: 'http://json-schema.org/draft-04/schema#', title: 'testSchema', type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] };
const MODEL_URL = 'https://apigateway.amazonaws.com/restapis/abc123/models';

function post(m: MethodDefinition, body: string | Uint8Array | null, o: StateOptions = {}) {
  const state = routed(m, { ...o, request: { body, ...o.request } });
  return { state, error: validateRequest(state) };
}

describe('body validation: V1 (pipeline.md §12)', () => {
  const m = method({ requestModels: { 'application/json': TEST_SCHEMA }, requestModelNames: { 'application/json': 'testSchema' } });

  it('AWS: a body matching the model passes, and the log says so', () => {
    const { state, error } = post(m, '{"a": 1, "b": 2}');
    expect(error).toBeUndefined();
    expect(logMessages(state)).toEqual(['Request validation succeeded for content type application/json']);
  });

  it('AWS: a body missing a and b → 400 Invalid request body', () => {
    const { state, error } = post(m, '{"test": "test"}');
    expect(error?.type).toBe('BAD_REQUEST_BODY');
    expect(error?.message).toBe('Invalid request body');
    expect(JSON.parse(error!.body!)).toEqual({ message: 'Invalid request body' });
    expect(error?.validationErrorString).toBe('[object has missing required properties (["a","b"])]');
    expect(logMessages(state)).toEqual(['Request body does not match model schema for content type application/json: [object has missing required properties (["a","b"])]']);
  });

  it('AWS: a GET with no body and no Content-Type is checked against the application/json model → 400', () => {
    const { error } = post({ ...m, httpMethod: 'GET' }, null);
    expect(error?.type).toBe('BAD_REQUEST_BODY');
  });

  it('AWS: Content-Type application/json with an empty body → 400', () => {
    expect(post(m, '', { request: { headers: { 'Content-Type': 'application/json' } } }).error?.type).toBe('BAD_REQUEST_BODY');
  });
});

describe('what the body is', () => {
  const m = method({ requestModels: { 'application/json': TEST_SCHEMA } });

  it('AWS-OBS: an empty body is not {}: [Unknown error parsing request body] (pipeline.md §2.3, O9)', () => {
    const { state, error } = post(m, '');
    expect(error?.validationErrorString).toBe('[Unknown error parsing request body]');
    expect(error?.body).toBe('{"message": "Invalid request body"}');
    expect(logMessages(state)).toEqual(['Request body does not match model schema for content type application/json: [Unknown error parsing request body]']);
    expect(error?.diagnostic).toContain('empty');
  });

  it('a body that is not JSON fails the same way, its reason in the diagnostic', () => {
    for (const body of ['{"a":1,', "{'a':1}", '{"a":01}', '[1,]', '{"a":1} x', 'nul', '"\u0001"', '1.', '-', 'NaN', '{"a":1}}']) {
      const { error } = post(m, body);
      expect(error?.validationErrorString, body).toBe('[Unknown error parsing request body]');
      expect(error?.diagnostic, body).toContain('not JSON');
    }
  });

  it('bytes are decoded as UTF-8 the JDK way', () => {
    const schema = { type: 'object', properties: { s: { maxLength: 1 } } };
    const good = new TextEncoder().encode('{"s":"é"}');
    expect(post(method({ requestModels: { 'application/json': schema } }), good).error).toBeUndefined();
    const malformed = new Uint8Array([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]);
    expect(post(method({ requestModels: { 'application/json': schema } }), malformed).error).toBeUndefined();
  });

  it('duplicate keys keep the last value (Jackson)', () => {
    expect(post(m, '{"a":"x","b":2,"a":1}').error).toBeUndefined();
    expect(post(m, '{"a":1,"b":2,"a":"x"}').error?.validationErrorString).toBe('[instance type (string) does not match any allowed primitive type (allowed: ["integer","number"])]');
  });
});

describe('which model applies', () => {
  it('the media type without parameters selects the model, case-insensitively', () => {
    const m = method({ requestModels: { 'Application/JSON': TEST_SCHEMA } });
    const { error } = post(m, '{}', { request: { headers: { 'content-type': 'application/json; charset=utf-8' } } });
    expect(error?.validationErrorString).toBe('[object has missing required properties (["a","b"])]');
  });

  it('AWS-OBS: a Content-Type with no model is not validated (pipeline.md §2.3)', () => {
    const m = method({ requestModels: { 'application/json': TEST_SCHEMA } });
    expect(post(m, 'not json', { request: { headers: { 'Content-Type': 'application/text' } } }).error).toBeUndefined();
  });

  it('a method without request models is not body-validated', () => {
    expect(post(method(), 'garbage').error).toBeUndefined();
  });

  it('an empty body passes the built-in Empty model (UNKNOWN on AWS, pipeline.md §14.3)', () => {
    const empty = { $schema: 'http://json-schema.org/draft-04/schema#', title: 'Empty Schema', type: 'object' };
    const m = method({ requestModels: { 'application/json': empty }, requestModelNames: { 'application/json': 'Empty' } });
    expect(post(m, null).error).toBeUndefined();
    expect(post(m, '{}').error).toBeUndefined();
    expect(post(m, '[]').error?.validationErrorString).toBe('[instance type (array) does not match any allowed primitive type (allowed: ["object"])]');
    expect(post(m, 'x').error?.validationErrorString).toBe('[Unknown error parsing request body]');
    // The same schema under another name is just as unconstraining.
    expect(post(method({ requestModels: { 'application/json': empty } }), '').error).toBeUndefined();
  });
});

describe('V2 and V3: $ref models (pipeline.md §12)', () => {
  const models = {
    testSchema: TEST_SCHEMA,
    testSchemaList: { type: 'array', items: { $ref: `${MODEL_URL}/testSchema` } },
    StatusModel: { type: 'object', properties: { Status: { type: 'string' }, Order: { type: 'integer' } }, required: ['Status', 'Order'] },
    TestModel: { type: 'object', required: ['status'], properties: { status: { oneOf: [{ type: 'null' }, { $ref: `${MODEL_URL}/StatusModel` }] } } },
  };

  it('AWS: V2 an array of $ref items passes; no body fails', () => {
    const m = method({ resourcePath: '/path', requestModels: { 'application/json': models.testSchemaList }, requestModelNames: { 'application/json': 'testSchemaList' } });
    expect(post(m, '[{"a": 1, "b": 2}]', { api: { models } }).error).toBeUndefined();
    expect(post(m, null, { api: { models } }).error?.body).toBe('{"message": "Invalid request body"}');
    expect(post(m, '[{"a": 1}]', { api: { models } }).error?.validationErrorString).toBe('[object has missing required properties (["b"])]');
  });

  it('AWS: V3 oneOf null-or-$ref: null and a StatusModel pass; no body and a wrong object fail', () => {
    const m = method({ resourcePath: '/path', requestModels: { 'application/json': models.TestModel }, requestModelNames: { 'application/json': 'TestModel' } });
    expect(post(m, '{"status": null}', { api: { models } }).error).toBeUndefined();
    expect(post(m, '{"status": {"Status": "works", "Order": 1}}', { api: { models } }).error).toBeUndefined();
    expect(post(m, null, { api: { models } }).error?.type).toBe('BAD_REQUEST_BODY');
    expect(post(m, '{"badFormat": "bla"}', { api: { models } }).error?.validationErrorString).toBe('[object has missing required properties (["status"])]');
    expect(post(m, '{"status": {"Status": "works", "Order": 1.5}}', { api: { models } }).error?.validationErrorString).toBe('[instance failed to match exactly one schema (matched 0 out of 2)]');
  });
});

describe('documented examples', () => {
  const pet = {
    type: 'object',
    required: ['type', 'price'],
    properties: { type: { type: 'string', enum: ['dog', 'cat', 'fish'] }, price: { type: 'number', minimum: 25, maximum: 500 } },
  };
  const m = method({ requestModels: { 'application/json': pet } });

  it('DOC: type "bird" against enum [dog, cat, fish] → 400 (DG request-validation-test)', () => {
    expect(post(m, '{"type": "bird", "price": 100}').error?.validationErrorString).toBe('[instance value ("bird") not found in enum (possible values: ["dog","cat","fish"])]');
  });

  it('DOC: price 501 against maximum 500 → 400', () => {
    expect(post(m, '{"type": "dog", "price": 501}').error?.validationErrorString).toBe('[numeric instance is greater than the required maximum (maximum: 500, found: 501)]');
  });

  it('AWS-OBS: O8 the string lists missing properties sorted, as compact JSON (pipeline.md §13)', () => {
    const schema = { type: 'object', required: ['team', 'schedule', 'name'], properties: {} };
    expect(post(method({ requestModels: { 'application/json': schema } }), '{"name": "x"}').error?.validationErrorString).toBe('[object has missing required properties (["schedule","team"])]');
  });

  it('AWS-OBS: the CloudWatch line of the Udemy example (pipeline.md §2.4)', () => {
    const schema = { type: 'object', properties: { firstName: { type: 'string' } }, required: ['firstName', 'lastName', 'email', 'password', 'repeatPassword'] };
    const { state } = post(method({ requestModels: { 'application/json': schema } }), '{"firstName":"Art","lastName":"S"}');
    expect(logMessages(state)).toEqual(['Request body does not match model schema for content type application/json: [object has missing required properties (["email","password","repeatPassword"])]']);
  });

  it('several messages are joined with ", " inside one pair of brackets (UNKNOWN on AWS, §14.3), members in name order, keywords in name order', () => {
    expect(post(m, '{"type": 1, "price": "x"}').error?.validationErrorString).toBe(
      '[instance type (string) does not match any allowed primitive type (allowed: ["integer","number"]), instance value (1) not found in enum (possible values: ["dog","cat","fish"]), instance type (integer) does not match any allowed primitive type (allowed: ["string"])]',
    );
  });
});

describe('limits', () => {
  it('a body that exhausts the work budget is refused, not validated forever', () => {
    const schema = { type: 'array', items: { type: 'string', pattern: '^(a+)+$' } };
    const body = JSON.stringify(Array.from({ length: 20 }, () => `${'a'.repeat(40)}!`));
    const { error, state } = post(method({ requestModels: { 'application/json': schema } }), body, { options: { limits: { maxWork: 100_000 } } });
    expect(error?.type).toBe('BAD_REQUEST_BODY');
    expect(error?.validationErrorString).toMatch(/^\[request validation stopped: work budget/);
    expect(logMessages(state)[0]).toMatch(/^Request body does not match model schema: \[request validation stopped/);
  });
});

describe('the stage itself', () => {
  it('uses the ModelValidators the runtime holds, so models compile once per API', () => {
    const m = method({ requestModels: { 'application/json': { $ref: 'https://apigateway.amazonaws.com/restapis/x/models/Held' } } });
    const state = routed(m, { request: { body: '1' } });
    Object.assign(state.runtime, { modelValidators: new ModelValidators({ Held: { type: 'string' } }) });
    expect(validateRequest(state)?.validationErrorString).toBe('[instance type (integer) does not match any allowed primitive type (allowed: ["string"])]');
  });

  it('a number longer than Jackson’s limit (1000 characters) is not JSON', () => {
    const m = method({ requestModels: { 'application/json': {} } });
    expect(post(m, '1'.repeat(1000)).error).toBeUndefined();
    expect(post(m, '1'.repeat(1001)).error?.validationErrorString).toBe('[Unknown error parsing request body]');
    expect(post(m, '1e2147483648').error?.validationErrorString).toBe('[Unknown error parsing request body]');
  });

  it('never throws a raw error: a definition that throws when read answers 500 API_CONFIGURATION_ERROR', () => {
    const models = {};
    Object.defineProperty(models, 'application/json', { enumerable: true, get: () => { throw new Error('boom'); } });
    const error = validateRequest(routed(method({ requestModels: models }), { request: { body: '{}' } }));
    expect(error?.type).toBe('API_CONFIGURATION_ERROR');
    expect(error?.diagnostic).toContain('boom');
  });

  it('an unsupported format only warns', () => {
    const m = method({ requestModels: { 'application/json': { format: 'phone' } }, requestModelNames: { 'application/json': 'Phone' } });
    const { error, state } = post(m, '"x"');
    expect(error).toBeUndefined();
    expect(state.warnings).toEqual(['request model Phone: format attribute "phone" not supported']);
  });
});
