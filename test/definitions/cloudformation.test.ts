import { describe, expect, it } from 'vitest';
import { DefinitionError, parseApiDefinition } from '../../src/index.js';

const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: { Type: String, Default: prod }
Mappings:
  Names: { prod: { queue: prod-queue } }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: my-fn }
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: !Sub '\${Env}-api'
      BinaryMediaTypes: [image~1png]
  Users:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: users }
  User:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !Ref Users, PathPart: '{id}' }
  GetUser:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref User
      HttpMethod: get
      Integration:
        Type: AWS
        IntegrationHttpMethod: POST
        Uri: !Join ['', ['arn:aws:apigateway:', !Ref 'AWS::Region', ':lambda:path/2015-03-31/functions/', !GetAtt Fn.Arn, '/invocations']]
        PassthroughBehavior: WHEN_NO_MATCH
        TimeoutInMillis: '2500'
        RequestTemplates:
          application/json: !Sub
            - '{"queue": "\${Queue}", "env": "\${Env}", "literal": "\${!stageVariables.x}", "prod": "\${Prod}"}'
            - Queue: !FindInMap [Names, !Ref Env, queue]
              Prod: !If [IsProd, yes, no]
        IntegrationResponses:
          - StatusCode: 200
          - StatusCode: '500'
            SelectionPattern: '.*error.*'
            ResponseTemplates: { application/json: '{"failed": true}' }
      MethodResponses:
        - StatusCode: 200
          ResponseParameters: { method.response.header.X-A: true }
        - StatusCode: 500
  Root:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: { Ref: Api }
      ResourceId: { 'Fn::GetAtt': [Api, RootResourceId] }
      HttpMethod: ANY
      Integration: { Type: MOCK }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, StageName: !Ref Env, Variables: { x: '1', arn: !GetAtt Fn.Arn } }
`;

describe('CloudFormation templates', () => {
  const api = parseApiDefinition(TEMPLATE);

  it('builds resource paths from the Resource tree', () => {
    expect(api.methods.map((m) => `${m.httpMethod} ${m.resourcePath}`)).toEqual(['GET /users/{id}', 'ANY /']);
  });

  it('resolves short-form intrinsics: !Ref, !Sub (list form, ${!literal}), !GetAtt, !Join, !FindInMap, !If', () => {
    const get = api.methods[0]!;
    expect(get.integration.uri).toBe('arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:my-fn/invocations');
    expect(get.integration.timeoutInMillis).toBe(2500);
    expect(get.integration.requestTemplates).toEqual({ 'application/json': '{"queue": "prod-queue", "env": "prod", "literal": "${stageVariables.x}", "prod": "yes"}' });
    expect(api.title).toBe('prod-api');
  });

  it('reads integration responses in order, method responses, binary media types (~1 is /) and stage variables', () => {
    const get = api.methods[0]!;
    expect(get.integration.integrationResponses?.map((r) => [r.statusCode, r.selectionPattern])).toEqual([
      ['200', undefined],
      ['500', '.*error.*'],
    ]);
    expect(get.methodResponses?.['200']?.responseParameters).toEqual({ 'method.response.header.X-A': true });
    expect(api.binaryMediaTypes).toEqual(['image/png']);
    expect(api.stages).toEqual({ prod: { x: '1', arn: 'arn:aws:lambda:us-east-1:123456789012:function:my-fn' } });
  });

  it('takes parameter values instead of defaults', () => {
    const other = parseApiDefinition(TEMPLATE.replace('Names: { prod: { queue: prod-queue } }', 'Names: { prod: { queue: p }, dev: { queue: d } }'), { parameters: { Env: 'dev' } });
    expect(other.stages).toHaveProperty('dev');
    expect(other.methods[0]!.integration.requestTemplates!['application/json']).toContain('"prod": "no"');
  });

  it('asks which API to load when a template has several, and names them', () => {
    const two = TEMPLATE + '  Other:\n    Type: AWS::ApiGateway::RestApi\n    Properties: { Name: other }\n';
    expect(() => parseApiDefinition(two)).toThrow(/several APIs \(Api, Other\); choose one with the api option/);
    expect(parseApiDefinition(two, { api: 'Other' }).methods).toEqual([]);
    expect(() => parseApiDefinition(two, { api: 'Nope' })).toThrow(/no API named 'Nope'/);
  });

  it('reports a method whose ResourceId is not a resource, with its line', () => {
    const bad = TEMPLATE.replace('ResourceId: !Ref User', 'ResourceId: !Ref Fn');
    try {
      parseApiDefinition(bad);
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(DefinitionError);
      expect((e as DefinitionError).where).toBe('Resources.GetUser.Properties.ResourceId');
      expect((e as DefinitionError).line).toBe(28);
    }
  });
});

describe('SAM templates', () => {
  it('reads an AWS::Serverless::Api DefinitionBody (intrinsics inside), its stage and variables', () => {
    const sam = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn: { Type: AWS::Serverless::Function, Properties: { Handler: i.h, Runtime: nodejs20.x } }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      Variables: { color: blue }
      DefinitionBody:
        openapi: 3.0.1
        info: { title: sam, version: '1' }
        paths:
          /go:
            post:
              x-amazon-apigateway-integration:
                type: aws
                httpMethod: POST
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
                responses: { default: { statusCode: '200' } }
  Proxy:
    Type: AWS::Serverless::Function
    Properties:
      Handler: i.h
      Runtime: nodejs20.x
      Events:
        Any: { Type: Api, Properties: { RestApiId: !Ref Api, Path: '/{proxy+}', Method: any } }
`;
    const api = parseApiDefinition(sam);
    expect(api.stages).toEqual({ live: { color: 'blue' } });
    expect(api.methods.map((m) => `${m.httpMethod} ${m.resourcePath} ${m.integration.type}`)).toEqual(['POST /go AWS', 'ANY /{proxy+} AWS_PROXY']);
    expect(api.methods[0]!.integration.uri).toContain(':function:Fn/invocations');
  });

  it('function Api events without RestApiId form the implicit ServerlessRestApi (stage Prod)', () => {
    const api = parseApiDefinition(`
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { Events: { Get: { Type: Api, Properties: { Path: /hello, Method: get } } } }
`);
    expect(api.stages).toEqual({ Prod: {} });
    expect(api.methods[0]).toMatchObject({ httpMethod: 'GET', resourcePath: '/hello', integration: { type: 'AWS_PROXY' } });
  });
});
