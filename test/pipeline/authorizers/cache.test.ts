import { describe, expect, it } from 'vitest';
import { AuthorizerCache, resultTtlSeconds } from '../../../src/pipeline/authorizers/cache.js';
import { authorize } from '../../../src/pipeline/authorizers/index.js';
import type { AuthorizerResult } from '../../../src/pipeline/authorizers/output.js';
import { ApiRuntime } from '../../../src/pipeline/runtime.js';
import { ACCOUNT, API_ID, NOW, api, policyAnswer, recording, routedState, tokenAuthorizer } from './state.js';

const PETS_42 = `arn:aws:execute-api:us-east-1:${ACCOUNT}:${API_ID}/prod/GET/pets/42`;

function setup(ttl?: number | null, answer: (event: any) => unknown = (e) => policyAnswer('Allow', e.methodArn)) {
  const definition = api({ authorizers: { tokenAuth: tokenAuthorizer(ttl === undefined ? {} : { authorizerResultTtlInSeconds: ttl }) } });
  const runtime = new ApiRuntime(definition);
  const fn = recording(answer);
  const request = (fields: Parameters<typeof routedState>[0] = {}) => {
    const state = routedState({ runtime, headers: { Authorization: 'tok-1' }, handlers: { 'auth-fn': fn }, ...fields });
    return { state, result: authorize(state) };
  };
  return { fn, request, runtime };
}

describe('the authorizer result cache (pipeline.md §4.1, §4.4)', () => {
  it('AWS: the default TTL is 300 s: a second request with the same token within it does not invoke, and is marked cached', async () => {
    const { fn, request } = setup();
    expect(await request().result).toBeUndefined();
    const second = request({ now: NOW + 299_000 });
    expect(await second.result).toBeUndefined();
    expect(fn.calls).toHaveLength(1);
    expect(second.state.found.authorizerCached).toBe(true);
    expect(second.state.context.authorizer).toEqual({ principalId: 'user-1234567' });
  });

  it('AWS: the entry expires after the TTL (injected clock, no sleeping)', async () => {
    const { fn, request } = setup(60);
    await request().result;
    await request({ now: NOW + 59_999 }).result;
    expect(fn.calls).toHaveLength(1);
    const later = request({ now: NOW + 60_000 });
    await later.result;
    expect(fn.calls).toHaveLength(2);
    expect(later.state.found.authorizerCached).toBeUndefined();
  });

  it('AWS: a cached policy is re-evaluated against each new method ARN: a policy naming only the first method denies the next (403 implicit)', async () => {
    const { fn, request } = setup(300);
    expect(await request().result).toBeUndefined();
    const other = request({ path: '/pets/43' });
    const error = await other.result;
    expect(error).toMatchObject({ type: 'ACCESS_DENIED', message: 'User is not authorized to access this resource' });
    expect(error!.diagnostic).toContain('cached');
    expect(fn.calls).toHaveLength(1);
    expect(fn.calls[0].methodArn).toBe(PETS_42);
  });

  it('AWS: TTL 0 turns caching off: every request invokes', async () => {
    const { fn, request, runtime } = setup(0);
    await request().result;
    await request().result;
    expect(fn.calls).toHaveLength(2);
    expect(runtime.authorizerCache.size).toBe(0);
  });

  it('AWS: the cache key is the token: another token misses', async () => {
    const { fn, request } = setup(300);
    await request().result;
    await request({ headers: { Authorization: 'tok-2' } }).result;
    expect(fn.calls).toHaveLength(2);
  });

  it('Deny policies are cached too (AWS caches the returned policy)', async () => {
    const { fn, request } = setup(300, () => policyAnswer('Deny', '*'));
    expect(await request().result).toMatchObject({ type: 'ACCESS_DENIED' });
    expect(await request().result).toMatchObject({ type: 'ACCESS_DENIED' });
    expect(fn.calls).toHaveLength(1);
  });

  it('a thrown Unauthorized is not a policy and is not cached', async () => {
    const { fn, request } = setup(300, () => {
      throw new Error('Unauthorized');
    });
    expect(await request().result).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(await request().result).toMatchObject({ type: 'UNAUTHORIZED' });
    expect(fn.calls).toHaveLength(2);
  });

  it('failures and malformed answers are not cached', async () => {
    const { fn, request } = setup(300, () => ({ nonsense: true }));
    await request().result;
    await request().result;
    expect(fn.calls).toHaveLength(2);
  });

  it('stages keep separate caches', async () => {
    const { fn, request } = setup(300, () => policyAnswer('Allow', '*'));
    await request().result;
    await request({ stage: 'dev' }).result;
    expect(fn.calls).toHaveLength(2);
  });

  it('a cached answer is independent of the object the handler returned', async () => {
    const answer = policyAnswer('Allow', '*', { context: { role: 'admin' } });
    const { request } = setup(300, () => answer);
    await request().result;
    (answer.context as Record<string, string>).role = 'changed';
    (answer.policyDocument as any).Statement[0].Effect = 'Deny';
    const second = request();
    expect(await second.result).toBeUndefined();
    expect(second.state.context.authorizer).toMatchObject({ role: 'admin' });
  });
});

describe('AuthorizerCache bounds', () => {
  const result = (size: number): AuthorizerResult => ({ principalId: 'p', statements: [], context: {}, size });

  it('keeps at most maxEntries, evicting the least recently used', () => {
    const cache = new AuthorizerCache(2, 1_000_000);
    cache.store('a', result(1), 300, 0);
    cache.store('b', result(1), 300, 0);
    cache.lookup('a', 1);
    cache.store('c', result(1), 300, 0);
    expect(cache.size).toBe(2);
    expect(cache.lookup('b', 1)).toBeUndefined();
    expect(cache.lookup('a', 1)).toBeDefined();
    expect(cache.lookup('c', 1)).toBeDefined();
  });

  it('is bounded by characters (keys plus answers) and never keeps an entry over a quarter of the budget', () => {
    const cache = new AuthorizerCache(1000, 1000);
    cache.store('x'.repeat(300), result(1), 300, 0);
    expect(cache.size).toBe(0);
    for (let i = 0; i < 50; i++) cache.store(`k${i}`, result(100), 300, 0);
    expect(cache.size).toBeLessThanOrEqual(10);
  });

  it('a no-arg constructor gives the default bounds', () => {
    const cache = new AuthorizerCache();
    expect(cache.maxEntries).toBeGreaterThan(0);
    expect(cache.maxChars).toBeGreaterThan(0);
  });

  it('TTLs: default 300, at most 3600, 0 off; out-of-range values are clamped with a note', () => {
    const a = tokenAuthorizer();
    expect(resultTtlSeconds({ ...a, authorizerResultTtlInSeconds: undefined })).toEqual({ ttl: 300 });
    expect(resultTtlSeconds({ ...a, authorizerResultTtlInSeconds: 0 })).toEqual({ ttl: 0 });
    expect(resultTtlSeconds({ ...a, authorizerResultTtlInSeconds: 7200 })).toMatchObject({ ttl: 3600, note: expect.any(String) });
    expect(resultTtlSeconds({ ...a, authorizerResultTtlInSeconds: -5 })).toMatchObject({ ttl: 0, note: expect.any(String) });
  });
});
