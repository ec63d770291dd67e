import { describe, expect, it } from 'vitest';
import { parseApiDefinition } from '../../src/definitions/load.js';
import type { MethodDefinition } from '../../src/model/index.js';
import { definitionError } from './errors.js';

const AUTH_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations';
const APP_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:app/invocations';
const POOL = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc';

const SAM = `
Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    Cors: "'https://example.com'"
Resources:
  AuthFn: { Type: AWS::Serverless::Function, Properties: { FunctionName: auth, Handler: a.h, Runtime: nodejs20.x } }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: app
      Handler: i.h
      Runtime: nodejs20.x
      Events:
        List: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /pets, Method: get } }
        Create:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /pets
            Method: post
            RequestModel: { Model: NewPet, Required: true, ValidateBody: true }
            RequestParameters:
              - method.request.header.X-Trace
              - method.request.querystring.dryRun: { Required: true, Caching: true }
        Health: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /health, Method: get, Auth: { Authorizer: NONE, ApiKeyRequired: false } } }
        Admin: { Type: Api, Properties: { RestApiId: !Ref Api, Path: '/admin/{proxy+}', Method: any, Auth: { Authorizer: Pool, AuthorizationScopes: [admin] } } }
        Iam: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /iam, Method: get, Auth: { Authorizer: AWS_IAM } } }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      Auth:
        DefaultAuthorizer: Token
        ApiKeyRequired: true
        Authorizers:
          Token:
            FunctionArn: !GetAtt AuthFn.Arn
            Identity: { Header: X-Token, ValidationExpression: '^[a-z]+$', ReauthorizeEvery: 30 }
          Tenant:
            FunctionArn: !GetAtt AuthFn.Arn
            FunctionPayloadType: REQUEST
            FunctionInvokeRole: arn:aws:iam::123456789012:role/invoke
            Identity: { Headers: [X-Tenant], QueryStrings: [t], StageVariables: [s], Context: [sourceIp] }
          Pool:
            UserPoolArn: ${POOL}
            AuthorizationScopes: [read]
            Identity: { Header: Authorization }
        UsagePlan: { CreateUsagePlan: PER_API, UsagePlanName: gold, Quota: { Limit: 100, Period: WEEK }, Throttle: { RateLimit: 2, BurstLimit: 4 } }
      Models:
        NewPet: { type: object, required: [name] }
      GatewayResponses:
        DEFAULT_4XX:
          ResponseParameters: { Headers: { Access-Control-Allow-Origin: "'*'" }, QueryStrings: { q: method.request.querystring.q } }
        QUOTA_EXCEEDED: { StatusCode: 429, ResponseTemplates: { application/json: '{"message":"slow down"}' } }
      MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', CachingEnabled: true }]
      CacheClusterEnabled: true
      CanarySetting: { PercentTraffic: 25, StageVariableOverrides: { color: green } }
`;

type Auth = Pick<MethodDefinition, 'authorizationType' | 'authorizer' | 'authorizationScopes' | 'apiKeyRequired'>;
const authOf = (m: MethodDefinition): Auth => ({ authorizationType: m.authorizationType, authorizer: m.authorizer, authorizationScopes: m.authorizationScopes, apiKeyRequired: m.apiKeyRequired });
const find = (methods: MethodDefinition[], method: string, path: string) => methods.find((m) => m.httpMethod === method && m.resourcePath === path)!;
const TOKEN_AND_KEY: Auth = { authorizationType: 'CUSTOM', authorizer: 'Token', authorizationScopes: undefined, apiKeyRequired: true };

describe('SAM AWS::Serverless::Api: Auth, usage plan, models, gateway responses and stage settings', () => {
  const api = parseApiDefinition(SAM);
  const method = (m: string, p: string) => find(api.methods, m, p);

  it('SAM: Auth.Authorizers become authorizers (TOKEN header from Identity.Header, REQUEST sources in SAM order, Cognito pools)', () => {
    expect(api.authorizers).toEqual({
      Token: {
        name: 'Token',
        type: 'TOKEN',
        authorizerUri: AUTH_URI,
        identitySource: 'method.request.header.X-Token',
        identityValidationExpression: '^[a-z]+$',
        authorizerResultTtlInSeconds: 30,
        source: 'Resources.Api.Properties.Auth.Authorizers.Token',
      },
      Tenant: {
        name: 'Tenant',
        type: 'REQUEST',
        authorizerUri: AUTH_URI,
        identitySource: 'method.request.header.X-Tenant, method.request.querystring.t, stageVariables.s, context.sourceIp',
        authorizerCredentials: 'arn:aws:iam::123456789012:role/invoke',
        source: 'Resources.Api.Properties.Auth.Authorizers.Tenant',
      },
      Pool: { name: 'Pool', type: 'COGNITO_USER_POOLS', identitySource: 'method.request.header.Authorization', providerARNs: [POOL], source: 'Resources.Api.Properties.Auth.Authorizers.Pool' },
    });
  });

  it('SAM: DefaultAuthorizer and ApiKeyRequired apply to every method, the CORS preflight too; an event opts out with NONE / false', () => {
    expect(authOf(method('GET', '/pets'))).toEqual(TOKEN_AND_KEY);
    expect(authOf(method('OPTIONS', '/pets'))).toEqual(TOKEN_AND_KEY);
    expect(authOf(method('GET', '/health'))).toEqual({});
    expect(authOf(method('ANY', '/admin/{proxy+}'))).toEqual({ authorizationType: 'COGNITO_USER_POOLS', authorizer: 'Pool', authorizationScopes: ['admin'], apiKeyRequired: true });
    expect(authOf(method('GET', '/iam'))).toEqual({ authorizationType: 'AWS_IAM', authorizer: undefined, authorizationScopes: undefined, apiKeyRequired: true });
  });

  it('SAM: RequestModel and RequestParameters give the body model (lower-cased), a generated validator and cache keys', () => {
    expect(method('POST', '/pets')).toEqual({
      httpMethod: 'POST',
      resourcePath: '/pets',
      integration: { type: 'AWS_PROXY', httpMethod: 'POST', uri: APP_URI, integrationResponses: [], cacheKeyParameters: ['method.request.querystring.dryRun'] },
      requestModels: { 'application/json': { $ref: '#/definitions/newpet' } },
      requestModelNames: { 'application/json': 'newpet' },
      requestParameters: { 'method.request.header.X-Trace': false, 'method.request.querystring.dryRun': true },
      requestValidator: 'body-only',
      ...TOKEN_AND_KEY,
      source: 'Resources.Fn.Properties.Events.Create',
    });
    expect(api.requestValidators).toEqual({ 'body-only': { validateRequestBody: true, validateRequestParameters: false } });
    expect(api.models).toEqual({ newpet: { type: 'object', required: ['name'] } });
  });

  it('SAM: CreateUsagePlan PER_API generates <Api>UsagePlan for the stage with key <Api>ApiKey (enabled, value generated)', () => {
    expect(api.usagePlans).toEqual([
      {
        id: 'ApiUsagePlan',
        name: 'gold',
        apiStages: [{ stage: 'live' }],
        throttle: { rateLimit: 2, burstLimit: 4 },
        quota: { limit: 100, period: 'WEEK' },
        apiKeyIds: ['ApiApiKey'],
        source: 'Resources.Api.Properties.Auth.UsagePlan',
      },
    ]);
    expect(api.apiKeys).toEqual([{ id: 'ApiApiKey', enabled: true }]);
  });

  it('SAM: GatewayResponses group their parameters as Headers / QueryStrings / Paths', () => {
    expect(api.gatewayResponses).toEqual({
      DEFAULT_4XX: {
        responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'", 'gatewayresponse.querystring.q': 'method.request.querystring.q' },
        source: 'Resources.Api.Properties.GatewayResponses.DEFAULT_4XX',
      },
      QUOTA_EXCEEDED: { statusCode: '429', responseTemplates: { 'application/json': '{"message":"slow down"}' }, source: 'Resources.Api.Properties.GatewayResponses.QUOTA_EXCEEDED' },
    });
  });

  it('SAM: MethodSettings, CacheClusterEnabled and CanarySetting go to the stage', () => {
    expect(api.stageSettings).toEqual({
      live: {
        cacheClusterEnabled: true,
        methodSettings: { '*/*': { cachingEnabled: true } },
        canary: { percentTraffic: 25, stageVariableOverrides: { color: 'green' } },
        source: 'Resources.Api',
      },
    });
  });
});

describe('SAM Cors', () => {
  const template = (cors: string, auth = '') => `
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /pets, Method: get } }
        Post: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /pets, Method: post } }
        Any: { Type: Api, Properties: { RestApiId: !Ref Api, Path: '/{proxy+}', Method: any } }
  AuthFn: { Type: AWS::Serverless::Function }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Cors: ${cors}
${auth}`;

  it('AWS: a Cors string sets only the origin; the generated preflight is stored as §8 V12 records (pipeline.md §8)', () => {
    const api = parseApiDefinition(template(`"'http://localhost:8080'"`));
    expect(find(api.methods, 'OPTIONS', '/pets')).toEqual({
      httpMethod: 'OPTIONS',
      resourcePath: '/pets',
      integration: {
        type: 'MOCK',
        requestTemplates: { 'application/json': '{\n  "statusCode" : 200\n}\n' },
        integrationResponses: [
          {
            statusCode: '200',
            responseTemplates: { 'application/json': '{}\n' },
            responseParameters: {
              'method.response.header.Access-Control-Allow-Origin': "'http://localhost:8080'",
              'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS,POST'",
            },
          },
        ],
      },
      methodResponses: {
        '200': { statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false, 'method.response.header.Access-Control-Allow-Methods': false } },
      },
      source: 'Resources.Api.Properties.Cors',
    });
    const any = find(api.methods, 'OPTIONS', '/{proxy+}').integration.integrationResponses![0]!.responseParameters;
    expect(any!['method.response.header.Access-Control-Allow-Methods']).toBe("'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
  });

  it('SAM: the Cors map sets headers, methods, max age and credentials; the preflight can skip the default authorizer and key', () => {
    const auth = `      Auth:
        DefaultAuthorizer: Lambda
        AddDefaultAuthorizerToCorsPreflight: false
        ApiKeyRequired: true
        AddApiKeyRequiredToCorsPreflight: false
        Authorizers:
          Lambda: { FunctionArn: !GetAtt AuthFn.Arn }`;
    const api = parseApiDefinition(
      template(`{ AllowOrigin: "'https://a.example'", AllowHeaders: "'Content-Type,X-Api-Key'", AllowMethods: "'GET,POST'", MaxAge: 600, AllowCredentials: true }`, auth),
    );
    const preflight = find(api.methods, 'OPTIONS', '/pets');
    expect(preflight.integration.integrationResponses![0]!.responseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'https://a.example'",
      'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Api-Key'",
      'method.response.header.Access-Control-Allow-Methods': "'GET,POST'",
      'method.response.header.Access-Control-Max-Age': "'600'",
      'method.response.header.Access-Control-Allow-Credentials': "'true'",
    });
    expect(authOf(preflight)).toEqual({});
    expect(authOf(find(api.methods, 'GET', '/pets'))).toEqual({ authorizationType: 'CUSTOM', authorizer: 'Lambda', authorizationScopes: undefined, apiKeyRequired: true });
    expect(api.authorizers!['Lambda']).toMatchObject({ type: 'TOKEN', identitySource: 'method.request.header.Authorization' });
  });

  it('SAM: AllowCredentials cannot go with the wildcard origin', () => {
    const e = definitionError(() => parseApiDefinition(template('{ AllowCredentials: true }')));
    expect(e.message).toBe(`Resources.Api.Properties.Cors: AllowCredentials cannot be true when AllowOrigin is "'*'" or not set`);
    expect(e.line).toBe(15);
  });
});

describe('SAM usage plans, bodies, the implicit API and resource policies', () => {
  it('SAM: CreateUsagePlan SHARED generates ServerlessUsagePlan and ServerlessApiKey; NONE generates nothing', () => {
    const template = (mode: string) => `
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      DefinitionBody: { openapi: 3.0.1, paths: { /x: { get: { x-amazon-apigateway-integration: { type: mock } } } } }
      Auth: { ApiKeyRequired: true, UsagePlan: { CreateUsagePlan: ${mode} } }
  Key: { Type: AWS::ApiGateway::ApiKey, Properties: { Value: extra-key-0123456789abcdef, Enabled: true } }
  ExtraKey:
    Type: AWS::ApiGateway::UsagePlanKey
    Properties: { KeyId: !Ref Key, KeyType: API_KEY, UsagePlanId: !Ref ServerlessUsagePlan }
`;
    const shared = parseApiDefinition(template('SHARED'));
    expect(shared.usagePlans).toEqual([{ id: 'ServerlessUsagePlan', apiStages: [{ stage: 'v1' }], apiKeyIds: ['ServerlessApiKey', 'Key'], source: 'Resources.Api.Properties.Auth.UsagePlan' }]);
    expect(shared.apiKeys).toEqual([{ id: 'ServerlessApiKey', enabled: true }, { id: 'Key', value: 'extra-key-0123456789abcdef', enabled: true }]);
    expect(shared.methods[0]!.apiKeyRequired).toBe(true);
    const none = definitionError(() => parseApiDefinition(template('NONE')));
    expect(none.message).toBe("Resources.ExtraKey.Properties.UsagePlanId: expected !Ref to an AWS::ApiGateway::UsagePlan of the template ('ServerlessUsagePlan' is not one)");
    const bad = definitionError(() => parseApiDefinition(template('ALL')));
    expect(bad.message).toBe("Resources.Api.Properties.Auth.UsagePlan.CreateUsagePlan: 'ALL' is not one of PER_API, SHARED, NONE");
    expect(bad.line).toBe(8);
  });

  it('SAM: the DefinitionBody wins over an event for the same method; SAM Auth applies to the body; NONE in the body opts out', () => {
    const api = parseApiDefinition(`
Resources:
  AuthFn: { Type: AWS::Serverless::Function }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Same: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: get } }
        New: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: delete, Auth: { Authorizer: NONE } } }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        DefaultAuthorizer: Lambda
        Authorizers: { Lambda: { FunctionArn: !GetAtt AuthFn.Arn, FunctionPayloadType: REQUEST, Identity: { Headers: [X-Key] } } }
      DefinitionBody:
        swagger: '2.0'
        info: { title: items, version: '1' }
        securityDefinitions:
          Own: { type: apiKey, name: X-Own, in: header, x-amazon-apigateway-authorizer: { type: token, authorizerUri: own-uri } }
        paths:
          /items:
            get:
              x-amazon-apigateway-integration: { type: mock }
            post:
              security: [{ Own: [] }]
              x-amazon-apigateway-integration: { type: mock }
            put:
              security: [{ NONE: [] }]
              x-amazon-apigateway-integration: { type: mock }
`);
    expect(api.methods.map((m) => `${m.httpMethod} ${m.integration.type} ${m.authorizer ?? '-'}`)).toEqual(['GET MOCK Lambda', 'POST MOCK Own', 'PUT MOCK -', 'DELETE AWS_PROXY -']);
    expect(api.title).toBe('items');
    expect(api.authorizers!['Lambda']).toMatchObject({ type: 'REQUEST', identitySource: 'method.request.header.X-Key' });
  });

  it('SAM: the implicit ServerlessRestApi takes Globals.Api (Auth with AWS_IAM as the default, Cors)', () => {
    const api = parseApiDefinition(`
Globals:
  Api:
    Auth: { DefaultAuthorizer: AWS_IAM }
    Cors: { AllowOrigin: "'*'" }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: Api, Properties: { Path: /hello, Method: get } }
        Open: { Type: Api, Properties: { Path: /open, Method: get, Auth: { Authorizer: NONE } } }
`);
    expect(api.stages).toEqual({ Prod: {} });
    expect(api.methods.map((m) => `${m.httpMethod} ${m.resourcePath} ${m.authorizationType ?? 'NONE'}`)).toEqual(['GET /hello AWS_IAM', 'OPTIONS /hello AWS_IAM', 'GET /open NONE', 'OPTIONS /open AWS_IAM']);
    expect(api.authorizers).toBeUndefined();
  });

  it('SAM: Auth.ResourcePolicy becomes the API policy on execute-api:/{stage}/{METHOD}/{path}', () => {
    const api = parseApiDefinition(`
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: '/pets/{id}', Method: get } }
        Put:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /admin
            Method: put
            Auth: { ResourcePolicy: { AwsAccountWhitelist: ['111122223333'] } }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        ResourcePolicy:
          IpRangeBlacklist: [10.0.0.0/8]
          SourceVpcWhitelist: [vpc-1, vpce-2]
          CustomStatements: [{ Effect: Allow, Principal: '*', Action: execute-api:Invoke, Resource: execute-api:/*/GET/* }]
`);
    const petResources = ['execute-api:/prod/GET/pets/*'];
    const adminResources = ['execute-api:/prod/PUT/admin'];
    const allow = (Resource: string[]) => ({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource, Principal: '*' });
    const deny = (Resource: string[], Condition: unknown) => ({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource, Principal: '*', Condition });
    expect(api.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: adminResources, Principal: { AWS: ['111122223333'] } },
        allow(petResources),
        deny(petResources, { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }),
        deny(petResources, { StringNotEquals: { 'aws:SourceVpc': ['vpc-1'], 'aws:SourceVpce': ['vpce-2'] } }),
        allow(adminResources),
        deny(adminResources, { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] } }),
        deny(adminResources, { StringNotEquals: { 'aws:SourceVpc': ['vpc-1'], 'aws:SourceVpce': ['vpce-2'] } }),
        { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*/GET/*' },
      ],
    });
  });
});

describe('SAM definition errors name the template position', () => {
  it.each([
    ['DefaultAuthorizer: Token', 'DefaultAuthorizer: Tok', "Resources.Api.Properties.Auth.DefaultAuthorizer: no authorizer named 'Tok' in Auth.Authorizers (Token, Tenant, Pool)", 34],
    ['Authorizer: Pool,', 'Authorizer: Pools,', "Resources.Fn.Properties.Events.Admin.Properties.Auth.Authorizer: no authorizer named 'Pools' in the API's Auth.Authorizers (Token, Tenant, Pool)", 27],
    ['            FunctionArn: !GetAtt AuthFn.Arn\n            Identity: { Header: X-Token', '            Identity: { Header: X-Token', "Resources.Api.Properties.Auth.Authorizers.Token: the Lambda authorizer 'Token' needs a FunctionArn (or a UserPoolArn for Cognito)", 38],
    ['Identity: { Headers: [X-Tenant], QueryStrings: [t], StageVariables: [s], Context: [sourceIp] }', 'Identity: {}', "Resources.Api.Properties.Auth.Authorizers.Tenant.Identity: the REQUEST authorizer 'Tenant' needs Identity", 44],
    ['Model: NewPet,', 'Model: Pet,', "Resources.Fn.Properties.Events.Create.Properties.RequestModel.Model: no model named 'Pet' in the API's Models (NewPet)", 22],
    ['QUOTA_EXCEEDED: {', 'QUOTA: {', "Resources.Api.Properties.GatewayResponses.QUOTA: 'QUOTA' is not a gateway response type", 55],
    ['StatusCode: 429', 'StatusCode: slow', "Resources.Api.Properties.GatewayResponses.QUOTA_EXCEEDED.StatusCode: 'slow' is not an HTTP status code", 55],
    ['Path: /iam, Method: get', 'Path: /iam, Method: fetch', "Resources.Fn.Properties.Events.Iam.Properties.Method: 'fetch' is not an HTTP method (or ANY)", 28],
  ])('%s → %s', (from, to, message, line) => {
    const e = definitionError(() => parseApiDefinition(SAM.replace(from, to)));
    expect(e.message.startsWith(message)).toBe(true);
    expect(e.line).toBe(line);
  });
});
