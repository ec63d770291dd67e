import { describe, expect, it } from 'vitest';
import type { ApiDefinition, StageSettings, UsagePlanDefinition } from '../../../src/model/index.js';
import { Harness, KEY_A, KEY_B, mockMethod } from './harness.js';

const pets = mockMethod('GET', '/pets', { apiKeyRequired: true });
const postPets = mockMethod('POST', '/pets', { apiKeyRequired: true });
const root = mockMethod('GET', '/', { apiKeyRequired: true });
const open = mockMethod('GET', '/open');
const openPost = mockMethod('POST', '/open');

function api(plan: Partial<UsagePlanDefinition>, stageSettings?: Record<string, StageSettings>): ApiDefinition {
  return {
    title: 'throttle',
    methods: [pets, postPets, root, open, openPost],
    stages: { dev: {}, prod: {} },
    stageSettings,
    apiKeys: [
      { id: 'a', value: KEY_A },
      { id: 'b', value: KEY_B },
    ],
    usagePlans: [{ id: 'p', apiStages: [{ stage: 'dev' }, { stage: 'prod' }], apiKeyIds: ['a', 'b'], ...plan }],
  };
}

describe('throttling (pipeline.md §5.2)', () => {
  it('AWS: over the plan throttle answers 429 THROTTLED Too Many Requests (O7)', () => {
    const h = new Harness(api({ throttle: { rateLimit: 2, burstLimit: 1 } }));
    expect(h.send({ method: pets, key: KEY_A }).error).toBeUndefined();
    const { error } = h.send({ method: pets, key: KEY_A });
    expect(error).toMatchObject({ type: 'THROTTLED', message: 'Too Many Requests', stage: 'throttle' });
    expect(error?.diagnostic).toMatch(/usage plan throttle/);
  });

  it('AWS: the bucket starts full, drains by one per request and refills at the rate (DG:api-gateway-request-throttling.md)', () => {
    const h = new Harness(api({ throttle: { rateLimit: 0.5, burstLimit: 3 } }));
    expect(h.burst(5, { method: pets, key: KEY_A })).toBe(3);
    h.now += 1999;
    expect(h.send({ method: pets, key: KEY_A }).error?.type).toBe('THROTTLED');
    h.now += 1;
    expect(h.send({ method: pets, key: KEY_A }).error).toBeUndefined();
    expect(h.send({ method: pets, key: KEY_A }).error?.type).toBe('THROTTLED');
    // A long pause refills to the burst, never beyond it.
    h.now += 3_600_000;
    expect(h.burst(5, { method: pets, key: KEY_A })).toBe(3);
  });

  it('AWS: a fractional rate refills fractionally (rate 0.1 → one request per 10 s)', () => {
    const h = new Harness(api({ throttle: { rateLimit: 0.1, burstLimit: 1 } }));
    expect(h.burst(2, { method: pets, key: KEY_A })).toBe(1);
    h.now += 9_999;
    expect(h.send({ method: pets, key: KEY_A }).error?.type).toBe('THROTTLED');
    h.now += 1;
    expect(h.send({ method: pets, key: KEY_A }).error).toBeUndefined();
  });

  it('plan buckets are per key and per stage', () => {
    const h = new Harness(api({ throttle: { rateLimit: 1, burstLimit: 1 } }));
    expect(h.send({ method: pets, key: KEY_A }).error).toBeUndefined();
    expect(h.send({ method: pets, key: KEY_A }).error?.type).toBe('THROTTLED');
    expect(h.send({ method: pets, key: KEY_B }).error).toBeUndefined();
    expect(h.send({ method: pets, key: KEY_A, stage: 'prod' }).error).toBeUndefined();
    // The plan-wide bucket is shared by the stage's methods.
    expect(h.send({ method: postPets, key: KEY_B }).error?.type).toBe('THROTTLED');
  });

  it('AWS: a plan method throttle keyed /{resourcePath}/{METHOD} replaces the plan throttle for that method; the root is //GET', () => {
    const plan: Partial<UsagePlanDefinition> = {
      throttle: { rateLimit: 1, burstLimit: 1 },
      apiStages: [{ stage: 'dev', throttle: { '/pets/GET': { rateLimit: 1, burstLimit: 3 }, '//GET': { burstLimit: 2 } } }],
    };
    const h = new Harness(api(plan));
    expect(h.burst(5, { method: pets, key: KEY_A })).toBe(3);
    // The root's method throttle takes its unset rate from the plan; its own bucket.
    expect(h.burst(5, { method: root, key: KEY_A })).toBe(2);
    // POST /pets has no method throttle: the plan's, untouched so far.
    expect(h.burst(5, { method: postPets, key: KEY_A })).toBe(1);
  });

  it('AWS: stage method settings throttle per (stage, resource, method); a method entry beats */*', () => {
    const settings: Record<string, StageSettings> = {
      dev: { methodSettings: { '*/*': { throttlingRateLimit: 1, throttlingBurstLimit: 2 }, '/open/POST': { throttlingBurstLimit: 4 } } },
    };
    const h = new Harness(api({}, settings));
    expect(h.burst(6, { method: open })).toBe(2);
    expect(h.burst(6, { method: openPost })).toBe(4);
    // Key-required methods count against the stage settings too.
    expect(h.burst(6, { method: pets, key: KEY_A })).toBe(2);
    // Another stage has no settings: only the account limit.
    expect(h.burst(6, { method: open, stage: 'prod' })).toBe(6);
  });

  it('accepts the CloudFormation spelling /*/* for all methods, and the stage throttle as the default of every method', () => {
    const h = new Harness(api({}, { dev: { methodSettings: { '/*/*': { throttlingBurstLimit: 2 } } }, prod: { throttle: { rateLimit: 1, burstLimit: 3 } } }));
    expect(h.burst(5, { method: open })).toBe(2);
    expect(h.burst(5, { method: open, stage: 'prod' })).toBe(3);
    expect(h.burst(5, { method: openPost, stage: 'prod' })).toBe(3);
  });

  it('AWS: a request draws from every applicable bucket: the tightest wins, and a throttled request takes no token', () => {
    const h = new Harness(api({ throttle: { rateLimit: 1, burstLimit: 5 } }, { dev: { methodSettings: { '/pets/GET': { throttlingRateLimit: 1, throttlingBurstLimit: 2 } } } }));
    expect(h.burst(5, { method: pets, key: KEY_A })).toBe(2);
    // The plan bucket lost only the 2 admitted tokens: 3 left for POST /pets (no stage limit there).
    expect(h.burst(5, { method: postPets, key: KEY_A })).toBe(3);
  });

  it('AWS: the account limit is 10,000 rps with a burst of 5,000 (DG:limits.md)', () => {
    const h = new Harness(api({}));
    expect(h.burst(5_001, { method: open })).toBe(5_000);
    const { error, log } = h.send({ method: open });
    expect(error?.diagnostic).toMatch(/account throttle/);
    expect(log).toContain('Key throttle limit exceeded for RestApi a1b2c3d4e5, Stage dev, Resource abc123, HttpMethod GET. Limit: 10000.00 Burst: 5000');
    h.now += 1;
    expect(h.burst(20, { method: open })).toBe(10);
  });

  it('rate 0 or burst 0 throttles every request (pipeline.md §5.2, L)', () => {
    expect(new Harness(api({ throttle: { rateLimit: 0, burstLimit: 10 } })).send({ method: pets, key: KEY_A }).error?.type).toBe('THROTTLED');
    expect(new Harness(api({ throttle: { rateLimit: 10, burstLimit: 0 } })).send({ method: pets, key: KEY_A }).error?.type).toBe('THROTTLED');
    expect(new Harness(api({ throttle: { rateLimit: 10, burstLimit: 0.5 } })).send({ method: pets, key: KEY_A }).error?.type).toBe('THROTTLED');
  });

  it('a plan throttle with neither field set does not throttle; one field set takes the other from the account', () => {
    expect(new Harness(api({ throttle: {} })).burst(50, { method: pets, key: KEY_A })).toBe(50);
    expect(new Harness(api({ throttle: { burstLimit: 3 } })).burst(5, { method: pets, key: KEY_A })).toBe(3);
  });

  it('AWS: the throttle log line names the API, stage, resource and method (file id 14621645402)', () => {
    const h = new Harness(api({ throttle: { rateLimit: 1, burstLimit: 1 } }));
    h.send({ method: postPets, key: KEY_A });
    const { log } = h.send({ method: postPets, key: KEY_A });
    expect(log).toEqual([
      'Verifying Usage Plan for request: req-1. API Key: **********************************keyAAA API Stage: a1b2c3d4e5/dev',
      'Key throttle limit exceeded for RestApi a1b2c3d4e5, Stage dev, Resource abc123, HttpMethod POST. Limit: 1.00 Burst: 1',
    ]);
  });

  it('a clock that goes backwards mints no tokens, and time resumes from the latest request', () => {
    const h = new Harness(api({ throttle: { rateLimit: 1, burstLimit: 1 } }));
    expect(h.send({ method: pets, key: KEY_A }).error).toBeUndefined();
    expect(h.send({ method: pets, key: KEY_A, at: h.now - 60_000 }).error?.type).toBe('THROTTLED');
    expect(h.send({ method: pets, key: KEY_A, at: h.now + 999 }).error?.type).toBe('THROTTLED');
    expect(h.send({ method: pets, key: KEY_A, at: h.now + 1000 }).error).toBeUndefined();
    expect(h.send({ method: pets, key: KEY_A, at: Number.NaN }).error?.type).toBe('THROTTLED');
  });
});
