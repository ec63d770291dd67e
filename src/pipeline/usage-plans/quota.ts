/**
 * Usage-plan quotas (pipeline.md §5.3): at most `limit` requests per key and plan in each calendar
 * period (all the plan's stages together), `offset` of them already taken in the first period.
 */
import type { QuotaPeriod } from '../../model/index.js';

/** A quota after validation. */
export type QuotaRule =
  | { limit: number; offset: number; period: QuotaPeriod; refuseAll?: undefined }
  /** Nothing passes: the definition's quota is malformed (the reason, for the developer). */
  | { refuseAll: string };

const PERIODS: readonly string[] = ['DAY', 'WEEK', 'MONTH'];
const DAY_MS = 86_400_000;

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value;
}

const validCount = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value) && value >= 0;

/**
 * The plan's quota, or undefined when it has none (no quota, an unset `limit`, or `limit: Infinity`).
 * `limit` and `offset` are whole numbers on AWS; fractions are rounded down. Anything malformed (a
 * NaN, negative or non-numeric limit or offset, a period other than DAY, WEEK or MONTH) refuses every
 * request of the plan, naming the value, rather than silently lifting the quota (a choice: AWS
 * validates these when the plan is saved).
 */
export function quotaRule(raw: unknown, planId: string): QuotaRule | undefined {
  if (raw === undefined || raw === null) return undefined;
  const where = `usage plan ${planId} quota`;
  if (typeof raw !== 'object' || Array.isArray(raw)) return { refuseAll: `${where} is ${describe(raw)}, not an object, so every request is refused` };
  const { limit, offset, period } = raw as Record<string, unknown>;
  if (limit === undefined || limit === null) return undefined;
  const problems: string[] = [];
  if (!validCount(limit)) problems.push(`limit ${describe(limit)} is not a number >= 0`);
  const rawOffset = offset ?? 0;
  if (!validCount(rawOffset)) problems.push(`offset ${describe(rawOffset)} is not a number >= 0`);
  if (typeof period !== 'string' || !PERIODS.includes(period)) problems.push(`period ${describe(period)} is not DAY, WEEK or MONTH`);
  if (problems.length > 0) return { refuseAll: `${where}: ${problems.join('; ')}, so every request is refused` };
  if (limit === Infinity) return undefined;
  return { limit: Math.floor(limit as number), offset: Math.floor(rawOffset as number), period: period as QuotaPeriod };
}

/**
 * When the calendar period holding `now` began, in UTC: midnight for DAY (a StackOverflow answer
 * confirms UTC days, pipeline.md §5.3), the first of the month for MONTH. For WEEK AWS documents no
 * first day; this library starts weeks on Monday 00:00 UTC (ISO 8601) — UNKNOWN, a choice.
 *
 * AWS's own recovery may look like a rolling window (two users' observations, L); calendar periods are
 * what the documentation implies and what tests can predict.
 */
export function periodStart(period: QuotaPeriod, now: number): number {
  // Keep the start of the week or month inside JavaScript's date range (±8.64e15 ms): a clock reading at
  // its very edge must still count, not make every date function fail.
  const clamped = Math.min(Math.max(now, -EARLIEST_COUNTED_MS), EARLIEST_COUNTED_MS);
  const day = Math.floor(clamped / DAY_MS);
  if (period === 'DAY') return day * DAY_MS;
  if (period === 'WEEK') {
    // 1970-01-01 was a Thursday: three days after a Monday.
    const sinceMonday = (((day + 3) % 7) + 7) % 7;
    return (day - sinceMonday) * DAY_MS;
  }
  const date = new Date(clamped);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** The widest clock reading whose week and month start are valid dates. */
const EARLIEST_COUNTED_MS = 8.64e15 - 40 * DAY_MS;

/** One key's use of one plan's quota. */
export interface QuotaCounter {
  /** The start of the period {@link used} counts. */
  periodStart: number;
  used: number;
}

/**
 * The requests the period allows: `limit`, less `offset` in the plan's first period. The first period
 * is the one of the plan's first counted request here (on AWS, of the plan's creation).
 */
export function allowedInPeriod(rule: { limit: number; offset: number }, periodStartMs: number, firstPeriodStart: number): number {
  return rule.limit - (periodStartMs === firstPeriodStart ? rule.offset : 0);
}
