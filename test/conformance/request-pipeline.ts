/**
 * The `request-pipeline` corpus: the AWS-recorded request → response vectors of pipeline.md §12
 * (LocalStack snapshot tests validated against AWS), each rebuilt as an API definition and replayed
 * through `Api.invoke` — routing, API keys, validation, proxy integrations and gateway responses
 * together. The vectors are transcribed here from the spec; the stage runs only beside it
 * (../shared/spec/pipeline.md), like the other corpora.
 *
 * Bodies are compared parsed, as the snapshots store them, unless a vector says `exact`.
 */
import { Api, type ApiDefinition, type ApiRequest, type GatewayResponse, type LambdaHandler, type MethodDefinition } from '../../src/index.js';
import type { PipelineOptions } from '../../src/pipeline/options.js';
import type { CorpusResult } from './types.js';

interface Expectation {
  status: number;
  /** The body parsed as JSON must equal this. */
  json?: unknown;
  /** The body must be exactly this text. */
  exact?: string;
  /** Header (case-insensitive name) → expected value, or `true` for present, `false` for absent. */
  headers?: Record<string, string | boolean>;
  /** A check on what the Lambda function received. */
  received?: (event: unknown) => boolean;
}

interface Vector {
  id: string;
  api: ApiDefinition;
  request: ApiRequest;
  options?: PipelineOptions;
  expect: Expectation;
}

/** `echo-event` answers with the event it received as the body; `echo-body` returns the request body as its result. */
const lambdaUri = (name: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${name}/invocations`;

const proxy = (httpMethod = 'POST', name = 'echo-event'): MethodDefinition['integration'] => ({ type: 'AWS_PROXY', httpMethod, uri: lambdaUri(name) });
const mockOk = (): MethodDefinition['integration'] => ({
  type: 'MOCK',
  requestTemplates: { 'application/json': '{"statusCode": 200}' },
  integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"data": "ok"}' } }],
});

// ---------------------------------------------------------------- V1: required parameters, then the body

const TEST_SCHEMA = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] };

function v1Api(postPathParameter: 'issuer' | 'test', validate: boolean): ApiDefinition {
  const common = { requestValidator: 'all', requestModels: { 'application/json': TEST_SCHEMA }, requestModelNames: { 'application/json': 'testSchema' }, integration: proxy() };
  return {
    methods: [
      { httpMethod: 'POST', resourcePath: '/nested/{test}', requestParameters: { 'method.request.header.x-header-param': true, [`method.request.path.${postPathParameter}`]: true, 'method.request.querystring.qs1': true }, ...common },
      { httpMethod: 'GET', resourcePath: '/nested/{test}', requestParameters: { 'method.request.path.test': true, 'method.request.querystring.qs1': true, 'method.request.header.x-header-param': true }, ...common },
    ],
    stages: { local: {} },
    models: { testSchema: TEST_SCHEMA },
    requestValidators: { all: { validateRequestBody: validate, validateRequestParameters: validate } },
  };
}

const missing = (names: string) => ({ status: 400, json: { message: `Missing required request parameters: [${names}]` } });
const invalidBody = { status: 400, json: { message: 'Invalid request body' } };

const V1: Vector[] = [
  { id: 'V1 POST without header, path issuer, qs1', api: v1Api('issuer', true), request: { httpMethod: 'POST', path: '/nested/value', body: '{"test": "test"}', headers: { 'Content-Type': 'application/json' } }, expect: missing('x-header-param, issuer, qs1') },
  { id: 'V1 GET ?qs1 without the header', api: v1Api('issuer', true), request: { httpMethod: 'GET', path: '/nested/value', query: { qs1: 'test' } }, expect: missing('x-header-param') },
  { id: 'V1 GET with the header, no qs1', api: v1Api('issuer', true), request: { httpMethod: 'GET', path: '/nested/value', headers: { 'x-header-param': 'test' } }, expect: missing('qs1') },
  {
    id: 'V1 POST valid body with all parameters reaches the Lambda',
    api: v1Api('test', true),
    request: { httpMethod: 'POST', path: '/nested/value', body: '{"a": 1, "b": 2}', headers: { 'x-header-param': 'test', 'Content-Type': 'application/json' }, query: { qs1: 'test' } },
    expect: { status: 200, received: (e) => (e as { body?: string }).body === '{"a": 1, "b": 2}' },
  },
  { id: 'V1 POST schema-violating body', api: v1Api('test', true), request: { httpMethod: 'POST', path: '/nested/value', body: '{"test": "test"}', headers: { 'x-header-param': 'test', 'Content-Type': 'application/json' }, query: { qs1: 'test' } }, expect: invalidBody },
  { id: 'V1 GET without body or Content-Type uses the application/json model', api: v1Api('test', true), request: { httpMethod: 'GET', path: '/nested/value', headers: { 'x-header-param': 'test' }, query: { qs1: 'test' } }, expect: invalidBody },
  { id: 'V1 GET with Content-Type application/json and no body', api: v1Api('test', true), request: { httpMethod: 'GET', path: '/nested/value', headers: { 'x-header-param': 'test', 'Content-Type': 'application/json' }, query: { qs1: 'test' } }, expect: { status: 400 } },
  { id: 'V1 validator disabled: POST passes', api: v1Api('test', false), request: { httpMethod: 'POST', path: '/nested/value', body: '{"test": "test"}', headers: { 'Content-Type': 'application/json' } }, expect: { status: 200 } },
  { id: 'V1 validator disabled: bare GET passes', api: v1Api('test', false), request: { httpMethod: 'GET', path: '/nested/value' }, expect: { status: 200 } },
];

// ---------------------------------------------------------------- V2, V3: $ref models

const modelUrl = (name: string) => `https://apigateway.amazonaws.com/restapis/a1b2c3d4e5/models/${name}`;

function modelApi(model: string, models: Record<string, Record<string, unknown>>): ApiDefinition {
  return {
    methods: [{ httpMethod: 'POST', resourcePath: '/path', requestValidator: 'body', requestModels: { 'application/json': models[model]! }, requestModelNames: { 'application/json': model }, integration: mockOk() }],
    stages: { local: {} },
    models,
    requestValidators: { body: { validateRequestBody: true, validateRequestParameters: false } },
  };
}

const V2_MODELS = { testSchema: TEST_SCHEMA, testSchemaList: { type: 'array', items: { $ref: modelUrl('testSchema') } } };
const V3_MODELS = {
  StatusModel: { type: 'object', properties: { Status: { type: 'string' }, Order: { type: 'integer' } }, required: ['Status', 'Order'] },
  TestModel: { type: 'object', required: ['status'], properties: { status: { oneOf: [{ type: 'null' }, { $ref: modelUrl('StatusModel') }] } } },
};
const post = (body: string | null): ApiRequest => ({ httpMethod: 'POST', path: '/path', body, headers: { 'Content-Type': 'application/json' } });

const V2_V3: Vector[] = [
  { id: 'V2 array of $ref items', api: modelApi('testSchemaList', V2_MODELS), request: post('[{"a": 1, "b": 2}]'), expect: { status: 200, json: { data: 'ok' } } },
  { id: 'V2 no body', api: modelApi('testSchemaList', V2_MODELS), request: post(null), expect: invalidBody },
  { id: 'V3 status null', api: modelApi('TestModel', V3_MODELS), request: post('{"status": null}'), expect: { status: 200, json: { data: 'ok' } } },
  { id: 'V3 status object', api: modelApi('TestModel', V3_MODELS), request: post('{"status": {"Status": "works", "Order": 1}}'), expect: { status: 200, json: { data: 'ok' } } },
  { id: 'V3 no body', api: modelApi('TestModel', V3_MODELS), request: post(null), expect: invalidBody },
  { id: 'V3 wrong shape', api: modelApi('TestModel', V3_MODELS), request: post('{"badFormat": "bla"}'), expect: invalidBody },
];

// ---------------------------------------------------------------- V4: routing

const V4_API: ApiDefinition = { methods: [{ httpMethod: 'GET', resourcePath: '/existing', integration: mockOk() }], stages: { dev: {} } };
const notFound: Expectation = { status: 403, json: { message: 'Missing Authentication Token' }, headers: { 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' } };
const V4: Vector[] = [
  { id: 'V4 unknown path', api: V4_API, request: { httpMethod: 'GET', path: '/random-non-existing' }, expect: notFound },
  { id: 'V4 undefined method', api: V4_API, request: { httpMethod: 'POST', path: '/existing' }, expect: notFound },
];

// ---------------------------------------------------------------- V5: API key required

const KEY = 'abcdefghij0123456789key';
function v5Api(enabled: boolean): ApiDefinition {
  return {
    methods: [{ httpMethod: 'GET', resourcePath: '/test', apiKeyRequired: true, integration: mockOk() }],
    stages: { dev: {} },
    apiKeys: [{ id: 'key1', value: KEY, enabled }],
    usagePlans: [{ id: 'plan1', apiStages: [{ stage: 'dev' }], quota: { limit: 10, offset: 0, period: 'DAY' }, throttle: { rateLimit: 2, burstLimit: 1 }, apiKeyIds: ['key1'] }],
  };
}
const V5: Vector[] = [
  { id: 'V5 no key', api: v5Api(true), request: { httpMethod: 'GET', path: '/test' }, expect: { status: 403 } },
  { id: 'V5 key in a usage plan of the stage', api: v5Api(true), request: { httpMethod: 'GET', path: '/test', headers: { 'x-api-key': KEY } }, expect: { status: 200 } },
  { id: 'V5 disabled key', api: v5Api(false), request: { httpMethod: 'GET', path: '/test', headers: { 'x-api-key': KEY } }, expect: { status: 403 } },
];

// ---------------------------------------------------------------- V7, V8: Lambda proxy

const V7: Vector = {
  id: 'V7 AWS_PROXY with integration method GET fails the invoke',
  api: {
    methods: [{ httpMethod: 'ANY', resourcePath: '/{proxy+}', integration: proxy('GET') }],
    stages: { test: {} },
    gatewayResponses: { INTEGRATION_FAILURE: { responseParameters: {} } },
  },
  request: { httpMethod: 'GET', path: '/test-path' },
  expect: { status: 500, json: { message: 'Internal server error' } },
};

const echoApi: ApiDefinition = { methods: [{ httpMethod: 'POST', resourcePath: '/echo', integration: proxy('POST', 'echo-body') }], stages: { test: {} } };
const returning = (result: string | null): ApiRequest => ({ httpMethod: 'POST', path: '/echo', body: result, headers: { 'Content-Type': 'application/json' } });
const badGateway: Expectation = { status: 502, json: { message: 'Internal server error' } };
const V8: Vector[] = [
  { id: 'V8 statusCode only', api: echoApi, request: returning('{"statusCode":200}'), expect: { status: 200, exact: '' } },
  { id: 'V8 headers stringified', api: echoApi, request: returning('{"statusCode":200,"headers":{"test-header":"value","header-bool":true}}'), expect: { status: 200, headers: { 'test-header': 'value', 'header-bool': 'true' } } },
  { id: 'V8 null headers', api: echoApi, request: returning('{"statusCode":200,"headers":null}'), expect: { status: 200 } },
  { id: 'V8 unknown key', api: echoApi, request: returning('{"statusCode":200,"wrongValue":"value"}'), expect: badGateway },
  // The recorded test sends no body for its `{}` case (Python requests drops an empty json=): the function
  // fails reading it, and that is the 502 (a function returning `{}` gets 200, test_lambda_aws_proxy_response_format).
  { id: 'V8 "empty response": the function fails on a missing body', api: echoApi, request: returning(null), expect: badGateway },
  { id: 'V8 non-numeric statusCode', api: echoApi, request: returning('{"statusCode":"test"}'), expect: badGateway },
  { id: 'V8 bare string', api: echoApi, request: returning('"justAString"'), expect: badGateway },
  { id: 'V8 string statusCode', api: echoApi, request: returning('{"statusCode":"201"}'), expect: { status: 201 } },
  { id: 'V8 multiValueHeaders', api: echoApi, request: returning('{"statusCode":200,"multiValueHeaders":{"test-multi":["value1","value2"]}}'), expect: { status: 200, headers: { 'test-multi': 'value1, value2' } } },
  {
    id: 'V8 multi and single value of one header',
    api: echoApi,
    request: returning('{"statusCode":200,"headers":{"test-mixed":"value-solo"},"multiValueHeaders":{"test-mixed":["value-multi"]}}'),
    expect: { status: 200, headers: { 'test-mixed': 'value-multi, value-solo' } },
  },
  { id: 'V8 multiValueHeaders value not a list', api: echoApi, request: returning('{"statusCode":200,"multiValueHeaders":{"test-multi":"value1"}}'), expect: badGateway },
  { id: 'V8 headers without statusCode', api: echoApi, request: returning('{"headers":{"test-header":"value"}}'), expect: { status: 200 } },
  { id: 'V8 base64 body flagged', api: echoApi, request: returning('{"statusCode":200,"body":"dGVzdC1kYXRh","isBase64Encoded":true}'), expect: { status: 200, exact: 'dGVzdC1kYXRh' } },
  { id: 'V8 base64 body unflagged', api: echoApi, request: returning('{"statusCode":200,"body":"dGVzdC1kYXRh"}'), expect: { status: 200, exact: 'dGVzdC1kYXRh' } },
];

// ---------------------------------------------------------------- V9: a stage variable the URI needs is missing

const V9: Vector = {
  id: 'V9 missing stage variable in an HTTP integration URI',
  api: { methods: [{ httpMethod: 'GET', resourcePath: '/test', integration: { type: 'HTTP', httpMethod: 'GET', uri: 'https://${stageVariables.TestHost}/test', integrationResponses: [{ statusCode: '200' }] } }], stages: { dev: {} } },
  request: { httpMethod: 'GET', path: '/test' },
  options: { backend: { http: () => ({ statusCode: 200, body: 'should not be called' }) } },
  expect: { status: 500, json: { message: 'Internal server error' }, headers: { 'x-amzn-ErrorType': 'InternalServerErrorException' } },
};

// ---------------------------------------------------------------- V10: headers on success

const V10: Vector[] = [
  { id: 'V10 MOCK: request ids, no trace id', api: V4_API, request: { httpMethod: 'GET', path: '/existing' }, expect: { status: 200, headers: { 'content-type': 'application/json', 'x-amz-apigw-id': true, 'x-amzn-requestid': true, 'x-amzn-trace-id': false } } },
  { id: 'V10 AWS_PROXY: a trace id', api: echoApi, request: returning('{"statusCode":200}'), expect: { status: 200, headers: { 'x-amzn-trace-id': true, 'x-amzn-requestid': true } } },
  {
    id: 'V10 AWS_PROXY: a client trace header comes back whole',
    api: echoApi,
    request: { ...returning('{"statusCode":200}'), headers: { 'Content-Type': 'application/json', 'X-Amzn-Trace-Id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=7fa8c0f79203be72;Sampled=1' } },
    expect: { status: 200, headers: { 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=7fa8c0f79203be72;Sampled=1' } },
  },
];

export const REQUEST_PIPELINE_VECTORS: readonly Vector[] = [...V1, ...V2_V3, ...V4, ...V5, V7, ...V8, V9, ...V10];

function header(response: GatewayResponse, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(response.headers)) if (k.toLowerCase() === lower) return Array.isArray(v) ? v.join(', ') : v;
  return undefined;
}

function mismatch(response: GatewayResponse, expect: Expectation, event: unknown): string | undefined {
  if (response.statusCode !== expect.status) return `status ${response.statusCode}`;
  if (expect.exact !== undefined && response.body !== expect.exact) return `body ${JSON.stringify(response.body)}`;
  if (expect.json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      return `body is not JSON: ${response.body}`;
    }
    if (JSON.stringify(parsed) !== JSON.stringify(expect.json)) return `body ${response.body}`;
  }
  for (const [name, want] of Object.entries(expect.headers ?? {})) {
    const got = header(response, name);
    if (want === true ? got === undefined : want === false ? got !== undefined : got !== want) return `header ${name}: ${got ?? '(absent)'}`;
  }
  if (expect.received && !expect.received(event)) return `the Lambda received ${JSON.stringify(event)}`;
  return undefined;
}

const echoEvent: LambdaHandler = (event) => ({ statusCode: 200, body: JSON.stringify(event) });
const echoBody: LambdaHandler = (event) => JSON.parse((event as { body: string }).body) as unknown;

export async function runRequestPipeline(): Promise<CorpusResult> {
  const result: CorpusResult = { corpus: 'request-pipeline', passed: 0, failed: 0, failures: [] };
  for (const v of REQUEST_PIPELINE_VECTORS) {
    let received: unknown;
    const recording = (handler: LambdaHandler): LambdaHandler => (event, context) => {
      received = event;
      return handler(event, context);
    };
    let problem: string | undefined;
    let actual: unknown;
    try {
      const api = new Api(v.api, { backend: { lambda: { 'echo-event': recording(echoEvent), 'echo-body': recording(echoBody) } }, ...v.options });
      const response = await api.invoke(v.request);
      actual = { status: response.statusCode, headers: response.headers, body: response.body, error: response.trace.error?.message };
      problem = mismatch(response, v.expect, received);
    } catch (e) {
      problem = `threw ${(e as Error).message}`;
    }
    if (problem === undefined) result.passed++;
    else {
      result.failed++;
      result.failures.push({ id: v.id, expected: v.expect, actual: { problem, ...(actual as object) } });
    }
  }
  return result;
}
