/**
 * An HTTP proxy (`HTTP_PROXY`) integration, whole: the request passes to the backend (see
 * http-proxy-request.ts) and the backend's status, headers and body pass back to the client, with no
 * integration response in between (LS-http `test_http_integration_invoke_status_code_passthrough`,
 * AWS-REC 2024-04: a 400 from the backend is the client's 400). Backend headers API Gateway sets itself
 * come back as `x-amzn-Remapped-<Name>` (recorded, 2024-07/12).
 *
 * Failures: no answer within the timeout → 504 `Endpoint request timed out`; a backend that cannot be
 * reached (the backend function throws) → 504 `Network error communicating with endpoint` (AWS-OBS);
 * an endpoint that is not a URL → 500 (API_CONFIGURATION_ERROR).
 */
import type { ParameterValue } from '../../gateway/request.js';
import { integrationTimedOut, internalError, networkError } from '../failure.js';
import { headerValue } from '../headers.js';
import { checkResult, httpBackendFor, integrationTimeoutMs, noBackend } from '../integration-call.js';
import { firstAcceptedType, isBinaryType, mediaTypeOf } from '../media-type.js';
import { payloadOf, type Payload } from '../payload.js';
import type { MethodResponseParts } from '../response-phase.js';
import type { InvocationState } from '../state.js';
import { Timeout, withTimeout } from '../timeout.js';
import type { IntegrationResult } from '../types.js';
import { contextJson } from './context-json.js';
import { httpProxyRequest } from './http-proxy-request.js';
import { HeaderMerge } from './header-merge.js';
import { traceHeaderFor } from './trace-id.js';

function reason(e: unknown): string {
  try {
    return String((e as Error)?.message ?? e);
  } catch {
    return 'unknown reason';
  }
}

/** The backend's headers, merged case-insensitively; values as text. */
function backendHeaders(headers: Record<string, unknown> | undefined): HeaderMerge {
  const merge = new HeaderMerge();
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    merge.add(name, Array.isArray(value) ? value.map(String) : [String(value)]);
  }
  return merge;
}

/**
 * The body as the client gets it. A body is passed as bytes when its Content-Type, or the client's
 * Accept, is a binary media type; otherwise it is text, read as UTF-8 as API Gateway's Java does, which is
 * why binary content needs `binaryMediaTypes` even through a proxy (inferred from aws-behaviour §5.6).
 */
function passedBody(state: InvocationState, body: IntegrationResult['body'], contentType: string | undefined): Payload {
  const binary =
    isBinaryType(mediaTypeOf(contentType), state.binaryMediaTypes) || isBinaryType(firstAcceptedType(headerValue(state.request.headers, 'Accept')), state.binaryMediaTypes);
  return payloadOf(body, binary);
}

/**
 * Runs an HTTP proxy integration for one request.
 * @returns the method response: the backend's status, headers and body
 * @throws InvocationFailure with the response API Gateway answers instead (400, 500, 502, 504)
 */
export async function runHttpProxy(state: InvocationState): Promise<MethodResponseParts> {
  const requestId = String(state.context.requestId ?? '');
  const traceId = traceHeaderFor(headerValue(state.request.headers, 'X-Amzn-Trace-Id'), requestId, Number(state.context.requestTimeEpoch ?? 0));
  let apiId: string | null;
  try {
    const id = contextJson(state.contextMap().get('apiId'));
    apiId = typeof id === 'string' ? id : null;
  } catch (e) {
    throw internalError('integration', `the request's $context cannot be read: ${reason(e)}`, e);
  }
  const request = httpProxyRequest(state, traceId, apiId);
  state.trace.integrationRequest = request;
  const backend = httpBackendFor(state.options.backend);
  if (!backend) throw noBackend(state, 'backend function');

  const timeoutMs = integrationTimeoutMs(state);
  let answer: unknown;
  try {
    answer = await withTimeout(() => backend(request), timeoutMs);
  } catch (e) {
    if (e instanceof Timeout) throw integrationTimedOut(timeoutMs);
    throw networkError(`Execution failed due to a network error communicating with endpoint: the backend failed: ${reason(e)}`, e);
  }
  let result: IntegrationResult;
  let headers: HeaderMerge;
  try {
    result = checkResult(answer);
    headers = backendHeaders(result.headers as Record<string, unknown> | undefined);
  } catch (e) {
    throw internalError('integration', `the backend answered what is not an HTTP response: ${reason(e)}`, e);
  }
  state.trace.integrationResult = result;
  const contentType = headers.last('Content-Type');
  // API Gateway gives every response a Content-Type, application/json by default (aws-behaviour §5.4).
  if (contentType === undefined) headers.set('Content-Type', 'application/json');
  const out: Record<string, ParameterValue> = headers.responseHeaders();
  return { statusCode: result.statusCode, headers: out, payload: passedBody(state, result.body, contentType) };
}
