import { describe, expect, it } from 'vitest';
import { invokeMethod } from '../../../src/integration/invoke.js';
import { httpProxy, INTERNAL, request, throughBackend } from './helpers.js';

describe('HTTP_PROXY: the request passes through to the backend', () => {
  it('the {proxy} placeholder takes the whole sub-path, slashes kept, each segment percent-encoded', async () => {
    const { seen } = await throughBackend(request('/pets/7/toys', { pathParameters: { proxy: 'pets/7/toys' } }));
    expect(seen[0]!.url).toBe('https://backend.example/pets/7/toys');
    const { seen: odd } = await throughBackend(request('/a b/c', { pathParameters: { proxy: 'a b/c?d' } }));
    expect(odd[0]!.url).toBe('https://backend.example/a%20b/c%3Fd');
  });

  it('a greedy {proxy+} in the URI works the same', async () => {
    const { seen } = await throughBackend(request('/a/b', { pathParameters: { proxy: 'a/b' } }), { statusCode: 200 }, httpProxy({ uri: 'http://backend.example/api/{proxy+}' }));
    expect(seen[0]!.url).toBe('http://backend.example/api/a/b');
  });

  it('a placeholder without a mapping takes the path parameter of its name (inferred)', async () => {
    const { seen } = await throughBackend(request('/x', { pathParameters: { id: '42' } }), { statusCode: 200 }, httpProxy({ uri: 'https://backend.example/items/{id}', requestParameters: {} }));
    expect(seen[0]!.url).toBe('https://backend.example/items/42');
  });

  it('a placeholder nothing fills → 500, API_CONFIGURATION_ERROR', async () => {
    const { res, seen } = await throughBackend(request('/x', { pathParameters: {} }), { statusCode: 200 }, httpProxy({ uri: 'https://backend.example/{nope}', requestParameters: {} }));
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe(INTERNAL);
    expect(res.trace.error).toMatchObject({ phase: 'integration', responseType: 'API_CONFIGURATION_ERROR' });
    expect(seen).toHaveLength(0);
  });

  it('AWS: the query string passes through after the URI\'s own; mapped parameters replace the client\'s and path mappings fill the URI (LS-http test_http_proxy_integration_request_data_mappings, 2024-07)', async () => {
    const method = httpProxy(
      {
        uri: 'https://backend.example/?testVar={pathVar}&testQs={qsVar}',
        requestParameters: {
          'integration.request.header.headerVar': 'method.request.header.foobar',
          'integration.request.path.qsVar': 'method.request.querystring.testVar',
          'integration.request.path.pathVar': 'method.request.path.pathVariable',
          'integration.request.querystring.queryString': 'method.request.querystring.testQueryString',
          'integration.request.querystring.testQs': 'method.request.querystring.testQueryString',
          'integration.request.querystring.testEmptyQs': 'method.request.header.emptyheader',
        },
      },
      { resourcePath: '/{pathVariable}' },
    );
    const { res, seen } = await throughBackend(
      {
        httpMethod: 'POST',
        path: '/foobar',
        pathParameters: { pathVariable: 'foobar' },
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', foobar: 'mapped-value', 'user-Agent': 'test/integration', headerVar: 'request-value' },
        query: { testQueryString: 'foo', testVar: 'bar' },
        body: '{"message": "hello world"}',
      },
      { statusCode: 200 },
      method,
    );
    expect(res.statusCode).toBe(200);
    const url = new URL(seen[0]!.url!);
    expect(url.searchParams.getAll('testVar')).toEqual(['foobar', 'bar']);
    expect(url.searchParams.getAll('testQs')).toEqual(['bar', 'foo']);
    expect(url.searchParams.getAll('queryString')).toEqual(['foo']);
    expect(url.searchParams.getAll('testQueryString')).toEqual(['foo']);
    expect(url.searchParams.has('testEmptyQs')).toBe(false);
    expect(seen[0]!.headers).toMatchObject({ foobar: 'mapped-value', headerVar: 'mapped-value', 'user-Agent': 'test/integration', Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(seen[0]!.body).toBe('{"message": "hello world"}');
    expect(seen[0]!.httpMethod).toBe('POST');
  });

  it('AWS: client headers pass except the dropped ones and Host; X-Amzn-Trace-Id and X-Amzn-Apigateway-Api-Id are added (LS-integrations TestApiGatewayHeaderRemapping[HTTP_PROXY], 2024-12)', async () => {
    const { seen } = await throughBackend(
      request('/x', {
        headers: {
          Accept: 'application/json',
          Authorization: 'Unauthorized',
          Connection: 'close',
          'Content-MD5': 'x',
          Expect: '100-continue',
          Host: 'client.example',
          'Max-Forwards': '2',
          'Proxy-Authenticate': 'Basic',
          Server: 's',
          TE: 'deflate',
          Trailer: 'Expires',
          'Transfer-Encoding': 'chunked',
          Upgrade: 'HTTP/2.0',
          'WWW-Authenticate': 'Basic',
          Pragma: 'cache',
          'X-Multi': ['1', '2'],
        },
        context: { apiId: 'abcdef1234' },
      }),
    );
    const headers = seen[0]!.headers;
    expect(Object.keys(headers)).toEqual(['Accept', 'Authorization', 'Pragma', 'X-Multi', 'X-Amzn-Trace-Id', 'X-Amzn-Apigateway-Api-Id']);
    expect(headers['X-Multi']).toEqual(['1', '2']);
    expect(headers['X-Amzn-Apigateway-Api-Id']).toBe('abcdef1234');
    expect(headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
  });

  it("the client's trace header is passed on as API Gateway completes it", async () => {
    const { seen } = await throughBackend(request('/x', { headers: { 'X-Amzn-Trace-Id': 'Root=1-3152b799-8954dae64eda91bc9a23a7e8' } }));
    expect(String(seen[0]!.headers['X-Amzn-Trace-Id'])).toMatch(/^Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=[0-9a-f]{16};Sampled=0$/);
  });

  it('AWS: a mapping onto Content-Length or Transfer-Encoding → 500 (LS-integrations, 2024-12)', async () => {
    for (const header of ['Content-Length', 'Transfer-Encoding']) {
      const { res, seen } = await throughBackend(request('/x'), { statusCode: 200 }, httpProxy({ requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy', [`integration.request.header.${header}`]: "'1'" } }));
      expect(res.statusCode, header).toBe(500);
      expect(res.body).toBe(INTERNAL);
      expect(seen).toHaveLength(0);
    }
  });

  it('ANY (or no integration httpMethod) sends the client method; a fixed one is sent as set', async () => {
    expect((await throughBackend(request('/x', { httpMethod: 'patch' }))).seen[0]!.httpMethod).toBe('PATCH');
    expect((await throughBackend(request('/x', { httpMethod: 'GET' }), { statusCode: 200 }, httpProxy({ httpMethod: null }))).seen[0]!.httpMethod).toBe('GET');
    expect((await throughBackend(request('/x', { httpMethod: 'GET' }), { statusCode: 200 }, httpProxy({ httpMethod: 'post' }))).seen[0]!.httpMethod).toBe('POST');
  });

  it('the body goes byte for byte, binary included; no body is an empty body', async () => {
    const bytes = new Uint8Array([0, 0xff, 0x80]);
    expect((await throughBackend(request('/x', { httpMethod: 'PUT', body: bytes }))).seen[0]!.body).toBe(bytes);
    expect((await throughBackend(request('/x'))).seen[0]!.body).toBe('');
  });

  it('stage variables in the URI are filled in', async () => {
    const { seen } = await throughBackend(request('/x', { stageVariables: { host: 'stage.example' } }), { statusCode: 200 }, httpProxy({ uri: 'https://${stageVariables.host}/{proxy}' }));
    expect(seen[0]!.url).toBe('https://stage.example/x');
  });

  it('AWS: a URI that is no longer a URL (a missing stage variable) → 500 (V9), before the backend is called', async () => {
    const { res, seen } = await throughBackend(request('/x'), { statusCode: 200 }, httpProxy({ uri: 'https://${stageVariables.TestHost}/{proxy}' }));
    expect(res.statusCode).toBe(500);
    expect(res.body).toBe(INTERNAL);
    expect(res.headers['x-amzn-ErrorType']).toBe('InternalServerErrorException');
    expect(res.trace.error?.message).toMatch(/Invalid endpoint address/);
    expect(seen).toHaveLength(0);
  });

  it('a non-http endpoint → 500', async () => {
    const { res } = await throughBackend(request('/x'), { statusCode: 200 }, httpProxy({ uri: 'file:///etc/{proxy}' }));
    expect(res.statusCode).toBe(500);
  });
});

describe('HTTP_PROXY: the response passes back as it is', () => {
  it('AWS: the backend status is the client status, no integration response in between (LS-http status passthrough, 2024-04)', async () => {
    for (const statusCode of [200, 201, 302, 400, 404, 500, 503]) {
      const { res } = await throughBackend(request('/x'), { statusCode, headers: { 'Content-Type': 'application/json' }, body: `{"status_code": ${statusCode}}` });
      expect(res.statusCode).toBe(statusCode);
      expect(res.json()).toEqual({ status_code: statusCode });
      expect(res.trace.error).toBeUndefined();
    }
  });

  it('headers pass through, lists as lists; framing headers and the backend request id are remapped (recorded, 2024-07/12)', async () => {
    const { res } = await throughBackend(request('/x'), {
      statusCode: 200,
      headers: { 'Content-Type': 'text/plain', 'Set-Cookie': ['a=1', 'b=2'], 'X-Custom': 'yes', Connection: 'keep-alive', 'Content-Length': '2', Date: 'd', Server: 'gunicorn/19.9.0', 'x-amzn-RequestId': 'backend-id' },
      body: 'ok',
    });
    expect(res.headers).toEqual({
      'Content-Type': 'text/plain',
      'Set-Cookie': ['a=1', 'b=2'],
      'X-Custom': 'yes',
      'x-amzn-Remapped-Connection': 'keep-alive',
      'x-amzn-Remapped-Content-Length': '2',
      'x-amzn-Remapped-Date': 'd',
      'x-amzn-Remapped-Server': 'gunicorn/19.9.0',
      'x-amzn-Remapped-x-amzn-RequestId': 'backend-id',
    });
    expect(res.body).toBe('ok');
  });

  it('no X-Amzn-Trace-Id is added to the response (only Lambda proxy responses get one, V10); the backend\'s passes', async () => {
    expect(Object.keys((await throughBackend(request('/x'))).res.headers).map((h) => h.toLowerCase())).not.toContain('x-amzn-trace-id');
    expect((await throughBackend(request('/x'), { statusCode: 200, headers: { 'x-amzn-trace-id': 'Root=b' } })).res.headers['x-amzn-trace-id']).toBe('Root=b');
  });

  it('a response without Content-Type gets application/json', async () => {
    const { res } = await throughBackend(request('/x'), { statusCode: 204 });
    expect(res.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(res.body).toBe('');
  });

  it('binary bodies pass as bytes when their Content-Type or the Accept is a binary media type; otherwise they are read as UTF-8 text', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0xff]);
    const binary = await throughBackend(request('/x'), { statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: bytes }, httpProxy(), { binaryMediaTypes: ['image/png'] });
    expect(binary.res.isBase64Encoded).toBe(true);
    expect([...binary.res.rawBody]).toEqual([0x89, 0x50, 0xff]);
    const text = await throughBackend(request('/x'), { statusCode: 200, headers: { 'Content-Type': 'image/png' }, body: bytes });
    expect(text.res.isBase64Encoded).toBe(false);
    expect(text.res.body).toBe('\ufffdP\ufffd');
  });

  it('the trace holds the request sent and the result received', async () => {
    const { res, seen } = await throughBackend(request('/x'), { statusCode: 201, body: 'made' });
    expect(res.trace.integrationRequest).toBe(seen[0]);
    expect(res.trace.integrationRequest).toMatchObject({ type: 'HTTP_PROXY', uri: 'https://backend.example/{proxy}', url: 'https://backend.example/x', path: { proxy: 'x' } });
    expect(res.trace.integrationResult).toEqual({ statusCode: 201, body: 'made' });
  });
});

describe('HTTP_PROXY failures', () => {
  it('AWS: a backend slower than timeoutInMillis → 504 Endpoint request timed out', async () => {
    const { res } = await throughBackend(request('/x'), () => new Promise(() => undefined), httpProxy({ timeoutInMillis: 50 }));
    expect(res.statusCode).toBe(504);
    expect(res.body).toBe('{"message": "Endpoint request timed out"}');
    expect(res.trace.error?.responseType).toBe('INTEGRATION_TIMEOUT');
  });

  it('AWS: a backend that cannot be reached (the backend function throws) → 504 {"message": "Network error communicating with endpoint"}, INTEGRATION_FAILURE (AWS-OBS)', async () => {
    const { res } = await throughBackend(request('/x'), () => {
      throw new Error('ECONNREFUSED');
    });
    expect(res.statusCode).toBe(504);
    expect(res.body).toBe('{"message": "Network error communicating with endpoint"}');
    expect(res.rawBody.length).toBe(56);
    expect(res.headers['x-amzn-ErrorType']).toBe('InternalServerErrorException');
    expect(res.trace.error).toMatchObject({ phase: 'integration', responseType: 'INTEGRATION_FAILURE' });
    expect(res.trace.error?.message).toMatch(/ECONNREFUSED/);
  });

  it('a backend that answers something that is not a response → 500', async () => {
    for (const answer of [null, { statusCode: 42 }, { statusCode: 200, body: 5 }]) {
      const { res } = await throughBackend(request('/x'), () => answer as never);
      expect(res.statusCode).toBe(500);
      expect(res.trace.error?.responseType).toBe('INTEGRATION_FAILURE');
    }
  });

  it('no backend → 502 saying how to give one; no uri → 500', async () => {
    const none = await invokeMethod(httpProxy(), request('/x'));
    expect(none.statusCode).toBe(502);
    expect(none.trace.error?.message).toMatch(/no backend function is configured for the HTTP_PROXY integration/);
    const { res } = await throughBackend(request('/x'), { statusCode: 200 }, httpProxy({ uri: null }));
    expect(res.statusCode).toBe(500);
  });
});
