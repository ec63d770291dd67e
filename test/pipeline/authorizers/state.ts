/** Building a RoutedState for the authorization stages, as routing would hand it on. */
import type { GatewayContext, ParameterValue } from '../../../src/gateway/request.js';
import type { LambdaHandler } from '../../../src/integration/types.js';
import type { ApiDefinition, AuthorizerDefinition, MethodDefinition } from '../../../src/model/index.js';
import { ExecutionLog } from '../../../src/pipeline/execution-log.js';
import { methodArn } from '../../../src/pipeline/method-arn.js';
import type { PipelineOptions } from '../../../src/pipeline/options.js';
import type { RoutedState } from '../../../src/pipeline/request-state.js';
import { ApiRuntime } from '../../../src/pipeline/runtime.js';

export const ACCOUNT = '123456789012';
export const API_ID = 'a1b2c3d4e5';
export const REGION = 'us-east-1';
export const NOW = Date.UTC(2021, 2, 5, 12, 0, 0);

export const AUTH_URI = (fn: string) => `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:${fn}/invocations`;

export function tokenAuthorizer(fields: Partial<AuthorizerDefinition> = {}): AuthorizerDefinition {
  return { name: 'tokenAuth', type: 'TOKEN', authorizerUri: AUTH_URI('auth-fn'), identitySource: 'method.request.header.Authorization', ...fields };
}

export function method(fields: Partial<MethodDefinition> = {}): MethodDefinition {
  return { httpMethod: 'GET', resourcePath: '/pets/{id}', integration: { type: 'MOCK' }, authorizationType: 'CUSTOM', authorizer: 'tokenAuth', ...fields } as MethodDefinition;
}

export function api(fields: Partial<ApiDefinition> = {}, methods: MethodDefinition[] = [method()]): ApiDefinition {
  return { methods, authorizers: { tokenAuth: tokenAuthorizer() }, ...fields };
}

export interface StateFields {
  runtime?: ApiRuntime;
  api?: ApiDefinition;
  method?: MethodDefinition;
  httpMethod?: string;
  path?: string;
  pathParameters?: Record<string, string>;
  headers?: Record<string, ParameterValue>;
  query?: Record<string, ParameterValue>;
  stage?: string;
  stageVariables?: Record<string, string>;
  now?: number;
  options?: PipelineOptions;
  context?: GatewayContext;
  /** Shorthand for options.backend = { lambda: handlers }. */
  handlers?: Record<string, LambdaHandler>;
}

export function routedState(f: StateFields = {}): RoutedState {
  const definition = f.api ?? f.runtime?.definition ?? api();
  const runtime = f.runtime ?? new ApiRuntime(definition);
  const m = f.method ?? definition.methods[0]!;
  const stage = f.stage ?? 'prod';
  const httpMethod = f.httpMethod ?? m.httpMethod;
  const path = f.path ?? '/pets/42';
  const now = f.now ?? NOW;
  const options: PipelineOptions = { ...(f.handlers ? { backend: { lambda: f.handlers } } : {}), ...f.options };
  return {
    api: definition,
    runtime,
    options,
    now,
    request: { httpMethod, path, headers: f.headers ?? {}, query: f.query ?? {}, body: null, stage, stageVariables: f.stageVariables ?? {} },
    context: {
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      accountId: ACCOUNT,
      apiId: API_ID,
      stage,
      resourceId: 'abc123',
      resourcePath: m.resourcePath,
      httpMethod,
      path: `/${stage}${path}`,
      identity: { sourceIp: '203.0.113.7', userAgent: 'curl/8.0' },
      ...f.context,
    },
    log: new ExecutionLog(() => now),
    warnings: [],
    found: {},
    method: m,
    pathParameters: f.pathParameters ?? { id: '42' },
    methodArn: methodArn({ region: REGION, accountId: ACCOUNT, apiId: API_ID, stage, httpMethod, path }),
  };
}

/** The execution-log messages without their timestamps. */
export function messages(state: RoutedState): string[] {
  return state.log.lines.map((l) => l.replace(/^.*? UTC \d{4} : /, ''));
}

/** An Allow (or Deny) policy answer. */
export function policyAnswer(effect: 'Allow' | 'Deny', resource: string | string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { principalId: 'user-1234567', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] }, ...extra };
}

/** A handler that records its calls and answers with `answer(event)`. */
export function recording(answer: (event: any) => unknown): LambdaHandler & { calls: any[] } {
  const calls: any[] = [];
  const handler: LambdaHandler = (event: unknown) => {
    calls.push(event);
    return answer(event);
  };
  return Object.assign(handler, { calls });
}
