/**
 * One REST request through API Gateway, stage by stage in the order AWS runs them (pipeline.md §1):
 *
 *   front-door limits → stage and route → resource policy (explicit deny) → authorizer → resource policy
 *   (final) → API key, throttle, quota → method request validation → stage cache → integration
 *
 * Any stage may answer instead of going on; its answer becomes the gateway response of its type (the
 * API's customisation, or API Gateway's built-in one). Every response carries the trace: the choices
 * made, the execution log in API Gateway's wording, and for a gateway response what failed where.
 */
import { clockValue, DEFAULT_REQUEST_ID, extendedRequestIdFor, formatRequestTime, generatedId, buildContext } from '../gateway/context.js';
import { userAgentOf } from '../gateway/parameters.js';
import type { GatewayContext, ParameterValue } from '../gateway/request.js';
import { checkContextOptions } from '../gateway/validate-input.js';
import { normalizeRequest } from '../integration/method-request.js';
import type { GatewayResponse, InvocationTrace, MethodRequest } from '../integration/types.js';
import { Meter } from '../java/meter.js';
import type { JavaMap } from '../java/values.js';
import { encodeUtf8 } from '../platform/utf8.js';
import { checkLimits as checkRenderLimits, DEFAULT_LIMITS } from '../vtl/runtime/limits.js';
import { authorize } from './authorizers/index.js';
import { checkResourcePolicy } from './authorizers/resource-policy.js';
import { canaryContextFields, chooseDeployment, overlayStageVariables } from './canary.js';
import { ExecutionLog } from './execution-log.js';
import { gatewayError, type GatewayError } from './gateway-responses/gateway-error.js';
import { INTERNAL_SERVER_ERROR_BODY } from '../integration/failure.js';
import { InvalidInputError } from '../vtl/errors.js';
import { gatewayResponseParts } from './gateway-responses/respond.js';
import { runIntegration } from './integration.js';
import { checkLimits, checkMethodArn } from './limits.js';
import type { PipelineOptions } from './options.js';
import { logCompletion, logIntegration, logMethodRequest } from './request-log.js';
import type { ClientRequest, RequestState, RoutedState, StageResult } from './request-state.js';
import { routeRequest } from './routing.js';
import type { ApiRuntime } from './runtime.js';
import { lookupStageCache } from './stage-cache/index.js';
import { checkUsagePlan } from './usage-plans/index.js';
import { validateRequest } from './validation/index.js';

export type { PipelineOptions } from './options.js';

/** A client request to an API: a method request whose path parameters come from routing. */
export type ApiRequest = Omit<MethodRequest, 'pathParameters'>;

function requestState(runtime: ApiRuntime, request: ApiRequest, stage: string, options: PipelineOptions): RequestState {
  checkContextOptions(options, 'options');
  checkRenderLimits(options.limits, 'options.limits');
  const normalized = normalizeRequest({ ...request, stage, pathParameters: undefined });
  const api = runtime.definition;
  const now = clockValue(options);
  const given: GatewayContext = request.context ?? {};
  const requestId = typeof given.requestId === 'string' ? given.requestId : options.requestId ? generatedId(options.requestId) : DEFAULT_REQUEST_ID;
  let stageVariables: Record<string, string> = { ...stageVariablesOf(runtime, stage), ...normalized.stageVariables };
  const warnings: string[] = [];
  const context: GatewayContext = {
    ...given,
    requestId,
    extendedRequestId: typeof given.extendedRequestId === 'string' ? given.extendedRequestId : extendedRequestIdFor(requestId),
    requestTime: typeof given.requestTime === 'string' ? given.requestTime : formatRequestTime(now),
    requestTimeEpoch: now,
    stage,
  };
  const settings = api.stageSettings && Object.hasOwn(api.stageSettings, stage) ? api.stageSettings[stage] : undefined;
  if (settings?.canary) {
    const deployment = chooseDeployment(stage, settings, options.random ?? Math.random);
    stageVariables = overlayStageVariables(stageVariables, deployment);
    Object.assign(context, canaryContextFields(settings, deployment));
    warnings.push(...deployment.warnings);
  }
  const client: ClientRequest = {
    httpMethod: normalized.httpMethod,
    path: normalized.path,
    headers: normalized.headers,
    query: normalized.query,
    body: normalized.body,
    stage,
    stageVariables,
  };
  return { api, runtime, options, now, request: client, context, log: new ExecutionLog(() => now), warnings, found: {} };
}

function stageVariablesOf(runtime: ApiRuntime, stage: string): Record<string, string> {
  const stages = runtime.definition.stages ?? {};
  return Object.hasOwn(stages, stage) ? { ...stages[stage] } : {};
}

/** The headers API Gateway adds to every response it sends (pipeline.md §10, V10). */
function withRequestIds(state: RequestState, headers: Record<string, ParameterValue>): Record<string, ParameterValue> {
  return { ...headers, 'x-amzn-RequestId': String(state.context.requestId), 'x-amz-apigw-id': String(state.context.extendedRequestId) };
}

function traceOf(state: RequestState, base: InvocationTrace | undefined, method: string): InvocationTrace {
  const trace: InvocationTrace = base ? { ...base, warnings: [...state.warnings, ...base.warnings] } : { method, warnings: [...state.warnings] };
  trace.log = state.log.lines;
  return trace;
}

/** The client's answer for a gateway error, customised as the API says. */
function errorResponse(state: RequestState | RoutedState, error: GatewayError, base?: InvocationTrace): GatewayResponse {
  const routed = 'method' in state ? state : undefined;
  const meter = new Meter({ ...DEFAULT_LIMITS, ...state.options.limits });
  let contextMap: JavaMap | undefined;
  const parts = gatewayResponseParts({
    api: state.api,
    error,
    headers: state.request.headers,
    query: state.request.query,
    pathParameters: routed?.pathParameters ?? {},
    stageVariables: state.request.stageVariables,
    context: state.context,
    contextMap: () => (contextMap ??= buildContext(state.context, userAgentOf(state.request.headers), routed?.pathParameters ?? {}, {}, meter).context),
    limits: state.options.limits,
    meter,
  });
  state.warnings.push(...parts.warnings);
  logCompletion(state.log, parts.statusCode, error);
  const method = routed ? `${routed.method.httpMethod} ${routed.method.resourcePath}` : `${state.request.httpMethod} ${state.request.path}`;
  const trace = traceOf(state, base, method);
  trace.error = { phase: error.stage, responseType: error.frontDoor ? undefined : error.type, message: error.diagnostic, line: error.line, column: error.column, cause: error.cause };
  trace.gatewayResponse = parts.source;
  const body = parts.body;
  return {
    statusCode: parts.statusCode,
    headers: error.frontDoor ? parts.headers : withRequestIds(state, parts.headers),
    body,
    rawBody: encodeUtf8(body),
    isBase64Encoded: false,
    json: () => JSON.parse(body),
    trace,
  };
}

type Check = (state: RoutedState) => StageResult | Promise<StageResult>;

/** The stages between routing and the integration, in AWS's order. */
const CHECKS: readonly Check[] = [
  (s) => checkMethodArn(s.methodArn, s.method.authorizationType),
  (s) => checkResourcePolicy(s, 'before-authorizer'),
  authorize,
  (s) => checkResourcePolicy(s, 'after-authorizer'),
  checkUsagePlan,
  (s) => {
    logMethodRequest(s);
    return validateRequest(s);
  },
];

/**
 * Runs one request through the API's pipeline.
 * @throws InvalidInputError when the request or options are malformed (never for what a client sends)
 */
export async function runRequest(runtime: ApiRuntime, request: ApiRequest, stage: string, options: PipelineOptions): Promise<GatewayResponse> {
  const state = requestState(runtime, request, stage, options);
  try {
    return await runStages(state, stage);
  } catch (e) {
    // Every stage answers its own failures; this is the net under a bug in one, so that the client still
    // gets API Gateway's 500 (and the trace says what broke) rather than the caller an exception.
    if (e instanceof InvalidInputError) throw e;
    const failure = gatewayError('API_CONFIGURATION_ERROR', 'integration', `unexpected failure in the pipeline: ${(e as Error)?.message ?? String(e)}`, { body: INTERNAL_SERVER_ERROR_BODY, cause: e });
    return errorResponse(state, failure);
  }
}

async function runStages(state: RequestState, stage: string): Promise<GatewayResponse> {
  const tooLarge = checkLimits(state);
  if (tooLarge) return errorResponse(state, tooLarge);
  const routed = routeRequest(state);
  if (!('method' in routed)) return errorResponse(state, routed);
  Object.assign(routed.context, {
    resourcePath: routed.method.resourcePath,
    httpMethod: routed.request.httpMethod,
    path: `/${stage}${routed.request.path === '/' ? '/' : routed.request.path}`,
  });
  for (const check of CHECKS) {
    const error = await check(routed);
    if (error) return errorResponse(routed, error);
  }
  const cache = lookupStageCache(routed);
  if (cache.kind === 'error') return errorResponse(routed, cache.error);
  if (cache.kind === 'hit') {
    logCompletion(routed.log, cache.response.statusCode, undefined);
    const trace = traceOf(routed, cache.response.trace, `${routed.method.httpMethod} ${routed.method.resourcePath}`);
    trace.cacheHit = true;
    return { ...cache.response, headers: withRequestIds(routed, cache.response.headers), trace };
  }
  const { response, failure } = await runIntegration(routed);
  logIntegration(routed.log, response);
  if (failure) return errorResponse(routed, failure, response.trace);
  if (cache.kind === 'miss') cache.store(response);
  logCompletion(routed.log, response.statusCode, undefined);
  return { ...response, headers: withRequestIds(routed, response.headers), trace: traceOf(routed, response.trace, response.trace.method) };
}
