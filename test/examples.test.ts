import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadApi } from '../src/index.js';
import * as backend from '../examples/backend.mjs';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

describe('examples/openapi.yaml', () => {
  const api = loadApi(join(examples, 'openapi.yaml'), { backend: { lambda: backend.lambda, http: backend.http } });

  it('GET /pets is a MOCK that builds its list in the response template', async () => {
    const res = await api.invoke({ httpMethod: 'GET', path: '/pets' });
    expect(res.json()).toEqual([{ id: 1, name: 'Rex' }, { id: 2, name: 'Tom' }]);
  });

  it('GET /pets/{petId} maps a Lambda result, and a "not found" error to 404', async () => {
    const found = await api.invoke({ httpMethod: 'GET', path: '/pets/2', stage: 'prod' });
    expect(found.json()).toEqual({ id: 2, name: 'Tom', stage: 'prod' });
    const missing = await api.invoke({ httpMethod: 'GET', path: '/pets/9' });
    expect([missing.statusCode, missing.json()]).toEqual([404, { message: 'Pet 9 not found' }]);
  });

  it('POST /pets maps a header, transforms the body, and selects the response by the backend status', async () => {
    const created = await api.invoke({ httpMethod: 'POST', path: '/pets', headers: { 'Content-Type': 'application/json', 'X-Request-Source': 'test' }, body: { name: 'Bo "B"', tags: ['x'] } });
    expect([created.statusCode, created.headers['Location']]).toEqual([201, '/pets/3']);
    expect(created.trace.integrationRequest).toMatchObject({
      url: 'https://pets.example.com/v1/pets',
      headers: { 'X-Source': 'test', 'X-Stage': 'test' },
      body: '{\n  "name": "Bo \\"B\\"",\n  "tags": ["x"]\n}\n',
    });
    const rejected = await api.invoke({ httpMethod: 'POST', path: '/pets', headers: { 'Content-Type': 'application/json' }, body: { tags: [] } });
    expect([rejected.statusCode, rejected.json()]).toEqual([400, { error: 'a pet needs a name' }]);
    const unsupported = await api.invoke({ httpMethod: 'POST', path: '/pets', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(unsupported.statusCode).toBe(415);
  });

  it('OPTIONS /pets answers the CORS preflight from static response parameters', async () => {
    const res = await api.invoke({ httpMethod: 'OPTIONS', path: '/pets' });
    expect(res.headers).toMatchObject({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET,POST,OPTIONS' });
  });
});

describe('examples/sam-template.yaml', () => {
  const api = loadApi(join(examples, 'sam-template.yaml'), { backend: { lambda: backend.lambda } });

  it('loads the Resource tree, the !Sub URI and the stage from the template', () => {
    expect(api.stages).toEqual(['dev']);
    expect(api.methods.map((m) => `${m.httpMethod} ${m.resourcePath}`)).toEqual(['GET /orders/{orderId}', 'GET /']);
  });

  it('runs the Lambda integration with the stage variables of the dev stage', async () => {
    const res = await api.invoke({ httpMethod: 'GET', path: '/orders/42' });
    expect(res.json()).toEqual({ order: '42', status: 'shipped', api: 'v2' });
    expect(JSON.parse(res.trace.integrationRequest!.body as string)).toEqual({ orderId: '42', version: 'v2' });
    const missing = await api.invoke({ httpMethod: 'GET', path: '/orders/missing' });
    expect(missing.statusCode).toBe(404);
  });

  it('the health check is a MOCK mapping $context.stage to a header', async () => {
    const res = await api.invoke({ httpMethod: 'GET', path: '/' });
    expect(res.headers['X-Stage']).toBe('dev');
    expect(res.json()).toEqual({ healthy: true, stage: 'dev' });
  });
});
