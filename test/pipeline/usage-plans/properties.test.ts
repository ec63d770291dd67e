import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UsageState } from '../../../src/pipeline/usage-plans/usage-state.js';
import { Harness, KEY_A, mockMethod, T0 } from './harness.js';

const rate = fc.double({ min: 0.01, max: 50, noNaN: true });
const burst = fc.integer({ min: 1, max: 10 });
const gaps = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3000, noNaN: true })), { minLength: 1, maxLength: 150 });

/**
 * `t + ms`, rounded up to a double such that at least `ms` really elapse: at epoch scale a double holds
 * milliseconds only to about 0.2 µs, and a plain sum may round down, which would wait less than asked.
 */
function after(t: number, ms: number): number {
  let later = t + ms;
  while (later - t < ms) later += 2 ** (Math.floor(Math.log2(later)) - 52);
  return later;
}

/** The times at which a bucket admitted requests arriving after the given gaps. */
function admissions(r: number, b: number, arrivalGaps: readonly number[]): { admitted: number[]; last: number; usage: UsageState } {
  const usage = new UsageState({ methods: [] });
  const claim = [{ bucket: 'b', rate: r, burst: b }];
  const admitted: number[] = [];
  let t = T0;
  for (const gap of arrivalGaps) {
    t += gap;
    if (usage.takeTokens(claim, t) < 0) admitted.push(t);
  }
  return { admitted, last: t, usage };
}

describe('token bucket properties (pipeline.md §5.2)', () => {
  it('never admits more than burst + rate·t requests in any window of length t', () => {
    fc.assert(
      fc.property(rate, burst, gaps, (r, b, g) => {
        const { admitted } = admissions(r, b, g);
        for (let i = 0; i < admitted.length; i++) {
          for (let j = i; j < admitted.length; j++) {
            const count = j - i + 1;
            const window = (admitted[j]! - admitted[i]!) / 1000;
            if (count > b + r * window + 1e-6) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('with rate > 0, a request is admitted after waiting 1/rate seconds, whatever came before', () => {
    fc.assert(
      fc.property(rate, burst, gaps, (r, b, g) => {
        const { last, usage } = admissions(r, b, g);
        return usage.takeTokens([{ bucket: 'b', rate: r, burst: b }], after(last, 1000 / r)) === -1;
      }),
      { numRuns: 300 },
    );
  });

  it('the same holds through the stage, for a plan throttle', () => {
    const method = mockMethod('GET', '/x', { apiKeyRequired: true });
    fc.assert(
      fc.property(rate, burst, fc.integer({ min: 1, max: 30 }), (r, b, n) => {
        const h = new Harness({
          methods: [method],
          apiKeys: [{ id: 'a', value: KEY_A }],
          usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], apiKeyIds: ['a'], throttle: { rateLimit: r, burstLimit: b } }],
        });
        const passed = h.burst(n, { key: KEY_A });
        if (passed !== Math.min(n, b)) return false;
        h.now = after(h.now, 1000 / r);
        return h.send({ key: KEY_A }).error === undefined;
      }),
      { numRuns: 100 },
    );
  });

  it('quota counters never admit more than the limit in one period', () => {
    const method = mockMethod('GET', '/x', { apiKeyRequired: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.array(fc.integer({ min: 0, max: 4 * 3_600_000 }), { maxLength: 60 }), (limit, steps) => {
        const h = new Harness({
          methods: [method],
          apiKeys: [{ id: 'a', value: KEY_A }],
          usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }], apiKeyIds: ['a'], quota: { limit, period: 'DAY' } }],
        });
        const perDay = new Map<number, number>();
        for (const step of steps) {
          h.now += step;
          if (!h.send({ key: KEY_A }).error) {
            const day = Math.floor(h.now / 86_400_000);
            perDay.set(day, (perDay.get(day) ?? 0) + 1);
          }
        }
        return [...perDay.values()].every((count) => count <= limit);
      }),
      { numRuns: 100 },
    );
  });
});

describe('bucket eviction', () => {
  it('drops full buckets first, so a part-empty bucket is never forgotten while full ones exist', () => {
    const usage = new UsageState({ methods: [] }, { maxBuckets: 100 });
    // Refills one token in 1000 s: empty for the whole test.
    const hot = [{ bucket: 'hot', rate: 0.001, burst: 1 }];
    expect(usage.takeTokens(hot, T0)).toBe(-1);
    // Each cold bucket is full again 1 ms after its request, so sweeps can drop it.
    for (let i = 0; i < 500; i++) expect(usage.takeTokens([{ bucket: `cold-${i}`, rate: 1000, burst: 1 }], T0 + 1 + i * 2)).toBe(-1);
    expect(usage.bucketCount).toBeLessThanOrEqual(100);
    expect(usage.takeTokens(hot, T0 + 2000)).toBe(0);
  });

  it('stays within its cap when more buckets than the cap are part-empty', () => {
    const usage = new UsageState({ methods: [] }, { maxBuckets: 50 });
    for (let i = 0; i < 1000; i++) usage.takeTokens([{ bucket: `b-${i}`, rate: 0.001, burst: 2 }], T0);
    expect(usage.bucketCount).toBeLessThanOrEqual(50);
  });
});
