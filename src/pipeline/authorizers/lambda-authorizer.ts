/**
 * A Lambda authorizer (`TOKEN` or `REQUEST`) from identity to verdict (pipeline.md §4.1–4.5):
 *
 * 1. read the identity (missing → 401 without invoking);
 * 2. reuse the cached answer for that identity, or invoke the function (see invoke-lambda.ts) and read its
 *    answer (see output.ts), keeping it in the cache when the TTL allows;
 * 3. evaluate the answer's policy against this request's method ARN — a cached policy included, since AWS
 *    reuses it for every method: an applying Deny → 403 with the explicit-deny body; no applying Allow →
 *    the implicit deny, unless the API's resource policy explicitly allows the call (Table A);
 * 4. on Allow: `$context.authorizer` becomes `principalId` plus the stringified `context` values, and
 *    `usageIdentifierKey` is handed to the API-key stage.
 *
 * `principalId` is "required" (DG), yet a Deny answer without one was observed to deny normally (403
 * explicit deny, file id 39913470942). So a missing principalId is only an error (500) when the answer
 * would let the request through.
 *
 * Execution-log lines follow the recorded CloudWatch/console wording (file ids 22243955141, 8961002744;
 * ExpanseLLC/lambda_authorizer#1 for `Could not parse policy`; `Authorizer error` from 2020/2023 logs);
 * `Unauthorized request: <id>` for 401s is not recorded and is a guess.
 */
import { BudgetExceeded, Meter } from '../../java/meter.js';
import type { AuthorizerDefinition } from '../../model/index.js';
import { setOwn } from '../../own-property.js';
import type { GatewayAuthorizer } from '../../gateway/request.js';
import type { GatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState, StageResult } from '../request-state.js';
import { authorizerCacheKey, resultTtlSeconds } from './cache.js';
import { invokeAuthorizerFunction } from './invoke-lambda.js';
import { maskSecret } from './log-text.js';
import { authorizerConfigurationError, explicitDeny, implicitDeny, unauthorized } from './outcomes.js';
import { parseAuthorizerOutput, type AuthorizerResult } from './output.js';
import { evaluatePolicy } from './policy.js';
import { requestIdentity } from './request.js';
import { addNotes, resourcePolicyAllows } from './resource-policy.js';
import { tokenIdentity } from './token.js';

/** Work units evaluating one answer's policy may spend. */
const POLICY_WORK_LIMIT = 2_000_000;
const CONFIGURATION_ERROR = 'Execution failed due to configuration error: Authorizer error';

function requestIdOf(state: RoutedState): string {
  return String(state.context.requestId ?? '');
}

function failed(state: RoutedState, error: GatewayError): GatewayError {
  state.log.add(error.type === 'UNAUTHORIZED' ? `Unauthorized request: ${requestIdOf(state)}` : CONFIGURATION_ERROR);
  return error;
}

/** The answer for this identity: from the cache, or from invoking the function. */
async function answerFor(state: RoutedState, authorizer: AuthorizerDefinition, identity: { values: string[]; event: Record<string, unknown> }): Promise<{ ok: true; result: AuthorizerResult } | { ok: false; error: GatewayError }> {
  const { ttl, note } = resultTtlSeconds(authorizer);
  if (note) addNotes(state, [note]);
  const cacheable = ttl > 0 && identity.values.length > 0;
  if (ttl > 0 && identity.values.length === 0) addNotes(state, [`authorizer ${authorizer.name} caches results (TTL ${ttl} s) but has no identity source to key them by; its results were not cached`]);
  const cache = state.runtime.authorizerCache;
  const key = authorizerCacheKey(state.request.stage, authorizer.name, identity.values);
  const cached = cacheable ? cache.lookup(key, state.now) : undefined;
  if (cached) {
    state.found.authorizerCached = true;
    return { ok: true, result: cached };
  }

  const outcome = await invokeAuthorizerFunction(state, authorizer, identity.event);
  switch (outcome.kind) {
    case 'unavailable':
      return { ok: false, error: failed(state, authorizerConfigurationError(outcome.diagnostic)) };
    case 'unauthorized':
      return { ok: false, error: failed(state, unauthorized(outcome.diagnostic)) };
    case 'failed':
      return { ok: false, error: failed(state, authorizerConfigurationError(outcome.diagnostic, outcome.cause)) };
  }
  state.log.add(`Authorizer result body before parsing: ${JSON.stringify(outcome.value)}`);
  const parsed = parseAuthorizerOutput(outcome.value, outcome.chars);
  if (!parsed.ok) {
    if (parsed.policy) state.log.add('Execution failed due to configuration error: Could not parse policy');
    return { ok: false, error: failed(state, authorizerConfigurationError(`authorizer ${authorizer.name} returned malformed output: ${parsed.reason}`)) };
  }
  if (cacheable) cache.store(key, parsed.result, ttl, state.now);
  return { ok: true, result: parsed.result };
}

/** `$context.authorizer` of an allowed request: principalId, then the context values. */
function authorizerContext(result: AuthorizerResult, principalId: string): GatewayAuthorizer {
  const out: Record<string, unknown> = {};
  setOwn(out, 'principalId', principalId);
  for (const [k, v] of Object.entries(result.context)) if (k !== 'principalId') setOwn(out, k, v);
  return out as GatewayAuthorizer;
}

function applyAnswer(state: RoutedState, authorizer: AuthorizerDefinition, result: AuthorizerResult): StageResult {
  const notes = new Set<string>();
  const meter = new Meter({ maxWork: POLICY_WORK_LIMIT, maxMemory: Number.POSITIVE_INFINITY, maxStringLength: Number.POSITIVE_INFINITY });
  let verdict;
  try {
    verdict = evaluatePolicy(result.statements, { resource: state.methodArn, sourceIp: state.context.identity?.sourceIp }, meter, notes);
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    return failed(state, authorizerConfigurationError(`evaluating the policy of authorizer ${authorizer.name} against ${state.methodArn} exceeded its work budget (${e.message})`));
  } finally {
    addNotes(state, notes);
  }
  const lifted = verdict === 'none' && resourcePolicyAllows(state);
  const allowed = verdict === 'allow' || lifted;
  if (allowed && result.principalId === null) {
    return failed(state, authorizerConfigurationError(`authorizer ${authorizer.name} allowed the request without a principalId, which API Gateway requires`));
  }
  state.log.add(`Using valid authorizer policy for principal: ${maskSecret(result.principalId ?? '')}`);
  state.log.add('Successfully completed authorizer execution');
  if (verdict === 'deny') return explicitDeny(`the policy of authorizer ${authorizer.name} explicitly denies ${state.methodArn}`);
  if (!allowed) return implicitDeny(`no statement of the policy of authorizer ${authorizer.name} allows ${state.methodArn}${state.found.authorizerCached ? ' (the policy was cached for this identity from an earlier request: a cached policy must cover every method it is reused for)' : ''}`);
  state.context.authorizer = authorizerContext(result, result.principalId!);
  if (result.usageIdentifierKey !== undefined) state.found.usageIdentifierKey = result.usageIdentifierKey;
  return undefined;
}

/** Runs a TOKEN or REQUEST authorizer for the request. */
export async function runLambdaAuthorizer(state: RoutedState, authorizer: AuthorizerDefinition): Promise<StageResult> {
  state.log.add(`Starting authorizer: ${authorizer.name} for request: ${requestIdOf(state)}`);
  const identity = authorizer.type === 'TOKEN' ? tokenIdentity(state, authorizer) : requestIdentity(state, authorizer);
  if (!identity.ok) return failed(state, identity.error);
  state.log.add(`Incoming identity: ${maskSecret(identity.identity.logText)}`);
  const answer = await answerFor(state, authorizer, identity.identity);
  if (!answer.ok) return answer.error;
  return applyAnswer(state, authorizer, answer.result);
}
