/**
 * A Cognito user pool authorizer (`COGNITO_USER_POOLS`, pipeline.md §4.6), offline:
 *
 * - the token is the raw identity-source header (default `Authorization`); missing or empty, or failing
 *   `identityValidationExpression`, is 401. A `Bearer ` prefix is not stripped: the documentation passes
 *   the raw token and AWS's handling of the prefix is UNKNOWN (§14.8), so such a token is malformed;
 * - the token is decoded but its signature is **not verified** (no pool keys offline): a warning and an
 *   execution-log line say so on every request that reaches this point;
 * - malformed → 401; `exp` at or before the request time (`state.now`) → 401; no `exp` → 401 (every
 *   Cognito token has one);
 * - with `providerARNs`, `iss` must be `https://cognito-idp.{region}.amazonaws.com/{poolId}` of one of the
 *   pools; with `audiences`, an ID token's `aud` or an access token's `client_id` must be one of them;
 * - a method without `authorizationScopes` takes an ID token (`token_use: id`); a method with scopes takes
 *   an access token whose space-separated `scope` claims one of them. Anything else is 401 — a scope
 *   mismatch is 401, not 403 (DOC H);
 * - on success `$context.authorizer.claims` holds the claims as strings (claims.ts). There is no
 *   principalId for Cognito-authorized requests (AWS-OBS M).
 */
import type { AuthorizerDefinition } from '../../model/index.js';
import type { GatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState, StageResult } from '../request-state.js';
import { stringifyClaims } from './claims.js';
import { decodeJwt } from './jwt.js';
import { unauthorized } from './outcomes.js';
import { addNotes } from './resource-policy.js';
import { readToken } from './token.js';

/** The warning (and execution-log line) of every request a Cognito authorizer let through or judged by its claims. */
export const SIGNATURE_WARNING = 'Cognito token signature not verified offline';

const POOL_ARN = /^arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):[^:]*:userpool\/([\w-]+)$/;

function rejected(state: RoutedState, diagnostic: string): GatewayError {
  state.log.add(`Unauthorized request: ${String(state.context.requestId ?? '')}`);
  return unauthorized(diagnostic);
}

/** The issuers the authorizer's pools sign with, or undefined when it names no pool this can read. */
function expectedIssuers(state: RoutedState, authorizer: AuthorizerDefinition): Set<string> | undefined {
  const arns = Array.isArray(authorizer.providerARNs) ? authorizer.providerARNs : [];
  if (arns.length === 0) return undefined;
  const issuers = new Set<string>();
  for (const arn of arns) {
    const m = typeof arn === 'string' ? POOL_ARN.exec(arn) : null;
    if (m) issuers.add(`https://cognito-idp.${m[1]}.amazonaws.com/${m[2]}`);
  }
  if (issuers.size === 0) {
    addNotes(state, [`authorizer ${authorizer.name}: no providerARNs entry is a user pool ARN (arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}); the token's issuer was not checked`]);
    return undefined;
  }
  return issuers;
}

/** A time for a message; a hostile claim may lie outside Date's range. */
function isoTime(ms: number): string {
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${ms} ms since the epoch`;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Why the claims do not pass this method's authorizer, or undefined when they do. */
function claimProblem(state: RoutedState, authorizer: AuthorizerDefinition, claims: Record<string, unknown>): string | undefined {
  const exp = claims.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'the token has no numeric exp claim';
  if (state.now >= exp * 1000) return `the token expired at ${isoTime(exp * 1000)} (the request time is ${isoTime(state.now)})`;
  const issuers = expectedIssuers(state, authorizer);
  if (issuers && !(typeof claims.iss === 'string' && issuers.has(claims.iss))) return `the token's issuer ${JSON.stringify(claims.iss)} is none of the authorizer's user pools (${[...issuers].join(', ')})`;
  const scopes = stringList(state.method.authorizationScopes);
  const access = scopes.length > 0;
  if (access) {
    if (claims.token_use !== 'access') return `the method has authorizationScopes, so it takes an access token, not token_use ${JSON.stringify(claims.token_use)}`;
    const held = typeof claims.scope === 'string' ? claims.scope.split(' ').filter((s) => s !== '') : [];
    if (!scopes.some((s) => held.includes(s))) return `the token's scopes (${held.join(' ') || 'none'}) include none of the method's authorizationScopes (${scopes.join(', ')})`;
  } else if (claims.token_use !== 'id') {
    return `the method has no authorizationScopes, so it takes an ID token, not token_use ${JSON.stringify(claims.token_use)}`;
  }
  const audiences = stringList(authorizer.audiences);
  if (audiences.length > 0) {
    const claim = access ? 'client_id' : 'aud';
    const value = claims[claim];
    if (!(typeof value === 'string' && audiences.includes(value))) return `the token's ${claim} ${JSON.stringify(value)} is none of the authorizer's audiences`;
  }
  return undefined;
}

/** Runs a Cognito user pool authorizer for the request. */
export function runCognitoAuthorizer(state: RoutedState, authorizer: AuthorizerDefinition): StageResult {
  const token = readToken(state, authorizer);
  if (!token.ok) return token.error.type === 'UNAUTHORIZED' ? rejected(state, token.error.diagnostic) : token.error;
  const decoded = decodeJwt(token.token);
  if (!decoded.ok) return rejected(state, `the token of authorizer ${authorizer.name} is not a JWT: ${decoded.reason}`);
  if (!state.warnings.includes(SIGNATURE_WARNING)) {
    state.warnings.push(SIGNATURE_WARNING);
    state.log.add(SIGNATURE_WARNING);
  }
  const claims = decoded.jwt.payload;
  const problem = claimProblem(state, authorizer, claims);
  if (problem) return rejected(state, `authorizer ${authorizer.name}: ${problem}`);
  let strings: Record<string, string>;
  try {
    strings = stringifyClaims(claims);
  } catch {
    return rejected(state, `authorizer ${authorizer.name}: the token's claims cannot be read`);
  }
  state.context.authorizer = { claims: strings };
  return undefined;
}
