import { describe, expect, it } from 'vitest';
import { parseApiDefinition } from '../../src/definitions/load.js';
import { definitionError } from './errors.js';

const LAMBDA = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${name}/invocations`;
const POOL = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc';

const OPENAPI = `
openapi: 3.0.1
info: { title: Pipeline, version: '1' }
x-amazon-apigateway-api-key-source: AUTHORIZER
x-amazon-apigateway-request-validators:
  all: { validateRequestBody: true, validateRequestParameters: true }
  params-only: { validateRequestParameters: true }
x-amazon-apigateway-request-validator: all
security:
  - token: []
  - api_key: []
components:
  securitySchemes:
    token:
      type: apiKey
      name: X-Token
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: token
        authorizerUri: ${LAMBDA('auth')}
        identityValidationExpression: '^Bearer .+$'
        authorizerResultTtlInSeconds: 60
        authorizerCredentials: arn:aws:iam::123456789012:role/invoke
    tenant:
      type: apiKey
      name: Unused
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: request
        authorizerUri: ${LAMBDA('tenant')}
        identitySource: method.request.header.X-Tenant, method.request.querystring.tenant
        authorizerResultTtlInSeconds: 0
    cognito:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: cognito_user_pools
      x-amazon-apigateway-authorizer:
        type: cognito_user_pools
        providerARNs: [${POOL}]
    sigv4:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: awsSigv4
    api_key:
      type: apiKey
      name: x-api-key
      in: header
    oauth:
      type: oauth2
      flows: {}
  parameters:
    Tenant: { name: X-Tenant, in: header, required: true, schema: { type: string } }
  schemas:
    Pet: { type: object, required: [name], properties: { name: { type: string } } }
x-amazon-apigateway-gateway-responses:
  UNAUTHORIZED:
    statusCode: 401
    responseParameters: { gatewayresponse.header.WWW-Authenticate: "'Bearer'" }
    responseTemplates: { application/json: '{"message": $context.error.messageString}' }
  DEFAULT_4XX:
    responseParameters: { gatewayresponse.header.Access-Control-Allow-Origin: "'*'" }
  INVALID_API_KEY:
    statusCode: '429'
x-amazon-apigateway-policy:
  Version: '2012-10-17'
  Statement:
    - Effect: Allow
      Principal: '*'
      Action: execute-api:Invoke
      Resource: execute-api:/*
paths:
  /pets/{id}:
    parameters:
      - { name: id, in: path, schema: { type: string } }
      - { name: verbose, in: query, schema: { type: boolean } }
    get:
      operationId: getPet
      parameters:
        - { name: verbose, in: query, required: true, schema: { type: boolean } }
        - $ref: '#/components/parameters/Tenant'
        - { name: session, in: cookie, schema: { type: string } }
      x-amazon-apigateway-integration: { type: mock, cacheKeyParameters: [method.request.path.id], cacheNamespace: pets }
    put:
      security: [{ tenant: [] }]
      x-amazon-apigateway-request-validator: params-only
      requestBody:
        content:
          application/json: { schema: { $ref: '#/components/schemas/Pet' } }
          text/plain: { schema: { type: string } }
      x-amazon-apigateway-integration: { type: mock }
    delete:
      security: [{ cognito: [pets/delete, email] }]
      x-amazon-apigateway-integration: { type: mock }
    patch:
      security: [{ sigv4: [], api_key: [] }, { oauth: [] }]
      x-amazon-apigateway-integration: { type: mock }
  /public:
    get:
      security: []
      x-amazon-apigateway-integration: { type: mock }
    post:
      security: [{ cognito: [] }]
      x-amazon-apigateway-integration: { type: mock }
`;

const MOCK = { type: 'MOCK', integrationResponses: [] };

describe('OpenAPI 3: the request pipeline around the integration', () => {
  const api = parseApiDefinition(OPENAPI);

  it('reads security schemes with x-amazon-apigateway-authorizer as authorizers (TOKEN takes its header from the scheme)', () => {
    expect(api.authorizers).toEqual({
      token: {
        name: 'token',
        type: 'TOKEN',
        authorizerUri: LAMBDA('auth'),
        identitySource: 'method.request.header.X-Token',
        identityValidationExpression: '^Bearer .+$',
        authorizerResultTtlInSeconds: 60,
        authorizerCredentials: 'arn:aws:iam::123456789012:role/invoke',
        source: 'components.securitySchemes.token',
      },
      tenant: {
        name: 'tenant',
        type: 'REQUEST',
        authorizerUri: LAMBDA('tenant'),
        identitySource: 'method.request.header.X-Tenant, method.request.querystring.tenant',
        authorizerResultTtlInSeconds: 0,
        source: 'components.securitySchemes.tenant',
      },
      cognito: {
        name: 'cognito',
        type: 'COGNITO_USER_POOLS',
        identitySource: 'method.request.header.Authorization',
        providerARNs: [POOL],
        source: 'components.securitySchemes.cognito',
      },
    });
  });

  it('AWS: root security applies to operations without their own; the authorizer and the API key both apply (pipeline.md §4.1, §5.1)', () => {
    const get = api.methods.find((m) => m.httpMethod === 'GET' && m.resourcePath === '/pets/{id}')!;
    expect(get).toEqual({
      httpMethod: 'GET',
      resourcePath: '/pets/{id}',
      integration: { ...MOCK, cacheKeyParameters: ['method.request.path.id'], cacheNamespace: 'pets' },
      methodResponses: undefined,
      requestModels: undefined,
      requestParameters: {
        'method.request.path.id': true,
        'method.request.querystring.verbose': true,
        'method.request.header.X-Tenant': true,
      },
      authorizationType: 'CUSTOM',
      authorizer: 'token',
      apiKeyRequired: true,
      requestValidator: 'all',
      operationName: 'getPet',
      source: 'paths./pets/{id}.get',
    });
  });

  it("an operation's security and validator override the root's; its body schemas name their models", () => {
    const put = api.methods.find((m) => m.httpMethod === 'PUT')!;
    expect(put).toEqual({
      httpMethod: 'PUT',
      resourcePath: '/pets/{id}',
      integration: MOCK,
      requestModels: { 'application/json': { $ref: '#/components/schemas/Pet' }, 'text/plain': { type: 'string' } },
      requestModelNames: { 'application/json': 'Pet' },
      requestParameters: { 'method.request.path.id': true, 'method.request.querystring.verbose': false },
      authorizationType: 'CUSTOM',
      authorizer: 'tenant',
      requestValidator: 'params-only',
      source: 'paths./pets/{id}.put',
    });
  });

  it('AWS: Cognito scopes in the security requirement become authorizationScopes; none means an ID token (pipeline.md §4.6)', () => {
    const byMethod = (method: string, path: string) => api.methods.find((m) => m.httpMethod === method && m.resourcePath === path)!;
    expect(byMethod('DELETE', '/pets/{id}')).toMatchObject({ authorizationType: 'COGNITO_USER_POOLS', authorizer: 'cognito', authorizationScopes: ['pets/delete', 'email'] });
    expect(byMethod('POST', '/public')).toMatchObject({ authorizationType: 'COGNITO_USER_POOLS', authorizer: 'cognito' });
    expect(byMethod('POST', '/public').authorizationScopes).toBeUndefined();
  });

  it('x-amazon-apigateway-authtype awsSigv4 is AWS_IAM; an OAuth2 scheme does nothing; security: [] means none', () => {
    const patch = api.methods.find((m) => m.httpMethod === 'PATCH')!;
    expect([patch.authorizationType, patch.authorizer, patch.apiKeyRequired]).toEqual(['AWS_IAM', undefined, true]);
    const open = api.methods.find((m) => m.httpMethod === 'GET' && m.resourcePath === '/public')!;
    expect([open.authorizationType, open.authorizer, open.apiKeyRequired, open.requestValidator]).toEqual([undefined, undefined, undefined, 'all']);
  });

  it('reads the key source, validators, gateway responses (status as a number or a string) and the policy', () => {
    expect(api.apiKeySource).toBe('AUTHORIZER');
    expect(api.requestValidators).toEqual({
      all: { validateRequestBody: true, validateRequestParameters: true },
      'params-only': { validateRequestBody: false, validateRequestParameters: true },
    });
    expect(api.gatewayResponses).toEqual({
      UNAUTHORIZED: {
        statusCode: '401',
        responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
        responseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
        source: 'x-amazon-apigateway-gateway-responses.UNAUTHORIZED',
      },
      DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" }, source: 'x-amazon-apigateway-gateway-responses.DEFAULT_4XX' },
      INVALID_API_KEY: { statusCode: '429', source: 'x-amazon-apigateway-gateway-responses.INVALID_API_KEY' },
    });
    expect(api.policy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] });
    expect(api.models).toEqual({ Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } });
  });

  it('a document without any of it has none of the new fields', () => {
    const plain = parseApiDefinition({ openapi: '3.0.1', paths: { '/': { get: { 'x-amazon-apigateway-integration': { type: 'MOCK' } } } } });
    expect(Object.keys(plain).filter((k) => (plain as unknown as Record<string, unknown>)[k] !== undefined)).toEqual(['methods']);
    expect(Object.keys(plain.methods[0]!).filter((k) => (plain.methods[0] as unknown as Record<string, unknown>)[k] !== undefined)).toEqual(['httpMethod', 'resourcePath', 'integration', 'source']);
  });
});

describe('Swagger 2: the same, from securityDefinitions, in: body parameters and definitions', () => {
  const swagger = {
    swagger: '2.0',
    info: { title: 'S', version: '1' },
    securityDefinitions: {
      auth: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'custom', 'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: LAMBDA('auth') } },
      api_key: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
    },
    'x-amazon-apigateway-request-validators': { body: { validateRequestBody: true } },
    definitions: { Pet: { type: 'object' } },
    paths: {
      '/pets': {
        post: {
          security: [{ auth: [] }, { api_key: [] }],
          consumes: ['application/json', 'application/xml'],
          parameters: [
            { in: 'body', name: 'pet', schema: { $ref: '#/definitions/Pet' } },
            { in: 'header', name: 'X-Trace', required: false, type: 'string' },
          ],
          'x-amazon-apigateway-request-validator': 'body',
          'x-amazon-apigateway-integration': { type: 'mock' },
        },
      },
    },
  };

  it('reads them into the same model', () => {
    const api = parseApiDefinition(JSON.stringify(swagger));
    expect(api.authorizers).toEqual({ auth: { name: 'auth', type: 'TOKEN', authorizerUri: LAMBDA('auth'), identitySource: 'method.request.header.Authorization', source: 'securityDefinitions.auth' } });
    expect(api.methods[0]).toEqual({
      httpMethod: 'POST',
      resourcePath: '/pets',
      integration: MOCK,
      requestModels: { 'application/json': { $ref: '#/definitions/Pet' }, 'application/xml': { $ref: '#/definitions/Pet' } },
      requestModelNames: { 'application/json': 'Pet', 'application/xml': 'Pet' },
      requestParameters: { 'method.request.header.X-Trace': false },
      authorizationType: 'CUSTOM',
      authorizer: 'auth',
      apiKeyRequired: true,
      requestValidator: 'body',
      source: 'paths./pets.post',
    });
  });
});

describe('OpenAPI definition errors name the file position', () => {
  it('a method naming an unknown security scheme', () => {
    const e = definitionError(() => parseApiDefinition(OPENAPI.replace("security: [{ tenant: [] }]", "security: [{ tenants: [] }]")));
    expect(e.message).toBe("paths./pets/{id}.put.security[0].tenants: no security scheme named 'tenants' (schemes: token, tenant, cognito, sigv4, api_key, oauth)");
    expect([e.line, e.column]).toEqual([88, 29]);
  });

  it('a method naming an unknown validator, at the root or on the operation', () => {
    const root = definitionError(() => parseApiDefinition(OPENAPI.replace('x-amazon-apigateway-request-validator: all', 'x-amazon-apigateway-request-validator: everything')));
    expect(root.message).toBe("x-amazon-apigateway-request-validator: no request validator named 'everything' (validators: all, params-only)");
    expect(root.line).toBe(8);
    const op = definitionError(() => parseApiDefinition(OPENAPI.replace('x-amazon-apigateway-request-validator: params-only', 'x-amazon-apigateway-request-validator: params')));
    expect(op.message).toMatch(/^paths\.\/pets\/\{id\}\.put\.x-amazon-apigateway-request-validator: no request validator named 'params'/);
    expect(op.line).toBe(89);
  });

  it('a Lambda authorizer without authorizerUri, a Cognito one without user pools, an unknown type', () => {
    const noUri = definitionError(() => parseApiDefinition(OPENAPI.replace(`        authorizerUri: ${LAMBDA('tenant')}\n`, '')));
    expect(noUri.message).toBe('components.securitySchemes.tenant.x-amazon-apigateway-authorizer: a REQUEST authorizer needs authorizerUri (the Lambda function API Gateway invokes)');
    expect(noUri.line).toBe(31);
    const noPools = definitionError(() => parseApiDefinition(OPENAPI.replace(`        providerARNs: [${POOL}]\n`, '')));
    expect(noPools.message).toMatch(/cognito\.x-amazon-apigateway-authorizer: a COGNITO_USER_POOLS authorizer needs providerARNs/);
    const type = definitionError(() => parseApiDefinition(OPENAPI.replace('type: token', 'type: jwt')));
    expect(type.message).toBe("components.securitySchemes.token.x-amazon-apigateway-authorizer.type: 'jwt' is not one of TOKEN, REQUEST, COGNITO_USER_POOLS");
    expect(type.line).toBe(20);
  });

  it('a gateway response of an unknown type, or with a status that is not one', () => {
    const type = definitionError(() => parseApiDefinition(OPENAPI.replace('  UNAUTHORIZED:', '  UNAUTHORISED:')));
    expect(type.message).toMatch(/^x-amazon-apigateway-gateway-responses\.UNAUTHORISED: 'UNAUTHORISED' is not a gateway response type \(ACCESS_DENIED, /);
    expect(type.line).toBe(61);
    const status = definitionError(() => parseApiDefinition(OPENAPI.replace("statusCode: '429'", 'statusCode: too-many')));
    expect(status.message).toBe("x-amazon-apigateway-gateway-responses.INVALID_API_KEY.statusCode: 'too-many' is not an HTTP status code");
    expect(status.line).toBe(67);
  });

  it('a model that is not a schema object, a policy without statements', () => {
    const model = definitionError(() => parseApiDefinition(OPENAPI.replace('Pet: { type: object, required: [name], properties: { name: { type: string } } }', 'Pet: [1]')));
    expect(model.message).toBe('components.schemas.Pet: a model must be a JSON Schema object, found a list');
    expect(model.line).toBe(58);
    const policy = definitionError(() => parseApiDefinition(OPENAPI.replace("  Version: '2012-10-17'\n  Statement:", "  Version: '2012-10-17'\n  Statements:")));
    expect(policy.message).toBe('x-amazon-apigateway-policy: a policy document needs a Statement');
  });
});

describe('hostile names', () => {
  it('names like __proto__ and constructor are just names', () => {
    // Written as text: an object literal's __proto__ would set its prototype instead.
    const text = `{"openapi":"3.0.1",
      "x-amazon-apigateway-request-validators":{"__proto__":{"validateRequestBody":true}},
      "components":{"securitySchemes":{"__proto__":{"type":"apiKey","name":"T","in":"header","x-amazon-apigateway-authorizer":{"type":"token","authorizerUri":"${LAMBDA('a')}"}}}},
      "paths":{"/":{"get":{"security":[{"__proto__":[]}],"x-amazon-apigateway-request-validator":"__proto__","x-amazon-apigateway-integration":{"type":"mock"}}}}}`;
    const api = parseApiDefinition(text);
    expect(Object.keys(api.authorizers!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(api.authorizers)).toBe(Object.prototype);
    expect(api.methods[0]).toMatchObject({ authorizer: '__proto__', requestValidator: '__proto__' });
    expect(({} as Record<string, unknown>)['validateRequestBody']).toBeUndefined();
    const unknown = definitionError(() => parseApiDefinition(text.replace('"security":[{"__proto__":[]}]', '"security":[{"constructor":[]}]')));
    expect(unknown.message).toMatch(/no security scheme named 'constructor'/);
    const validator = definitionError(() => parseApiDefinition(text.replace('"x-amazon-apigateway-request-validator":"__proto__"', '"x-amazon-apigateway-request-validator":"toString"')));
    expect(validator.message).toMatch(/no request validator named 'toString'/);
  });
});

describe('path parameters', () => {
  it('AWS: import adds the path template parameters as required, declared or not (pipeline.md §12 V12, test_import_with_global_api_key_authorizer)', () => {
    const api = parseApiDefinition({ openapi: '3.0.2', paths: { '/echo/{data}': { 'x-amazon-apigateway-any-method': { 'x-amazon-apigateway-integration': { type: 'mock' } } }, '/files/{proxy+}': { get: { 'x-amazon-apigateway-integration': { type: 'mock' } } } } });
    expect(api.methods.map((m) => m.requestParameters)).toEqual([{ 'method.request.path.data': true }, { 'method.request.path.proxy': true }]);
  });
});
