import { describe, expect, it } from 'vitest';
import type { ApiDefinition, QuotaSettings, ThrottleSettings } from '../../../src/model/index.js';
import { periodStart } from '../../../src/pipeline/usage-plans/quota.js';
import { Harness, KEY_A, KEY_B, mockMethod, T0 } from './harness.js';

const get = mockMethod('GET', '/items', { apiKeyRequired: true });

function api(quota: QuotaSettings, throttle?: ThrottleSettings): ApiDefinition {
  return {
    title: 'quota',
    methods: [get],
    apiKeys: [
      { id: 'a', value: KEY_A },
      { id: 'b', value: KEY_B },
    ],
    usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }, { stage: 'prod' }], apiKeyIds: ['a', 'b'], quota, throttle }],
  };
}

const at = (iso: string) => Date.parse(iso);

describe('quotas (pipeline.md §5.3)', () => {
  it('AWS: over the quota answers 429 QUOTA_EXCEEDED Limit Exceeded (O6: "request #3 → Limit Exceeded" with limit 2)', () => {
    const h = new Harness(api({ limit: 2, period: 'DAY' }));
    expect(h.send({ key: KEY_A }).error).toBeUndefined();
    expect(h.send({ key: KEY_A }).error).toBeUndefined();
    expect(h.send({ key: KEY_A }).error).toMatchObject({ type: 'QUOTA_EXCEEDED', message: 'Limit Exceeded', stage: 'quota' });
  });

  it('DAY periods are UTC calendar days', () => {
    const h = new Harness(api({ limit: 1, period: 'DAY' }));
    expect(h.send({ key: KEY_A, at: at('2024-03-01T12:00:00Z') }).error).toBeUndefined();
    expect(h.send({ key: KEY_A, at: at('2024-03-01T23:59:59.999Z') }).error?.type).toBe('QUOTA_EXCEEDED');
    expect(h.send({ key: KEY_A, at: at('2024-03-02T00:00:00Z') }).error).toBeUndefined();
    expect(h.send({ key: KEY_A, at: at('2024-03-02T08:00:00Z') }).error?.type).toBe('QUOTA_EXCEEDED');
  });

  it('WEEK periods start on Monday 00:00 UTC (a choice: AWS documents no first day)', () => {
    const h = new Harness(api({ limit: 1, period: 'WEEK' }));
    expect(h.send({ key: KEY_A, at: at('2024-03-01T00:00:00Z') }).error).toBeUndefined(); // Friday
    expect(h.send({ key: KEY_A, at: at('2024-03-03T23:59:59.999Z') }).error?.type).toBe('QUOTA_EXCEEDED'); // Sunday
    expect(h.send({ key: KEY_A, at: at('2024-03-04T00:00:00Z') }).error).toBeUndefined(); // Monday
    expect(h.send({ key: KEY_A, at: at('2024-03-10T23:00:00Z') }).error?.type).toBe('QUOTA_EXCEEDED');
  });

  it('MONTH periods are calendar months in UTC, whatever their length', () => {
    const h = new Harness(api({ limit: 1, period: 'MONTH' }));
    expect(h.send({ key: KEY_A, at: at('2024-02-29T23:00:00Z') }).error).toBeUndefined();
    expect(h.send({ key: KEY_A, at: at('2024-03-01T00:00:00Z') }).error).toBeUndefined();
    expect(h.send({ key: KEY_A, at: at('2024-03-31T23:59:59.999Z') }).error?.type).toBe('QUOTA_EXCEEDED');
    expect(h.send({ key: KEY_A, at: at('2024-04-01T00:00:00Z') }).error).toBeUndefined();
  });

  it('AWS: offset is taken from the first period only (API reference, QuotaSettings)', () => {
    const h = new Harness(api({ limit: 5, offset: 3, period: 'DAY' }));
    h.now = at('2024-03-01T10:00:00Z');
    expect(h.burst(5, { key: KEY_A })).toBe(2);
    // The first period is the plan's: a key first seen later in the same day gets the reduced allowance too.
    expect(h.burst(5, { key: KEY_B })).toBe(2);
    h.now = at('2024-03-02T10:00:00Z');
    expect(h.burst(7, { key: KEY_A })).toBe(5);
  });

  it('an offset above the limit refuses the whole first period', () => {
    const h = new Harness(api({ limit: 2, offset: 5, period: 'DAY' }));
    expect(h.send({ key: KEY_A }).error?.type).toBe('QUOTA_EXCEEDED');
    h.now += 86_400_000;
    expect(h.burst(3, { key: KEY_A })).toBe(2);
  });

  it('AWS: the quota counts per key, across all the stages of the plan (DG:api-gateway-api-usage-plans.md)', () => {
    const h = new Harness(api({ limit: 2, period: 'DAY' }));
    expect(h.send({ key: KEY_A, stage: 'dev' }).error).toBeUndefined();
    expect(h.send({ key: KEY_A, stage: 'prod' }).error).toBeUndefined();
    expect(h.send({ key: KEY_A, stage: 'dev' }).error?.type).toBe('QUOTA_EXCEEDED');
    expect(h.send({ key: KEY_B, stage: 'dev' }).error).toBeUndefined();
  });

  it('throttled requests spend no quota: the throttle is checked first (pipeline.md §5.3 INF)', () => {
    const h = new Harness(api({ limit: 2, period: 'DAY' }, { rateLimit: 1, burstLimit: 1 }));
    expect(h.burst(10, { key: KEY_A })).toBe(1);
    h.now += 1000;
    expect(h.send({ key: KEY_A }).error).toBeUndefined();
    h.now += 1000;
    expect(h.send({ key: KEY_A }).error?.type).toBe('QUOTA_EXCEEDED');
  });

  it('a clock going back across a boundary keeps counting in the latest period', () => {
    const h = new Harness(api({ limit: 1, period: 'DAY' }));
    expect(h.send({ key: KEY_A, at: at('2024-03-02T00:00:01Z') }).error).toBeUndefined();
    expect(h.send({ key: KEY_A, at: at('2024-03-01T23:59:59Z') }).error?.type).toBe('QUOTA_EXCEEDED');
  });

  it('limit Infinity means no quota; limit 0 refuses everything', () => {
    expect(new Harness(api({ limit: Infinity, period: 'DAY' })).burst(20, { key: KEY_A })).toBe(20);
    expect(new Harness(api({ limit: 0, period: 'DAY' })).send({ key: KEY_A }).error?.type).toBe('QUOTA_EXCEEDED');
  });

  it('the diagnostic says how much was used and since when', () => {
    const h = new Harness(api({ limit: 1, period: 'WEEK' }));
    h.send({ key: KEY_A });
    expect(h.send({ key: KEY_A }).error?.diagnostic).toBe('API key a has used the 1 requests usage plan p allows this week (since 2024-02-26T00:00:00.000Z)');
  });

  it('periodStart handles dates before the epoch', () => {
    expect(new Date(periodStart('WEEK', Date.UTC(1969, 11, 31, 12))).toISOString()).toBe('1969-12-29T00:00:00.000Z');
    expect(new Date(periodStart('DAY', Date.UTC(1969, 11, 31, 12))).toISOString()).toBe('1969-12-31T00:00:00.000Z');
    expect(new Date(periodStart('MONTH', T0 - 1)).toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });
});
