import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invokeMethod, type IntegrationResponse, type MethodDefinition, type MethodRequest } from '../../src/index.js';
import { jsonBody, oddBody } from '../../src/testing/arbitraries/input.js';
import { trickyString } from '../../src/testing/arbitraries/strings.js';
import { templateArbitrary } from './template-arbitrary.js';

const header = fc.oneof(trickyString, fc.array(trickyString, { minLength: 1, maxLength: 3 }));
const request: fc.Arbitrary<MethodRequest> = fc.record({
  httpMethod: fc.constantFrom('GET', 'POST', 'put'),
  path: fc.constantFrom('/', '/items/1'),
  headers: fc.dictionary(fc.constantFrom('Content-Type', 'Accept', 'X-A', 'content-type', '__proto__'), header, { maxKeys: 3 }),
  query: fc.dictionary(fc.constantFrom('q', 'limit', 'constructor'), header, { maxKeys: 2 }),
  body: fc.oneof(jsonBody, oddBody, fc.constant(null)),
});

const responses: fc.Arbitrary<IntegrationResponse[]> = fc.array(
  fc.record({
    statusCode: fc.constantFrom('200', '400', '500'),
    selectionPattern: fc.option(fc.constantFrom('', '2\\d{2}', '.*error.*', '.+', '(', '4\\d{2}'), { nil: undefined }),
    responseTemplates: fc.option(fc.dictionary(fc.constantFrom('application/json', 'text/html'), fc.oneof(templateArbitrary, fc.constant('')), { maxKeys: 2 }), { nil: undefined }),
  }),
  { maxLength: 3 },
);

const definition: fc.Arbitrary<MethodDefinition> = fc.record({
  httpMethod: fc.constant('POST'),
  resourcePath: fc.constant('/items/{id}'),
  integration: fc.record({
    type: fc.constantFrom('MOCK' as const, 'HTTP' as const, 'AWS' as const),
    uri: fc.constantFrom('https://b.example/{id}', 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations'),
    requestTemplates: fc.dictionary(fc.constantFrom('application/json', 'text/plain'), fc.oneof(templateArbitrary, fc.constant('{"statusCode": 200}')), { maxKeys: 2 }),
    passthroughBehavior: fc.constantFrom('WHEN_NO_MATCH' as const, 'WHEN_NO_TEMPLATES' as const, 'NEVER' as const),
    integrationResponses: responses,
  }),
});

const backend = {
  http: (r: { body: string | Uint8Array }) => ({ statusCode: 200, body: r.body }),
  lambda: (event: unknown) => {
    if (typeof event === 'object' && event !== null && 'fail' in event) throw new Error('error: asked to fail');
    return event;
  },
};

describe('any method and any request', () => {
  it('always gets an HTTP response (never a throw), and never changes the caller\'s objects', async () => {
    await fc.assert(
      fc.asyncProperty(definition, request, async (method, req) => {
        const before = JSON.stringify([method, req]);
        const res = await invokeMethod(method, req, { backend, limits: { maxWork: 50_000, maxOutputLength: 50_000 } });
        expect(JSON.stringify([method, req])).toBe(before);
        expect(Number.isInteger(res.statusCode) && res.statusCode >= 100 && res.statusCode <= 599).toBe(true);
        expect(typeof res.body).toBe('string');
        if (res.statusCode === 500 && res.trace.error) expect(res.body).toBe('{"message": "Internal server error"}');
        if (res.trace.error) expect(res.trace.error.message.length).toBeGreaterThan(0);
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});
