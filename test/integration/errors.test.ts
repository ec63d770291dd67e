import { describe, expect, it } from 'vitest';
import { InvalidInputError, invokeMethod } from '../../src/index.js';
import { call, echo, LAMBDA_URI, method, mock, post } from './helpers.js';

const INTERNAL = '{"message": "Internal server error"}';

describe('errors as the client sees them, with a diagnostic for the developer', () => {
  it('a request template that fails at run time → 500 Internal server error (36 bytes) with the line and column', async () => {
    const res = await call(mock({ requestTemplates: { 'application/json': '{\n  "a": $util.base64Decode("%%%")\n}' } }), post(null));
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe(INTERNAL);
    expect(res.rawBody.length).toBe(36);
    expect(res.headers).toEqual({ 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'InternalServerErrorException' });
    expect(res.trace.error).toMatchObject({ phase: 'request-template', line: 2, column: 8 });
    expect(res.trace.error?.message).toMatch(/the request template for application\/json failed/);
  });

  it('a template that does not parse → 500, naming the line and column', async () => {
    const res = await call(mock({ requestTemplates: { 'application/json': '{"statusCode": 200}\n#if($a' } }), post(null));
    expect(res.statusCode).toBe(500);
    expect(res.trace.error).toMatchObject({ phase: 'request-template', line: 2 });
  });

  it('a response template failure → 500 from the response phase', async () => {
    const res = await call(mock({ integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '#foreach($i in [1..2000000])$i#end' } }] }), post(null), { limits: { maxWork: 10_000 } });
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.phase).toBe('response-template');
  });

  it('a malformed JSON body read by the template → 400 with API Gateway\'s message', async () => {
    const res = await call(mock({ requestTemplates: { 'application/json': '$input.json(\'$\')' } }), post('{a', { 'Content-Type': 'application/json' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toBe('{"message": "Could not process payloadnet.minidev.json.parser.ParseException: Unexpected End Of File position 1: null"}');
    expect(res.trace.error?.phase).toBe('request-template');
  });

  it('a Lambda request body that is not JSON → 400 "Could not parse request body into json"', async () => {
    const definition = method({ type: 'AWS', uri: LAMBDA_URI, requestTemplates: { 'application/json': '{"name": "it\\\'s"}' }, integrationResponses: [{ statusCode: '200' }] });
    const res = await call(definition, post('{}'), { backend: { lambda: () => 'never called' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      message: `Could not parse request body into json: Unrecognized character escape ''' (code 39)\n at [Source: (String)"{"name": "it\\'s"}"; line: 1, column: 15]`,
    });
    expect(res.body.startsWith('{"message": "Could not parse request body into json: ')).toBe(true);
  });

  it('an empty Lambda request body invokes with {}', async () => {
    let seen: unknown;
    const definition = method({ type: 'AWS', uri: LAMBDA_URI, integrationResponses: [{ statusCode: '200' }] });
    await call(definition, post(null), { backend: { lambda: (event) => (seen = event) } });
    expect(seen).toEqual({});
  });

  it('no backend for an HTTP or Lambda integration → 502 with a message saying how to give one', async () => {
    const http = await call(echo().definition, post('{}'));
    expect(http.statusCode).toBe(502);
    expect(http.json()).toEqual({ message: expect.stringMatching(/^apigw-vtl: no backend function is configured for the HTTP integration of POST \/items/) });
    const lambda = await call(method({ type: 'AWS', uri: LAMBDA_URI }), post('{}'), { backend: { lambda: { other: () => 1 } } });
    expect(lambda.statusCode).toBe(502);
    expect(lambda.trace.error?.message).toMatch(/Lambda handler for function 'fn'/);
  });

  it('an integration slower than the timeout → 504 Endpoint request timed out', async () => {
    const definition = echo().definition;
    const res = await call(definition, post('{}'), { integrationTimeoutMs: 20, backend: () => new Promise(() => undefined) });
    expect([res.statusCode, res.body]).toEqual([504, '{"message": "Endpoint request timed out"}']);
  });

  it('a backend that throws or answers nonsense → 500 with the cause', async () => {
    const thrown = await call(echo().definition, post('{}'), { backend: () => { throw new Error('connection refused'); } });
    expect([thrown.statusCode, thrown.body]).toEqual([500, INTERNAL]);
    expect(thrown.trace.error?.message).toMatch(/connection refused/);
    const nonsense = await call(echo().definition, post('{}'), { backend: () => ({ statusCode: 42 }) as never });
    expect(nonsense.statusCode).toBe(500);
    expect(nonsense.trace.error?.message).toMatch(/statusCode 42/);
  });

  it('proxy integrations run whole: the Lambda proxy function answers the client itself (test/integration/proxy/)', async () => {
    const res = await call(method({ type: 'AWS_PROXY', uri: LAMBDA_URI }), post('{}'), { backend: { lambda: () => ({ statusCode: 201, body: 'made' }) } });
    expect(res.statusCode).toBe(201);
    expect(res.body).toBe('made');
  });

  it('a malformed call throws InvalidInputError instead of answering', async () => {
    await expect(invokeMethod(mock(), { httpMethod: 'GET', path: 'no-slash' })).rejects.toThrow(InvalidInputError);
    await expect(invokeMethod(mock(), { httpMethod: 'GET', path: '/', headers: { a: {} as never } })).rejects.toThrow(/request\.headers\.a/);
  });

  it('the caller\'s request and definition are never modified', async () => {
    const definition = mock({ requestTemplates: { 'application/json': '#set($context.requestOverride.header.a = "b")#set($h = $input.params().header)$h.put("x", "y"){"statusCode": 200}' } });
    const request = post('{"a": [1]}', { 'Content-Type': 'application/json' }, { query: { q: ['1', '2'] } });
    const before = JSON.stringify([definition, request]);
    await call(definition, request);
    expect(JSON.stringify([definition, request])).toBe(before);
  });
});
