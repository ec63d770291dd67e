/** Gateway responses: what API Gateway answers when a request does not reach (or fails in) the integration. */

/** The 21 response types of `GetGatewayResponses`. */
export const GATEWAY_RESPONSE_TYPES = [
  'ACCESS_DENIED',
  'API_CONFIGURATION_ERROR',
  'AUTHORIZER_CONFIGURATION_ERROR',
  'AUTHORIZER_FAILURE',
  'BAD_REQUEST_BODY',
  'BAD_REQUEST_PARAMETERS',
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'EXPIRED_TOKEN',
  'INTEGRATION_FAILURE',
  'INTEGRATION_TIMEOUT',
  'INVALID_API_KEY',
  'INVALID_SIGNATURE',
  'MISSING_AUTHENTICATION_TOKEN',
  'QUOTA_EXCEEDED',
  'REQUEST_TOO_LARGE',
  'RESOURCE_NOT_FOUND',
  'THROTTLED',
  'UNAUTHORIZED',
  'UNSUPPORTED_MEDIA_TYPE',
  'WAF_FILTERED',
] as const;

export type GatewayResponseType = (typeof GATEWAY_RESPONSE_TYPES)[number];

/**
 * A customised gateway response (`PutGatewayResponse`, `x-amazon-apigateway-gateway-responses`,
 * `AWS::ApiGateway::GatewayResponse`, SAM `GatewayResponses`). It replaces the whole default: fields left
 * out take the type's defaults, not those of another customisation.
 */
export interface GatewayResponseDefinition {
  /** e.g. `"404"`; absent keeps the type's default status. */
  statusCode?: string | null;
  /** `gatewayresponse.header.<Name>` → `'static'`, `method.request.*`, `context.*` or `stageVariables.*`. */
  responseParameters?: Record<string, string> | null;
  /** Media type → body template over `$context` (with `$context.error.*`) and `$stageVariables`. */
  responseTemplates?: Record<string, string> | null;
  source?: string;
}
