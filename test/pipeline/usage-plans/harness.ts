/** Builds RoutedState objects for the usage-plan stage and sends requests through it with an injected clock. */
import type { GatewayContext, ParameterValue } from '../../../src/gateway/request.js';
import type { ApiDefinition, MethodDefinition } from '../../../src/model/index.js';
import { ExecutionLog } from '../../../src/pipeline/execution-log.js';
import type { GatewayError } from '../../../src/pipeline/gateway-responses/gateway-error.js';
import type { FoundByStages, RoutedState } from '../../../src/pipeline/request-state.js';
import { ApiRuntime } from '../../../src/pipeline/runtime.js';
import { checkUsagePlan } from '../../../src/pipeline/usage-plans/index.js';

/** 1 March 2024 00:00:00 UTC, a Friday. */
export const T0 = Date.UTC(2024, 2, 1);

export function mockMethod(httpMethod: string, resourcePath: string, fields: Partial<MethodDefinition> = {}): MethodDefinition {
  return { httpMethod, resourcePath, integration: { type: 'MOCK' }, ...fields };
}

export interface Send {
  method?: MethodDefinition;
  key?: string;
  headers?: Record<string, ParameterValue>;
  stage?: string;
  /** The request time (ms); default the harness clock. */
  at?: number;
  found?: FoundByStages;
  context?: GatewayContext;
}

export interface Sent {
  error: GatewayError | undefined;
  state: RoutedState;
  /** The execution-log messages without their timestamps. */
  log: string[];
}

export class Harness {
  readonly runtime: ApiRuntime;
  now = T0;

  constructor(readonly definition: ApiDefinition) {
    this.runtime = new ApiRuntime(definition);
  }

  send(options: Send = {}): Sent {
    const method = options.method ?? this.definition.methods[0]!;
    const at = options.at ?? this.now;
    const headers = options.headers ?? (options.key === undefined ? {} : { 'x-api-key': options.key });
    const stage = options.stage ?? 'dev';
    const log = new ExecutionLog(() => at);
    const state: RoutedState = {
      api: this.definition,
      runtime: this.runtime,
      options: {},
      now: at,
      request: { httpMethod: method.httpMethod, path: method.resourcePath, headers, query: {}, body: null, stage, stageVariables: {} },
      context: options.context ?? { apiId: 'a1b2c3d4e5', resourceId: 'abc123', requestId: 'req-1', stage },
      log,
      warnings: [],
      found: options.found ?? {},
      method,
      pathParameters: {},
      methodArn: `arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/${stage}/${method.httpMethod}${method.resourcePath}`,
    };
    const error = checkUsagePlan(state);
    return { error, state, log: log.lines.map((line) => line.slice(line.indexOf(' : ') + 3)) };
  }

  /** Sends `count` requests at the same instant and returns how many passed. */
  burst(count: number, options: Send = {}): number {
    let passed = 0;
    for (let i = 0; i < count; i++) if (!this.send(options).error) passed++;
    return passed;
  }
}

export const KEY_A = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAkeyAAA';
export const KEY_B = 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBkeyBBB';
