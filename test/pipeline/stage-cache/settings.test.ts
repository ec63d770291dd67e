import { describe, expect, it } from 'vitest';
import { methodCacheSettings, methodSettingKeys, type CachedMethodRef } from '../../../src/pipeline/stage-cache/settings.js';
import type { StageSettings } from '../../../src/model/index.js';

const get: CachedMethodRef = { resourcePath: '/pets', definitionMethod: 'GET', requestMethod: 'GET' };
const post: CachedMethodRef = { resourcePath: '/pets', definitionMethod: 'POST', requestMethod: 'POST' };
const resolve = (stage: StageSettings | undefined, m: CachedMethodRef = get) => methodCacheSettings(stage, m);

describe('stage cache settings', () => {
  it('AWS: caching needs a cache cluster on the stage (pipeline.md §7)', () => {
    expect(resolve(undefined).settings.enabled).toBe(false);
    expect(resolve({}).settings.enabled).toBe(false);
    expect(resolve({ cacheClusterEnabled: false, methodSettings: { '/pets/GET': { cachingEnabled: true } } }).settings.enabled).toBe(false);
  });

  it('AWS: once the cluster is enabled only GET methods are cached by default (pipeline.md §7)', () => {
    expect(resolve({ cacheClusterEnabled: true }).settings.enabled).toBe(true);
    expect(resolve({ cacheClusterEnabled: true }, post).settings.enabled).toBe(false);
  });

  it('AWS: the default TTL is 300 seconds (pipeline.md §7)', () => {
    expect(resolve({ cacheClusterEnabled: true }).settings.ttlSeconds).toBe(300);
  });

  it('AWS: another method is cached only through a method setting of its own (pipeline.md §7)', () => {
    expect(resolve({ cacheClusterEnabled: true, methodSettings: { '/pets/POST': { cachingEnabled: true } } }, post).settings.enabled).toBe(true);
    // The stage-wide setting keeps the GET-only default.
    expect(resolve({ cacheClusterEnabled: true, methodSettings: { '*/*': { cachingEnabled: true } } }, post).settings.enabled).toBe(false);
  });

  it('the exact method setting wins over */*, field by field', () => {
    const stage: StageSettings = {
      cacheClusterEnabled: true,
      methodSettings: {
        '*/*': { cachingEnabled: false, cacheTtlInSeconds: 60, unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' },
        '/pets/GET': { cachingEnabled: true, cacheTtlInSeconds: null },
      },
    };
    expect(resolve(stage).settings).toEqual({ enabled: true, ttlSeconds: 60, requireAuthorizationForCacheControl: true, unauthorizedStrategy: 'FAIL_WITH_403' });
    expect(resolve(stage, { resourcePath: '/other', definitionMethod: 'GET', requestMethod: 'GET' }).settings.enabled).toBe(false);
  });

  it('the root resource is keyed //GET; AWS\'s own ~1-escaped key is read too', () => {
    const root: CachedMethodRef = { resourcePath: '/', definitionMethod: 'GET', requestMethod: 'GET' };
    expect(methodSettingKeys('/', 'get')).toEqual(['//GET', '~1/GET']);
    expect(resolve({ cacheClusterEnabled: true, methodSettings: { '//GET': { cacheTtlInSeconds: 5 } } }, root).settings.ttlSeconds).toBe(5);
    expect(resolve({ cacheClusterEnabled: true, methodSettings: { '~1/GET': { cacheTtlInSeconds: 7 } } }, root).settings.ttlSeconds).toBe(7);
    expect(methodSettingKeys('/a~b/{id}', 'PUT')).toEqual(['/a~b/{id}/PUT', '~1a~0b~1{id}/PUT']);
  });

  it('an ANY method is looked up by its own key, and its GET requests are the ones cached by default', () => {
    const any = (requestMethod: string): CachedMethodRef => ({ resourcePath: '/pets', definitionMethod: 'ANY', requestMethod });
    expect(resolve({ cacheClusterEnabled: true }, any('GET')).settings.enabled).toBe(true);
    expect(resolve({ cacheClusterEnabled: true }, any('DELETE')).settings.enabled).toBe(false);
    expect(resolve({ cacheClusterEnabled: true, methodSettings: { '/pets/ANY': { cachingEnabled: true } } }, any('DELETE')).settings.enabled).toBe(true);
  });

  it('AWS: TTL 0 disables caching (pipeline.md §7)', () => {
    const r = resolve({ cacheClusterEnabled: true, methodSettings: { '*/*': { cacheTtlInSeconds: 0 } } });
    expect(r.settings).toMatchObject({ enabled: false, ttlSeconds: 0 });
    expect(r.warnings).toEqual([]);
  });

  it('AWS: the TTL lies in 0-3600: values outside are clamped with a warning (pipeline.md §7)', () => {
    const over = resolve({ cacheClusterEnabled: true, methodSettings: { '*/*': { cacheTtlInSeconds: 86400 } } });
    expect(over.settings.ttlSeconds).toBe(3600);
    expect(over.warnings[0]).toMatch(/86400 is outside 0-3600/);
    const under = resolve({ cacheClusterEnabled: true, methodSettings: { '*/*': { cacheTtlInSeconds: -5 } } });
    expect(under.settings).toMatchObject({ enabled: false, ttlSeconds: 0 });
    expect(under.warnings).toHaveLength(1);
    const junk = resolve({ cacheClusterEnabled: true, methodSettings: { '*/*': { cacheTtlInSeconds: Number.NaN } } });
    expect(junk.settings.ttlSeconds).toBe(300);
    expect(junk.warnings[0]).toMatch(/not a number/);
    expect(resolve({ cacheClusterEnabled: true, methodSettings: { '*/*': { cacheTtlInSeconds: 12.7 } } }).settings.ttlSeconds).toBe(12);
  });

  it('AWS: requireAuthorizationForCacheControl defaults to true and the strategy to SUCCEED_WITH_RESPONSE_HEADER (GetStage output, pipeline.md §7)', () => {
    expect(resolve({ cacheClusterEnabled: true }).settings).toMatchObject({ requireAuthorizationForCacheControl: true, unauthorizedStrategy: 'SUCCEED_WITH_RESPONSE_HEADER' });
    expect(resolve({ cacheClusterEnabled: true, methodSettings: { '*/*': { requireAuthorizationForCacheControl: false } } }).settings.requireAuthorizationForCacheControl).toBe(false);
  });

  it('junk in the definition is ignored or replaced by the default, never thrown', () => {
    const junk = {
      cacheClusterEnabled: true,
      methodSettings: { '*/*': { cachingEnabled: 'yes', unauthorizedCacheControlHeaderStrategy: 'DROP_TABLES', cacheTtlInSeconds: Object.create(null) }, '/pets/GET': 7 },
    } as unknown as StageSettings;
    const r = resolve(junk);
    expect(r.settings).toEqual({ enabled: true, ttlSeconds: 300, requireAuthorizationForCacheControl: true, unauthorizedStrategy: 'SUCCEED_WITH_RESPONSE_HEADER' });
    expect(r.warnings).toHaveLength(2);
    expect(resolve({ cacheClusterEnabled: true, methodSettings: 'x' } as unknown as StageSettings).settings.enabled).toBe(true);
  });

  it('only own method settings count, never inherited ones', () => {
    const methodSettings = Object.create({ '*/*': { cachingEnabled: false } }) as StageSettings['methodSettings'];
    expect(resolve({ cacheClusterEnabled: true, methodSettings }).settings.enabled).toBe(true);
  });
});
