/**
 * The identity and event of a Lambda `TOKEN` authorizer (pipeline.md §4.1).
 *
 * - The token is the raw value of the identity-source header, prefix included (no `Bearer` stripping);
 *   the header is found case-insensitively, and of repeated headers the last counts.
 * - A missing or empty token is 401 without invoking (O1); so is a token failing
 *   `identityValidationExpression`.
 * - The event is exactly `{"type":"TOKEN","authorizationToken":…,"methodArn":…}` in that key order, the
 *   ARN carrying the request's actual path.
 */
import type { AuthorizerDefinition } from '../../model/index.js';
import type { GatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState } from '../request-state.js';
import { identityValue, parseIdentitySources, type IdentitySource } from './identity-sources.js';
import { authorizerConfigurationError, unauthorized } from './outcomes.js';
import { checkTokenValidation } from './token-validation.js';

/** Where TOKEN and Cognito authorizers read the token when the definition names no source. */
export const DEFAULT_TOKEN_SOURCE = 'method.request.header.Authorization';

/** What a Lambda authorizer is invoked with, and what identifies the caller for the cache and the log. */
export interface LambdaIdentity {
  /** The identity-source values, in the definition's order (the cache key). */
  values: string[];
  /** `Incoming identity:` of the execution log, before masking. */
  logText: string;
  event: Record<string, unknown>;
}

export type IdentityOutcome = { ok: true; identity: LambdaIdentity } | { ok: false; error: GatewayError };

/** The single header a TOKEN (or Cognito) authorizer reads its token from. */
export function tokenHeaderSource(authorizer: AuthorizerDefinition): { ok: true; source: IdentitySource } | { ok: false; error: GatewayError } {
  const text = authorizer.identitySource ?? DEFAULT_TOKEN_SOURCE;
  const parsed = parseIdentitySources(typeof text === 'string' ? text : String(text));
  if (!parsed.ok) return { ok: false, error: authorizerConfigurationError(`authorizer ${authorizer.name}: ${parsed.reason}`) };
  const source = parsed.sources[0];
  if (parsed.sources.length !== 1 || source?.kind !== 'header') {
    return { ok: false, error: authorizerConfigurationError(`authorizer ${authorizer.name} (${authorizer.type}): identitySource must be one method.request.header.<Name>, not ${JSON.stringify(text)}`) };
  }
  return { ok: true, source };
}

/** The token of the request, checked; or the 401/500 answer when it cannot go to the authorizer. */
export function readToken(state: RoutedState, authorizer: AuthorizerDefinition): { ok: true; token: string } | { ok: false; error: GatewayError } {
  const header = tokenHeaderSource(authorizer);
  if (!header.ok) return header;
  const token = identityValue(state, header.source);
  if (token === undefined || token === '') {
    return { ok: false, error: unauthorized(`the request has no ${header.source.name} header (the identity source of authorizer ${authorizer.name}); the authorizer was not invoked`) };
  }
  const invalid = checkTokenValidation(state, authorizer, token);
  return invalid ? { ok: false, error: invalid } : { ok: true, token };
}

/** The TOKEN authorizer's identity and event for this request. */
export function tokenIdentity(state: RoutedState, authorizer: AuthorizerDefinition): IdentityOutcome {
  const token = readToken(state, authorizer);
  if (!token.ok) return token;
  return {
    ok: true,
    identity: {
      values: [token.token],
      logText: token.token,
      event: { type: 'TOKEN', authorizationToken: token.token, methodArn: state.methodArn },
    },
  };
}
