import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL_IGNORED_HEADER, CACHE_CONTROL_IGNORED_VALUE, lookupStageCache, type CacheLookup } from '../../../src/pipeline/stage-cache/index.js';
import type { GatewayResponse } from '../../../src/integration/types.js';
import type { StageSettings, UnauthorizedCacheControlHeaderStrategy } from '../../../src/model/index.js';
import { cachedStage, Fixture, method, response, T0, type RequestSpec } from './helpers.js';

/** Runs one request through the cache the way the pipeline does: on a miss, the "integration" answers `body`. */
function run(f: Fixture, spec: RequestSpec, body: string | GatewayResponse): { lookup: CacheLookup; served: GatewayResponse | undefined; log: string[]; warnings: string[] } {
  const state = f.state(spec);
  const lookup = lookupStageCache(state);
  let served: GatewayResponse | undefined;
  if (lookup.kind === 'hit') served = lookup.response;
  else if (lookup.kind === 'miss' || lookup.kind === 'off') {
    served = typeof body === 'string' ? response(body) : body;
    if (lookup.kind === 'miss') lookup.store(served);
  }
  return { lookup, served, log: state.log.lines, warnings: state.warnings };
}

const withStrategy = (strategy: UnauthorizedCacheControlHeaderStrategy, extra: StageSettings = {}): StageSettings =>
  cachedStage({ methodSettings: { '*/*': { unauthorizedCacheControlHeaderStrategy: strategy } }, ...extra });
const invalidate = { headers: { 'Cache-Control': 'max-age=0' } };

describe('lookupStageCache', () => {
  it('is off on a stage without a cache cluster', () => {
    const f = new Fixture(method(), {});
    expect(run(f, {}, 'a').lookup.kind).toBe('off');
    expect(new Fixture(method(), undefined).state().warnings).toEqual([]);
  });

  it('misses, stores the integration response, then serves it from the cache', () => {
    const f = new Fixture(method());
    const first = run(f, {}, 'first');
    expect(first.lookup.kind).toBe('miss');
    expect(first.log.join('\n')).toMatch(/API cache miss for cache key: \{stage=prod, namespace=\/pets\/\{id\}, method=GET\}/);
    expect(first.log.join('\n')).toMatch(/Response cached for 300 seconds/);
    const second = run(f, { now: T0 + 1000 }, 'second');
    expect(second.lookup.kind).toBe('hit');
    expect(second.served?.body).toBe('first');
    expect(second.log.join('\n')).toMatch(/Sending response from the API cache/);
  });

  it('AWS: a cached /pets/{id} answers every id alike unless the id is a cache key parameter (pipeline.md §7)', () => {
    const f = new Fixture(method());
    run(f, { pathParameters: { id: '1' }, path: '/pets/1' }, 'pet 1');
    expect(run(f, { pathParameters: { id: '2' }, path: '/pets/2' }, 'pet 2').served?.body).toBe('pet 1');
    const keyed = new Fixture(method({ cacheKeyParameters: ['method.request.path.id'] }));
    run(keyed, { pathParameters: { id: '1' } }, 'pet 1');
    expect(run(keyed, { pathParameters: { id: '2' } }, 'pet 2').served?.body).toBe('pet 2');
    expect(run(keyed, { pathParameters: { id: '1' } }, 'pet 1 again').served?.body).toBe('pet 1');
  });

  it('AWS: the entry expires after the method\'s TTL (pipeline.md §7)', () => {
    const f = new Fixture(method(), cachedStage({ methodSettings: { '/pets/{id}/GET': { cacheTtlInSeconds: 10 } } }));
    run(f, {}, 'v1');
    expect(run(f, { now: T0 + 9_999 }, 'v2').served?.body).toBe('v1');
    expect(run(f, { now: T0 + 10_000 }, 'v3').served?.body).toBe('v3');
  });

  it('AWS: only GET is cached by default: a POST always reaches the integration (pipeline.md §7)', () => {
    const f = new Fixture(method({}, { httpMethod: 'POST' }));
    expect(run(f, {}, 'a').lookup.kind).toBe('off');
  });

  it('AWS: an integration response is cached whatever its status (pipeline.md §7, L-M)', () => {
    const f = new Fixture(method());
    run(f, {}, response('{"message":"busy"}', 429));
    expect(run(f, {}, 'ok').served?.statusCode).toBe(429);
  });

  it('AWS: a response API Gateway generated is never cached (pipeline.md §7)', () => {
    const f = new Fixture(method());
    const failed = response('{"message": "Internal server error"}', 502);
    failed.trace.error = { phase: 'integration', responseType: 'INTEGRATION_FAILURE', message: 'malformed proxy response' };
    expect(run(f, {}, failed).log.join('\n')).toMatch(/Response not cached: API Gateway generated it/);
    expect(run(f, {}, 'ok').lookup.kind).toBe('miss');
  });

  it('AWS: a body over 1,048,576 bytes is not cached (pipeline.md §6)', () => {
    const f = new Fixture(method());
    expect(run(f, {}, 'x'.repeat(1_048_577)).log.join('\n')).toMatch(/over the 1048576-byte limit/);
    expect(run(f, {}, 'small').lookup.kind).toBe('miss');
  });

  it('store keeps only the first response it is given', () => {
    const f = new Fixture(method());
    const lookup = lookupStageCache(f.state());
    if (lookup.kind !== 'miss') throw new Error('expected a miss');
    lookup.store(response('one'));
    lookup.store(response('two'));
    expect(run(f, {}, 'x').served?.body).toBe('one');
  });

  describe('Cache-Control: max-age=0', () => {
    it('AWS: without requireAuthorizationForCacheControl any client invalidates, and the fresh response replaces the entry (pipeline.md §7)', () => {
      const f = new Fixture(method(), cachedStage({ methodSettings: { '*/*': { requireAuthorizationForCacheControl: false } } }));
      run(f, {}, 'old');
      const fresh = run(f, invalidate, 'fresh');
      expect(fresh.lookup.kind).toBe('miss');
      expect(fresh.served?.body).toBe('fresh');
      expect(fresh.log.join('\n')).toMatch(/invalidated the API cache entry/);
      expect(run(f, {}, 'later').served?.body).toBe('fresh');
    });

    it('directive names are case-insensitive, may sit among others and may be quoted', () => {
      const f = new Fixture(method(), cachedStage({ methodSettings: { '*/*': { requireAuthorizationForCacheControl: false } } }));
      run(f, {}, 'v0');
      expect(run(f, { headers: { 'cache-control': 'no-transform, MAX-AGE = "0"' } }, 'v1').served?.body).toBe('v1');
      expect(run(f, { headers: { 'Cache-Control': ['no-cache', 'max-age=00'] } }, 'v2').served?.body).toBe('v2');
      expect(run(f, { headers: { 'Cache-Control': 'max-age=10' } }, 'v3').served?.body).toBe('v2');
      expect(run(f, { headers: { 'Cache-Control': 'smax-age=0' } }, 'v4').served?.body).toBe('v2');
    });

    it('AWS: a caller IAM authorised invalidates even when authorization is required (pipeline.md §7; offline IAM grants InvalidateCache)', () => {
      const f = new Fixture(method({}, { authorizationType: 'AWS_IAM' }), withStrategy('FAIL_WITH_403'));
      run(f, {}, 'old');
      expect(run(f, invalidate, 'fresh').served?.body).toBe('fresh');
    });

    it('AWS: FAIL_WITH_403 answers an unauthorised invalidation with 403 (pipeline.md §7; the body is our guess, §14.6)', () => {
      const f = new Fixture(method(), withStrategy('FAIL_WITH_403'));
      run(f, {}, 'old');
      const denied = run(f, invalidate, 'fresh');
      expect(denied.lookup.kind).toBe('error');
      if (denied.lookup.kind !== 'error') return;
      expect(denied.lookup.error).toMatchObject({
        type: 'ACCESS_DENIED',
        stage: 'cache',
        message: 'User: anonymous is not authorized to perform: execute-api:InvalidateCache on resource: arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/1',
      });
      expect(JSON.parse(denied.lookup.error.body!)).toEqual({ Message: denied.lookup.error.message });
      expect(denied.log.join('\n')).toMatch(/FAIL_WITH_403/);
      // Nothing was invalidated.
      expect(run(f, {}, 'x').served?.body).toBe('old');
    });

    it('AWS: SUCCEED_WITH_RESPONSE_HEADER serves the cached response with a warning header (pipeline.md §7; the header is our guess, §14.6)', () => {
      const f = new Fixture(method(), withStrategy('SUCCEED_WITH_RESPONSE_HEADER'));
      run(f, {}, 'old');
      const ignored = run(f, invalidate, 'fresh');
      expect(ignored.lookup.kind).toBe('hit');
      expect(ignored.served?.body).toBe('old');
      expect(ignored.served?.headers[CACHE_CONTROL_IGNORED_HEADER]).toBe(CACHE_CONTROL_IGNORED_VALUE);
      expect(CACHE_CONTROL_IGNORED_VALUE).toMatch(/^199 - "[^"]*"$/);
      // The warning belongs to that response only.
      expect(run(f, {}, 'x').served?.headers).not.toHaveProperty(CACHE_CONTROL_IGNORED_HEADER);
    });

    it('AWS: by default (requireAuthorizationForCacheControl true, SUCCEED_WITH_RESPONSE_HEADER) an anonymous max-age=0 is ignored with the header (pipeline.md §7)', () => {
      const f = new Fixture(method());
      run(f, {}, 'old');
      const r = run(f, invalidate, 'fresh');
      expect(r.served?.body).toBe('old');
      expect(r.served?.headers).toHaveProperty(CACHE_CONTROL_IGNORED_HEADER);
    });

    it('AWS: SUCCEED_WITHOUT_RESPONSE_HEADER serves the cached response as it is (pipeline.md §7)', () => {
      const f = new Fixture(method(), withStrategy('SUCCEED_WITHOUT_RESPONSE_HEADER'));
      run(f, {}, 'old');
      const r = run(f, invalidate, 'fresh');
      expect(r.lookup.kind).toBe('hit');
      expect(r.served?.body).toBe('old');
      expect(r.served?.headers).toEqual({ 'Content-Type': 'application/json' });
      expect(r.log.join('\n')).toMatch(/ignored.*SUCCEED_WITHOUT_RESPONSE_HEADER/);
    });

    it('an ignored max-age=0 with nothing cached is an ordinary miss', () => {
      const f = new Fixture(method(), withStrategy('SUCCEED_WITH_RESPONSE_HEADER'));
      const r = run(f, invalidate, 'fresh');
      expect(r.lookup.kind).toBe('miss');
      expect(run(f, {}, 'x').served?.body).toBe('fresh');
    });

    it('is not looked at on a method that is not cached', () => {
      const f = new Fixture(method({}, { httpMethod: 'POST' }), withStrategy('FAIL_WITH_403'));
      expect(run(f, invalidate, 'x').lookup.kind).toBe('off');
    });
  });

  describe('canary', () => {
    const canaryStage = (useStageCache: boolean | undefined): StageSettings => cachedStage({ canary: { percentTraffic: 50, useStageCache } });
    const canary = { context: { isCanaryRequest: 'true' } };
    const base = { context: { isCanaryRequest: 'false' } };

    it('AWS: a canary that does not use the stage cache keeps its own entries (pipeline.md §7, §11)', () => {
      const f = new Fixture(method(), canaryStage(false));
      run(f, base, 'base');
      const c = run(f, canary, 'canary');
      expect(c.served?.body).toBe('canary');
      expect(c.log.join('\n')).toMatch(/deployment=canary/);
      expect(run(f, canary, 'x').served?.body).toBe('canary');
      expect(run(f, base, 'x').served?.body).toBe('base');
    });

    it('AWS: with useStageCache the canary shares the stage\'s entries (pipeline.md §7, §11)', () => {
      const f = new Fixture(method(), canaryStage(true));
      run(f, base, 'base');
      expect(run(f, canary, 'canary').served?.body).toBe('base');
    });
  });

  it('stages keep separate entries', () => {
    const f = new Fixture(method());
    (f.api.stageSettings as Record<string, StageSettings>).dev = cachedStage();
    run(f, { stage: 'prod' }, 'prod');
    expect(run(f, { stage: 'dev' }, 'dev').served?.body).toBe('dev');
  });

  it('the definition\'s problems become warnings of the request, not errors', () => {
    const f = new Fixture(method({ cacheKeyParameters: ['nonsense'] }), cachedStage({ methodSettings: { '*/*': { cacheTtlInSeconds: 99999 } } }));
    const r = run(f, {}, 'x');
    expect(r.lookup.kind).toBe('miss');
    expect(r.warnings.every((w) => w.startsWith('stage cache: '))).toBe(true);
    expect(r.warnings).toHaveLength(2);
    expect(r.log.join('\n')).toMatch(/cached for 3600 seconds/);
  });

  it('never throws, even on a broken state', () => {
    const f = new Fixture(method());
    const state = f.state();
    const broken = { ...state, request: { ...state.request, headers: null } } as unknown as typeof state;
    expect(lookupStageCache(broken)).toEqual({ kind: 'off' });
    expect(broken.warnings[0]).toMatch(/^stage cache: skipped after an internal error/);
  });
});
