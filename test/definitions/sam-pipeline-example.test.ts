import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadApiDefinition } from '../../src/definitions/load-file.js';

const template = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'sam-pipeline', 'template.yaml');

describe('examples/sam-pipeline/template.yaml', () => {
  const api = loadApiDefinition(template);
  const method = (m: string, p: string) => api.methods.find((x) => x.httpMethod === m && x.resourcePath === p)!;

  it('loads its routes: a non-proxy POST, Lambda proxy events, and a CORS preflight on every path', () => {
    expect(api.methods.map((m) => `${m.httpMethod} ${m.resourcePath} ${m.integration.type}`)).toEqual([
      'POST /pets AWS',
      'OPTIONS /pets MOCK',
      'GET /pets/{id} AWS_PROXY',
      'PUT /pets/{id} AWS_PROXY',
      'OPTIONS /pets/{id} MOCK',
      'GET /health AWS_PROXY',
      'OPTIONS /health MOCK',
    ]);
    expect(api.stages).toEqual({ dev: { petsTable: 'pets-dev' } });
  });

  it('protects every route with the TOKEN authorizer and the API key, except the health check and the preflights', () => {
    const auth = (m: string, p: string) => [method(m, p).authorizer ?? 'none', method(m, p).apiKeyRequired ?? false];
    expect(auth('POST', '/pets')).toEqual(['TokenAuthorizer', true]);
    expect(auth('GET', '/pets/{id}')).toEqual(['TokenAuthorizer', true]);
    expect(auth('PUT', '/pets/{id}')).toEqual(['TenantAuthorizer', true]);
    expect(auth('GET', '/health')).toEqual(['none', false]);
    expect(auth('OPTIONS', '/pets')).toEqual(['none', false]);
    expect(Object.keys(api.authorizers ?? {})).toEqual(['TokenAuthorizer', 'TenantAuthorizer']);
    expect(api.authorizers!['TenantAuthorizer']).toMatchObject({ type: 'REQUEST', identitySource: 'method.request.header.X-Tenant, method.request.querystring.tenantKey' });
  });

  it('has a generated key in a usage plan with a throttle and a daily quota for the dev stage', () => {
    expect(api.apiKeys).toEqual([{ id: 'PetsApiApiKey', enabled: true }]);
    expect(api.usagePlans).toMatchObject([
      { id: 'PetsApiUsagePlan', apiStages: [{ stage: 'dev' }], throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 1000, period: 'DAY' }, apiKeyIds: ['PetsApiApiKey'] },
    ]);
  });

  it('validates bodies against models, and answers 401 and other 4XX with CORS headers', () => {
    expect([method('POST', '/pets').requestValidator, method('POST', '/pets').requestModelNames]).toEqual(['body-only', { 'application/json': 'NewPet' }]);
    expect([method('PUT', '/pets/{id}').requestValidator, method('PUT', '/pets/{id}').requestParameters]).toEqual(['body-and-params', { 'method.request.path.id': true, 'method.request.header.X-Tenant': true }]);
    expect(Object.keys(api.models ?? {})).toEqual(['NewPet', 'pet']);
    expect(api.gatewayResponses?.UNAUTHORIZED?.responseParameters).toEqual({
      'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'",
      'gatewayresponse.header.WWW-Authenticate': "'Bearer'",
    });
    expect(api.gatewayResponses?.DEFAULT_4XX?.responseParameters).toEqual({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'" });
    expect(api.stageSettings?.['dev']?.methodSettings).toEqual({ '*/*': { throttlingRateLimit: 100, throttlingBurstLimit: 50 } });
  });
});
