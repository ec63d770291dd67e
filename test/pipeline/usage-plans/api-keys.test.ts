import { describe, expect, it } from 'vitest';
import type { ApiDefinition } from '../../../src/model/index.js';
import { apiKeyValues, generatedApiKeyValue } from '../../../src/pipeline/usage-plans/index.js';
import { Harness, mockMethod } from './harness.js';

const method = mockMethod('GET', '/', { apiKeyRequired: true });

function api(title: string): ApiDefinition {
  return {
    title,
    methods: [method],
    apiKeys: [
      { id: 'generated', name: 'Generated key' },
      { id: 'given', value: 'my-own-key-value-0123456789', enabled: false },
      { id: 'empty', value: '' },
    ],
    usagePlans: [
      { id: 'gold', apiStages: [{ stage: 'dev' }], apiKeyIds: ['generated', 'given'] },
      { id: 'silver', apiStages: [{ stage: 'prod' }], apiKeyIds: ['generated', 'generated'] },
    ],
  };
}

describe('apiKeyValues (what serve prints)', () => {
  it('lists every key with its value, whether generated, enabled, and its plans', () => {
    const [generated, given, empty] = apiKeyValues(api('Pets'));
    expect(generated).toEqual({ id: 'generated', name: 'Generated key', value: generatedApiKeyValue('Pets', 'generated'), generated: true, enabled: true, plans: ['gold', 'silver'] });
    expect(given).toEqual({ id: 'given', value: 'my-own-key-value-0123456789', generated: false, enabled: false, plans: ['gold'] });
    expect(empty).toMatchObject({ id: 'empty', generated: true, plans: [] });
  });

  it('generates 40 letters and digits, stable across runs, different per key and per API title', () => {
    const value = generatedApiKeyValue('Pets', 'generated');
    expect(value).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(generatedApiKeyValue('Pets', 'generated')).toBe(value);
    expect(generatedApiKeyValue('Pets', 'other')).not.toBe(value);
    expect(generatedApiKeyValue('Shop', 'generated')).not.toBe(value);
    // Pinned, so that a key printed by one release keeps working with the next.
    expect(value).toBe('02BlAfNbcntapP7GTpLjjHAYU4dkNGpNqh5KlG9h');
  });

  it('the usage-plan check accepts exactly the generated value', () => {
    const definition = api('Pets');
    const [listing] = apiKeyValues(definition);
    const h = new Harness(definition);
    expect(h.send({ key: listing!.value }).error).toBeUndefined();
    expect(h.send({ key: listing!.value.toLowerCase() }).error?.type).toBe('INVALID_API_KEY');
    expect(h.send({ key: listing!.value.slice(0, 39) }).error?.type).toBe('INVALID_API_KEY');
  });

  it('skips malformed entries instead of throwing', () => {
    const hostile = { methods: [], apiKeys: [null, 5, { id: 3 }, { id: 'ok' }], usagePlans: 'nope' } as unknown as ApiDefinition;
    expect(apiKeyValues(hostile).map((k) => k.id)).toEqual(['ok']);
    expect(apiKeyValues({ methods: [] })).toEqual([]);
  });
});
