/**
 * Which token buckets a request draws from, and with what limits (pipeline.md §5.2): the usage plan's
 * per-method or plan-wide throttle for the caller's key, the stage's method settings, and the account.
 * Definitions come from strangers, so every limit is validated here; the rules below are pure.
 */
import type { MethodSettings, StageSettings, ThrottleSettings } from '../../model/index.js';
import type { IndexedPlan } from './usage-index.js';

/** The account-level throttle every request counts against (DG:limits.md: 10,000 rps, burst 5,000). */
export const ACCOUNT_RATE_LIMIT = 10_000;
export const ACCOUNT_BURST_LIMIT = 5_000;

export type ThrottleLevel = 'usage plan' | 'usage plan method' | 'stage method' | 'account';

/** One bucket a request must take a token from. */
export interface ThrottleRule {
  level: ThrottleLevel;
  /** The bucket's identity in {@link UsageState}: requests with the same id share the tokens. */
  bucket: string;
  /** Tokens per second (possibly fractional). */
  rate: number;
  /** The bucket's size, a whole number. */
  burst: number;
  /**
   * Set when no request can pass: a rate or burst of 0, or a malformed value in the definition (the
   * reason, for the developer). Such a rule needs no bucket.
   */
  refuseAll?: string;
}

type Raw = unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record's own entry (so a key like `__proto__` or `constructor` is only ever data). */
function ownEntry(record: unknown, key: string): unknown {
  return isRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

const isSet = (value: Raw): boolean => value !== undefined && value !== null;

/** The first value of the chain that is set, most specific first. */
function firstSet(...chain: Raw[]): Raw {
  return chain.find(isSet);
}

/** How a malformed value is named in a diagnostic, without calling anything on it. */
function describe(value: Raw): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value;
}

const validLimit = (value: Raw): value is number => typeof value === 'number' && !Number.isNaN(value) && value >= 0;

/**
 * The rule for a bucket whose limits are `rawRate` / `rawBurst`, each falling back to the account's
 * when unset.
 *
 * Choices where AWS is unrecorded (pipeline.md §5.2, L): a rate or burst of 0 refuses every request
 * (rather than admitting a first burst); the burst is a whole number of tokens (AWS stores an int), so
 * a fractional burst is rounded down; `Infinity` in either field means unlimited (no bucket). A
 * malformed value (NaN, negative, not a number) refuses every request the rule governs, with the value
 * named in the diagnostic: a broken definition then shows at the first request instead of silently
 * letting everything through. (AWS itself rejects such values when the plan or stage is saved.)
 */
function ruleFrom(level: ThrottleLevel, bucket: string, rawRate: Raw, rawBurst: Raw, where: string): ThrottleRule | undefined {
  const rate = isSet(rawRate) ? rawRate : ACCOUNT_RATE_LIMIT;
  const burst = isSet(rawBurst) ? rawBurst : ACCOUNT_BURST_LIMIT;
  const invalid: string[] = [];
  if (!validLimit(rate)) invalid.push(`rate limit ${describe(rate)}`);
  if (!validLimit(burst)) invalid.push(`burst limit ${describe(burst)}`);
  if (invalid.length > 0) {
    return {
      level,
      bucket,
      rate: validLimit(rate) && rate !== Infinity ? rate : 0,
      burst: validLimit(burst) && burst !== Infinity ? Math.floor(burst) : 0,
      refuseAll: `${where}: ${invalid.join(' and ')} is not a number >= 0, so every request is throttled`,
    };
  }
  const r = rate as number;
  const b = burst as number;
  if (r === Infinity || b === Infinity) return undefined;
  const whole = Math.floor(b);
  if (r === 0 || whole === 0) return { level, bucket, rate: r, burst: whole, refuseAll: `${where}: a ${r === 0 ? 'rate' : 'burst'} limit of 0 throttles every request` };
  return { level, bucket, rate: r, burst: whole };
}

/** A rule for a throttle entry that is not even an object. */
function malformed(level: ThrottleLevel, bucket: string, value: Raw, where: string): ThrottleRule {
  return { level, bucket, rate: 0, burst: 0, refuseAll: `${where} is ${describe(value)}, not a throttle object, so every request is throttled` };
}

/** `/{resourcePath}/{HTTPMETHOD}`: how usage plans and stage method settings name a method (`//GET` for the root). */
export function methodSettingsKey(resourcePath: string, httpMethod: string): string {
  return `${resourcePath}/${httpMethod}`;
}

/**
 * The usage plan's rule for a key-required request: the plan's throttle for this method
 * (`apiStages[].throttle["/pets/GET"]`) when it has one, else the plan's own throttle; undefined when
 * the plan does not throttle. A method throttle's unset field falls back to the plan's, then to the
 * account's (L). Buckets are per (key, plan, stage), or per (key, plan, stage, method) for a method
 * throttle (pipeline.md §5.2 INF).
 */
export function planThrottleRule(plan: IndexedPlan, keyId: string, stage: string, methodKey: string): ThrottleRule | undefined {
  const planThrottle: Raw = plan.throttle;
  const methodThrottle = ownEntry(plan.stages.get(stage), methodKey);
  const planWhere = `usage plan ${plan.id}`;
  if (isSet(methodThrottle)) {
    const bucket = JSON.stringify(['plan-method', plan.id, keyId, stage, methodKey]);
    const where = `${planWhere} throttle of ${methodKey} on stage ${stage}`;
    if (!isRecord(methodThrottle)) return malformed('usage plan method', bucket, methodThrottle, where);
    const fallback = isRecord(planThrottle) ? (planThrottle as ThrottleSettings) : {};
    return ruleFrom('usage plan method', bucket, firstSet(methodThrottle.rateLimit, fallback.rateLimit), firstSet(methodThrottle.burstLimit, fallback.burstLimit), where);
  }
  if (!isSet(planThrottle)) return undefined;
  const bucket = JSON.stringify(['plan', plan.id, keyId, stage]);
  if (!isRecord(planThrottle)) return malformed('usage plan', bucket, planThrottle, `${planWhere} throttle`);
  if (!isSet(planThrottle.rateLimit) && !isSet(planThrottle.burstLimit)) return undefined;
  return ruleFrom('usage plan', bucket, planThrottle.rateLimit, planThrottle.burstLimit, `${planWhere} throttle`);
}

/**
 * The stage's rule for a method: `methodSettings["/pets/GET"]`, field by field over
 * `methodSettings["*\/*"]` (also accepted as `/*\/*`, the CloudFormation spelling), over the stage's
 * `throttle`, over the account's; undefined when the stage sets no throttling at all.
 *
 * The stage-wide settings are per-method defaults, as AWS's "default method throttling" is: each
 * method of the stage has its own bucket, per (stage, resource, method) (pipeline.md §5.2 INF).
 */
export function stageThrottleRule(settings: StageSettings | undefined, stage: string, methodKey: string): ThrottleRule | undefined {
  const bucket = JSON.stringify(['stage-method', stage, methodKey]);
  const where = `stage ${stage} method settings for ${methodKey}`;
  if (!isSet(settings)) return undefined;
  if (!isRecord(settings)) return malformed('stage method', bucket, settings, `stage ${stage} settings`);
  const methodSettings = settings.methodSettings;
  const own = ownEntry(methodSettings, methodKey);
  const all = firstSet(ownEntry(methodSettings, '*/*'), ownEntry(methodSettings, '/*/*'));
  for (const [value, key] of [[own, methodKey], [all, '*/*']] as const) {
    if (isSet(value) && !isRecord(value)) return malformed('stage method', bucket, value, `stage ${stage} method settings ${key}`);
  }
  if (isSet(settings.throttle) && !isRecord(settings.throttle)) return malformed('stage method', bucket, settings.throttle, `stage ${stage} throttle`);
  const m = (own ?? {}) as MethodSettings;
  const a = (all ?? {}) as MethodSettings;
  const t = (settings.throttle ?? {}) as ThrottleSettings;
  const rate = firstSet(m.throttlingRateLimit, a.throttlingRateLimit, t.rateLimit);
  const burst = firstSet(m.throttlingBurstLimit, a.throttlingBurstLimit, t.burstLimit);
  if (!isSet(rate) && !isSet(burst)) return undefined;
  return ruleFrom('stage method', bucket, rate, burst, where);
}

/**
 * The account's rule. On AWS the bucket is shared by every API of the account in the Region; here it
 * is per API (each API's runtime owns its counters, and nothing is process-wide).
 */
export const ACCOUNT_RULE: ThrottleRule = Object.freeze({ level: 'account', bucket: '["account"]', rate: ACCOUNT_RATE_LIMIT, burst: ACCOUNT_BURST_LIMIT });
