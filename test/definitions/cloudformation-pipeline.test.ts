import { describe, expect, it } from 'vitest';
import { parseApiDefinition } from '../../src/definitions/load.js';
import { methodSettingKey } from '../../src/definitions/cloudformation-stages.js';
import { definitionError } from './errors.js';

const AUTH_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations';
const POOL = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc';

const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AuthFn: { Type: AWS::Lambda::Function, Properties: { FunctionName: auth } }
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: pets
      ApiKeySourceType: AUTHORIZER
      Policy:
        Version: '2012-10-17'
        Statement:
          - { Effect: Deny, Principal: '*', Action: execute-api:Invoke, Resource: execute-api:/*/DELETE/* }
  TokenAuth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: token
      Type: TOKEN
      AuthorizerUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${AuthFn.Arn}/invocations
      IdentitySource: method.request.header.X-Token
      IdentityValidationExpression: '^Bearer .+$'
      AuthorizerResultTtlInSeconds: 120
  PoolAuth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: pool
      Type: COGNITO_USER_POOLS
      ProviderARNs: [${POOL}]
  BodyValidator:
    Type: AWS::ApiGateway::RequestValidator
    Properties: { RestApiId: !Ref Api, Name: body, ValidateRequestBody: true }
  PetModel:
    Type: AWS::ApiGateway::Model
    Properties: { RestApiId: !Ref Api, Name: Pet, ContentType: application/json, Schema: { type: object } }
  Pets:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: pets }
  PostPet:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Pets
      HttpMethod: POST
      AuthorizationType: CUSTOM
      AuthorizerId: !Ref TokenAuth
      ApiKeyRequired: true
      OperationName: createPet
      RequestValidatorId: !Ref BodyValidator
      RequestModels: { application/json: !Ref PetModel }
      RequestParameters: { method.request.header.X-Trace: false, method.request.querystring.dryRun: true }
      Integration: { Type: MOCK, CacheKeyParameters: [method.request.querystring.dryRun], CacheNamespace: pets }
  GetPets:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Pets
      HttpMethod: GET
      AuthorizerId: !Ref PoolAuth
      AuthorizationScopes: [pets/read]
      Integration: { Type: MOCK }
  DeletePets:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Pets, HttpMethod: DELETE, AuthorizationType: AWS_IAM, Integration: { Type: MOCK } }
  Unauthorized:
    Type: AWS::ApiGateway::GatewayResponse
    Properties:
      RestApiId: !Ref Api
      ResponseType: UNAUTHORIZED
      StatusCode: '401'
      ResponseParameters: { gatewayresponse.header.WWW-Authenticate: "'Bearer'" }
      ResponseTemplates: { application/json: '{"message":$context.error.messageString}' }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: [PostPet, GetPets, DeletePets]
    Properties:
      RestApiId: !Ref Api
      StageName: test
      StageDescription:
        Variables: { v: '1' }
        ThrottlingRateLimit: 50
        ThrottlingBurstLimit: 20
        CachingEnabled: true
        CacheClusterEnabled: true
        MethodSettings:
          - { ResourcePath: /~1pets, HttpMethod: GET, CacheTtlInSeconds: 60 }
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      CacheClusterEnabled: false
      MethodSettings:
        - { ResourcePath: /*, HttpMethod: '*', ThrottlingRateLimit: 10, ThrottlingBurstLimit: 5 }
        - { ResourcePath: /~1pets, HttpMethod: POST, ThrottlingRateLimit: 1 }
        - { ResourcePath: /, HttpMethod: GET, CachingEnabled: false }
      CanarySetting: { PercentTraffic: 10, StageVariableOverrides: { v: '2' }, UseStageCache: false }
  Key:
    Type: AWS::ApiGateway::ApiKey
    Properties: { Name: partner, Value: partner-key-0123456789abcdef, Enabled: true }
  DisabledKey:
    Type: AWS::ApiGateway::ApiKey
    Properties: { Value: disabled-key-0123456789abcdef }
  LegacyKey:
    Type: AWS::ApiGateway::ApiKey
    Properties: { Enabled: true, StageKeys: [{ RestApiId: !Ref Api, StageName: prod }] }
  OtherKey:
    Type: AWS::ApiGateway::ApiKey
    Properties: { Enabled: true }
  Plan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      UsagePlanName: basic
      ApiStages:
        - ApiId: !Ref Api
          Stage: !Ref Prod
          Throttle: { /pets/POST: { RateLimit: 1, BurstLimit: 2 } }
        - ApiId: other-api
          Stage: anything
      Throttle: { RateLimit: 5, BurstLimit: 10 }
      Quota: { Limit: 1000, Offset: 10, Period: MONTH }
  TestPlan:
    Type: AWS::ApiGateway::UsagePlan
    Properties:
      ApiStages: [{ ApiId: !Ref Api, Stage: test }]
  PlanKey:
    Type: AWS::ApiGateway::UsagePlanKey
    Properties: { KeyId: !Ref Key, KeyType: API_KEY, UsagePlanId: !Ref Plan }
  DisabledPlanKey:
    Type: AWS::ApiGateway::UsagePlanKey
    Properties: { KeyId: !Ref DisabledKey, KeyType: API_KEY, UsagePlanId: !Ref Plan }
`;

describe('CloudFormation: the request pipeline around the methods', () => {
  const api = parseApiDefinition(TEMPLATE);
  const method = (m: string) => api.methods.find((x) => x.httpMethod === m)!;

  it('reads AWS::ApiGateway::Authorizer resources by their Name', () => {
    expect(api.authorizers).toEqual({
      token: {
        name: 'token',
        type: 'TOKEN',
        authorizerUri: AUTH_URI,
        identitySource: 'method.request.header.X-Token',
        identityValidationExpression: '^Bearer .+$',
        authorizerResultTtlInSeconds: 120,
        source: 'Resources.TokenAuth',
      },
      pool: { name: 'pool', type: 'COGNITO_USER_POOLS', identitySource: 'method.request.header.Authorization', providerARNs: [POOL], source: 'Resources.PoolAuth' },
    });
  });

  it("reads a method's authorization, parameters, validator, models by name, operation name and cache keys", () => {
    expect(method('POST')).toEqual({
      httpMethod: 'POST',
      resourcePath: '/pets',
      integration: { type: 'MOCK', integrationResponses: [], cacheKeyParameters: ['method.request.querystring.dryRun'], cacheNamespace: 'pets' },
      methodResponses: undefined,
      requestModels: { 'application/json': { type: 'object' } },
      requestModelNames: { 'application/json': 'Pet' },
      requestParameters: { 'method.request.header.X-Trace': false, 'method.request.querystring.dryRun': true },
      authorizationType: 'CUSTOM',
      authorizer: 'token',
      apiKeyRequired: true,
      requestValidator: 'body',
      operationName: 'createPet',
      source: 'Resources.PostPet',
    });
  });

  it('an AuthorizerId without an AuthorizationType takes the authorizer\'s kind; AWS_IAM needs none', () => {
    expect(method('GET')).toMatchObject({ authorizationType: 'COGNITO_USER_POOLS', authorizer: 'pool', authorizationScopes: ['pets/read'] });
    expect([method('DELETE').authorizationType, method('DELETE').authorizer]).toEqual(['AWS_IAM', undefined]);
  });

  it('reads request validators, models, gateway responses, the key source and the policy', () => {
    expect(api.requestValidators).toEqual({ body: { validateRequestBody: true, validateRequestParameters: false } });
    expect(api.models).toEqual({ PetModel: { type: 'object' }, Pet: { type: 'object' } });
    expect(api.gatewayResponses).toEqual({
      UNAUTHORIZED: {
        statusCode: '401',
        responseParameters: { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" },
        responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
        source: 'Resources.Unauthorized',
      },
    });
    expect(api.apiKeySource).toBe('AUTHORIZER');
    expect(api.policy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*/DELETE/*' }] });
  });

  it('reads stage settings from a Stage and from a Deployment StageDescription (method settings keyed /pets/GET, //GET, */*)', () => {
    expect(api.stages).toEqual({ prod: {}, test: { v: '1' } });
    expect(api.stageSettings).toEqual({
      prod: {
        cacheClusterEnabled: false,
        methodSettings: {
          '*/*': { throttlingRateLimit: 10, throttlingBurstLimit: 5 },
          '/pets/POST': { throttlingRateLimit: 1 },
          '//GET': { cachingEnabled: false },
        },
        canary: { percentTraffic: 10, stageVariableOverrides: { v: '2' }, useStageCache: false },
        source: 'Resources.Prod',
      },
      test: {
        cacheClusterEnabled: true,
        methodSettings: { '*/*': { throttlingRateLimit: 50, throttlingBurstLimit: 20, cachingEnabled: true }, '/pets/GET': { cacheTtlInSeconds: 60 } },
        source: 'Resources.Deployment',
      },
    });
  });

  it('reads the usage plans of its stages and the keys UsagePlanKeys put in them (a key is disabled unless Enabled)', () => {
    expect(api.usagePlans).toEqual([
      {
        id: 'Plan',
        name: 'basic',
        apiStages: [{ stage: 'prod', throttle: { '/pets/POST': { rateLimit: 1, burstLimit: 2 } } }],
        throttle: { rateLimit: 5, burstLimit: 10 },
        quota: { limit: 1000, offset: 10, period: 'MONTH' },
        apiKeyIds: ['Key', 'DisabledKey'],
        source: 'Resources.Plan',
      },
      { id: 'TestPlan', apiStages: [{ stage: 'test' }], apiKeyIds: [], source: 'Resources.TestPlan' },
    ]);
    expect(api.apiKeys).toEqual([
      { id: 'Key', name: 'partner', value: 'partner-key-0123456789abcdef', enabled: true },
      { id: 'DisabledKey', value: 'disabled-key-0123456789abcdef', enabled: false },
      { id: 'LegacyKey', enabled: true },
    ]);
  });
});

describe('CloudFormation definition errors name the file position', () => {
  it.each([
    ['AuthorizerId: !Ref PoolAuth', 'AuthorizerId: !Ref AuthFn', 'Resources.GetPets.Properties.AuthorizerId: expected !Ref to an AWS::ApiGateway::Authorizer of this API', 60],
    ['RequestValidatorId: !Ref BodyValidator', 'RequestValidatorId: !Ref Pets', 'Resources.PostPet.Properties.RequestValidatorId: expected !Ref to an AWS::ApiGateway::RequestValidator of this API', 50],
    ['      AuthorizerId: !Ref TokenAuth\n', '', 'Resources.PostPet.Properties.AuthorizationType: CUSTOM authorization needs an AuthorizerId (!Ref to an AWS::ApiGateway::Authorizer)', 46],
    ['Stage: test }', 'Stage: staging }', "Resources.TestPlan.Properties.ApiStages[0].Stage: no stage named 'staging' in the API (stages: prod, test)", 127],
    ['KeyId: !Ref DisabledKey', 'KeyId: !Ref Nope', "Resources.DisabledPlanKey.Properties.KeyId: expected !Ref to an AWS::ApiGateway::ApiKey of the template ('Nope' is not one)", 133],
    ['UsagePlanId: !Ref Plan }', 'UsagePlanId: !Ref Key }', "Resources.PlanKey.Properties.UsagePlanId: expected !Ref to an AWS::ApiGateway::UsagePlan of the template ('Key' is not one)", 130],
    ['      AuthorizerUri: ', '      AuthorizerUrl: ', 'Resources.TokenAuth.Properties: a TOKEN authorizer needs AuthorizerUri (the Lambda function API Gateway invokes)', 17],
    ['ResponseType: UNAUTHORIZED', 'ResponseType: NOT_ALLOWED', "Resources.Unauthorized.Properties.ResponseType: 'NOT_ALLOWED' is not a gateway response type", 70],
    ["StatusCode: '401'", 'StatusCode: unauthorized', "Resources.Unauthorized.Properties.StatusCode: 'unauthorized' is not an HTTP status code", 71],
    ['Schema: { type: object }', "Schema: '[1]'", 'Resources.PetModel.Properties.Schema: a model must be a JSON Schema object, found a list', 36],
  ])('%s → %s', (from, to, message, line) => {
    const e = definitionError(() => parseApiDefinition(TEMPLATE.replace(from, to)));
    expect(e.message.startsWith(message)).toBe(true);
    expect(e.line).toBe(line);
  });
});

describe('method setting keys', () => {
  it.each([
    ['/~1pets', 'GET', '/pets/GET'],
    ['/~1pets~1{id}', 'delete', '/pets/{id}/DELETE'],
    ['/', 'GET', '//GET'],
    ['/*', '*', '*/*'],
    ['/pets', 'POST', '/pets/POST'],
  ])('AWS: ResourcePath %s and HttpMethod %s are keyed %s (pipeline.md §5.2)', (resourcePath, httpMethod, key) => {
    expect(methodSettingKey(resourcePath, httpMethod)).toBe(key);
  });

  it('a Deployment without a Stage takes its DeploymentCanarySettings as the canary of its stage', () => {
    const api = parseApiDefinition(`
Resources:
  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a } }
  Get:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET, AuthorizationType: NONE, Integration: { Type: MOCK } }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: { RestApiId: !Ref Api, StageName: live, DeploymentCanarySettings: { PercentTraffic: 50, UseStageCache: true } }
`);
    expect(api.stageSettings).toEqual({ live: { canary: { percentTraffic: 50, useStageCache: true }, source: 'Resources.Deployment' } });
    expect(api.methods[0]!.authorizationType).toBe('NONE');
  });
});
