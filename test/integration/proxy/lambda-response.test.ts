import { describe, expect, it } from 'vitest';
import { invokeMethod } from '../../../src/integration/invoke.js';
import type { LambdaHandler } from '../../../src/integration/types.js';
import { INTERNAL, lambdaProxy, request, withHandler } from './helpers.js';

/** LS-lambda's V8 function: the request body, parsed, is the result (Python's json.loads fails on a missing body). */
const resultFromBody: LambdaHandler = (event) => {
  const e = event as { body: string | null; isBase64Encoded: boolean };
  if (e.body === null) throw new TypeError('the JSON object must be str, bytes or bytearray, not NoneType');
  return JSON.parse(e.isBase64Encoded ? new TextDecoder().decode(Uint8Array.from(atob(e.body), (c) => c.charCodeAt(0))) : e.body);
};

/** Posts `body` as JSON (none for an empty object, as the recording's client did) to the V8 function. */
async function v8(body: unknown, headers: Record<string, string> = {}) {
  const sent = body && (typeof body !== 'object' || Object.keys(body).length > 0) ? JSON.stringify(body) : null;
  const { res } = await withHandler(resultFromBody, request('/test', { httpMethod: 'POST', headers: { 'User-Agent': 'python/test', ...headers }, body: sent }));
  return res;
}

describe('Lambda proxy responses (pipeline.md §12 V8, AWS-REC 2024-11-15)', () => {
  it('AWS: {"statusCode":200} → 200 with an empty body and Content-Type application/json', async () => {
    const res = await v8({ statusCode: 200 });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['Content-Type']).toBe('application/json');
  });

  it('AWS: header values are written as text: {"header-bool": true} → header-bool: true', async () => {
    const res = await v8({ statusCode: 200, headers: { 'test-header': 'value', 'header-bool': true } });
    expect(res.headers).toMatchObject({ 'test-header': 'value', 'header-bool': 'true' });
  });

  it('AWS: "headers": null is fine', async () => {
    const res = await v8({ statusCode: 200, headers: null });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });

  it('AWS: an unknown top-level key → 502 {"message": "Internal server error"}', async () => {
    const res = await v8({ statusCode: 200, wrongValue: 'value' });
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(INTERNAL);
    expect(res.headers['x-amzn-ErrorType']).toBe('InternalServerErrorException');
    expect(res.trace.error).toMatchObject({ phase: 'integration', responseType: 'INTEGRATION_FAILURE' });
    expect(res.trace.error?.message).toMatch(/Malformed Lambda proxy response: the result has a key 'wrongValue'/);
  });

  it("AWS: V8's {} case → 502: the recording sends no body, so its function fails (a function error)", async () => {
    const res = await v8({});
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(INTERNAL);
    expect(res.trace.error?.message).toMatch(/^Lambda Customer Function Error: the JSON object must be str/);
  });

  it('AWS: a function that returns {} → 200 with an empty body (LS-lambda test_lambda_aws_proxy_response_format, "empty-response")', async () => {
    const { res } = await withHandler(() => ({}), request('/empty-response'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });

  it('AWS: {"statusCode":"test"} → 502', async () => {
    const res = await v8({ statusCode: 'test' });
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(INTERNAL);
  });

  it('AWS: a bare string → 502', async () => {
    const res = await v8('justAString');
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(INTERNAL);
  });

  it('AWS: {"statusCode":"201"} → 201', async () => {
    const res = await v8({ statusCode: '201' });
    expect(res.statusCode).toBe(201);
    expect(res.body).toBe('');
  });

  it('AWS: multiValueHeaders {"test-multi": ["value1","value2"]} → test-multi: value1, value2 (one header, two values)', async () => {
    const res = await v8({ statusCode: 200, multiValueHeaders: { 'test-multi': ['value1', 'value2'] } });
    expect(res.headers['test-multi']).toEqual(['value1', 'value2']);
  });

  it('AWS: the same header in both maps → the multi value first, then the single one', async () => {
    const res = await v8({ statusCode: 200, multiValueHeaders: { 'test-multi': ['value-multi'] }, headers: { 'test-multi': 'value-solo' } });
    expect(res.headers['test-multi']).toEqual(['value-multi', 'value-solo']);
  });

  it("AWS: …under the multi key's casing", async () => {
    const res = await v8({ statusCode: 200, multiValueHeaders: { 'tesT-Multi': ['value-multi'] }, headers: { 'test-multi': 'value-solo' } });
    expect(res.headers['tesT-Multi']).toEqual(['value-multi', 'value-solo']);
    expect(res.headers).not.toHaveProperty('test-multi');
  });

  it('AWS: a multiValueHeaders value that is not a list → 502', async () => {
    const res = await v8({ statusCode: 200, multiValueHeaders: { 'test-multi-invalid': 'value1' } });
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(INTERNAL);
  });

  it('AWS: {"headers": {...}} without a statusCode → 200 (every key is optional)', async () => {
    const res = await v8({ headers: { 'test-header': 'value' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['test-header']).toBe('value');
  });

  it('AWS: a base64 body comes back as the same text, isBase64Encoded true or not, when no binary media type applies', async () => {
    expect((await v8({ statusCode: 200, body: 'dGVzdC1kYXRh', isBase64Encoded: true })).body).toBe('dGVzdC1kYXRh');
    expect((await v8({ statusCode: 200, body: 'dGVzdC1kYXRh' })).body).toBe('dGVzdC1kYXRh');
  });
});

describe('Lambda proxy responses: the rest of the contract', () => {
  it('AWS: isBase64Encoded true and an Accept matching binaryMediaTypes → the decoded bytes (lambda-proxy-binary-media, DOC)', async () => {
    const { res } = await withHandler(
      () => ({ statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: 'iVBORw0KGgo=', isBase64Encoded: true }),
      request('/img', { headers: { Accept: 'image/png' } }),
      lambdaProxy(),
      { binaryMediaTypes: ['image/png'] },
    );
    expect(res.isBase64Encoded).toBe(true);
    expect([...res.rawBody]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(res.body).toBe('iVBORw0KGgo=');
    expect(res.headers['Content-Type']).toBe('image/png');
  });

  it('DOC: only the first Accept type counts: a browser\'s "text/html,image/png" gets the base64 text', async () => {
    const { res } = await withHandler(() => ({ statusCode: 200, body: 'iVBORw0KGgo=', isBase64Encoded: true }), request('/img', { headers: { Accept: 'text/html,image/png' } }), lambdaProxy(), {
      binaryMediaTypes: ['image/png'],
    });
    expect(res.isBase64Encoded).toBe(false);
    expect(res.body).toBe('iVBORw0KGgo=');
  });

  it('isBase64Encoded false with a binary Accept: the text goes out as it is', async () => {
    const { res } = await withHandler(() => ({ statusCode: 200, body: 'plain' }), request('/x', { headers: { Accept: '*/*' } }), lambdaProxy(), { binaryMediaTypes: ['*/*'] });
    expect(res.body).toBe('plain');
    expect(res.isBase64Encoded).toBe(false);
  });

  it('DOC: isBase64Encoded true with a body that is not base64, when binary applies → 500 API_CONFIGURATION_ERROR', async () => {
    const { res } = await withHandler(() => ({ statusCode: 200, body: 'not base64!', isBase64Encoded: true }), request('/x', { headers: { Accept: 'image/png' } }), lambdaProxy(), {
      binaryMediaTypes: ['image/png'],
    });
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe(INTERNAL);
    expect(res.trace.error).toMatchObject({ phase: 'content-handling', responseType: 'API_CONFIGURATION_ERROR' });
  });

  it('header values: numbers as text, null values left out, a statusCode number kept', async () => {
    const { res } = await withHandler(() => ({ statusCode: 404, headers: { 'X-Count': 3, 'X-None': null }, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: 'nope' }), request('/x'));
    expect(res.statusCode).toBe(404);
    expect(res.headers).toMatchObject({ 'X-Count': '3', 'Set-Cookie': ['a=1', 'b=2'] });
    expect(res.headers).not.toHaveProperty('X-None');
    expect(res.body).toBe('nope');
  });

  it('headers API Gateway sets itself come back remapped (as recorded for HTTP_PROXY, 2024-12)', async () => {
    const { res } = await withHandler(() => ({ statusCode: 200, headers: { Date: 'x', 'Content-Length': '5', 'x-amzn-RequestId': 'fn-id' } }), request('/x'));
    expect(res.headers).toMatchObject({ 'x-amzn-Remapped-Date': 'x', 'x-amzn-Remapped-Content-Length': '5', 'x-amzn-Remapped-x-amzn-RequestId': 'fn-id' });
  });

  it("the function's own Content-Type wins over the default, in any case", async () => {
    const { res } = await withHandler(() => ({ statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<p>' }), request('/x'));
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.headers).not.toHaveProperty('Content-Type');
  });

  it('a statusCode outside 100-599, or not a whole number → 502', async () => {
    for (const statusCode of [99, 600, 200.5, '2e2', ' 200', true]) {
      const { res } = await withHandler(() => ({ statusCode }), request('/x'));
      expect(res.statusCode, String(statusCode)).toBe(502);
    }
  });

  it('a body or isBase64Encoded of the wrong type → 502', async () => {
    for (const result of [{ body: 42 }, { body: { a: 1 } }, { body: ['x'] }, { isBase64Encoded: 'true' }, { headers: ['a'] }, { headers: { a: { b: 1 } } }, { multiValueHeaders: { a: [{}] } }]) {
      const { res } = await withHandler(() => result, request('/x'));
      expect(res.statusCode, JSON.stringify(result)).toBe(502);
      expect(res.trace.error?.responseType).toBe('INTEGRATION_FAILURE');
    }
  });

  it('a result that is null, a number, a list or undefined → 502', async () => {
    for (const result of [null, 42, [{ statusCode: 200 }], undefined]) {
      const { res } = await withHandler(() => result, request('/x'));
      expect(res.statusCode).toBe(502);
    }
  });

  it('AWS: a function error → 502 Internal server error, INTEGRATION_FAILURE, "Lambda Customer Function Error" (azul#7470, AWS-OBS)', async () => {
    const { res } = await withHandler(() => {
      throw new Error('boom');
    }, request('/x'));
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(INTERNAL);
    expect(res.trace.error).toMatchObject({ phase: 'integration', responseType: 'INTEGRATION_FAILURE', message: 'Lambda Customer Function Error: boom' });
    expect(res.trace.integrationResult).toMatchObject({ statusCode: 200, headers: { 'X-Amz-Function-Error': 'Unhandled' } });
    expect(JSON.parse(res.trace.integrationResult!.body as string)).toMatchObject({ errorType: 'Error', errorMessage: 'boom' });
  });

  it('a rejected promise is a function error too', async () => {
    const { res } = await withHandler(() => Promise.reject(new RangeError('late')), request('/x'));
    expect(res.statusCode).toBe(502);
    expect(res.trace.error?.message).toBe('Lambda Customer Function Error: late');
  });

  it('AWS: AWS_PROXY invoking Lambda with GET → 500 Internal server error before the function runs (V7, AWS-REC 2024-03-20)', async () => {
    let called = false;
    const { res } = await withHandler(() => ((called = true), { statusCode: 200 }), request('/test-path', { headers: { 'User-Agent': 'python-requests/testing' } }), lambdaProxy({ httpMethod: 'GET' }));
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe(INTERNAL);
    expect(res.headers['x-amzn-ErrorType']).toBe('InternalServerErrorException');
    expect(res.trace.error).toMatchObject({ phase: 'integration', responseType: 'INTEGRATION_FAILURE' });
    expect(called).toBe(false);
  });

  it('a URI that is not a Lambda invocation → 500, naming the expected form', async () => {
    const { res } = await withHandler(() => ({ statusCode: 200 }), request('/x'), lambdaProxy({ uri: 'https://example.com' }));
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.message).toMatch(/its uri must be arn:aws:apigateway:<region>:lambda:path/);
  });

  it('AWS: a parameter mapping onto a header integrations may not set → 500, even though AWS_PROXY applies no mapping (LS-integrations, 2024-12)', async () => {
    for (const header of ['Content-Length', 'Transfer-Encoding', 'Authorization', 'Connection', 'Expect', 'Proxy-Authenticate', 'TE']) {
      const { res } = await withHandler(() => ({ statusCode: 200 }), request('/x'), lambdaProxy({ requestParameters: { [`integration.request.header.${header}`]: "'x'" } }));
      expect(res.statusCode, header).toBe(500);
      expect(res.body).toBe(INTERNAL);
    }
  });

  it('no handler for the function → 502 saying how to give one', async () => {
    const res = await invokeMethod(lambdaProxy(), request('/x'), { backend: { lambda: { other: () => ({}) } } });
    expect(res.statusCode).toBe(502);
    expect(res.trace.error?.message).toMatch(/Lambda handler for function 'fn'/);
  });

  it('the trace holds the event as the integration request body and the raw result as the integration result', async () => {
    const { res, events } = await withHandler(() => ({ statusCode: 201, body: 'made' }), request('/x'));
    expect(res.trace.integrationRequest).toMatchObject({ type: 'AWS_PROXY', httpMethod: 'POST', uri: expect.stringContaining(':function:fn/invocations') });
    expect(JSON.parse(res.trace.integrationRequest!.body as string)).toEqual(events[0]);
    expect(res.trace.integrationResult).toEqual({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '{"statusCode":201,"body":"made"}' });
    expect(res.trace.requestTemplate).toBeUndefined();
    expect(res.trace.integrationResponse).toBeUndefined();
  });
});

describe('X-Amzn-Trace-Id (pipeline.md §12 V10, AWS-REC 2024-08-07)', () => {
  const ok = () => ({ statusCode: 200 });

  it('AWS: an AWS_PROXY response carries X-Amzn-Trace-Id, the same the function received', async () => {
    const { res, events } = await withHandler(ok, request('/proxy-value'));
    expect(res.headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    expect(events[0].headers['X-Amzn-Trace-Id']).toBe(res.headers['X-Amzn-Trace-Id']);
  });

  it('AWS: a client trace Root=…;Parent=…;Sampled=1 comes back as sent', async () => {
    const full = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1';
    const { res } = await withHandler(ok, request('/proxy-value', { headers: { 'x-amzn-trace-id': full } }));
    expect(res.headers['X-Amzn-Trace-Id']).toBe(full);
    expect(res.headers).not.toHaveProperty('x-amzn-trace-id');
  });

  it('AWS: a bare Root=… gets a Parent of its own', async () => {
    const { res } = await withHandler(ok, request('/proxy-value', { headers: { 'x-amzn-trace-id': 'Root=1-3152b799-8954dae64eda91bc9a23a7e8' } }));
    const parts = String(res.headers['X-Amzn-Trace-Id']).split(';');
    expect(parts[0]).toBe('Root=1-3152b799-8954dae64eda91bc9a23a7e8');
    expect(parts[1]).toMatch(/^Parent=[0-9a-f]{16}$/);
    expect(parts[1]).not.toBe('Parent=7fa8c0f79203be72');
  });

  it('a new trace is a function of the request id and time, so tests see the same header every run', async () => {
    const a = await withHandler(ok, request('/x', { context: { requestId: 'r-1', requestTimeEpoch: 1700000000000 } }));
    const b = await withHandler(ok, request('/x', { context: { requestId: 'r-1', requestTimeEpoch: 1700000000000 } }));
    const c = await withHandler(ok, request('/x', { context: { requestId: 'r-2', requestTimeEpoch: 1700000000000 } }));
    expect(a.res.headers['X-Amzn-Trace-Id']).toBe(b.res.headers['X-Amzn-Trace-Id']);
    expect(a.res.headers['X-Amzn-Trace-Id']).not.toBe(c.res.headers['X-Amzn-Trace-Id']);
    expect(String(a.res.headers['X-Amzn-Trace-Id'])).toMatch(/^Root=1-6553f100-/);
  });

  it('AWS: MOCK responses carry no X-Amzn-Trace-Id', async () => {
    const res = await invokeMethod(
      { httpMethod: 'GET', resourcePath: '/path', integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: [{ statusCode: '200' }] } },
      { httpMethod: 'GET', path: '/path' },
    );
    expect(Object.keys(res.headers).map((h) => h.toLowerCase())).not.toContain('x-amzn-trace-id');
  });
});

describe('timeouts and Lambda payload limits', () => {
  it('AWS: a function slower than timeoutInMillis → 504 {"message": "Endpoint request timed out"}, INTEGRATION_TIMEOUT (pipeline.md §6)', async () => {
    const started = Date.now();
    const { res } = await withHandler(() => new Promise(() => undefined), request('/x'), lambdaProxy({ timeoutInMillis: 50 }));
    expect(res.statusCode).toBe(504);
    expect(res.body).toBe('{"message": "Endpoint request timed out"}');
    expect(res.trace.error).toMatchObject({ phase: 'integration', responseType: 'INTEGRATION_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('AWS: a proxy event of 6 MiB or more → 413 {"message": "Request Too Long"} (31 bytes), BadRequestException, REQUEST_TOO_LARGE, without invoking (O11)', async () => {
    let called = false;
    const { res } = await withHandler(() => ((called = true), { statusCode: 200 }), request('/x', { httpMethod: 'POST', body: 'a'.repeat(6 * 1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.body).toBe('{"message": "Request Too Long"}');
    expect(res.rawBody.length).toBe(31);
    expect(res.headers['x-amzn-ErrorType']).toBe('BadRequestException');
    expect(res.trace.error).toMatchObject({ responseType: 'REQUEST_TOO_LARGE' });
    expect(called).toBe(false);
  });

  it('a body just under the limit (with the rest of the event) is invoked', async () => {
    const { res } = await withHandler(() => ({ statusCode: 200 }), request('/x', { httpMethod: 'POST', body: 'a'.repeat(6 * 1024 * 1024 - 4096) }));
    expect(res.statusCode).toBe(200);
  });

  it('AWS: a non-proxy Lambda payload of 6 MiB or more → 413 too', async () => {
    const big = JSON.stringify({ data: 'a'.repeat(6 * 1024 * 1024) });
    const res = await invokeMethod(
      { httpMethod: 'POST', resourcePath: '/items', integration: { type: 'AWS', httpMethod: 'POST', uri: lambdaProxy().integration.uri, integrationResponses: [{ statusCode: '200' }] } },
      { httpMethod: 'POST', path: '/items', body: big },
      { backend: { lambda: () => 'never' } },
    );
    expect(res.statusCode).toBe(413);
    expect(res.body).toBe('{"message": "Request Too Long"}');
    expect(res.trace.error?.responseType).toBe('REQUEST_TOO_LARGE');
  });

  it('AWS: a result over 6291556 bytes → 502 Internal server error (pipeline.md §3.2, azul#8258)', async () => {
    const { res } = await withHandler(() => ({ statusCode: 200, body: 'é'.repeat(3_200_000) }), request('/x'));
    expect(res.statusCode).toBe(502);
    expect(res.body).toBe(INTERNAL);
    expect(res.trace.error?.message).toMatch(/Lambda returns at most 6291556/);
  });

  it('a result of almost 6 MB is answered', async () => {
    const { res } = await withHandler(() => ({ statusCode: 200, body: 'a'.repeat(6_291_000) }), request('/x'));
    expect(res.statusCode).toBe(200);
    expect(res.body.length).toBe(6_291_000);
  });
});
