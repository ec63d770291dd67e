import { describe, expect, it } from 'vitest';
import { renderInputFromProxyEvent } from '../../../src/gateway/proxy-event.js';
import { renderTemplate } from '../../../src/template.js';
import { eventFor, lambdaProxy, request, withHandler } from './helpers.js';

const IDENTITY_KEYS = [
  'cognitoIdentityPoolId',
  'accountId',
  'cognitoIdentityId',
  'caller',
  'sourceIp',
  'principalOrgId',
  'accessKey',
  'cognitoAuthenticationType',
  'cognitoAuthenticationProvider',
  'userArn',
  'userAgent',
  'user',
];

describe('the Lambda proxy event (REST payload 1.0)', () => {
  it('AWS: has exactly the twelve top-level fields of payload 1.0, in the documented order (set-up-lambda-proxy-integrations)', async () => {
    const event = await eventFor(request('/test-path'));
    expect(Object.keys(event)).toEqual([
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
      'body',
      'isBase64Encoded',
    ]);
  });

  it('AWS: a GET without query, stage variables or body sends null for them, not {} (LS-lambda test_lambda_aws_proxy_integration, 2024-07)', async () => {
    const event = await eventFor(request('/test-path', { headers: { 'User-Agent': 'python-requests/testing' } }));
    expect(event).toMatchObject({
      resource: '/{proxy+}',
      path: '/test-path',
      httpMethod: 'GET',
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: { proxy: 'test-path' },
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
    });
  });

  it('AWS: a resource without path parameters sends pathParameters null (LS-lambda, invocation-hardcoded, 2024)', async () => {
    const event = await eventFor({ httpMethod: 'GET', path: '/hardcoded' }, lambdaProxy({}, { httpMethod: 'GET', resourcePath: '/hardcoded' }));
    expect(event.pathParameters).toBeNull();
    expect(event.resource).toBe('/hardcoded');
  });

  it('AWS: path is the request path below the stage, a trailing slash kept; requestContext.path has the stage (LS-lambda, 2024-07)', async () => {
    const event = await eventFor(request('/test-path/', { stage: 'test', pathParameters: { proxy: 'test-path' } }));
    expect(event.path).toBe('/test-path/');
    expect(event.requestContext.path).toBe('/test/test-path/');
    expect(event.requestContext.resourcePath).toBe('/{proxy+}');
  });

  it('httpMethod is the method the client used, not ANY', async () => {
    const event = await eventFor(request('/x', { httpMethod: 'delete' }));
    expect(event.httpMethod).toBe('DELETE');
    expect(event.requestContext.httpMethod).toBe('DELETE');
  });

  describe('headers', () => {
    it('AWS: a header list goes whole into multiValueHeaders; headers keeps the last value', async () => {
      const event = await eventFor(request('/x', { headers: { 'X-Tag': ['a', 'b'], Accept: '*/*' } }));
      expect(event.headers['X-Tag']).toBe('b');
      expect(event.multiValueHeaders['X-Tag']).toEqual(['a', 'b']);
      expect(event.multiValueHeaders['Accept']).toEqual(['*/*']);
    });

    it("AWS: header names keep the client's spelling, except Authorization and User-Agent, which are re-spelled (LS-lambda, 2024-07)", async () => {
      const event = await eventFor(request('/x', { headers: { 'tEsT-HEADeR': 'aValUE', aUThorization: 'Bearer token123;API key456', 'user-Agent': 'test/integration' } }));
      expect(event.headers).toMatchObject({ 'tEsT-HEADeR': 'aValUE', Authorization: 'Bearer token123;API key456', 'User-Agent': 'test/integration' });
      expect(event.headers).not.toHaveProperty('aUThorization');
      expect(event.requestContext.identity.userAgent).toBe('test/integration');
    });

    it('AWS: the headers API Gateway drops for every integration never reach the event (LS-integrations TestApiGatewayHeaderRemapping[AWS_PROXY], 2024-12)', async () => {
      const sent = {
        Accept: 'application/json',
        'Accept-Charset': 'UTF-8',
        Age: 'request_Age',
        Authorization: 'Unauthorized',
        Connection: 'close',
        'Content-Encoding': 'deflate',
        'Content-Length': '0',
        'Content-MD5': 'request_Content-MD5',
        Date: 'request_Date',
        Expect: '100-continue',
        'Max-Forwards': '2',
        Pragma: 'cache',
        'Proxy-Authenticate': 'Basic',
        Range: 'bytes=500-999',
        Referer: 'https://example.com/',
        Server: 'https://example.com/',
        TE: 'deflate',
        Trailer: 'Expires',
        'Transfer-Encoding': 'chunked',
        Upgrade: 'HTTP/2.0',
        'User-Agent': 'localStack/0.0',
        Warn: '299 localStack/0.0',
        'WWW-Authenticate': 'Basic YWxhZGRpbjpvcGVuc2VzYW1l',
      };
      const event = await eventFor(request('/x', { headers: sent }));
      for (const dropped of ['Connection', 'Content-Length', 'Content-MD5', 'Expect', 'Max-Forwards', 'Proxy-Authenticate', 'Server', 'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade', 'WWW-Authenticate']) {
        expect(event.headers).not.toHaveProperty(dropped);
        expect(event.multiValueHeaders).not.toHaveProperty(dropped);
      }
      for (const kept of ['Accept', 'Accept-Charset', 'Age', 'Authorization', 'Content-Encoding', 'Date', 'Pragma', 'Range', 'Referer', 'User-Agent', 'Warn']) {
        expect(event.headers[kept]).toBe(sent[kept as keyof typeof sent]);
      }
    });

    it('AWS: the front door adds Host, X-Amzn-Trace-Id and X-Forwarded-For/-Port/-Proto (recorded on a Regional API, 2024-12)', async () => {
      const event = await eventFor(request('/x', { context: { identity: { sourceIp: '203.0.113.7' }, domainName: 'api.example.com' } }));
      expect(event.headers).toMatchObject({
        Host: 'api.example.com',
        'X-Amzn-Trace-Id': expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/),
        'X-Forwarded-For': '203.0.113.7',
        'X-Forwarded-Port': '443',
        'X-Forwarded-Proto': 'https',
      });
    });

    it("the client's own Host and X-Forwarded-* are kept; the caller's address is appended to X-Forwarded-For", async () => {
      const event = await eventFor(request('/x', { headers: { host: 'mine.example', 'x-forwarded-for': '198.51.100.1', 'X-Forwarded-Proto': 'http' } }));
      expect(event.headers).toMatchObject({ host: 'mine.example', 'X-Forwarded-For': '198.51.100.1, 192.0.2.1', 'X-Forwarded-Proto': 'http' });
      expect(event.headers).not.toHaveProperty('Host');
    });

    it('two spellings of one header are one header, under the first spelling', async () => {
      const event = await eventFor(request('/x', { headers: { 'x-a': '1', 'X-A': ['2', '3'] } }));
      expect(event.multiValueHeaders['x-a']).toEqual(['1', '2', '3']);
      expect(event.headers['x-a']).toBe('3');
      expect(event.headers).not.toHaveProperty('X-A');
    });
  });

  describe('query string', () => {
    it('AWS: repeated parameters: every value in multiValueQueryStringParameters, the last in queryStringParameters (LS-lambda, 2024-07; aws-behaviour §2.4)', async () => {
      const event = await eventFor(request('/x', { query: { category: ['electronics', 'books'], price: ['10', '20', '30'], one: 'x', empty: '' } }));
      expect(event.queryStringParameters).toEqual({ category: 'books', price: '30', one: 'x', empty: '' });
      expect(event.multiValueQueryStringParameters).toEqual({ category: ['electronics', 'books'], price: ['10', '20', '30'], one: ['x'], empty: [''] });
    });

    it('query names are case-sensitive (two spellings stay two parameters)', async () => {
      const event = await eventFor(request('/x', { query: { a: '1', A: '2' } }));
      expect(event.queryStringParameters).toEqual({ a: '1', A: '2' });
    });
  });

  it("stage variables: the stage's, as a map", async () => {
    const event = await eventFor(request('/x', { stageVariables: { stageVariableName: 'stageVariableValue' } }));
    expect(event.stageVariables).toEqual({ stageVariableName: 'stageVariableValue' });
  });

  describe('requestContext', () => {
    it('AWS: carries the keys AWS sends, in the order real events list them, and no authorizer without one (LS-lambda, 2024-07)', async () => {
      const event = await eventFor(request('/test-path', { stage: 'test', headers: { 'User-Agent': 'python-requests/testing' } }));
      const rc = event.requestContext;
      expect(Object.keys(rc)).toEqual([
        'resourceId',
        'resourcePath',
        'httpMethod',
        'extendedRequestId',
        'requestTime',
        'path',
        'accountId',
        'protocol',
        'stage',
        'domainPrefix',
        'requestTimeEpoch',
        'requestId',
        'identity',
        'domainName',
        'deploymentId',
        'apiId',
      ]);
      expect(rc).toMatchObject({
        resourcePath: '/{proxy+}',
        httpMethod: 'GET',
        requestTime: '20/Feb/2018:22:48:57 +0000',
        path: '/test/test-path',
        accountId: '123456789012',
        protocol: 'HTTP/1.1',
        stage: 'test',
        requestTimeEpoch: 1519166937665,
        apiId: 'a1b2c3d4e5',
        domainPrefix: 'a1b2c3d4e5',
        domainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
      });
      expect(typeof rc.requestTimeEpoch).toBe('number');
      expect(rc.extendedRequestId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    });

    it('AWS: identity has every key, null when unknown; sourceIp and userAgent set (LS-lambda, 2024-07)', async () => {
      const event = await eventFor(request('/x', { headers: { 'User-Agent': 'python-requests/testing' } }));
      const identity = event.requestContext.identity;
      expect(Object.keys(identity)).toEqual(IDENTITY_KEYS);
      for (const key of IDENTITY_KEYS) if (key !== 'sourceIp' && key !== 'userAgent') expect(identity[key]).toBeNull();
      expect(identity.sourceIp).toBe('192.0.2.1');
      expect(identity.userAgent).toBe('python-requests/testing');
    });

    it("takes the pipeline's $context: request id, times, stage, identity (an API key when one was used)", async () => {
      const event = await eventFor(
        request('/x', {
          stage: 'prod',
          context: { requestId: 'r-1', requestTimeEpoch: 1700000000123, identity: { apiKey: 'theApiKey', apiKeyId: 'theApiKeyId', sourceIp: '203.0.113.9' }, accountId: '111111111111' },
        }),
      );
      expect(event.requestContext).toMatchObject({ requestId: 'r-1', requestTimeEpoch: 1700000000123, requestTime: '14/Nov/2023:22:13:20 +0000', stage: 'prod', path: '/prod/x', accountId: '111111111111' });
      expect(event.requestContext.identity).toMatchObject({ apiKey: 'theApiKey', apiKeyId: 'theApiKeyId', sourceIp: '203.0.113.9', caller: null });
    });

    it('AWS: a Lambda authorizer: principalId, the context values stringified, integrationLatency a number, right after resourceId (pipeline.md §4.5)', async () => {
      const event = await eventFor(request('/x', { context: { authorizer: { principalId: 'user-1', numberKey: 123, booleanKey: true, stringKey: 'value' } } }));
      expect(event.requestContext.authorizer).toEqual({ principalId: 'user-1', numberKey: '123', booleanKey: 'true', stringKey: 'value', integrationLatency: 0 });
      expect(Object.keys(event.requestContext).slice(0, 3)).toEqual(['resourceId', 'authorizer', 'resourcePath']);
    });

    it('AWS: Cognito claims reach the event as strings (O17)', async () => {
      const event = await eventFor(request('/x', { context: { authorizer: { claims: { sub: 'u-1', email_verified: false, auth_time: 1614944416, exp: 'Fri Mar 05 12:40:16 UTC 2021' } } } }));
      expect(event.requestContext.authorizer).toEqual({ claims: { sub: 'u-1', email_verified: 'false', auth_time: '1614944416', exp: 'Fri Mar 05 12:40:16 UTC 2021' } });
    });

    it('an empty authorizer map is no authorizer', async () => {
      const event = await eventFor(request('/x', { context: { authorizer: {} } }));
      expect(event.requestContext).not.toHaveProperty('authorizer');
    });
  });

  describe('body', () => {
    it('AWS: a text body goes as text, isBase64Encoded false', async () => {
      const event = await eventFor(request('/x', { httpMethod: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{\r\n\t"a": 1\r\n}' }));
      expect(event.body).toBe('{\r\n\t"a": 1\r\n}');
      expect(event.isBase64Encoded).toBe(false);
    });

    it('AWS: a body whose Content-Type is a binary media type goes base64, isBase64Encoded true (aws-behaviour §5.6)', async () => {
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
      const event = await eventFor(request('/x', { httpMethod: 'POST', headers: { 'Content-Type': 'image/png' }, body: bytes }), lambdaProxy(), { binaryMediaTypes: ['image/*'] });
      expect(event.isBase64Encoded).toBe(true);
      expect(event.body).toBe('iVBORwD/');
    });

    it('bytes of a text type are read as UTF-8 text (invalid sequences as U+FFFD, as Java reads them)', async () => {
      const event = await eventFor(request('/x', { httpMethod: 'POST', headers: { 'Content-Type': 'text/plain' }, body: new Uint8Array([0x68, 0xc3, 0xa9, 0xff]) }), lambdaProxy(), { binaryMediaTypes: ['image/png'] });
      expect(event.body).toBe('hé\ufffd');
      expect(event.isBase64Encoded).toBe(false);
    });

    it('an empty body is sent as null, also for a binary type', async () => {
      const text = await eventFor(request('/x', { httpMethod: 'POST', body: '' }));
      expect(text.body).toBeNull();
      const binary = await eventFor(request('/x', { httpMethod: 'POST', headers: { 'Content-Type': 'image/png' }, body: new Uint8Array() }), lambdaProxy(), { binaryMediaTypes: ['*/*'] });
      expect(binary).toMatchObject({ body: null, isBase64Encoded: false });
    });
  });

  it('AWS: parameter mappings and request templates do not touch the event (LS-lambda test_lambda_aws_proxy_integration_request_data_mapping, 2024-07)', async () => {
    const method = lambdaProxy({
      requestParameters: {
        'integration.request.header.headerVar': 'method.request.header.foobar',
        'integration.request.querystring.queryString': 'method.request.querystring.testQueryString',
      },
      requestTemplates: { 'application/json': '{"replaced": true}' },
    });
    const { res, events } = await withHandler(() => ({ statusCode: 200 }), request('/foobar', { httpMethod: 'POST', headers: { foobar: 'mapped-value', headerVar: 'request-value' }, query: { testQueryString: 'foo' }, body: '{"message": "hello world"}' }), method);
    expect(events[0].headers).toMatchObject({ foobar: 'mapped-value', headerVar: 'request-value' });
    expect(events[0].queryStringParameters).toEqual({ testQueryString: 'foo' });
    expect(events[0].body).toBe('{"message": "hello world"}');
    expect(res.trace.warnings).toContainEqual(expect.stringMatching(/AWS_PROXY integration ignores its requestTemplates, requestParameters/));
  });

  it('the handler gets the invocation context: function name, ARN and the request id', async () => {
    let seen: unknown;
    await withHandler((_e, context) => ((seen = context), { statusCode: 200 }), request('/x', { context: { requestId: 'req-9' } }));
    expect(seen).toEqual({ functionName: 'fn', invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn', awsRequestId: 'req-9' });
  });

  it('a stage variable in the function ARN picks the handler', async () => {
    const method = lambdaProxy({ uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/invocations' });
    const { invokeMethod } = await import('../../../src/integration/invoke.js');
    const res = await invokeMethod(method, request('/x', { stageVariables: { fn: 'blue' } }), { backend: { lambda: { blue: () => ({ statusCode: 200, body: 'blue' }), green: () => ({ statusCode: 200, body: 'green' }) } } });
    expect(res.body).toBe('blue');
  });

  it('reads back as the same request through renderInputFromProxyEvent (what a template would see)', async () => {
    const event = await eventFor(
      request('/pets/7', {
        httpMethod: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tag': ['a', 'b'] },
        query: { q: ['1', '2'] },
        stageVariables: { env: 'prod' },
        body: '{"name": "Ada"}',
        context: { authorizer: { principalId: 'p-1' } },
      }),
    );
    const rendered = renderTemplate('$input.path("$.name") $input.params("q") $input.params("X-Tag") $stageVariables.env $context.authorizer.principalId $context.path', renderInputFromProxyEvent(event)).body;
    expect(rendered).toBe('Ada 2 b prod p-1 /test/pets/7');
  });
});
