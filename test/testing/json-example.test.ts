import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLikeExample } from '../../src/testing/index.js';

describe('bodies shaped like an example', () => {
  const example = { name: 'Ada', age: 36, price: 9.99, active: true, tags: ['a'], address: { city: 'London' }, note: null };

  it('keeps keys, nesting and kinds of value; now and then a key is missing or null', () => {
    const samples = fc.sample(jsonLikeExample(example), { numRuns: 400, seed: 5 }).map((t) => JSON.parse(t) as Record<string, unknown>);
    for (const s of samples) {
      for (const key of Object.keys(s)) expect(Object.keys(example)).toContain(key);
      if (typeof s['age'] === 'number') expect(Number.isInteger(s['age'])).toBe(true);
      if (s['tags'] !== null && s['tags'] !== undefined) expect(Array.isArray(s['tags'])).toBe(true);
    }
    expect(samples.some((s) => !('name' in s))).toBe(true);
    expect(samples.some((s) => s['name'] === null)).toBe(true);
    expect(samples.some((s) => typeof s['name'] === 'string' && s['name'].includes("'"))).toBe(true);
  });

  it('accepts the example as JSON text, and can keep every key', () => {
    const samples = fc.sample(jsonLikeExample('{"id": 1}', { missingKeys: 0, nulls: 0 }), { numRuns: 50, seed: 1 });
    for (const s of samples) expect(Number.isInteger((JSON.parse(s) as { id: number }).id)).toBe(true);
  });
});
