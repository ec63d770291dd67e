/**
 * Everything the usage-plan check keeps between requests for one API: the definition's keys and plans
 * indexed once, the token buckets, and the quota counters. Owned by the API's {@link ApiRuntime}; two
 * APIs never share counters.
 *
 * Bounds: an unknown key value never creates state. Buckets are capped (see {@link BucketStore}); quota
 * counters exist only per (plan, key) pair the definition declares, and per plan for its first period,
 * so they are bounded by the definition's size.
 */
import type { ApiDefinition } from '../../model/index.js';
import { BucketStore, DEFAULT_MAX_BUCKETS, type BucketClaim } from './bucket-store.js';
import { allowedInPeriod, periodStart, type QuotaCounter, type QuotaRule } from './quota.js';
import { indexUsagePlans, planForStage, type IndexedKey, type IndexedPlan, type UsageIndex } from './usage-index.js';

export interface UsageStateOptions {
  /** At most this many token buckets are kept (default {@link DEFAULT_MAX_BUCKETS}). */
  maxBuckets?: number;
}

/** The widest time a JavaScript Date can hold (ms either side of the epoch). */
const MAX_TIME = 8.64e15;

/** What counting one request against a quota found. */
export interface QuotaOutcome {
  admitted: boolean;
  /** Requests counted in the current period, this one included when admitted. */
  used: number;
  /** Requests the current period allows. */
  allowed: number;
  periodStart: number;
}

export class UsageState {
  private readonly index: UsageIndex;
  private readonly buckets: BucketStore;
  private readonly quotas = new Map<string, QuotaCounter>();
  private readonly firstPeriods = new Map<string, number>();
  /** The latest request time seen: the clock every counter reads, so it never runs backwards. */
  private latest = -Infinity;

  constructor(
    readonly definition: ApiDefinition,
    options: UsageStateOptions = {},
  ) {
    this.index = indexUsagePlans(definition);
    const max = options.maxBuckets;
    this.buckets = new BucketStore(typeof max === 'number' && max >= 1 ? Math.floor(max) : DEFAULT_MAX_BUCKETS);
  }

  /** The number of token buckets kept now. */
  get bucketCount(): number {
    return this.buckets.size;
  }

  /** The number of quota counters kept now. */
  get quotaCounterCount(): number {
    return this.quotas.size;
  }

  /**
   * The time counters use for a request that arrived at `now` (ms): `now`, unless an earlier request
   * was later, in which case time stands still. A clock going backwards therefore mints no tokens and
   * never reopens a finished quota period; a non-finite or out-of-range `now` is ignored the same way.
   */
  advanceClock(now: number): number {
    if (typeof now === 'number' && Number.isFinite(now) && Math.abs(now) <= MAX_TIME && now > this.latest) this.latest = now;
    return this.latest === -Infinity ? 0 : this.latest;
  }

  /** The key a caller's value names (enabled or not), or undefined. */
  findKey(value: string): IndexedKey | undefined {
    return this.index.keysByValue.get(value);
  }

  /** The plan through which `key` may call `stage`, or undefined. */
  planFor(key: IndexedKey, stage: string): IndexedPlan | undefined {
    return planForStage(key, stage);
  }

  /**
   * Takes a token from each claimed bucket at `now` if all have one (-1), else takes none and returns
   * the index of the first empty bucket.
   */
  takeTokens(claims: readonly BucketClaim[], now: number): number {
    return this.buckets.take(claims, now);
  }

  /**
   * Counts one request of `key` through `plan` at `now` against the plan's quota, unless the current
   * period's allowance is spent (then nothing is counted).
   */
  countQuota(plan: IndexedPlan, key: IndexedKey, rule: Exclude<QuotaRule, { refuseAll: string }>, now: number): QuotaOutcome {
    const start = periodStart(rule.period, now);
    let first = this.firstPeriods.get(plan.id);
    if (first === undefined) {
      first = start;
      this.firstPeriods.set(plan.id, first);
    }
    const id = JSON.stringify([plan.id, key.id]);
    const previous = this.quotas.get(id);
    // The clock never runs back, so a counter's period is never later than `start`.
    const counter = previous && previous.periodStart >= start ? previous : { periodStart: start, used: 0 };
    const allowed = allowedInPeriod(rule, counter.periodStart, first);
    if (counter.used + 1 > allowed) {
      this.quotas.set(id, counter);
      return { admitted: false, used: counter.used, allowed, periodStart: counter.periodStart };
    }
    const next = { periodStart: counter.periodStart, used: counter.used + 1 };
    this.quotas.set(id, next);
    return { admitted: true, used: next.used, allowed, periodStart: next.periodStart };
  }
}
