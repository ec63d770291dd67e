/** The stages together, through `Api.invoke`: their order, what they hand on, and the execution log. */
import { describe, expect, it } from 'vitest';
import { Api, type ApiDefinition, type MethodDefinition } from '../../src/index.js';

const LAMBDA = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${name}/invocations`;

const echoContext: MethodDefinition['integration'] = {
  type: 'MOCK',
  requestTemplates: { 'application/json': '{"statusCode": 200}' },
  integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"principal":"$context.authorizer.principalId","role":"$context.authorizer.role","key":"$context.identity.apiKey","canary":"$context.isCanaryRequest","v":"$stageVariables.v"}' } }],
};

const allow = (event: unknown) => {
  const e = event as { methodArn: string; authorizationToken: string };
  return { principalId: e.authorizationToken, policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: e.methodArn }] }, context: { role: 'admin' } };
};

function api(extra: Partial<ApiDefinition> = {}, method: Partial<MethodDefinition> = {}): ApiDefinition {
  return {
    methods: [{ httpMethod: 'GET', resourcePath: '/me', integration: echoContext, authorizationType: 'CUSTOM', authorizer: 'auth', apiKeyRequired: true, ...method }],
    stages: { prod: { v: 'base' } },
    authorizers: { auth: { name: 'auth', type: 'TOKEN', authorizerUri: LAMBDA('auth'), identitySource: 'method.request.header.Authorization' } },
    apiKeys: [{ id: 'key1', value: 'k'.repeat(20), enabled: true }],
    usagePlans: [{ id: 'plan', apiStages: [{ stage: 'prod' }], apiKeyIds: ['key1'] }],
    ...extra,
  };
}

const headers = { Authorization: 'alice', 'x-api-key': 'k'.repeat(20) };

describe('the request pipeline', () => {
  it('hands the authorizer principal and context, the API key and stage variables to the integration', async () => {
    const response = await new Api(api(), { backend: { lambda: { auth: allow } } }).invoke({ httpMethod: 'GET', path: '/me', headers });
    expect(response.json()).toEqual({ principal: 'alice', role: 'admin', key: 'k'.repeat(20), canary: '', v: 'base' });
    expect(response.headers).toMatchObject({ 'x-amzn-RequestId': 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', 'x-amz-apigw-id': expect.any(String) });
  });

  it('AWS: the authorizer runs before the API key check, and both before the method request is logged (pipeline.md §1)', async () => {
    let invoked = 0;
    const a = new Api(api(), { backend: { lambda: { auth: (e: unknown) => (invoked++, allow(e)) } } });
    const noKey = await a.invoke({ httpMethod: 'GET', path: '/me', headers: { Authorization: 'alice' } });
    expect(noKey.statusCode).toBe(403);
    expect(invoked).toBe(1);
    const log = noKey.trace.log!.map((l) => l.replace(/^.* UTC \d{4} : /, ''));
    const authorizer = log.findIndex((l) => l.startsWith('Starting authorizer'));
    const usage = log.findIndex((l) => l.startsWith('Verifying Usage Plan'));
    expect(authorizer).toBeGreaterThanOrEqual(0);
    expect(usage).toBeGreaterThan(authorizer);
    expect(log.some((l) => l.startsWith('Starting execution'))).toBe(false);
    expect(log.at(-1)).toBe('Method completed with status: 403');
  });

  it('a customised gateway response applies to failures inside the integration too (INTEGRATION_TIMEOUT)', async () => {
    const definition = api(
      { gatewayResponses: { INTEGRATION_TIMEOUT: { statusCode: '503', responseTemplates: { 'application/json': '{"retry":true,"type":"$context.error.responseType"}' } } } },
      { authorizationType: 'NONE', apiKeyRequired: false, integration: { type: 'AWS', httpMethod: 'POST', uri: LAMBDA('slow'), timeoutInMillis: 50, integrationResponses: [{ statusCode: '200' }] } },
    );
    const slow = () => new Promise((resolve) => setTimeout(() => resolve({}), 200));
    const response = await new Api(definition, { backend: { lambda: { slow } } }).invoke({ httpMethod: 'GET', path: '/me' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ retry: true, type: 'INTEGRATION_TIMEOUT' });
    expect(response.trace.gatewayResponse).toBe('INTEGRATION_TIMEOUT');
    expect(response.trace.log!.some((l) => l.endsWith('Execution failed due to a timeout error'))).toBe(true);
  });

  it('the stage cache answers the second GET without running the integration', async () => {
    let calls = 0;
    const definition = api(
      { stageSettings: { prod: { cacheClusterEnabled: true } } },
      { authorizationType: 'NONE', apiKeyRequired: false, integration: { type: 'AWS', httpMethod: 'POST', uri: LAMBDA('count'), integrationResponses: [{ statusCode: '200' }] } },
    );
    const a = new Api(definition, { backend: { lambda: { count: () => ({ calls: ++calls }) } } });
    const first = await a.invoke({ httpMethod: 'GET', path: '/me' });
    const second = await a.invoke({ httpMethod: 'GET', path: '/me' });
    expect(first.json()).toEqual({ calls: 1 });
    expect(second.json()).toEqual({ calls: 1 });
    expect(second.trace.cacheHit).toBe(true);
    expect(calls).toBe(1);
  });

  it('AWS: a canary at 100% runs with the overridden stage variables and isCanaryRequest "true" (§11, R11)', async () => {
    const definition = api({ stageSettings: { prod: { canary: { percentTraffic: 100, stageVariableOverrides: { v: 'canary' } } } } }, { authorizationType: 'NONE', apiKeyRequired: false });
    const response = await new Api(definition, { random: () => 0.5 }).invoke({ httpMethod: 'GET', path: '/me' });
    expect(response.json()).toMatchObject({ canary: 'true', v: 'canary' });
    const base = await new Api(api({ stageSettings: { prod: { canary: { percentTraffic: 0 } } } }, { authorizationType: 'NONE', apiKeyRequired: false })).invoke({ httpMethod: 'GET', path: '/me' });
    expect(base.json()).toMatchObject({ canary: 'false', v: 'base' });
  });

  it('the caller\'s request and definition are never written to', async () => {
    const definition = api();
    const frozen = JSON.stringify(definition);
    const request = { httpMethod: 'GET', path: '/me', headers: { ...headers }, context: { identity: { sourceIp: '10.0.0.1' } } };
    const before = JSON.stringify(request);
    await new Api(definition, { backend: { lambda: { auth: allow } } }).invoke(request);
    expect(JSON.stringify(request)).toBe(before);
    expect(JSON.stringify(definition)).toBe(frozen);
  });

  it('two APIs share no state: a throttled client of one is not throttled by the other', async () => {
    const definition = api({ usagePlans: [{ id: 'plan', apiStages: [{ stage: 'prod' }], apiKeyIds: ['key1'], throttle: { rateLimit: 1, burstLimit: 1 } }] }, { authorizationType: 'NONE' });
    const one = new Api(definition);
    const two = new Api(definition);
    const call = (a: Api) => a.invoke({ httpMethod: 'GET', path: '/me', headers: { 'x-api-key': 'k'.repeat(20) } });
    expect((await call(one)).statusCode).toBe(200);
    expect((await call(one)).statusCode).toBe(429);
    expect((await call(two)).statusCode).toBe(200);
  });
});

describe('validation work grows with the body', () => {
  it('a tiny body against an exponential schema (oneOf of recursive refs) stops at a small budget: 400, not seconds of work', async () => {
    const schema = { $ref: '#/definitions/N', definitions: { N: { oneOf: [{ items: { $ref: '#/definitions/N' } }, { items: { $ref: '#/definitions/N' } }] } } };
    const definition: ApiDefinition = {
      methods: [{ httpMethod: 'POST', resourcePath: '/v', requestValidator: 'b', requestModels: { 'application/json': schema }, integration: echoContext }],
      requestValidators: { b: { validateRequestBody: true, validateRequestParameters: false } },
    };
    const response = await new Api(definition).invoke({ httpMethod: 'POST', path: '/v', headers: { 'Content-Type': 'application/json' }, body: '['.repeat(60) + ']'.repeat(60) });
    expect(response.statusCode).toBe(400);
    expect(response.trace.error?.message).toMatch(/budget/);
    expect(response.trace.error?.message).toMatch(/500[, ]?\d{3}|work budget/);
  });
});

describe('the net under the stages', () => {
  it('a stage that throws unexpectedly (a getter in a hand-made definition) still answers 500 with a diagnostic', async () => {
    const definition = api({}, { authorizationType: 'NONE', apiKeyRequired: false });
    Object.defineProperty(definition.methods[0]!, 'requestValidator', { get() { throw new Error('hostile getter'); }, enumerable: true });
    const response = await new Api(definition).invoke({ httpMethod: 'GET', path: '/me' });
    expect(response.statusCode).toBe(500);
    expect(response.body).toBe('{"message": "Internal server error"}');
    expect(response.trace.error?.message).toMatch(/hostile getter/);
  });
});
