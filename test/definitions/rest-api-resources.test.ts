import { describe, expect, it } from 'vitest';
import { parseApiDefinition } from '../../src/index.js';

describe('get-resources --embed methods output', () => {
  it('reads methodIntegration and integrationResponses keyed by status code', () => {
    const exported = {
      items: [
        { id: 'r1', path: '/' },
        {
          id: 'r2',
          path: '/pets/{id}',
          resourceMethods: {
            GET: {
              httpMethod: 'GET',
              methodResponses: { '200': { statusCode: '200', responseParameters: { 'method.response.header.X': false } } },
              methodIntegration: {
                type: 'MOCK',
                passthroughBehavior: 'WHEN_NO_MATCH',
                requestTemplates: { 'application/json': '{"statusCode": 200}' },
                integrationResponses: { '200': { statusCode: '200', responseTemplates: { 'application/json': null } }, '404': { statusCode: '404', selectionPattern: '4\\d{2}' } },
              },
            },
          },
        },
      ],
    };
    const api = parseApiDefinition(exported);
    expect(api.methods).toHaveLength(1);
    expect(api.methods[0]).toMatchObject({
      httpMethod: 'GET',
      resourcePath: '/pets/{id}',
      methodResponses: { '200': { statusCode: '200', responseParameters: { 'method.response.header.X': false } } },
      integration: {
        type: 'MOCK',
        integrationResponses: [
          { statusCode: '200', responseTemplates: { 'application/json': null } },
          { statusCode: '404', selectionPattern: '4\\d{2}' },
        ],
      },
    });
  });
});
