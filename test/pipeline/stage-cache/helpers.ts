/** Requests and responses for the stage cache tests: a routed request state built by hand. */
import type { ParameterValue } from '../../../src/gateway/request.js';
import type { GatewayContext } from '../../../src/gateway/request.js';
import type { GatewayResponse } from '../../../src/integration/types.js';
import type { ApiDefinition, Integration, MethodDefinition, StageSettings } from '../../../src/model/index.js';
import { ExecutionLog } from '../../../src/pipeline/execution-log.js';
import { methodArn } from '../../../src/pipeline/method-arn.js';
import type { RoutedState } from '../../../src/pipeline/request-state.js';
import { ApiRuntime } from '../../../src/pipeline/runtime.js';
import { encodeUtf8 } from '../../../src/platform/utf8.js';

export const T0 = 1_700_000_000_000;

export interface RequestSpec {
  httpMethod?: string;
  path?: string;
  headers?: Record<string, ParameterValue>;
  query?: Record<string, ParameterValue>;
  pathParameters?: Record<string, string>;
  stage?: string;
  now?: number;
  context?: GatewayContext;
}

/** A method `GET /pets/{id}` (MOCK) with the given integration fields and method fields. */
export function method(integration: Partial<Integration> = {}, fields: Partial<MethodDefinition> = {}): MethodDefinition {
  return { httpMethod: 'GET', resourcePath: '/pets/{id}', integration: { type: 'MOCK', ...integration }, ...fields };
}

/** A stage `prod` with a cache cluster and the given settings on top. */
export function cachedStage(settings: StageSettings = {}): StageSettings {
  return { cacheClusterEnabled: true, ...settings };
}

/** One API (and its runtime, so its stage cache) that several requests can share. */
export class Fixture {
  readonly api: ApiDefinition;
  readonly runtime: ApiRuntime;

  constructor(
    readonly m: MethodDefinition,
    stage: StageSettings | undefined = cachedStage(),
  ) {
    this.api = { methods: [m], stageSettings: stage ? { prod: stage } : {} };
    this.runtime = new ApiRuntime(this.api);
  }

  state(spec: RequestSpec = {}): RoutedState {
    const stage = spec.stage ?? 'prod';
    const httpMethod = spec.httpMethod ?? this.m.httpMethod;
    const path = spec.path ?? '/pets/1';
    const now = spec.now ?? T0;
    return {
      api: this.api,
      runtime: this.runtime,
      options: {},
      now,
      request: { httpMethod, path, headers: spec.headers ?? {}, query: spec.query ?? {}, body: null, stage, stageVariables: {} },
      context: spec.context ?? {},
      log: new ExecutionLog(() => now),
      warnings: [],
      found: {},
      method: this.m,
      pathParameters: spec.pathParameters ?? { id: '1' },
      methodArn: methodArn({ region: 'us-east-1', accountId: '123456789012', apiId: 'a1b2c3d4e5', stage, httpMethod, path }),
    };
  }
}

/** An integration's method response. */
export function response(body: string, statusCode = 200, headers: Record<string, ParameterValue> = { 'Content-Type': 'application/json' }): GatewayResponse {
  return {
    statusCode,
    headers,
    body,
    rawBody: encodeUtf8(body),
    isBase64Encoded: false,
    json: () => JSON.parse(body),
    trace: { method: 'GET /pets/{id}', warnings: [] },
  };
}
