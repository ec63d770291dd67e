import { describe, expect, it } from 'vitest';
import { DefinitionError, parseApiDefinition } from '../../src/index.js';

const OPENAPI = `
openapi: 3.0.1
info: { title: Things, version: '1' }
x-amazon-apigateway-binary-media-types: [image/png, 'application/octet-stream']
paths:
  /things/{id}:
    get:
      responses:
        '200': { description: ok, headers: { X-Id: { schema: { type: string } } } }
        '404': { description: missing }
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations
        passthroughBehavior: when_no_templates
        contentHandling: CONVERT_TO_TEXT
        timeoutInMillis: 1500
        requestParameters:
          integration.request.header.X-Id: method.request.path.id
        requestTemplates:
          application/json: '{"id": "$input.params(''id'')"}'
        responses:
          default:
            statusCode: 200
            responseParameters: { method.response.header.X-Id: "'1'" }
          .*missing.*:
            statusCode: '404'
            responseTemplates: { application/json: '' }
    x-amazon-apigateway-any-method:
      x-amazon-apigateway-integration: { type: mock }
    parameters: []
  /untouched:
    get:
      responses: {}
`;

describe('OpenAPI 3 / Swagger 2 with x-amazon-apigateway-integration', () => {
  it('reads integrations, responses keyed by selection pattern, method responses and binary media types', () => {
    const api = parseApiDefinition(OPENAPI);
    expect(api.title).toBe('Things');
    expect(api.binaryMediaTypes).toEqual(['image/png', 'application/octet-stream']);
    expect(api.methods.map((m) => `${m.httpMethod} ${m.resourcePath}`)).toEqual(['GET /things/{id}', 'ANY /things/{id}']);
    const get = api.methods[0]!;
    expect(get.integration).toEqual({
      type: 'AWS',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      contentHandling: 'CONVERT_TO_TEXT',
      timeoutInMillis: 1500,
      requestParameters: { 'integration.request.header.X-Id': 'method.request.path.id' },
      requestTemplates: { 'application/json': `{"id": "$input.params('id')"}` },
      integrationResponses: [
        { statusCode: '200', selectionPattern: undefined, responseParameters: { 'method.response.header.X-Id': "'1'" }, responseTemplates: undefined, contentHandling: undefined },
        { statusCode: '404', selectionPattern: '.*missing.*', responseTemplates: { 'application/json': '' }, responseParameters: undefined, contentHandling: undefined },
      ],
    });
    expect(Object.keys(get.methodResponses ?? {})).toEqual(['200', '404']);
    expect(get.methodResponses?.['200']?.responseParameters).toEqual({ 'method.response.header.X-Id': false });
    expect(get.source).toBe('paths./things/{id}.get');
  });

  it('reads Swagger 2 documents the same way (JSON text)', () => {
    const swagger = {
      swagger: '2.0',
      info: { title: 'S', version: '1' },
      paths: { '/': { post: { 'x-amazon-apigateway-integration': { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, responses: { default: { statusCode: '200' } } } } } },
    };
    const api = parseApiDefinition(JSON.stringify(swagger));
    expect(api.methods[0]).toMatchObject({ httpMethod: 'POST', resourcePath: '/', integration: { type: 'MOCK' } });
  });

  it('names the path, line and column of a bad value', () => {
    const bad = OPENAPI.replace('passthroughBehavior: when_no_templates', 'passthroughBehavior: sometimes');
    let error: DefinitionError | undefined;
    try {
      parseApiDefinition(bad);
    } catch (e) {
      error = e as DefinitionError;
    }
    expect(error).toBeInstanceOf(DefinitionError);
    expect(error!.where).toBe('paths./things/{id}.get.x-amazon-apigateway-integration.passthroughBehavior');
    expect([error!.line, error!.column]).toEqual([15, 30]);
    expect(error!.message).toMatch(/'sometimes' is not one of WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER/);
  });

  it.each([
    ['statusCode: 200', 'statusCode: 2000', /'2000' is not an HTTP status code/],
    ['type: aws', 'type: lambda', /'lambda' is not one of AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK/],
    ["application/json: '{\"id\"", 'application/json: [1]\n          x: \'{"id"', /expected a string, found a list/],
  ])('rejects %s → %s', (from, to, message) => {
    expect(() => parseApiDefinition(OPENAPI.replace(from, to))).toThrow(message);
  });

  it('text that is neither JSON nor YAML, or not an API, is a DefinitionError with a line', () => {
    expect(() => parseApiDefinition('a: [1\nb: 2')).toThrow(DefinitionError);
    expect(() => parseApiDefinition('{"hello": "world"}')).toThrow(/not an API definition/);
  });
});
