import { describe, expect, it } from 'vitest';
import { call, echo, LAMBDA_URI, method, post } from './helpers.js';

describe('request parameter mappings', () => {
  it('maps every source kind to integration path, query string and headers', async () => {
    const { definition, options, seen } = echo({
      uri: 'https://backend.example/items/{id}',
      requestParameters: {
        'integration.request.path.id': 'method.request.path.itemId',
        'integration.request.querystring.q': 'method.request.querystring.q',
        'integration.request.querystring.all': 'method.request.multivaluequerystring.q',
        'integration.request.header.X-Agent': 'method.request.header.user-agent',
        'integration.request.header.X-Tags': 'method.request.multivalueheader.X-Tag',
        'integration.request.header.X-Body': 'method.request.body',
        'integration.request.header.X-Name': 'method.request.body.pet.names[1]',
        'integration.request.header.X-Pet': 'method.request.body.pet',
        'integration.request.header.X-Version': 'stageVariables.version',
        'integration.request.header.X-Stage': 'context.stage',
        'integration.request.header.X-Ip': 'context.identity.sourceIp',
        'integration.request.header.X-Static': "'static value'",
        'integration.request.header.X-Missing': 'method.request.header.absent',
      },
    });
    const body = '{"pet": {"names": ["a", "b"]}}';
    await call(
      definition,
      post(body, {}, {
        pathParameters: { itemId: 'x y' },
        query: { q: ['first', 'last'] },
        headers: { 'User-Agent': 'tests', 'X-Tag': ['t1', 't2'] },
        stage: 'dev',
        stageVariables: { version: 'v9' },
      }),
      options,
    );
    const r = seen[0]!;
    expect(r.path).toEqual({ id: 'x y' });
    expect(r.querystring).toEqual({ q: 'last', all: ['first', 'last'] });
    expect(r.headers).toEqual({
      'X-Agent': 'tests',
      'X-Tags': ['t1', 't2'],
      'X-Body': body,
      'X-Name': 'b',
      'X-Pet': '{"names":["a","b"]}',
      'X-Version': 'v9',
      'X-Stage': 'dev',
      'X-Ip': '192.0.2.1',
      'X-Static': 'static value',
    });
    expect(r.url).toBe('https://backend.example/items/x%20y?q=last&all=first&all=last');
  });

  it('an empty body maps as {}', async () => {
    const { definition, options, seen } = echo({ requestParameters: { 'integration.request.header.X-Body': 'method.request.body' } });
    await call(definition, post(null), options);
    expect(seen[0]!.headers).toEqual({ 'X-Body': '{}' });
  });

  it('a body JSONPath mapping on a body that is not JSON → 400', async () => {
    const { definition, options, seen } = echo({ requestParameters: { 'integration.request.header.X-Name': 'method.request.body.name' } });
    const res = await call(definition, post('{not json'), options);
    expect(res.statusCode).toBe(400);
    expect(res.body).toBe('{"message": "Invalid JSON in request body"}');
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['HTTP', 'Content-Length', 500],
    ['HTTP', 'Transfer-Encoding', 500],
    ['HTTP', 'Authorization', 200],
    ['AWS', 'Authorization', 500],
    ['AWS', 'Connection', 500],
    ['AWS', 'Expect', 500],
    ['AWS', 'Proxy-Authenticate', 500],
    ['AWS', 'TE', 500],
    ['AWS', 'X-Custom', 200],
  ] as const)('%s integration mapping header %s → %d', async (type, header, status) => {
    const { definition, options } = echo({ type, uri: type === 'AWS' ? 'arn:aws:apigateway:us-east-1:sqs:path/q' : 'https://b.example', requestParameters: { [`integration.request.header.${header}`]: "'x'" } });
    const res = await call(definition, post('{}'), options);
    expect(res.statusCode).toBe(status);
    if (status === 500) expect(res.body).toBe('{"message": "Internal server error"}');
  });

  it('an unknown mapping source is a 500 naming it', async () => {
    const { definition, options } = echo({ requestParameters: { 'integration.request.header.X': 'method.request.cookie.a' } });
    const res = await call(definition, post('{}'), options);
    expect(res.statusCode).toBe(500);
    expect(res.trace.error?.message).toMatch(/method\.request\.cookie\.a/);
  });
});

describe('response parameter mappings', () => {
  it('maps integration headers, body fields, statics and context; remaps the headers API Gateway owns', async () => {
    const { definition, options } = echo(
      {
        integrationResponses: [
          {
            statusCode: '200',
            responseParameters: {
              'method.response.header.Location': 'integration.response.header.location',
              'method.response.header.X-Multi': 'integration.response.multivalueheader.X-Multi',
              'method.response.header.X-Id': 'integration.response.body.item.id',
              'method.response.header.X-Body': 'integration.response.body',
              'method.response.header.X-Stage': 'context.stage',
              'method.response.header.Server': "'mine'",
              'method.response.header.Date': "'today'",
              'method.response.header.Content-Type': "'text/plain'",
              'method.response.header.X-Absent': 'integration.response.header.absent',
            },
          },
        ],
      },
      { headers: { Location: '/items/7', 'X-Multi': 'one' }, body: '{"item": {"id": 7}}' },
    );
    const res = await call(definition, post('{}'), options);
    expect(res.headers).toEqual({
      Location: '/items/7',
      'X-Multi': 'one',
      'X-Id': '7',
      'X-Body': '{"item": {"id": 7}}',
      'X-Stage': 'test',
      'x-amzn-Remapped-Server': 'mine',
      'x-amzn-Remapped-Date': 'today',
      'Content-Type': 'text/plain',
    });
  });

  it('for a Lambda custom error, errorMessage is read as JSON: body.errorMessage.trace.function works', async () => {
    const definition = method({
      type: 'AWS',
      uri: LAMBDA_URI,
      integrationResponses: [
        {
          statusCode: '400',
          selectionPattern: '.*"type":"Bad".*',
          responseParameters: {
            'method.response.header.X-Function': 'integration.response.body.errorMessage.trace.function',
            'method.response.header.X-Trace': 'integration.response.body.errorMessage.trace',
          },
        },
      ],
    });
    const res = await call(definition, post('{}'), {
      backend: { lambda: () => { throw new Error(JSON.stringify({ type: 'Bad', trace: { function: 'abc', line: 3 } })); } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['X-Function']).toBe('abc');
    expect(res.headers['X-Trace']).toBe('{"function":"abc","line":3}');
  });

  it('responseOverride headers win over responseParameters', async () => {
    const { definition, options } = echo({
      integrationResponses: [
        { statusCode: '200', responseParameters: { 'method.response.header.X-A': "'mapped'" }, responseTemplates: { 'application/json': '#set($context.responseOverride.header.X-A = "override")ok' } },
      ],
    });
    const res = await call(definition, post('{}'), options);
    expect(res.headers['X-A']).toBe('override');
  });
});
