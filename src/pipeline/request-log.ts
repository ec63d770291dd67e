/**
 * The execution-log lines of the method request and of the integration, in API Gateway's wording (its
 * CloudWatch execution logs and the console's test invocations):
 * `Starting execution for request: …`, `Method request path: {…}`, `Endpoint request body after
 * transformations: …`, `Method completed with status: 200`.
 */
import type { GatewayResponse, InvocationTrace } from '../integration/types.js';
import { logBody, parameterText, type ExecutionLog } from './execution-log.js';
import type { GatewayError } from './gateway-responses/gateway-error.js';
import type { RoutedState } from './request-state.js';

export function logMethodRequest(state: RoutedState): void {
  const { log, request } = state;
  log.add(`Starting execution for request: ${String(state.context.requestId ?? '')}`);
  log.add(`HTTP Method: ${request.httpMethod}, Resource Path: ${request.path}`);
  log.add(`Method request path: ${parameterText(state.pathParameters)}`);
  log.add(`Method request query string: ${parameterText(request.query)}`);
  log.add(`Method request headers: ${parameterText(request.headers)}`);
  log.add(`Method request body before transformations: ${logBody(request.body)}`);
}

/** Where the integration request went, as the log names it. */
function endpointUri(trace: InvocationTrace): string | undefined {
  const r = trace.integrationRequest;
  if (!r || r.type === 'MOCK') return undefined;
  if (r.url) return r.url;
  const lambda = r.uri ? /:lambda:path\/([^/]+)\/functions\/(.+)\/invocations\/?$/.exec(r.uri) : null;
  if (lambda) return `https://lambda.us-east-1.amazonaws.com/${lambda[1]}/functions/${lambda[2]}/invocations`;
  return r.uri ?? undefined;
}

export function logIntegration(log: ExecutionLog, response: GatewayResponse): void {
  const trace = response.trace;
  const request = trace.integrationRequest;
  const uri = endpointUri(trace);
  if (request && uri !== undefined) {
    log.add(`Endpoint request URI: ${uri}`);
    log.add(`Endpoint request headers: ${parameterText(request.headers)}`);
    log.add(`Endpoint request body after transformations: ${logBody(request.body)}`);
    log.add(`Sending request to ${uri}`);
  } else if (request) {
    log.add(`Endpoint request body after transformations: ${logBody(request.body)}`);
  }
  const result = trace.integrationResult;
  if (result && uri !== undefined) {
    log.add(`Received response. Status: ${result.statusCode}, Integration latency: 0 ms`);
    log.add(`Endpoint response headers: ${parameterText(result.headers as Record<string, string | string[]> | undefined)}`);
    log.add(`Endpoint response body before transformations: ${logBody(result.body)}`);
  }
  if (!trace.error) {
    log.add(`Method response body after transformations: ${response.isBase64Encoded ? '[Binary Data]' : response.body}`);
    log.add(`Method response headers: ${parameterText(response.headers)}`);
    log.add('Successfully completed execution');
  }
}

/** The closing lines: why API Gateway answered itself, and the status. */
export function logCompletion(log: ExecutionLog, statusCode: number, failure: GatewayError | undefined): void {
  if (failure) {
    const kind = failure.type === 'INTEGRATION_TIMEOUT' ? 'a timeout error' : failure.stage === 'integration' && failure.type !== 'INTEGRATION_FAILURE' ? 'configuration error' : undefined;
    if (failure.stage === 'integration') log.add(kind === 'a timeout error' ? `Execution failed due to a timeout error` : kind ? `Execution failed due to configuration error: ${failure.diagnostic}` : `Execution failed: ${failure.diagnostic}`);
  }
  log.add(`Method completed with status: ${statusCode}`);
}
