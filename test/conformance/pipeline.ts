/**
 * The `integration-vectors` corpus: the AWS-recorded flows of integration-vectors.json that involve more
 * than one template or the integration itself (MOCK status codes, Lambda and HTTP backends, response
 * selection, overrides), replayed through the whole pipeline (`invokeMethod`).
 *
 * Each vector's `notes` say how AWS was set up; the harness below rebuilds that setup per vector family
 * (which integration type, what the backend did) — the only knowledge the runner adds.
 */
import { invokeMethod, LambdaFunctionError, type GatewayResponse, type InvokeOptions, type MethodDefinition, type MethodRequest } from '../../src/index.js';
import type { IntegrationResponse } from '../../src/model/index.js';
import { jsonMatches, parseOrUndefined } from './compare.js';
import type { CorpusResult } from './types.js';

interface Vector {
  id: string;
  awsRecorded: boolean;
  match: string;
  template: { request?: string | null; response?: string | null };
  input: {
    body?: string | null;
    headers?: Record<string, string>;
    query?: Record<string, string>;
    path?: Record<string, string>;
    stageVariables?: Record<string, string>;
    context?: Record<string, unknown>;
    integrationResponses?: IntegrationResponse[] | string;
    integrationResult?: string;
    integrationResponseBody?: string;
    integrationStatus?: number;
  };
  expected: Record<string, unknown>;
}

interface Harness {
  method: MethodDefinition;
  request: MethodRequest;
  options: InvokeOptions;
  /** The event the Lambda function received, once invoked. */
  lambdaEvent?: { value?: unknown };
}

const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:vector/invocations';
const SERVICE_URI = 'arn:aws:apigateway:us-east-1:service:path/vector';
const HTTP_URI = 'https://backend.example/vector';

const PIPELINE_INPUTS = ['integrationResponses', 'integrationResult', 'integrationResponseBody', 'integrationStatus'];
const SINGLE_RENDER_MATCHES = ['exact', 'json', 'json-shape', 'lines', 'semantic'];

/** The vectors the single-render corpus does not take: two templates, or the integration involved. */
export function isPipelineVector(v: Vector): boolean {
  if (!v.awsRecorded || v.match === 'informational') return false;
  const templates = Object.keys(v.template ?? {});
  const single = templates.length === 1 && !PIPELINE_INPUTS.some((k) => k in v.input) && SINGLE_RENDER_MATCHES.includes(v.match);
  return !single;
}

function templates(source: string | null | undefined, mediaType = 'application/json'): Record<string, string> {
  return source ? { [mediaType]: source } : {};
}

function request(v: Vector): MethodRequest {
  const { httpMethod, stage, resourcePath: _resourcePath, integrationType: _type, ...context } = v.input.context ?? {};
  const method = typeof httpMethod === 'string' ? httpMethod.split('|')[0]! : v.input.body ? 'POST' : 'GET';
  const path = v.input.path ?? {};
  return {
    httpMethod: method,
    path: '/' + Object.values(path).map(encodeURIComponent).join('/'),
    pathParameters: path,
    headers: v.input.headers,
    query: v.input.query,
    body: v.input.body ?? null,
    stage: typeof stage === 'string' ? stage : undefined,
    stageVariables: v.input.stageVariables,
    context: context as MethodRequest['context'],
  };
}

function method(v: Vector, integration: MethodDefinition['integration']): MethodDefinition {
  const resourcePath = typeof v.input.context?.['resourcePath'] === 'string' ? (v.input.context['resourcePath'] as string) : '/' + Object.keys(v.input.path ?? {}).map((k) => `{${k}}`).join('/');
  return { httpMethod: request(v).httpMethod, resourcePath, integration };
}

function defaultResponse(v: Vector): IntegrationResponse[] {
  return [{ statusCode: '200', responseTemplates: templates(v.template.response) }];
}

/** LS-SEL-*: one Lambda function, its integration responses given on LS-SEL-01. */
let selectionResponses: IntegrationResponse[] | undefined;

function harness(v: Vector, all: Vector[]): Harness | undefined {
  const id = v.id;
  const family = id.replace(/-\d+$/, '');
  const mock = (): Harness => ({ method: method(v, { type: 'MOCK', requestTemplates: templates(v.template.request), integrationResponses: defaultResponse(v) }), request: request(v), options: {} });
  const lambda = (handler: (event: unknown) => unknown, responses = defaultResponse(v), requestTemplates = templates(v.template.request)): Harness => {
    const lambdaEvent: { value?: unknown } = {};
    return {
      method: method(v, { type: 'AWS', httpMethod: 'POST', uri: LAMBDA_URI, requestTemplates, integrationResponses: responses }),
      request: request(v),
      options: {
        backend: {
          lambda: (event) => {
            lambdaEvent.value = event;
            return handler(event);
          },
        },
      },
      lambdaEvent,
    };
  };
  const service = (uri: string, type: 'AWS' | 'HTTP', statusCode: number, respond: (body: string) => string, responses = defaultResponse(v)): Harness => ({
    method: method(v, { type, httpMethod: 'POST', uri, requestTemplates: templates(v.template.request), integrationResponses: responses }),
    request: request(v),
    options: { backend: (r) => ({ statusCode, headers: { 'Content-Type': 'application/json' }, body: respond(typeof r.body === 'string' ? r.body : '') }) },
  });
  switch (family) {
    case 'LS-BODY':
      // HTTP integration to a function URL that answers with the body it received.
      return service(HTTP_URI, 'HTTP', 200, (body) => body);
    case 'LS-OVR':
    case 'LS-MOCK':
    case 'LS-CANARY':
    case 'LS-TI':
      return mock();
    case 'GH':
      return v.input.context?.['integrationType'] === 'MOCK' ? mock() : undefined;
    case 'LS-STAGEVAR':
      return lambda((event) => event);
    case 'LS-LAMBDA':
      return lambda(() => JSON.parse(v.input.integrationResponseBody!));
    case 'LS-SQS':
    case 'LS-DDB':
    case 'LS-EVB':
      return service(SERVICE_URI, 'AWS', 200, () => v.input.integrationResponseBody ?? '');
    case 'LS-HTTPSEL':
      return service(HTTP_URI, 'HTTP', v.input.integrationStatus!, () => '', v.input.integrationResponses as IntegrationResponse[]);
    case 'LS-SEL': {
      selectionResponses ??= all.find((x) => x.id === 'LS-SEL-01')?.input.integrationResponses as IntegrationResponse[];
      const failed = /raised Exception/.test(v.input.integrationResult ?? '');
      // The recorded error body is the Python function's error payload, passed through unmapped.
      return lambda(() => {
        if (failed) throw new LambdaFunctionError(v.expected['body_json'] as Record<string, unknown>);
        return 'Pass';
      }, selectionResponses);
    }
    case 'TQ': {
      // 2015 generator: the request template keyed by the request's Content-Type, a Node.js function doing
      // context.succeed(JSON.stringify(event)), and the response template $input.path('$').
      const contentType = v.input.headers?.['Content-Type'] ?? 'application/json';
      return lambda((event) => JSON.stringify(event), [{ statusCode: '200', responseTemplates: templates(v.template.response) }], templates(v.template.request, contentType));
    }
  }
  return undefined;
}

function headerOf(headers: Record<string, string | string[]>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value.join(',') : value;
}

function integrationBody(response: GatewayResponse): unknown {
  const body = response.trace.integrationRequest?.body;
  return typeof body === 'string' ? parseOrUndefined(body) : undefined;
}

/** Why the response does not match the vector, or undefined when it does. */
function mismatch(v: Vector, h: Harness, response: GatewayResponse): string | undefined {
  const e = v.expected;
  if (typeof e['status'] === 'number' && response.statusCode !== e['status']) return `status ${response.statusCode}, expected ${e['status']}`;
  for (const [name, value] of Object.entries((e['headers'] ?? {}) as Record<string, string>)) {
    if (headerOf(response.headers, name) !== value) return `header ${name}: ${headerOf(response.headers, name)}, expected ${value}`;
  }
  // Recorded as what the Lambda function received (an empty rendered body reaches it as {}).
  if ('rendered_request_json_equal' in e && !jsonMatches(h.lambdaEvent?.value, parseOrUndefined(e['rendered_request_json_equal'] as string))) {
    return 'the Lambda event differs';
  }
  if (v.match === 'semantic') {
    const claims = (e['semantic'] ?? {}) as Record<string, unknown>;
    const rendered = integrationBody(response) as Record<string, unknown> | undefined;
    if (!jsonMatches(rendered?.['Entries'], claims['renderedRequest.Entries'])) return 'renderedRequest.Entries differ';
    for (const [name, value] of Object.entries((claims['requestOverride.header'] ?? {}) as Record<string, string>)) {
      if (headerOf(response.trace.integrationRequest?.headers ?? {}, name) !== value) return `integration request header ${name} differs`;
    }
  }
  switch (v.match) {
    case 'exact':
      return response.body === e['body'] ? undefined : 'body differs';
    case 'status-only':
      return undefined;
    default: {
      const expected = 'body_json' in e ? e['body_json'] : parseOrUndefined(String(e['body']));
      return jsonMatches(parseOrUndefined(response.body), expected, true) ? undefined : 'body differs (as JSON)';
    }
  }
}

export async function runPipeline(vectors: Vector[]): Promise<CorpusResult> {
  const result: CorpusResult = { corpus: 'integration-vectors', passed: 0, failed: 0, failures: [] };
  for (const v of vectors.filter(isPipelineVector)) {
    const h = harness(v, vectors);
    let why: string | undefined;
    let response: GatewayResponse | undefined;
    if (!h) why = 'no harness for this vector family';
    else {
      try {
        response = await invokeMethod(h.method, h.request, h.options);
        why = mismatch(v, h, response);
      } catch (err) {
        why = `threw ${(err as Error).name}: ${(err as Error).message}`;
      }
    }
    if (why === undefined) result.passed++;
    else {
      result.failed++;
      result.failures.push({
        id: v.id,
        expected: v.expected,
        actual: { why, status: response?.statusCode, headers: response?.headers, body: response?.body, error: response?.trace.error?.message },
      });
    }
  }
  return result;
}
