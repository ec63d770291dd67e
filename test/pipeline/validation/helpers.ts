import type { ApiDefinition, MethodDefinition } from '../../../src/model/index.js';
import { ExecutionLog } from '../../../src/pipeline/execution-log.js';
import type { ClientRequest, RoutedState } from '../../../src/pipeline/request-state.js';
import { ApiRuntime } from '../../../src/pipeline/runtime.js';
import type { PipelineOptions } from '../../../src/pipeline/options.js';

export const NOW = Date.UTC(2024, 0, 10, 12, 0, 0);

export function method(extra: Partial<MethodDefinition> = {}): MethodDefinition {
  return {
    httpMethod: 'POST',
    resourcePath: '/nested/{test}',
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: [{ statusCode: '200' }] },
    requestValidator: 'all',
    ...extra,
  };
}

export const VALIDATORS = {
  all: { validateRequestBody: true, validateRequestParameters: true },
  body: { validateRequestBody: true, validateRequestParameters: false },
  params: { validateRequestBody: false, validateRequestParameters: true },
  none: { validateRequestBody: false, validateRequestParameters: false },
};

export interface StateOptions {
  api?: Partial<ApiDefinition>;
  request?: Partial<ClientRequest>;
  pathParameters?: Record<string, string>;
  options?: PipelineOptions;
}

/** A request routed to `m`, on an API with the usual validators. */
export function routed(m: MethodDefinition, o: StateOptions = {}): RoutedState {
  const api: ApiDefinition = { methods: [m], requestValidators: VALIDATORS, ...o.api };
  return {
    api,
    runtime: new ApiRuntime(api),
    options: o.options ?? {},
    now: NOW,
    request: { httpMethod: m.httpMethod, path: '/nested/value', headers: {}, query: {}, body: null, stage: 'local', stageVariables: {}, ...o.request },
    context: { requestId: 'req-1' },
    log: new ExecutionLog(() => NOW),
    warnings: [],
    found: {},
    method: m,
    pathParameters: o.pathParameters ?? { test: 'value' },
    methodArn: 'arn:aws:execute-api:us-east-1:123456789012:abc/local/POST/nested/value',
  };
}

/** The log lines without their timestamps. */
export function logMessages(state: RoutedState): string[] {
  return state.log.lines.map((l) => l.replace(/^.*? : /, ''));
}
