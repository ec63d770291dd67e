import { describe, expect, it } from 'vitest';
import { renderInputFromProxyEvent, renderTemplate } from '../../src/index.js';

describe('a Lambda proxy event as a render input', () => {
  const event = {
    resource: '/pets/{id}',
    path: '/pets/7',
    httpMethod: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Tag': 'b' },
    multiValueHeaders: { 'Content-Type': ['application/json'], 'X-Tag': ['a', 'b'] },
    queryStringParameters: { q: '2' },
    multiValueQueryStringParameters: { q: ['1', '2'] },
    pathParameters: { id: '7' },
    stageVariables: { env: 'prod' },
    requestContext: { stage: 'prod', requestId: 'r-1', identity: { sourceIp: '203.0.113.9' }, authorizer: { claims: { sub: 'u-1' } }, requestTimeEpoch: 1700000000000 },
    body: Buffer.from('{"name": "Ada"}').toString('base64'),
    isBase64Encoded: true,
  };

  it('takes multi-value parameters, path parameters, stage variables, the request context and a base64 body', () => {
    const input = renderInputFromProxyEvent(event);
    expect(input).toMatchObject({ body: '{"name": "Ada"}', headers: { 'X-Tag': ['a', 'b'] }, query: { q: ['1', '2'] }, path: { id: '7' }, stageVariables: { env: 'prod' } });
    const body = renderTemplate(
      '$input.path("$.name") $input.params("id") $input.params("q") $input.params("X-Tag") $context.stage $context.requestId $context.resourcePath $context.httpMethod $context.identity.sourceIp $context.authorizer.claims.sub $stageVariables.env',
      input,
    ).body;
    expect(body).toBe('Ada 7 2 b prod r-1 /pets/{id} POST 203.0.113.9 u-1 prod');
  });

  it('reads a base64 body as Node did: leniently (URL-safe alphabet, line breaks), a byte order mark kept, bad UTF-8 as U+FFFD', () => {
    const body = (b64: string) => renderInputFromProxyEvent({ body: b64, isBase64Encoded: true }).body;
    expect(body('77u/eyJhIjoxfQ==')).toBe('\uFEFF{"a":1}');
    expect(body('w6k\n_-8=')).toBe('é?\uFFFD');
    expect(body('w6k\n_-8=')).toBe(Buffer.from('w6k\n_-8=', 'base64').toString('utf8'));
    expect(body('YQ==YQ==')).toBe('a');
  });

  it('rejects what is not an event', () => {
    expect(() => renderInputFromProxyEvent('x')).toThrow(/must be an object/);
    expect(() => renderInputFromProxyEvent({ headers: 'x' })).toThrow(/event\.headers must be an object/);
  });
});
