/**
 * A Lambda proxy (`AWS_PROXY`) integration, whole: the request becomes the proxy event, the function's
 * result becomes the method response. No template, mapping or integration response takes part.
 *
 * Failures, as the client sees them (pipeline.md §3.2, §6):
 * - an event of 6 MiB or more: 413 `Request Too Long` (O11);
 * - no answer within the timeout: 504 `Endpoint request timed out`;
 * - a function error, a result that is not JSON, over 6291556 bytes, or not a proxy response: 502
 *   `Internal server error`, INTEGRATION_FAILURE.
 */
import { badGateway, integrationTimedOut, internalError, requestTooLong } from '../failure.js';
import { headerValue } from '../headers.js';
import { integrationTimeoutMs, noBackend, substituteStageVariables } from '../integration-call.js';
import { errorPayloadOf, functionArnOf, functionNameOf, type LambdaErrorPayload } from '../lambda.js';
import { lambdaHandlerFor } from '../lambda-handler.js';
import { firstAcceptedType, isBinaryType } from '../media-type.js';
import type { Payload } from '../payload.js';
import type { MethodResponseParts } from '../response-phase.js';
import type { InvocationState } from '../state.js';
import { Timeout, withTimeout } from '../timeout.js';
import type { IntegrationRequest } from '../types.js';
import { base64DecodeBytes } from '../../gateway/util/base64.js';
import { utf8LengthJava } from '../../platform/java-utf8.js';
import { buildProxyEvent, type LambdaProxyEvent } from './event.js';
import { checkLambdaProxyIntegration } from './lambda-configuration.js';
import { parseProxyResult, MalformedProxyResponse } from './lambda-result.js';
import { LAMBDA_REQUEST_LIMIT_BYTES, LAMBDA_RESPONSE_LIMIT_BYTES } from './limits.js';
import { lambdaResponseHeaders } from './response-headers.js';
import { traceHeaderFor } from './trace-id.js';

/** Anything a handler throws, as the error payload a Lambda runtime would report, never throwing itself. */
function safeErrorPayload(thrown: unknown): { payload: LambdaErrorPayload; json: string } {
  try {
    const payload = errorPayloadOf(thrown);
    return { payload, json: JSON.stringify(payload) ?? 'null' };
  } catch {
    const payload = { errorType: 'Error', errorMessage: 'the function failed with a value that cannot be read' };
    return { payload, json: JSON.stringify(payload) };
  }
}

function messageOf(payload: LambdaErrorPayload): string {
  const m = payload.errorMessage;
  return typeof m === 'string' ? m : m === undefined || m === null ? '' : String(m);
}

/** The result as the Lambda runtime serialises it, or why the runtime could not (a function error on AWS). */
function serialise(result: unknown): { json: string } | { error: string } {
  try {
    return { json: JSON.stringify(result) ?? 'null' };
  } catch (e) {
    let why: string;
    try {
      why = String((e as Error)?.message ?? e);
    } catch {
      why = 'unknown reason';
    }
    return { error: why };
  }
}

function eventRequest(uri: string, eventJson: string, traceId: string): IntegrationRequest {
  return {
    type: 'AWS_PROXY',
    uri,
    httpMethod: 'POST',
    path: {},
    querystring: {},
    headers: { 'Content-Type': 'application/json', 'X-Amzn-Trace-Id': traceId, 'X-Amz-Invocation-Type': 'RequestResponse' },
    body: eventJson,
  };
}

/** The body the client gets: base64 decoded when the function says so and the client accepts binary. */
function responsePayload(state: InvocationState, body: string, isBase64Encoded: boolean): Payload {
  const acceptsBinary = isBinaryType(firstAcceptedType(headerValue(state.request.headers, 'Accept')), state.binaryMediaTypes);
  // Without a binary media type matching Accept, the base64 text goes out as it is (V8, AWS-REC).
  if (!isBase64Encoded || !acceptsBinary) return { binary: false, text: body };
  try {
    return { binary: true, bytes: base64DecodeBytes(body) };
  } catch (e) {
    // DOC: "base64 decoding fails on binary data when binary support is enacted" is API_CONFIGURATION_ERROR.
    throw internalError('content-handling', `the function's body has isBase64Encoded true but is not base64 (${(e as Error).message})`, e);
  }
}

/**
 * Runs a Lambda proxy integration for one request.
 * @returns the method response: the function's status, headers (with `X-Amzn-Trace-Id`) and body
 * @throws InvocationFailure with the response API Gateway answers instead (413, 500, 502, 504)
 */
export async function runLambdaProxy(state: InvocationState): Promise<MethodResponseParts> {
  checkLambdaProxyIntegration(state);
  const uri = state.method.integration.uri!;
  const arn = substituteStageVariables(functionArnOf(uri)!, state.request.stageVariables);
  const functionName = functionNameOf(arn);
  const requestId = String(state.context.requestId ?? '');
  const traceId = traceHeaderFor(headerValue(state.request.headers, 'X-Amzn-Trace-Id'), requestId, Number(state.context.requestTimeEpoch ?? 0));

  let event: LambdaProxyEvent;
  try {
    event = buildProxyEvent(state, traceId);
  } catch (e) {
    throw internalError('integration', `the request's $context cannot be sent in a proxy event: ${(e as Error)?.message ?? String(e)}`, e);
  }
  const eventJson = JSON.stringify(event);
  state.trace.integrationRequest = eventRequest(uri, eventJson, traceId);
  const size = utf8LengthJava(eventJson);
  if (size >= LAMBDA_REQUEST_LIMIT_BYTES) throw requestTooLong(`the proxy event is ${size} bytes; Lambda accepts less than ${LAMBDA_REQUEST_LIMIT_BYTES}`);

  const handler = lambdaHandlerFor(state.options.backend, functionName, state.options.functionAliases);
  if (!handler) throw noBackend(state, `Lambda handler for function '${functionName}'`);
  const timeoutMs = integrationTimeoutMs(state);
  let result: unknown;
  try {
    result = await withTimeout(() => handler(event, { functionName, awsRequestId: requestId, invokedFunctionArn: arn }), timeoutMs);
  } catch (e) {
    if (e instanceof Timeout) throw integrationTimedOut(timeoutMs);
    const error = safeErrorPayload(e);
    state.trace.integrationResult = { statusCode: 200, headers: { 'X-Amz-Function-Error': 'Unhandled' }, body: error.json };
    throw badGateway(`Lambda Customer Function Error: ${messageOf(error.payload)}`, e);
  }

  const serialised = serialise(result);
  if ('error' in serialised) {
    state.trace.integrationResult = { statusCode: 200, headers: { 'X-Amz-Function-Error': 'Unhandled' }, body: '' };
    throw badGateway(`the function's result cannot be serialised as JSON, so the Lambda runtime fails the invocation: ${serialised.error}`);
  }
  const resultSize = utf8LengthJava(serialised.json);
  if (resultSize > LAMBDA_RESPONSE_LIMIT_BYTES) {
    state.trace.integrationResult = { statusCode: 200, headers: { 'X-Amz-Function-Error': 'Unhandled' }, body: '' };
    throw badGateway(`the function's result is ${resultSize} bytes; Lambda returns at most ${LAMBDA_RESPONSE_LIMIT_BYTES}`);
  }
  state.trace.integrationResult = { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: serialised.json };

  let parsed;
  try {
    parsed = parseProxyResult(serialised.json);
  } catch (e) {
    if (e instanceof MalformedProxyResponse) throw badGateway(`Execution failed due to configuration error: Malformed Lambda proxy response: ${e.message}`, e);
    throw e;
  }
  const headers = lambdaResponseHeaders(parsed.headers, parsed.multiValueHeaders);
  // API Gateway gives every response a Content-Type, application/json by default (aws-behaviour §5.4).
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  headers.set('X-Amzn-Trace-Id', traceId);
  return { statusCode: parsed.statusCode, headers: headers.responseHeaders(), payload: responsePayload(state, parsed.body, parsed.isBase64Encoded) };
}
