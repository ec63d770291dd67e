/**
 * The usage-plan stage (pipeline.md §5), as API Gateway runs it after the authorizer: the API key
 * (for methods that require one), then the throttles, then the quota.
 */
import { DEFAULT_API_ID } from '../../gateway/context.js';
import type { StageSettings } from '../../model/index.js';
import { gatewayError, type GatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState, StageResult } from '../request-state.js';
import { presentedApiKey } from './api-key-source.js';
import { apiStage, INTERNAL_ERROR_LINE, keyThrottleLine, maskApiKey, notAuthorizedLine, notRequiredLine, succeededLine, verifyingLine } from './log-lines.js';
import { quotaRule } from './quota.js';
import { ACCOUNT_RULE, methodSettingsKey, planThrottleRule, stageThrottleRule, type ThrottleRule } from './throttle-rules.js';
import type { IndexedKey, IndexedPlan } from './usage-index.js';
import type { UsageState } from './usage-state.js';

export { apiKeyValues, generatedApiKeyValue, type ApiKeyListing } from './api-keys.js';
export { UsageState, type UsageStateOptions } from './usage-state.js';

/** A key-required request's key and the plan it reaches the stage through. */
interface Grant {
  key: IndexedKey;
  plan: IndexedPlan;
}

/** The ids the log lines and diagnostics name. */
interface Where {
  apiId: string;
  stage: string;
  resourceId: string;
  requestId: string;
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/**
 * The key's grant for the stage, or why there is none. AWS answers all four cases the same way, 403
 * INVALID_API_KEY `{"message":"Forbidden"}` (pipeline.md §5.1, O5); the reasons are for the developer.
 */
function grantFor(usage: UsageState, presented: string | undefined, stage: string, masked: string): Grant | string {
  if (presented === undefined) return 'the method requires an API key and the request sent none';
  const key = usage.findKey(presented);
  if (!key) return `API key ${masked} is not a key of this API`;
  if (!key.enabled) return `API key ${key.id} is disabled`;
  const plan = usage.planFor(key, stage);
  if (!plan) return `API key ${key.id} is in no usage plan covering stage ${stage}`;
  return { key, plan };
}

/** The throttles the request counts against, most specific first (DG:api-gateway-request-throttling.md). */
function throttleRules(state: RoutedState, grant: Grant | undefined, stage: string): ThrottleRule[] {
  const methodKey = methodSettingsKey(state.method.resourcePath, state.method.httpMethod);
  const rules: ThrottleRule[] = [];
  const plan = grant && planThrottleRule(grant.plan, grant.key.id, stage, methodKey);
  if (plan) rules.push(plan);
  const all = state.api.stageSettings;
  const settings = all && Object.hasOwn(all, stage) ? (all[stage] as StageSettings) : undefined;
  const stageRule = stageThrottleRule(settings, stage, methodKey);
  if (stageRule) rules.push(stageRule);
  rules.push(ACCOUNT_RULE);
  return rules;
}

function throttled(state: RoutedState, rule: ThrottleRule, where: Where): GatewayError {
  const { httpMethod, resourcePath } = state.method;
  state.log.add(keyThrottleLine(where.apiId, where.stage, where.resourceId, httpMethod, rule.rate, rule.burst));
  if (rule.refuseAll) state.warnings.push(rule.refuseAll);
  const diagnostic = rule.refuseAll ?? `the ${rule.level} throttle (rate ${rule.rate}/s, burst ${rule.burst}) has no token left for ${httpMethod} ${resourcePath} on stage ${where.stage}`;
  return gatewayError('THROTTLED', 'throttle', diagnostic);
}

/** The quota check of a key-required request that passed the throttles. */
function checkQuota(state: RoutedState, usage: UsageState, grant: Grant, now: number): GatewayError | undefined {
  const rule = quotaRule(grant.plan.quota, grant.plan.id);
  if (!rule) return undefined;
  if (rule.refuseAll !== undefined) {
    state.warnings.push(rule.refuseAll);
    return gatewayError('QUOTA_EXCEEDED', 'quota', rule.refuseAll);
  }
  const outcome = usage.countQuota(grant.plan, grant.key, rule, now);
  if (outcome.admitted) return undefined;
  // No execution-log line: AWS's wording for a spent quota is unrecorded.
  const since = new Date(outcome.periodStart).toISOString();
  return gatewayError('QUOTA_EXCEEDED', 'quota', `API key ${grant.key.id} has used the ${Math.max(0, outcome.allowed)} requests usage plan ${grant.plan.id} allows this ${rule.period.toLowerCase()} (since ${since})`);
}

/**
 * Throttles, then quota (a throttled request spends no quota, pipeline.md §5.3 INF). A request takes
 * a token from every bucket it counts against, or from none when any is empty.
 */
function applyLimits(state: RoutedState, usage: UsageState, grant: Grant | undefined, now: number, where: Where): GatewayError | undefined {
  const rules = throttleRules(state, grant, where.stage);
  const refused = rules.find((rule) => rule.refuseAll !== undefined);
  if (refused) return throttled(state, refused, where);
  const empty = usage.takeTokens(rules, now);
  if (empty >= 0) return throttled(state, rules[empty]!, where);
  return grant ? checkQuota(state, usage, grant, now) : undefined;
}

/**
 * The usage-plan stage.
 *
 * - A method with `apiKeyRequired` needs a key (from {@link presentedApiKey}) that is a key of the API,
 *   enabled, and in a usage plan covering the stage; otherwise 403 INVALID_API_KEY. The key then counts
 *   against its plan's throttle and quota, and `$context.identity.apiKey` / `apiKeyId` are set.
 * - Any other method ignores the key: it neither counts against a plan nor sets the identity
 *   (DG:api-gateway-create-usage-plans-with-rest-api.md), but the stage's method throttles and the
 *   account throttle still apply.
 * - Over a throttle: 429 THROTTLED. Over the quota: 429 QUOTA_EXCEEDED.
 *
 * The clock is `state.now`. The execution log gets AWS's lines; the key is masked as AWS masks it, and
 * is shown (masked) whenever the request presents one, also for methods that ignore it (AWS's logs
 * only show such methods called without a key; a choice).
 */
export function checkUsagePlan(state: RoutedState): StageResult {
  const usage = state.runtime.usage;
  const now = usage.advanceClock(state.now);
  const where: Where = {
    apiId: text(state.context.apiId, DEFAULT_API_ID),
    stage: state.request.stage,
    resourceId: text(state.context.resourceId, ''),
    requestId: text(state.context.requestId, ''),
  };
  const stageName = apiStage(where.apiId, where.stage);
  const presented = presentedApiKey(state);
  const masked = maskApiKey(presented);
  const { httpMethod, resourcePath } = state.method;
  state.log.add(verifyingLine(where.requestId, masked, stageName));

  const required = state.method.apiKeyRequired === true;
  let grant: Grant | undefined;
  if (required) {
    const found = grantFor(usage, presented, where.stage, masked);
    if (typeof found === 'string') {
      state.log.add(notAuthorizedLine(masked, httpMethod, resourcePath, stageName));
      return gatewayError('INVALID_API_KEY', 'api-key', found);
    }
    grant = found;
    // A new object: the identity may be shared with the caller's options.
    state.context.identity = { ...state.context.identity, apiKey: presented, apiKeyId: found.key.id };
  }

  try {
    const limited = applyLimits(state, usage, grant, now, where);
    if (limited) return limited;
  } catch (cause) {
    // AWS serves a request whose limits it cannot check, and logs this (AWS developer guide, usage plans).
    state.log.add(INTERNAL_ERROR_LINE);
    state.warnings.push(`usage plan check failed, limits not applied: ${cause instanceof Error ? cause.message : typeof cause}`);
  }

  if (!required) state.log.add(notRequiredLine(masked, httpMethod, resourcePath));
  state.log.add(succeededLine(masked, stageName));
  return undefined;
}
