import { describe, expect, it } from 'vitest';
import type { ApiDefinition } from '../../../src/model/index.js';
import { Harness, KEY_A, KEY_B, mockMethod } from './harness.js';

const getTest = mockMethod('GET', '/test', { apiKeyRequired: true });
const open = mockMethod('POST', '/open');

/** V5: `GET /test` requires a key; plan {quota 10/DAY, throttle rate 2 burst 1} on stage dev, key attached. */
function v5(fields: Partial<ApiDefinition> = {}): ApiDefinition {
  return {
    title: 'V5',
    methods: [getTest, open],
    stages: { dev: {}, prod: {} },
    apiKeys: [
      { id: 'key-a', value: KEY_A },
      { id: 'key-off', value: KEY_B, enabled: false },
      { id: 'key-alone', value: 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC' },
    ],
    usagePlans: [{ id: 'plan-1', apiStages: [{ stage: 'dev' }], throttle: { rateLimit: 2, burstLimit: 1 }, quota: { limit: 10, offset: 0, period: 'DAY' }, apiKeyIds: ['key-a', 'key-off'] }],
    ...fields,
  };
}

describe('API key check (pipeline.md §5.1)', () => {
  it('AWS: a key-required method without x-api-key answers 403 INVALID_API_KEY Forbidden (V5, O5)', () => {
    const { error } = new Harness(v5()).send();
    expect(error).toMatchObject({ type: 'INVALID_API_KEY', message: 'Forbidden', stage: 'api-key' });
  });

  it('AWS: a key attached to a usage plan of the stage passes (V5)', () => {
    expect(new Harness(v5()).send({ key: KEY_A }).error).toBeUndefined();
  });

  it('AWS: a disabled key answers 403 (V5)', () => {
    expect(new Harness(v5()).send({ key: KEY_B }).error).toMatchObject({ type: 'INVALID_API_KEY', message: 'Forbidden' });
  });

  it('AWS: a key counts only in a usage plan associated with the stage (DG:api-gateway-api-usage-plans.md)', () => {
    const h = new Harness(v5());
    expect(h.send({ key: KEY_A, stage: 'prod' }).error?.type).toBe('INVALID_API_KEY');
    expect(h.send({ key: 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC' }).error?.type).toBe('INVALID_API_KEY');
    expect(h.send({ key: 'not-a-key-of-this-api-at-all-0000000000' }).error?.type).toBe('INVALID_API_KEY');
  });

  it('the diagnostics say which of the four refusals it was', () => {
    const h = new Harness(v5());
    expect(h.send().error?.diagnostic).toMatch(/sent none/);
    expect(h.send({ key: 'zzzzzzzzzzzzzzzzzzzzzzzz' }).error?.diagnostic).toMatch(/not a key of this API/);
    expect(h.send({ key: KEY_B }).error?.diagnostic).toMatch(/key-off is disabled/);
    expect(h.send({ key: KEY_A, stage: 'prod' }).error?.diagnostic).toMatch(/no usage plan covering stage prod/);
  });

  it('matches the header name case-insensitively and takes the last of repeated values', () => {
    const h = new Harness(v5());
    expect(h.send({ headers: { 'X-API-Key': KEY_A } }).error).toBeUndefined();
    h.now += 1000;
    expect(h.send({ headers: { 'X-Api-Key': ['wrong', KEY_A] } }).error).toBeUndefined();
    h.now += 1000;
    expect(h.send({ headers: { 'x-api-key': '' } }).error?.type).toBe('INVALID_API_KEY');
  });

  it('a key in a plan for another stage of a second plan reaches that stage only', () => {
    const def = v5({
      usagePlans: [
        { id: 'dev-plan', apiStages: [{ stage: 'dev' }], apiKeyIds: ['key-a'] },
        { id: 'prod-plan', apiStages: [{ stage: 'prod' }], apiKeyIds: ['key-alone'] },
      ],
    });
    const h = new Harness(def);
    expect(h.send({ key: KEY_A, stage: 'dev' }).error).toBeUndefined();
    expect(h.send({ key: KEY_A, stage: 'prod' }).error?.type).toBe('INVALID_API_KEY');
    expect(h.send({ key: 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC', stage: 'prod' }).error).toBeUndefined();
    expect(h.send({ key: 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC', stage: 'dev' }).error?.type).toBe('INVALID_API_KEY');
  });

  it('a method with apiKeyRequired and no usage plans at all refuses every key', () => {
    expect(new Harness(v5({ usagePlans: [] })).send({ key: KEY_A }).error?.type).toBe('INVALID_API_KEY');
  });

  describe('apiKeySource AUTHORIZER (DG:api-gateway-api-key-source.md)', () => {
    const authorizer = () => v5({ apiKeySource: 'AUTHORIZER' });

    it("AWS: the key is the authorizer's usageIdentifierKey; the header is not read", () => {
      const h = new Harness(authorizer());
      const { error, state } = h.send({ found: { usageIdentifierKey: KEY_A } });
      expect(error).toBeUndefined();
      expect(state.context.identity).toMatchObject({ apiKey: KEY_A, apiKeyId: 'key-a' });
      h.now += 1000;
      expect(h.send({ key: KEY_A }).error?.type).toBe('INVALID_API_KEY');
    });

    it('a missing or unknown usageIdentifierKey on a key-required method answers 403 (pipeline.md §5.1 INF)', () => {
      const h = new Harness(authorizer());
      expect(h.send({ found: {} }).error?.type).toBe('INVALID_API_KEY');
      expect(h.send({ found: { usageIdentifierKey: 'unknown-unknown-unknown' } }).error?.type).toBe('INVALID_API_KEY');
    });
  });

  describe('$context.identity (DG:api-gateway-mapping-template-reference.md)', () => {
    it('AWS: apiKey and apiKeyId are set for key-required methods, in a new identity object', () => {
      const identity = { sourceIp: '203.0.113.9', userAgent: 'curl' };
      const context = { apiId: 'a1b2c3d4e5', resourceId: 'abc123', requestId: 'r', identity };
      const { state } = new Harness(v5()).send({ key: KEY_A, context });
      expect(state.context.identity).toEqual({ sourceIp: '203.0.113.9', userAgent: 'curl', apiKey: KEY_A, apiKeyId: 'key-a' });
      expect(state.context.identity).not.toBe(identity);
      expect(identity).toEqual({ sourceIp: '203.0.113.9', userAgent: 'curl' });
    });

    it('AWS: they are not set for methods that do not require a key, even when one is sent', () => {
      const { error, state } = new Harness(v5()).send({ method: open, key: KEY_A });
      expect(error).toBeUndefined();
      expect(state.context.identity?.apiKey).toBeUndefined();
      expect(state.context.identity?.apiKeyId).toBeUndefined();
    });

    it('they are not set when the key is refused', () => {
      const { state } = new Harness(v5()).send({ key: KEY_B });
      expect(state.context.identity?.apiKey).toBeUndefined();
    });
  });

  it('AWS: a method without apiKeyRequired ignores keys, good or bad, and does not count against the plan (§5.1)', () => {
    const h = new Harness(v5());
    for (const key of [undefined, KEY_A, KEY_B, 'garbage']) expect(h.send({ method: open, key }).error).toBeUndefined();
    // The plan's burst of 1 is untouched by the requests above.
    expect(h.send({ key: KEY_A }).error).toBeUndefined();
    expect(h.send({ key: KEY_A }).error?.type).toBe('THROTTLED');
  });
});
