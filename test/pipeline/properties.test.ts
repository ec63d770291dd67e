/**
 * Invariants of the whole pipeline over arbitrary client requests: every request either reaches the
 * integration or gets a gateway response that agrees with the table of built-in answers (type, status,
 * x-amzn-ErrorType, body); nothing throws; request ids are on every answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Api, type ApiDefinition, type LambdaHandler } from '../../src/index.js';
import { DEFAULT_GATEWAY_RESPONSES } from '../../src/pipeline/gateway-responses/defaults.js';

const AUTH_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations';
const KEY = 'property-test-key-0123456789';

const definition: ApiDefinition = {
  methods: [
    { httpMethod: 'GET', resourcePath: '/open', integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"reached":true}' } }] } },
    {
      httpMethod: 'POST',
      resourcePath: '/items/{id}',
      authorizationType: 'CUSTOM',
      authorizer: 'auth',
      apiKeyRequired: true,
      requestValidator: 'all',
      requestParameters: { 'method.request.header.X-Client': true },
      requestModels: { 'application/json': { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
      integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"reached":true}' } }] },
    },
  ],
  stages: { prod: {} },
  authorizers: { auth: { name: 'auth', type: 'TOKEN', authorizerUri: AUTH_URI, identitySource: 'method.request.header.Authorization', authorizerResultTtlInSeconds: 0 } },
  apiKeys: [{ id: 'k', value: KEY, enabled: true }],
  usagePlans: [{ id: 'p', apiStages: [{ stage: 'prod' }], apiKeyIds: ['k'] }],
  requestValidators: { all: { validateRequestBody: true, validateRequestParameters: true } },
};

/** The authorizer allows `allow`, denies `deny`, throws Unauthorized for `401`, and fails otherwise. */
const auth: LambdaHandler = (event) => {
  const { authorizationToken: token, methodArn } = event as { authorizationToken: string; methodArn: string };
  const statement = (effect: string) => ({ principalId: 'p', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: methodArn }] } });
  if (token === 'allow') return statement('Allow');
  if (token === 'deny') return statement('Deny');
  if (token === '401') throw new Error('Unauthorized');
  throw new Error('boom');
};

const request = fc.record({
  httpMethod: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'),
  path: fc.constantFrom('/open', '/items/1', '/items/%E2%9C%93', '/items', '/nope', '/', '/open/'),
  stage: fc.constantFrom('prod', 'prod', 'prod', 'dev'),
  headers: fc.record(
    {
      Authorization: fc.oneof(fc.constantFrom('allow', 'deny', '401', 'other', '', 'Bearer x'), fc.string({ maxLength: 20 })),
      'x-api-key': fc.oneof(fc.constant(KEY), fc.string({ maxLength: 30 })),
      'X-Client': fc.constantFrom('web', '', ' '),
      'Content-Type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'),
    },
    { requiredKeys: [] },
  ),
  body: fc.oneof(fc.constant(null), fc.constantFrom('{"name":"a"}', '{"name":1}', '{}', '[', ''), fc.json()),
});

describe('the request pipeline, for any request', () => {
  it('reaches the integration or answers the built-in gateway response of its type, never throwing', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const api = new Api(definition, { backend: { lambda: { auth } } });
        const response = await api.invoke(r);
        expect(response.headers['x-amzn-RequestId']).toBeDefined();
        const error = response.trace.error;
        if (!error) {
          expect(response.statusCode).toBe(200);
          expect(response.json()).toEqual({ reached: true });
          return;
        }
        const type = error.responseType!;
        expect(type).toBeDefined();
        const defaults = DEFAULT_GATEWAY_RESPONSES[type];
        // INTEGRATION_FAILURE answers with the failure's own status (500, 502 or 504), not its listed 504 (§3.2).
        if (type === 'INTEGRATION_FAILURE') expect([500, 502, 504]).toContain(response.statusCode);
        else if (defaults.status !== undefined) expect(response.statusCode).toBe(defaults.status);
        if (defaults.errorType !== undefined && !(type === 'ACCESS_DENIED')) expect(response.headers['x-amzn-ErrorType']).toBe(defaults.errorType);
        // Built-in bodies are the default template's compact text, or a recorded exact body.
        const body = response.json() as Record<string, unknown>;
        const message = 'message' in body ? body['message'] : body['Message'];
        expect(message === null || typeof message === 'string').toBe(true);
        if (type === 'UNAUTHORIZED') expect(response.body).toBe('{"message":"Unauthorized"}');
        if (type === 'AUTHORIZER_CONFIGURATION_ERROR') expect(response.body).toBe('{"message":null}');
        if (type === 'INVALID_API_KEY') expect(response.body).toBe('{"message":"Forbidden"}');
        if (type === 'MISSING_AUTHENTICATION_TOKEN') expect(response.body).toBe('{"message":"Missing Authentication Token"}');
      }),
      { numRuns: 300 },
    );
  });

  it('an allowed, keyed, valid request always reaches the integration', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), async (name) => {
        const api = new Api(definition, { backend: { lambda: { auth } } });
        const response = await api.invoke({
          httpMethod: 'POST',
          path: '/items/1',
          stage: 'prod',
          headers: { Authorization: 'allow', 'x-api-key': KEY, 'X-Client': 'web', 'Content-Type': 'application/json' },
          body: JSON.stringify({ name }),
        });
        expect(response.trace.error).toBeUndefined();
        expect(response.statusCode).toBe(200);
      }),
      { numRuns: 100 },
    );
  });
});
