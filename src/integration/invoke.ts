/**
 * One method invocation, end to end: method request → request phase → integration → response phase →
 * method response. Every failure becomes the response API Gateway would send, with a diagnostic in the
 * trace; only a malformed call (a bad `MethodRequest`) throws.
 */
import { buildContext, clockValue, DEFAULT_REQUEST_ID, formatRequestTime, generatedId } from '../gateway/context.js';
import { checkContextOptions } from '../gateway/validate-input.js';
import { Meter } from '../java/meter.js';
import { checkLimits, DEFAULT_LIMITS } from '../vtl/runtime/limits.js';
import { userAgentOf } from '../gateway/parameters.js';
import type { GatewayContext, ParameterValue } from '../gateway/request.js';
import type { JavaMap } from '../java/values.js';
import { InvocationFailure, internalError } from './failure.js';
import { normalizeRequest } from './method-request.js';
import type { MethodDefinition } from '../model/index.js';
import { payloadBytes, type Payload } from './payload.js';
import { runIntegration } from './run-integration.js';
import type { InvocationState } from './state.js';
import type { GatewayResponse, InvocationTrace, InvokeOptions, MethodRequest } from './types.js';
import { encodeBase64 } from '../platform/base64.js';

function invocationContext(method: MethodDefinition, request: ReturnType<typeof normalizeRequest>, given: GatewayContext | undefined, options: InvokeOptions): GatewayContext {
  const g = given ?? {};
  const epoch = typeof g.requestTimeEpoch === 'number' ? g.requestTimeEpoch : clockValue(options);
  return {
    resourcePath: method.resourcePath,
    httpMethod: request.httpMethod,
    stage: request.stage,
    path: `/${request.stage}${request.path === '/' ? '/' : request.path}`,
    requestId: options.requestId ? generatedId(options.requestId) : DEFAULT_REQUEST_ID,
    requestTime: formatRequestTime(epoch),
    ...g,
    requestTimeEpoch: epoch,
  };
}

function methodResponse(statusCode: number, headers: Record<string, ParameterValue>, payload: Payload, trace: InvocationTrace): GatewayResponse {
  const rawBody = payloadBytes(payload);
  const body = payload.binary ? encodeBase64(rawBody) : payload.text;
  return {
    statusCode,
    headers,
    body,
    rawBody,
    isBase64Encoded: payload.binary,
    json() {
      if (payload.binary) throw new SyntaxError('the response body is binary');
      return JSON.parse(body);
    },
    trace,
  };
}

function failureResponse(failure: InvocationFailure, trace: InvocationTrace): GatewayResponse {
  trace.error = { phase: failure.phase, responseType: failure.responseType, message: failure.message, line: failure.line, column: failure.column, cause: failure.cause };
  const headers: Record<string, ParameterValue> = { 'Content-Type': 'application/json', ...failure.headers };
  return methodResponse(failure.statusCode, headers, { binary: false, text: failure.clientBody }, trace);
}

/**
 * Runs one method of an API for one request, as API Gateway does: a non-proxy integration with its
 * templates and integration responses, a Lambda or HTTP proxy integration by passing the request through.
 *
 * @param method the method's definition (its integration, integration responses and method responses)
 * @param request the client's request
 * @param options the backend that answers HTTP/AWS/Lambda integrations, binary media types, clock, limits
 * @returns the response the client receives; `trace` tells which templates and responses were chosen and,
 *   for an error response, what failed where
 * @throws InvalidInputError when `request` is malformed
 */
export async function invokeMethod(method: MethodDefinition, request: MethodRequest, options: InvokeOptions = {}): Promise<GatewayResponse> {
  checkContextOptions(options, 'options');
  checkLimits(options.limits, 'options.limits');
  const normalized = normalizeRequest(request);
  const trace: InvocationTrace = { method: `${method.httpMethod} ${method.resourcePath}`, warnings: [] };
  const context = invocationContext(method, normalized, request.context, options);
  let contextMap: JavaMap | undefined;
  const meter = new Meter({ ...DEFAULT_LIMITS, ...options.limits });
  const state: InvocationState = {
    method,
    request: normalized,
    context,
    contextMap: () => (contextMap ??= buildContext(context, userAgentOf(normalized.headers), normalized.pathParameters, {}, meter).context),
    options,
    meter,
    binaryMediaTypes: options.binaryMediaTypes ?? [],
    trace,
  };
  try {
    const parts = await runIntegration(state);
    return methodResponse(parts.statusCode, parts.headers, parts.payload, trace);
  } catch (e) {
    const failure = e instanceof InvocationFailure ? e : internalError(trace.error?.phase ?? 'integration', `unexpected failure: ${(e as Error)?.message ?? String(e)}`, e);
    return failureResponse(failure, trace);
  }
}
