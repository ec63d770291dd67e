import { describe, expect, it } from 'vitest';
import type { ApiDefinition } from '../../../src/model/index.js';
import { maskApiKey, twoDecimals } from '../../../src/pipeline/usage-plans/log-lines.js';
import { Harness, KEY_A, mockMethod } from './harness.js';

const anyProxy = mockMethod('ANY', '/{resource+}');
const keyed = mockMethod('GET', '/', { apiKeyRequired: true });
const def: ApiDefinition = {
  methods: [anyProxy, keyed],
  apiKeys: [{ id: 'a', value: KEY_A }],
  usagePlans: [{ id: 'p', apiStages: [{ stage: 'Test' }], apiKeyIds: ['a'] }],
};

describe('usage-plan execution-log lines (pipeline.md §1)', () => {
  it('AWS: a method without a key requirement, called without a key (file id 22243955141)', () => {
    const { log } = new Harness(def).send({ method: anyProxy, stage: 'Test', context: { apiId: 'oo8kadh853', requestId: 'f4a8e01b-49f6-11e7-8898-f1161a8a9a54' } });
    expect(log).toEqual([
      'Verifying Usage Plan for request: f4a8e01b-49f6-11e7-8898-f1161a8a9a54. API Key:  API Stage: oo8kadh853/Test',
      "API Key  authorized because method 'ANY /{resource+}' does not require API Key. Request will not contribute to throttle or quota limits",
      'Usage Plan check succeeded for API Key  and API Stage oo8kadh853/Test',
    ]);
  });

  it('AWS: a key-required method shows the key masked but for its last six characters (file id 36107125527)', () => {
    const { log } = new Harness(def).send({ method: keyed, key: KEY_A, stage: 'Test', context: { apiId: 'ulhoxnm2x2', requestId: 'r1' } });
    expect(log).toEqual([
      'Verifying Usage Plan for request: r1. API Key: **********************************keyAAA API Stage: ulhoxnm2x2/Test',
      'Usage Plan check succeeded for API Key **********************************keyAAA and API Stage ulhoxnm2x2/Test',
    ]);
  });

  it('AWS: a key in no plan of the stage (file id 29243121417)', () => {
    const { log } = new Harness(def).send({ method: keyed, key: KEY_A, stage: 'prod', context: { apiId: 'zsuvlqr7nb', requestId: 'r2' } });
    expect(log[1]).toBe(
      "API Key **********************************keyAAA not authorized because method 'GET /' requires API Key and API Key is not associated with a Usage Plan for API Stage zsuvlqr7nb/prod: No Usage Plan found for key and API Stage",
    );
  });

  it('falls back to the default API id when $context has none', () => {
    const { log } = new Harness(def).send({ method: anyProxy, stage: 'Test', context: {} });
    expect(log[0]).toBe('Verifying Usage Plan for request: . API Key:  API Stage: a1b2c3d4e5/Test');
  });

  it('masks short keys entirely', () => {
    expect(maskApiKey('abcdef')).toBe('******');
    expect(maskApiKey('abcdefg')).toBe('*bcdefg');
    expect(maskApiKey(undefined)).toBe('');
  });

  it("formats the limit as Java's %.2f does (half-up on the shortest decimal)", () => {
    expect(twoDecimals(1)).toBe('1.00');
    expect(twoDecimals(0.1)).toBe('0.10');
    expect(twoDecimals(1.005)).toBe('1.01');
    expect(twoDecimals(2.675)).toBe('2.68');
    expect(twoDecimals(0.994)).toBe('0.99');
    expect(twoDecimals(9.999)).toBe('10.00');
    expect(twoDecimals(0.005)).toBe('0.01');
    expect(twoDecimals(1e-7)).toBe('0.00');
    expect(twoDecimals(1e21)).toBe('1000000000000000000000.00');
  });
});
