/**
 * The gateway responses authorization ends in, with the exact uncustomised bodies AWS was seen to send
 * (pipeline.md §3.1, §4.2, §4.4, §13 O1–O4).
 */
import { gatewayError, type GatewayError, type PipelineStage } from '../gateway-responses/gateway-error.js';
import { maskArnAccount } from './log-text.js';

/**
 * The explicit-deny message of an authorizer policy. AWS changed it in 2025: the older text ends
 * `… with an explicit deny`; a 2026 capture (file id 62016082377) and a test failure (file id
 * 57136395461) show the suffix ` in an identity-based policy`. The current text is used.
 */
export const EXPLICIT_DENY_MESSAGE = 'User is not authorized to access this resource with an explicit deny in an identity-based policy';
/** An authorizer policy that covers nothing of the method (pipeline.md §4.2). */
export const IMPLICIT_DENY_MESSAGE = 'User is not authorized to access this resource';

/**
 * The `{"Message":…}` body (capital M, compact) API Gateway sends for ACCESS_DENIED while the response is
 * not customised, whatever the default template says.
 */
function capitalMessageBody(message: string): string {
  return `{"Message":${JSON.stringify(message)}}`;
}

function accessDenied(stage: PipelineStage, message: string, diagnostic: string): GatewayError {
  return gatewayError('ACCESS_DENIED', stage, diagnostic, { message, body: capitalMessageBody(message) });
}

/** 403: the authorizer's policy explicitly denies the method (O3). */
export function explicitDeny(diagnostic: string): GatewayError {
  return accessDenied('authorizer', EXPLICIT_DENY_MESSAGE, diagnostic);
}

/** 403: the authorizer's policy allows nothing that covers the method. */
export function implicitDeny(diagnostic: string): GatewayError {
  return accessDenied('authorizer', IMPLICIT_DENY_MESSAGE, diagnostic);
}

/**
 * 403 from the resource policy (O4): `User: anonymous is not authorized to perform: execute-api:Invoke on
 * resource: <ARN, account masked>`, with ` with an explicit deny` when a Deny statement matched.
 */
export function resourcePolicyDeny(principal: string, methodArn: string, explicit: boolean, diagnostic: string): GatewayError {
  const message = `User: ${principal} is not authorized to perform: execute-api:Invoke on resource: ${maskArnAccount(methodArn)}${explicit ? ' with an explicit deny' : ''}`;
  return accessDenied('resource-policy', message, diagnostic);
}

/** 401 `{"message":"Unauthorized"}` (O1). */
export function unauthorized(diagnostic: string): GatewayError {
  return gatewayError('UNAUTHORIZED', 'authorizer', diagnostic);
}

/** 500 `{"message":null}` (O2): the authorizer failed, timed out, answered nonsense or cannot run. */
export function authorizerConfigurationError(diagnostic: string, cause?: unknown): GatewayError {
  return gatewayError('AUTHORIZER_CONFIGURATION_ERROR', 'authorizer', diagnostic, cause === undefined ? {} : { cause });
}

/** The message of something thrown, read without trusting it (a getter may throw too). */
export function describeThrown(e: unknown): string {
  try {
    const message: unknown = e instanceof Error ? e.message : e;
    return typeof message === 'string' ? message : String(message);
  } catch {
    return 'an exception that cannot be described';
  }
}
