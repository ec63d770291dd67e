import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/index.js';

const definition = {
  openapi: '3.0.1',
  info: { title: 't', version: '1' },
  paths: {
    '/hello/{name}': {
      get: {
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"hi": "$input.params(\'name\')", "v": "$stageVariables.v", "path": "$context.path", "resource": "$context.resourcePath"}' } } },
        },
      },
    },
  },
};

describe('Api.invoke', () => {
  it('routes, fills path parameters and $context, and applies stage variables', async () => {
    const api = createApi(definition);
    const res = await api.invoke({ httpMethod: 'GET', path: '/hello/ada', stage: 'dev', stageVariables: { v: '2' } });
    expect(res.json()).toEqual({ hi: 'ada', v: '2', path: '/dev/hello/ada', resource: '/hello/{name}' });
  });

  it('answers an unknown route as API Gateway does: 403 Missing Authentication Token', async () => {
    const res = await createApi(definition).invoke({ httpMethod: 'POST', path: '/hello/ada' });
    expect([res.statusCode, res.body, res.headers['x-amzn-ErrorType']]).toEqual([403, '{"message":"Missing Authentication Token"}', 'MissingAuthenticationTokenException']);
    expect(res.trace.error?.phase).toBe('route');
  });

  it('finds a method by its resource path and exposes the definition', () => {
    const api = createApi(definition);
    expect(api.method('get', '/hello/{name}')?.integration.type).toBe('MOCK');
    expect(api.defaultStage).toBe('test');
  });
});
