/**
 * The integration stage: the method's integration request, the integration and its response, run by
 * integration/ with the `$context` the earlier stages built. A failure there (a template that throws, a
 * backend that times out) comes back as the gateway error of its type, so the API's customised gateway
 * responses apply to it as to any other.
 */
import { invokeMethod } from '../integration/invoke.js';
import type { GatewayResponse } from '../integration/types.js';
import { gatewayError, type GatewayError } from './gateway-responses/gateway-error.js';
import type { RoutedState } from './request-state.js';

export interface IntegrationStageResult {
  response: GatewayResponse;
  /** Set when API Gateway answered itself (the response is then its built-in answer). */
  failure?: GatewayError;
}

/** `{"message": "…"}` / `{"Message": "…"}` of a built-in error body, for `$context.error.message`. */
function messageOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed !== null && typeof parsed === 'object') {
      const m = (parsed as Record<string, unknown>)['message'] ?? (parsed as Record<string, unknown>)['Message'];
      return typeof m === 'string' ? m : null;
    }
  } catch {
    // Not JSON: the body itself is the message.
  }
  return body;
}

export async function runIntegration(state: RoutedState): Promise<IntegrationStageResult> {
  const { request } = state;
  const response = await invokeMethod(
    state.method,
    {
      httpMethod: request.httpMethod,
      path: request.path,
      pathParameters: state.pathParameters,
      headers: request.headers,
      query: request.query,
      body: request.body,
      stage: request.stage,
      stageVariables: request.stageVariables,
      context: state.context,
    },
    state.options,
  );
  const error = response.trace.error;
  if (!error?.responseType) return { response };
  const errorType = response.headers['x-amzn-ErrorType'];
  const failure = gatewayError(error.responseType, 'integration', error.message, {
    message: messageOf(response.body),
    status: response.statusCode,
    body: response.body,
    errorType: typeof errorType === 'string' ? errorType : undefined,
    line: error.line,
    column: error.column,
    cause: error.cause,
  });
  return { response, failure };
}
