/**
 * Calling the integration: a MOCK answers by itself, a Lambda integration invokes the caller's handler,
 * HTTP and other AWS integrations call the caller's backend function. Each outcome carries the value the
 * integration responses' selection patterns are matched against.
 */
import type { ParameterValue } from '../gateway/request.js';
import { InvocationFailure, internalError, badRequest, messageBody, integrationTimedOut, requestTooLong } from './failure.js';
import { headerValue, record } from './headers.js';
import { setOwn } from '../own-property.js';
import { errorPayloadOf, functionArnOf, functionNameOf, isLambdaUri, resultPayloadOf } from './lambda.js';
import { LambdaPayloadError, parseLambdaPayload } from './lambda-json.js';
import { isBinaryType, mediaTypeOf } from './media-type.js';
import { MOCK_STATUS_ERROR, mockStatus } from './mock.js';
import { payloadBytes, payloadOf, payloadText, type Payload } from './payload.js';
import type { IntegrationParameters, RequestPhaseResult } from './request-phase.js';
import type { InvocationState } from './state.js';
import type { Backend, HttpBackend, IntegrationRequest, IntegrationResult } from './types.js';
import { lambdaHandlerFor } from './lambda-handler.js';
import { Timeout, withTimeout } from './timeout.js';
import { checkEndpoint } from './proxy/http-proxy-request.js';
import { utf8LengthJava } from '../platform/java-utf8.js';
import { LAMBDA_REQUEST_LIMIT_BYTES } from './proxy/limits.js';

/**
 * A Lambda invocation payload must be smaller than 6 MiB; API Gateway answers a bigger one with 413
 * `Request Too Long` (pipeline.md §6, O11).
 */
export function checkLambdaRequestSize(payload: string): void {
  // A UTF-16 unit is at most three UTF-8 bytes: only a payload that may be over the limit is measured.
  if (payload.length < LAMBDA_REQUEST_LIMIT_BYTES / 3) return;
  const size = utf8LengthJava(payload);
  if (size >= LAMBDA_REQUEST_LIMIT_BYTES) throw requestTooLong(`the Lambda invocation payload is ${size} bytes; Lambda accepts less than ${LAMBDA_REQUEST_LIMIT_BYTES}`);
}

/** API Gateway's default `timeoutInMillis` (and the limit without a quota increase). */
export const DEFAULT_INTEGRATION_TIMEOUT_MS = 29_000;
/** The smallest `timeoutInMillis` API Gateway accepts. */
export const MIN_INTEGRATION_TIMEOUT_MS = 50;
/** The largest, for a Regional or private API after a quota increase (pipeline.md §6). */
export const MAX_INTEGRATION_TIMEOUT_MS = 300_000;

export interface IntegrationOutcome {
  statusCode: number;
  headers: Record<string, ParameterValue>;
  payload: Payload;
  /** What selection patterns match: the status code, or a Lambda function's `errorMessage` ("" on success). */
  selectionValue: string;
  /** A Lambda function error: response parameters read `errorMessage` as JSON. */
  lambdaError: boolean;
}

/** No handler or backend function answers this integration (an apigw-vtl setup error, not an AWS one). */
export function noBackend(state: InvocationState, what: string): InvocationFailure {
  const m = state.method;
  const message = `no ${what} is configured for the ${m.integration.type} integration of ${m.httpMethod} ${m.resourcePath} (pass one with the backend option, or --backend for the CLI)`;
  return new InvocationFailure('integration', 502, message, messageBody(`apigw-vtl: ${message}`));
}

/** `${stageVariables.name}` in an integration URI or ARN. */
export function substituteStageVariables(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => (Object.hasOwn(variables, name) ? variables[name]! : ''));
}

export function httpBackendFor(backend: Backend | undefined): HttpBackend | undefined {
  if (typeof backend === 'function') return backend;
  return backend?.http;
}

/** The integration URI with `{param}` filled from the mapped path parameters and the query string added. */
export function integrationUrl(uri: string, parameters: IntegrationParameters): string {
  const filled = uri.replace(/\{([^}+]+)(\+?)\}/g, (whole, name: string, greedy: string) => {
    if (!Object.hasOwn(parameters.path, name)) return whole;
    const value = parameters.path[name]!;
    return greedy ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters.querystring)) {
    for (const v of Array.isArray(value) ? value : [value]) query.append(name, v);
  }
  const q = query.toString();
  return q === '' ? filled : `${filled}${filled.includes('?') ? '&' : '?'}${q}`;
}

function mockOutcome(prepared: RequestPhaseResult): IntegrationOutcome {
  const status = mockStatus(payloadText(prepared.payload));
  if (status === undefined) throw internalError('integration', MOCK_STATUS_ERROR);
  // The integration response of a MOCK has no body (aws-behaviour §5.3).
  return { statusCode: status, headers: record(), payload: { binary: false, text: '' }, selectionValue: String(status), lambdaError: false };
}

async function lambdaOutcome(state: InvocationState, prepared: RequestPhaseResult, uri: string, timeoutMs: number): Promise<IntegrationOutcome> {
  const arn = substituteStageVariables(functionArnOf(uri)!, state.request.stageVariables);
  const functionName = functionNameOf(arn);
  const handler = lambdaHandlerFor(state.options.backend, functionName, state.options.functionAliases);
  if (!handler) throw noBackend(state, `Lambda handler for function '${functionName}'`);
  let event: unknown;
  try {
    event = parseLambdaPayload(payloadText(prepared.payload));
  } catch (e) {
    if (e instanceof LambdaPayloadError) throw badRequest('integration', `the rendered request body is not JSON: ${e.jacksonMessage}`, e.awsBody, e);
    throw e;
  }
  checkLambdaRequestSize(payloadText(prepared.payload));
  const requestId = String(state.context.requestId ?? '');
  const headers = record<ParameterValue>();
  headers['Content-Type'] = 'application/json';
  try {
    const result = await withTimeout(() => handler(event, { functionName, awsRequestId: requestId, invokedFunctionArn: arn }), timeoutMs);
    return { statusCode: 200, headers, payload: { binary: false, text: resultPayloadOf(result) }, selectionValue: '', lambdaError: false };
  } catch (e) {
    if (e instanceof Timeout) throw integrationTimedOut(timeoutMs);
    const error = errorPayloadOf(e);
    headers['X-Amz-Function-Error'] = 'Unhandled';
    const message = error.errorMessage === undefined || error.errorMessage === null ? '' : String(error.errorMessage);
    return { statusCode: 200, headers, payload: { binary: false, text: JSON.stringify(error) }, selectionValue: message, lambdaError: true };
  }
}

/** What an {@link HttpBackend} returned, checked to be a result. @throws TypeError naming what is wrong */
export function checkResult(result: unknown): IntegrationResult {
  const r = result as IntegrationResult | null;
  if (r === null || typeof r !== 'object') throw new TypeError('the backend must return { statusCode, headers?, body? }');
  if (!Number.isInteger(r.statusCode) || r.statusCode < 100 || r.statusCode > 599) throw new TypeError(`the backend returned statusCode ${String(r.statusCode)}; it must be an integer 100-599`);
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string' && !(r.body instanceof Uint8Array)) throw new TypeError('the backend returned a body that is neither a string nor bytes');
  return r;
}

async function httpOutcome(state: InvocationState, prepared: RequestPhaseResult, timeoutMs: number): Promise<IntegrationOutcome> {
  const { integration } = state.method;
  const backend = httpBackendFor(state.options.backend);
  if (!backend) throw noBackend(state, 'backend function');
  const uri = integration.uri ? substituteStageVariables(integration.uri, state.request.stageVariables) : undefined;
  const url = uri ? integrationUrl(uri, prepared.parameters) : undefined;
  if (integration.type === 'HTTP') checkEndpoint(url ?? '');
  const request = integrationRequest(state, prepared, uri, url);
  state.trace.integrationRequest = request;
  let result: IntegrationResult;
  try {
    result = checkResult(await withTimeout(() => backend(request), timeoutMs));
  } catch (e) {
    if (e instanceof Timeout) throw integrationTimedOut(timeoutMs);
    throw internalError('integration', `the backend failed: ${(e as Error)?.message ?? String(e)}`, e);
  }
  state.trace.integrationResult = result;
  const headers = record<ParameterValue>();
  for (const [k, v] of Object.entries(result.headers ?? {})) setOwn(headers, k, Array.isArray(v) ? v.map(String) : String(v));
  const binary = isBinaryType(mediaTypeOf(headerValue(headers, 'Content-Type')), state.binaryMediaTypes);
  return { statusCode: result.statusCode, headers, payload: payloadOf(result.body, binary), selectionValue: String(result.statusCode), lambdaError: false };
}

/**
 * How long this integration may take. The definition's own `timeoutInMillis` comes first: it is what AWS
 * applies, and it is specific to the integration while `integrationTimeoutMs` is a default for the whole
 * API. A value outside what API Gateway accepts is clamped here, with a warning, rather than rejected:
 * AWS refuses such a definition at deploy time, but failing every request of the method at run time
 * would be a worse answer than running it with the nearest timeout AWS could have. Above 29 s is kept
 * (up to 300 s), since a Regional API with a raised quota accepts it and the endpoint type is not known.
 */
export function integrationTimeoutMs(state: InvocationState): number {
  const own: unknown = state.method.integration.timeoutInMillis;
  if (typeof own !== 'number' || !Number.isFinite(own)) return state.options.integrationTimeoutMs ?? DEFAULT_INTEGRATION_TIMEOUT_MS;
  const clamped = Math.min(MAX_INTEGRATION_TIMEOUT_MS, Math.max(MIN_INTEGRATION_TIMEOUT_MS, Math.round(own)));
  if (clamped !== own) {
    state.trace.warnings.push(`timeoutInMillis ${own} is not a whole number of ms within API Gateway's ${MIN_INTEGRATION_TIMEOUT_MS}-${MAX_INTEGRATION_TIMEOUT_MS} and was taken as ${clamped}`);
  }
  return clamped;
}

export async function callIntegration(state: InvocationState, prepared: RequestPhaseResult): Promise<IntegrationOutcome> {
  const { integration } = state.method;
  const timeoutMs = integrationTimeoutMs(state);
  switch (integration.type) {
    case 'MOCK':
      state.trace.integrationRequest = integrationRequest(state, prepared);
      return mockOutcome(prepared);
    case 'AWS':
      if (isLambdaUri(integration.uri)) {
        state.trace.integrationRequest = integrationRequest(state, prepared);
        const outcome = await lambdaOutcome(state, prepared, integration.uri!, timeoutMs);
        state.trace.integrationResult = { statusCode: outcome.statusCode, headers: outcome.headers, body: payloadText(outcome.payload) };
        return outcome;
      }
      return httpOutcome(state, prepared, timeoutMs);
    case 'HTTP':
      return httpOutcome(state, prepared, timeoutMs);
    default:
      // Proxy integrations have no integration responses to select: runIntegration runs them whole.
      throw internalError('integration', `callIntegration runs non-proxy integrations (AWS, HTTP, MOCK); ${String(integration.type)} integrations run through runIntegration`);
  }
}

/** What the integration receives (also what the trace shows for MOCK and Lambda integrations). */
function integrationRequest(state: InvocationState, prepared: RequestPhaseResult, uri = state.method.integration.uri ?? undefined, url?: string): IntegrationRequest {
  const { integration } = state.method;
  return {
    type: integration.type,
    uri,
    httpMethod: (integration.httpMethod ?? state.request.httpMethod).toUpperCase(),
    url,
    path: prepared.parameters.path,
    querystring: prepared.parameters.querystring,
    headers: prepared.parameters.headers,
    body: prepared.payload.binary ? payloadBytes(prepared.payload) : prepared.payload.text,
  };
}
