import { describe, expect, it } from 'vitest';
import type { ApiDefinition } from '../../../src/model/index.js';
import { Harness, KEY_A, mockMethod } from './harness.js';

const keyed = mockMethod('GET', '/k', { apiKeyRequired: true });
const open = mockMethod('GET', '/o');

function randomKey(i: number): string {
  return `${i.toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

describe('usage plans against hostile input', () => {
  it('100k distinct random keys create no state', () => {
    const h = new Harness({
      methods: [keyed, open],
      stageSettings: { dev: { methodSettings: { '*/*': { throttlingRateLimit: 1e9, throttlingBurstLimit: 1e9 } } } },
      apiKeys: [{ id: 'a', value: KEY_A }],
      usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], apiKeyIds: ['a'], throttle: { rateLimit: 1, burstLimit: 1 }, quota: { limit: 1, period: 'DAY' } }],
    });
    const usage = h.runtime.usage;
    for (let i = 0; i < 50_000; i++) {
      h.now += 1;
      expect(h.send({ method: keyed, key: randomKey(i) }).error?.type).toBe('INVALID_API_KEY');
    }
    expect(usage.bucketCount).toBe(0);
    for (let i = 0; i < 50_000; i++) {
      h.now += 1;
      h.send({ method: open, key: randomKey(i) });
    }
    // The stage method bucket and the account bucket, whatever the keys.
    expect(usage.bucketCount).toBe(2);
    expect(usage.quotaCounterCount).toBe(0);
  });

  it('stage names the definition does not know create no buckets', () => {
    const h = new Harness({ methods: [open], stageSettings: { dev: { throttle: { rateLimit: 5, burstLimit: 5 } } } });
    for (let i = 0; i < 2000; i++) h.send({ method: open, stage: randomKey(i), at: h.now + i });
    expect(h.runtime.usage.bucketCount).toBe(1);
  });

  it('many known keys stay within the bucket cap', () => {
    const keys = Array.from({ length: 10_500 }, (_, i) => ({ id: `k${i}`, value: `value-of-key-number-${i}-xxxxxxxxxx` }));
    const h = new Harness({
      methods: [keyed],
      apiKeys: keys,
      usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], apiKeyIds: keys.map((k) => k.id), throttle: { rateLimit: 0.001, burstLimit: 5 } }],
    });
    for (const key of keys) {
      h.now += 1;
      expect(h.send({ method: keyed, key: key.value }).error).toBeUndefined();
    }
    expect(h.runtime.usage.bucketCount).toBeLessThanOrEqual(10_000);
  });

  describe('malformed limits give a typed outcome, never a crash', () => {
    const withPlan = (plan: Record<string, unknown>): ApiDefinition =>
      ({
        methods: [keyed],
        apiKeys: [{ id: 'a', value: KEY_A }],
        usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], apiKeyIds: ['a'], ...plan }],
      }) as ApiDefinition;

    const throttles: [string, unknown, 'THROTTLED' | undefined][] = [
      ['NaN rate', { rateLimit: Number.NaN, burstLimit: 5 }, 'THROTTLED'],
      ['negative rate', { rateLimit: -1, burstLimit: 5 }, 'THROTTLED'],
      ['-Infinity burst', { rateLimit: 5, burstLimit: -Infinity }, 'THROTTLED'],
      ['string rate', { rateLimit: '5', burstLimit: 5 }, 'THROTTLED'],
      ['object burst', { rateLimit: 5, burstLimit: { valueOf: () => 5 } }, 'THROTTLED'],
      ['throttle not an object', 'fast', 'THROTTLED'],
      ['Infinity rate (unlimited)', { rateLimit: Infinity, burstLimit: 1 }, undefined],
      ['Infinity burst (unlimited)', { rateLimit: 1, burstLimit: Infinity }, undefined],
    ];
    for (const [name, throttle, expected] of throttles) {
      it(`plan throttle with ${name} → ${expected ?? 'admitted'}`, () => {
        const h = new Harness(withPlan({ throttle }));
        const results = [h.send({ key: KEY_A }), h.send({ key: KEY_A })];
        for (const { error } of results) expect(error?.type).toBe(expected);
        if (expected) {
          expect(results[0]!.error?.diagnostic).toMatch(/every request is throttled/);
          expect(results[0]!.state.warnings.length).toBe(1);
        }
      });
    }

    const quotas: [string, unknown, 'QUOTA_EXCEEDED' | undefined][] = [
      ['NaN limit', { limit: Number.NaN, period: 'DAY' }, 'QUOTA_EXCEEDED'],
      ['negative limit', { limit: -3, period: 'DAY' }, 'QUOTA_EXCEEDED'],
      ['negative offset', { limit: 3, offset: -1, period: 'DAY' }, 'QUOTA_EXCEEDED'],
      ['unknown period', { limit: 3, period: 'YEAR' }, 'QUOTA_EXCEEDED'],
      ['quota not an object', 7, 'QUOTA_EXCEEDED'],
      ['unset limit', { period: 'DAY' }, undefined],
    ];
    for (const [name, quota, expected] of quotas) {
      it(`quota with ${name} → ${expected ?? 'admitted'}`, () => {
        const { error } = new Harness(withPlan({ quota })).send({ key: KEY_A });
        expect(error?.type).toBe(expected);
        if (expected) expect(error?.diagnostic).toMatch(/every request is refused/);
      });
    }

    it('a malformed stage method setting throttles that method only', () => {
      const h = new Harness({
        methods: [keyed, open],
        stageSettings: { dev: { methodSettings: { '/o/GET': { throttlingRateLimit: Number.NaN } } } },
      } as ApiDefinition);
      expect(h.send({ method: open }).error).toMatchObject({ type: 'THROTTLED', diagnostic: expect.stringMatching(/rate limit NaN/) });
      expect(h.send({ method: keyed }).error?.type).toBe('INVALID_API_KEY');
    });
  });

  it('definitions of the wrong shape never throw', () => {
    const shapes: unknown[] = [
      { methods: [keyed], usagePlans: 'x', apiKeys: {} },
      { methods: [keyed], apiKeys: [null, 1, { id: 2 }, { id: 'a', value: KEY_A }], usagePlans: [null, { id: 'p' }, { id: 'q', apiStages: 'dev', apiKeyIds: 'a' }] },
      { methods: [keyed], apiKeys: [{ id: 'a', value: KEY_A }], usagePlans: [{ id: 'p', apiStages: [null, { stage: 5 }, { stage: 'dev', throttle: 'x' }], apiKeyIds: ['a', 7] }] },
      { methods: [keyed], apiKeys: [{ id: 'a', value: KEY_A }], usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev', throttle: { '/k/GET': 5 } }], apiKeyIds: ['a'] }] },
      { methods: [keyed, open], stageSettings: { dev: 'x' } },
      { methods: [keyed, open], stageSettings: { dev: { methodSettings: { '*/*': 3 }, throttle: [] } } },
      { methods: [keyed, open], apiKeySource: 'QUERY' },
    ];
    for (const shape of shapes) {
      const h = new Harness(shape as ApiDefinition);
      for (const method of [keyed, open]) {
        const { error } = h.send({ method, key: KEY_A });
        if (error) expect(['INVALID_API_KEY', 'THROTTLED', 'QUOTA_EXCEEDED']).toContain(error.type);
      }
    }
  });

  it('names like __proto__ and constructor are only data', () => {
    const proto = mockMethod('GET', '__proto__', { apiKeyRequired: true });
    const def = JSON.parse(
      JSON.stringify({
        methods: [],
        apiKeys: [{ id: '__proto__', value: 'constructor' }],
        usagePlans: [{ id: 'constructor', apiStages: [{ stage: '__proto__', throttle: { '__proto__/GET': { burstLimit: 1 } } }], apiKeyIds: ['__proto__'] }],
        stageSettings: { __proto__: { methodSettings: { '__proto__/GET': { throttlingBurstLimit: 2 } } } },
      }),
    ) as ApiDefinition;
    def.methods = [proto];
    const h = new Harness(def);
    expect(h.send({ method: proto, key: 'constructor', stage: '__proto__' }).error).toBeUndefined();
    expect(h.send({ method: proto, key: 'constructor', stage: '__proto__' }).error?.type).toBe('THROTTLED');
    expect(h.send({ method: proto, key: 'toString', stage: '__proto__' }).error?.type).toBe('INVALID_API_KEY');
    expect(h.send({ method: proto, key: 'constructor', stage: 'constructor' }).error?.type).toBe('INVALID_API_KEY');
    expect(({} as Record<string, unknown>).burstLimit).toBeUndefined();
  });

  it('a huge or non-finite clock never breaks the counters', () => {
    const h = new Harness({
      methods: [keyed],
      apiKeys: [{ id: 'a', value: KEY_A }],
      usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], apiKeyIds: ['a'], throttle: { rateLimit: 1, burstLimit: 1 }, quota: { limit: 5, period: 'MONTH' } }],
    });
    for (const at of [Number.NaN, Infinity, -Infinity, 1e300, -1e300, 8.64e15, -8.64e15, 0]) {
      const { error } = h.send({ key: KEY_A, at });
      if (error) expect(['THROTTLED', 'QUOTA_EXCEEDED']).toContain(error.type);
    }
  });

  it('a long x-api-key header is masked in the log without echoing it', () => {
    const key = 'x'.repeat(5000) + 'secret';
    const { log, error } = new Harness({ methods: [keyed] }).send({ key });
    expect(error?.type).toBe('INVALID_API_KEY');
    expect(log.join('\n')).not.toContain('xxxxxxsecret');
    expect(error?.diagnostic).not.toContain('xxxxxxsecret');
  });
});
