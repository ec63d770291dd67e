import type { ApiDefinition, MethodDefinition } from '../../src/model/index.js';
import { ExecutionLog } from '../../src/pipeline/execution-log.js';
import type { ClientRequest, RequestState } from '../../src/pipeline/request-state.js';
import { ApiRuntime } from '../../src/pipeline/runtime.js';

export const mock = (httpMethod: string, resourcePath: string, extra: Partial<MethodDefinition> = {}): MethodDefinition => ({
  httpMethod,
  resourcePath,
  integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: [{ statusCode: '200' }] },
  ...extra,
});

/** A request state before routing, for the front-door and routing stages. */
export function requestState(api: ApiDefinition, request: Partial<ClientRequest> = {}, now = 1_700_000_000_000): RequestState {
  return {
    api,
    runtime: new ApiRuntime(api),
    options: {},
    now,
    request: { httpMethod: 'GET', path: '/', headers: {}, query: {}, body: null, stage: 'dev', stageVariables: {}, ...request },
    context: { requestId: 'req-1' },
    log: new ExecutionLog(() => now),
    warnings: [],
    found: {},
  };
}
