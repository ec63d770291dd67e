import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../../src/pipeline/validation/index.js';
import { javaHashOrder } from '../../../src/pipeline/validation/java-hash-order.js';
import { logMessages, method, routed } from './helpers.js';

const POST_PARAMS = {
  'method.request.header.x-header-param': true,
  'method.request.path.issuer': true,
  'method.request.querystring.qs1': true,
};
const GET_PARAMS = {
  'method.request.path.test': true,
  'method.request.querystring.qs1': true,
  'method.request.header.x-header-param': true,
};
const TEST_SCHEMA = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] };

describe('required request parameters (pipeline.md §2.2)', () => {
  it('AWS: V1 POST with no header, no query and a path parameter the resource lacks lists all three (pipeline.md §12 V1)', () => {
    const m = method({ requestParameters: POST_PARAMS, requestModels: { 'application/json': TEST_SCHEMA } });
    const error = validateRequest(routed(m, { request: { body: '{"test": "test"}' } }));
    expect(error?.type).toBe('BAD_REQUEST_PARAMETERS');
    expect(error?.message).toBe('Missing required request parameters: [x-header-param, issuer, qs1]');
    expect(JSON.parse(error!.body!)).toEqual({ message: 'Missing required request parameters: [x-header-param, issuer, qs1]' });
  });

  it('AWS: V1 GET with ?qs1 only lacks the header; with the header only lacks qs1 (pipeline.md §12 V1)', () => {
    const m = method({ httpMethod: 'GET', requestParameters: GET_PARAMS, requestModels: { 'application/json': TEST_SCHEMA } });
    expect(validateRequest(routed(m, { request: { query: { qs1: 'test' } } }))?.message).toBe('Missing required request parameters: [x-header-param]');
    expect(validateRequest(routed(m, { request: { headers: { 'x-header-param': 'test' } } }))?.message).toBe('Missing required request parameters: [qs1]');
  });

  it('AWS: parameters are checked before the body: a bad body with missing parameters gets the parameter message (pipeline.md §1)', () => {
    const m = method({ requestParameters: POST_PARAMS, requestModels: { 'application/json': TEST_SCHEMA } });
    expect(validateRequest(routed(m, { request: { body: '{"test": "test"}' } }))?.type).toBe('BAD_REQUEST_PARAMETERS');
  });

  it('AWS: a required path parameter the resource path does not declare is missing on every call (pipeline.md §2.2)', () => {
    const m = method({ requestParameters: { 'method.request.path.issuer': true } });
    const state = routed(m, { request: { query: { issuer: 'x' }, headers: { issuer: 'y' } } });
    expect(validateRequest(state)?.message).toBe('Missing required request parameters: [issuer]');
  });

  it('AWS: an empty query value is missing, like an absent one (DG request-validation-test, pipeline.md §2.2)', () => {
    const m = method({ requestParameters: { 'method.request.querystring.q1': true } });
    expect(validateRequest(routed(m, { request: { query: { q1: '' } } }))?.message).toBe('Missing required request parameters: [q1]');
    expect(validateRequest(routed(m, { request: { query: { q1: ' \t' } } }))?.message).toBe('Missing required request parameters: [q1]');
    expect(validateRequest(routed(m, { request: { query: { q1: 'x' } } }))).toBeUndefined();
  });

  it('a header set to blank is missing (pipeline.md §2.2); a no-break space is not blank (Character.isWhitespace)', () => {
    const m = method({ requestParameters: { 'method.request.header.Authorization': true } });
    expect(validateRequest(routed(m, { request: { headers: { Authorization: '  ' } } }))?.message).toBe('Missing required request parameters: [Authorization]');
    expect(validateRequest(routed(m, { request: { headers: { Authorization: '\u00a0' } } }))).toBeUndefined();
  });

  it('header names match case-insensitively, query names exactly (pipeline.md §2.2 recommendation, §14.10)', () => {
    const m = method({ requestParameters: { 'method.request.header.X-Tenant': true, 'method.request.querystring.page': true } });
    expect(validateRequest(routed(m, { request: { headers: { 'x-tenant': 't' }, query: { page: '1' } } }))).toBeUndefined();
    expect(validateRequest(routed(m, { request: { headers: { 'x-tenant': 't' }, query: { Page: '1' } } }))?.message).toBe('Missing required request parameters: [page]');
  });

  it('multi-valued parameters are present when any value is not blank', () => {
    const m = method({ requestParameters: { 'method.request.multivaluequerystring.tag': true, 'method.request.multivalueheader.x-ids': true } });
    expect(validateRequest(routed(m, { request: { query: { tag: ['', 'a'] }, headers: { 'X-Ids': ['1'] } } }))).toBeUndefined();
    expect(validateRequest(routed(m, { request: { query: { tag: ['', ' '] } } }))?.message).toBe('Missing required request parameters: [x-ids, tag]');
  });

  it('parameters marked false are optional; unknown locations are ignored', () => {
    const m = method({ requestParameters: { 'method.request.querystring.a': false, 'method.request.body.x': true, 'nonsense': true } as Record<string, boolean> });
    expect(validateRequest(routed(m))).toBeUndefined();
  });

  it('AWS-OBS: the names come in Java HashSet order, not sorted (a public API answered this exact list)', () => {
    const names = ['request', 'srsName', 'typeNames', 'service', 'cql_filter', 'version', 'outputFormat'];
    const m = method({ requestParameters: Object.fromEntries(names.map((n) => [`method.request.querystring.${n}`, true])) });
    expect(validateRequest(routed(m))?.message).toBe('Missing required request parameters: [request, srsName, typeNames, service, cql_filter, version, outputFormat]');
  });

  it('a name required in two locations is listed once (a set of names)', () => {
    const m = method({ requestParameters: { 'method.request.header.id': true, 'method.request.querystring.id': true } });
    expect(validateRequest(routed(m))?.message).toBe('Missing required request parameters: [id]');
  });

  it('the uncustomised body is spaced, with the message JSON-escaped; validationErrorString is the message', () => {
    const m = method({ requestParameters: { 'method.request.querystring.a"b': true } });
    const error = validateRequest(routed(m))!;
    expect(error.body).toBe('{"message": "Missing required request parameters: [a\\"b]"}');
    expect(error.validationErrorString).toBe('Missing required request parameters: [a"b]');
    expect(error.stage).toBe('validation');
  });

  it('writes the message to the execution log', () => {
    const m = method({ requestParameters: { 'method.request.querystring.qs1': true } });
    const state = routed(m);
    validateRequest(state);
    expect(logMessages(state)).toEqual(['Missing required request parameters: [qs1]']);
  });

  it('a __proto__ parameter name is just a name', () => {
    const m = method({ requestParameters: JSON.parse('{"method.request.querystring.__proto__": true}') as Record<string, boolean> });
    expect(validateRequest(routed(m))?.message).toBe('Missing required request parameters: [__proto__]');
    expect(validateRequest(routed(m, { request: { query: JSON.parse('{"__proto__": "x"}') as Record<string, string> } }))).toBeUndefined();
  });
});

describe('javaHashOrder', () => {
  it('grows the table past 12 names as HashMap does', () => {
    const names = Array.from({ length: 13 }, (_, i) => `p${i}`);
    const ordered = javaHashOrder(names);
    expect(new Set(ordered)).toEqual(new Set(names));
    expect(ordered).toHaveLength(13);
  });
});

describe('validators', () => {
  it('no validator: nothing is checked', () => {
    const m = method({ requestValidator: undefined, requestParameters: POST_PARAMS });
    expect(validateRequest(routed(m))).toBeUndefined();
  });

  it('AWS: turning both flags off lets previously failing requests through (pipeline.md §2.1)', () => {
    const m = method({ requestValidator: 'none', requestParameters: POST_PARAMS, requestModels: { 'application/json': TEST_SCHEMA } });
    expect(validateRequest(routed(m, { request: { body: '{"test":"test"}' } }))).toBeUndefined();
  });

  it('a body-only validator ignores parameters, a parameters-only one ignores the body', () => {
    const models = { 'application/json': TEST_SCHEMA };
    expect(validateRequest(routed(method({ requestValidator: 'body', requestParameters: POST_PARAMS, requestModels: models }), { request: { body: '{"a":1,"b":2}' } }))).toBeUndefined();
    expect(validateRequest(routed(method({ requestValidator: 'params', requestModels: models }), { request: { body: '{}' } }))).toBeUndefined();
  });

  it('an unknown validator name skips validation with a warning and a log line (LS-impl behaviour; AWS UNKNOWN)', () => {
    const m = method({ requestValidator: 'missing', requestParameters: POST_PARAMS });
    const state = routed(m);
    expect(validateRequest(state)).toBeUndefined();
    expect(state.warnings[0]).toContain("'missing'");
    expect(logMessages(state)).toEqual(['Request validator missing not found: skipping request validation']);
  });

  it('a validator whose flags are not true validates nothing (hostile definitions)', () => {
    const m = method({ requestValidator: 'odd', requestParameters: POST_PARAMS });
    const state = routed(m, { api: { requestValidators: { odd: { validateRequestBody: 'yes', validateRequestParameters: 1 } as never } } });
    expect(validateRequest(state)).toBeUndefined();
  });
});
