/**
 * Stage and route lookup (pipeline.md §10): a stage the API does not have is 403 `Forbidden`; a path or
 * method no resource defines is 403 `Missing Authentication Token` — unless the client sent an
 * `Authorization` header API Gateway cannot read as SigV4, which it reports instead (a DEFAULT_4XX
 * `IncompleteSignatureException`; a readable SigV4 header still gets Missing Authentication Token).
 * `X-HTTP-Method-Override` replaces the method for routing.
 */
import { DEFAULT_ACCOUNT_ID, DEFAULT_API_ID, DEFAULT_REGION } from '../gateway/context.js';
import { headerValue } from '../integration/headers.js';
import { parseSigV4Authorization } from './authorizers/sigv4.js';
import { gatewayError, type GatewayError } from './gateway-responses/gateway-error.js';
import { methodArn } from './method-arn.js';
import type { RequestState, RoutedState } from './request-state.js';

/** The method API Gateway routes by: `X-HTTP-Method-Override` when the client sends one (DG known issues). */
export function routingMethod(httpMethod: string, headers: RequestState['request']['headers']): string {
  const override = headerValue(headers, 'X-HTTP-Method-Override')?.trim();
  return (override ? override : httpMethod).toUpperCase();
}

function unknownRoute(state: RequestState, method: string): GatewayError {
  const where = `${method} ${state.request.path}`;
  const authorization = headerValue(state.request.headers, 'Authorization');
  const hasDate = headerValue(state.request.headers, 'X-Amz-Date') !== undefined || headerValue(state.request.headers, 'Date') !== undefined;
  const parsed = authorization ? parseSigV4Authorization(authorization, hasDate) : undefined;
  const incomplete = parsed && !parsed.ok ? parsed.message : undefined;
  if (incomplete) {
    return gatewayError('DEFAULT_4XX', 'route', `no resource and method match ${where}, and the Authorization header is not SigV4`, {
      message: incomplete,
      status: 403,
      errorType: 'IncompleteSignatureException',
    });
  }
  return gatewayError('MISSING_AUTHENTICATION_TOKEN', 'route', `no resource and method match ${where}`);
}

/** The routed state, or the gateway error for an unknown stage or route. */
export function routeRequest(state: RequestState): RoutedState | GatewayError {
  const { request, api } = state;
  const stages = Object.keys(api.stages ?? {});
  if (stages.length > 0 && !stages.includes(request.stage)) {
    // AWS: 403 with x-amzn-ErrorType ForbiddenException (observed); the body is inferred.
    return gatewayError('DEFAULT_4XX', 'route', `the API has no stage '${request.stage}' (stages: ${stages.join(', ')})`, {
      message: 'Forbidden',
      status: 403,
      errorType: 'ForbiddenException',
    });
  }
  const method = routingMethod(request.httpMethod, request.headers);
  const match = state.runtime.routes.match(method, request.path);
  if (!match) return unknownRoute(state, method);
  const context = state.context;
  const arn = methodArn({
    region: DEFAULT_REGION,
    accountId: typeof context.accountId === 'string' ? context.accountId : DEFAULT_ACCOUNT_ID,
    apiId: typeof context.apiId === 'string' ? context.apiId : DEFAULT_API_ID,
    stage: request.stage,
    httpMethod: method,
    path: request.path,
  });
  // From here on the request is the overridden method: the policy, the cache key, `$context.httpMethod`
  // and the integration all see the method that was routed, never one and then the other.
  const routedRequest = method === request.httpMethod ? request : { ...request, httpMethod: method };
  return { ...state, request: routedRequest, method: match.method, pathParameters: match.pathParameters, methodArn: arn };
}
