/**
 * The 21 gateway response types as a new API lists them (pipeline.md §3.1): default status, the message
 * `$context.error.message` holds, and the `x-amzn-ErrorType` header seen on AWS. `DEFAULT_4XX` and
 * `DEFAULT_5XX` have no status of their own; a type without one answers by its class.
 */
import type { GatewayResponseType } from '../../model/index.js';

export interface GatewayResponseDefaults {
  /** Absent for DEFAULT_4XX / DEFAULT_5XX. */
  status?: number;
  /** The class a type falls back to when not customised itself. */
  fallback: 'DEFAULT_4XX' | 'DEFAULT_5XX';
  message: string | null;
  errorType?: string;
}

/** What every type's default template is: `responseTemplates` of `GetGatewayResponses` on a new API. */
export const DEFAULT_GATEWAY_TEMPLATE = '{"message":$context.error.messageString}';

const d = (status: number | undefined, message: string | null, errorType?: string): GatewayResponseDefaults => ({
  status,
  fallback: status !== undefined && status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX',
  message,
  errorType,
});

export const DEFAULT_GATEWAY_RESPONSES: Readonly<Record<GatewayResponseType, GatewayResponseDefaults>> = {
  ACCESS_DENIED: d(403, 'User is not authorized to access this resource', 'AccessDeniedException'),
  API_CONFIGURATION_ERROR: d(500, 'Internal server error', 'InternalServerErrorException'),
  AUTHORIZER_CONFIGURATION_ERROR: d(500, null, 'AuthorizerConfigurationException'),
  // UNKNOWN on AWS (pipeline.md §14.1): the message and header are guesses, flagged in docs/conformance.md.
  AUTHORIZER_FAILURE: d(500, null, 'AuthorizerFailureException'),
  BAD_REQUEST_BODY: d(400, 'Invalid request body', 'BadRequestException'),
  BAD_REQUEST_PARAMETERS: d(400, 'Missing required request parameters', 'BadRequestException'),
  DEFAULT_4XX: { fallback: 'DEFAULT_4XX', message: null },
  DEFAULT_5XX: { fallback: 'DEFAULT_5XX', message: null },
  EXPIRED_TOKEN: d(403, 'The security token included in the request is expired', 'ExpiredTokenException'),
  INTEGRATION_FAILURE: d(504, 'Internal server error', 'InternalServerErrorException'),
  INTEGRATION_TIMEOUT: d(504, 'Endpoint request timed out', 'InternalServerErrorException'),
  INVALID_API_KEY: d(403, 'Forbidden', 'ForbiddenException'),
  INVALID_SIGNATURE: d(403, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.', 'InvalidSignatureException'),
  MISSING_AUTHENTICATION_TOKEN: d(403, 'Missing Authentication Token', 'MissingAuthenticationTokenException'),
  QUOTA_EXCEEDED: d(429, 'Limit Exceeded', 'LimitExceededException'),
  REQUEST_TOO_LARGE: d(413, 'Request Too Long', 'BadRequestException'),
  // UNKNOWN (§14.1): REST answers unknown routes with MISSING_AUTHENTICATION_TOKEN, so this is rarely seen.
  RESOURCE_NOT_FOUND: d(404, 'Resource not found', 'ResourceNotFoundException'),
  THROTTLED: d(429, 'Too Many Requests', 'TooManyRequestsException'),
  UNAUTHORIZED: d(401, 'Unauthorized', 'UnauthorizedException'),
  // The header is UNKNOWN on AWS; LocalStack's guess is kept.
  UNSUPPORTED_MEDIA_TYPE: d(415, 'Unsupported Media Type', 'BadRequestException'),
  WAF_FILTERED: d(403, 'Forbidden', 'ForbiddenException'),
};
