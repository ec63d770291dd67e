import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { cacheKey, cacheKeyParameterValues, cacheKeyParametersOf, cacheNamespaceOf, describeCacheKey, type CacheKeyParts, type CacheKeyRequest, type CacheKeyValue } from '../../../src/pipeline/stage-cache/key.js';

const request = (r: Partial<CacheKeyRequest> = {}): CacheKeyRequest => ({ pathParameters: {}, query: {}, headers: {}, ...r });
const values = (params: string[], r: Partial<CacheKeyRequest>) => cacheKeyParameterValues(params, request(r), []);
const parts = (parameters: CacheKeyParts['parameters'], extra: Partial<CacheKeyParts> = {}): CacheKeyParts => ({
  stage: 'prod',
  partition: 'base',
  namespace: '/pets',
  httpMethod: 'GET',
  parameters,
  ...extra,
});

describe('stage cache key', () => {
  it('AWS: path parameters are not part of the key unless listed (pipeline.md §7, terraform-provider-aws#856)', () => {
    const a = cacheKey(parts(values([], { pathParameters: { id: '1' } })));
    const b = cacheKey(parts(values([], { pathParameters: { id: '2' } })));
    expect(a).toBe(b);
    const listed = ['method.request.path.id'];
    expect(cacheKey(parts(values(listed, { pathParameters: { id: '1' } })))).not.toBe(cacheKey(parts(values(listed, { pathParameters: { id: '2' } }))));
  });

  it('AWS: only the listed query strings key the entry (DG example: type, not department; pipeline.md §7)', () => {
    const listed = ['method.request.querystring.type'];
    const a = cacheKey(parts(values(listed, { query: { type: 'admin', department: 'A' } })));
    const b = cacheKey(parts(values(listed, { query: { type: 'admin', department: 'B' } })));
    const c = cacheKey(parts(values(listed, { query: { type: 'user', department: 'A' } })));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('reads headers without regard to case, in the key and in the request', () => {
    const a = cacheKey(parts(values(['method.request.header.Accept-Language'], { headers: { 'accept-language': 'fr' } })));
    const b = cacheKey(parts(values(['method.request.header.accept-language'], { headers: { 'ACCEPT-LANGUAGE': 'fr' } })));
    expect(a).toBe(b);
    expect(values(['method.request.header.X-A'], { headers: { 'x-a': 'v' } })).toEqual([['method.request.header.x-a', 'v']]);
  });

  it('single-valued parameters read the last value, multi-valued ones all of them', () => {
    const r = { query: { t: ['a', 'b'] }, headers: { 'X-M': ['1', '2'] } };
    expect(values(['method.request.querystring.t', 'method.request.multivaluequerystring.t', 'method.request.header.x-m', 'method.request.multivalueheader.X-M'], r)).toEqual([
      ['method.request.querystring.t', 'b'],
      ['method.request.multivaluequerystring.t', ['a', 'b']],
      ['method.request.header.x-m', '2'],
      ['method.request.multivalueheader.x-m', ['1', '2']],
    ]);
  });

  it('an absent parameter is not the same as an empty one', () => {
    expect(cacheKey(parts(values(['method.request.querystring.q'], {})))).not.toBe(cacheKey(parts(values(['method.request.querystring.q'], { query: { q: '' } }))));
  });

  it('the order of cacheKeyParameters matters', () => {
    const r = { query: { a: '1', b: '2' } };
    const ab = cacheKey(parts(values(['method.request.querystring.a', 'method.request.querystring.b'], r)));
    const ba = cacheKey(parts(values(['method.request.querystring.b', 'method.request.querystring.a'], r)));
    expect(ab).not.toBe(ba);
  });

  it('stage, deployment, namespace and HTTP method each separate entries', () => {
    const base = cacheKey(parts([]));
    for (const extra of [{ stage: 'dev' }, { partition: 'canary' as const }, { namespace: '/other' }, { httpMethod: 'HEAD' }]) expect(cacheKey(parts([], extra))).not.toBe(base);
  });

  it('separators cannot make two different parameter tuples collide', () => {
    // Same data, whatever the prototype (fc.record may build null-prototype objects).
    const sameParts = (a: CacheKeyParts, b: CacheKeyParts) => isDeepStrictEqual({ ...a }, { ...b });
    // Strings of separator-like characters, so that joined encodings would collide often.
    const tricky = fc.string({ unit: fc.constantFrom(',', '"', '[', ']', '\\', '=', ':', 'a', '\u0000', '\ud800'), maxLength: 4 });
    const value: fc.Arbitrary<CacheKeyValue> = fc.oneof(fc.constant(null), tricky, fc.array(tricky, { maxLength: 3 }));
    const partsArb: fc.Arbitrary<CacheKeyParts> = fc.record({
      stage: tricky,
      partition: fc.constantFrom('base' as const, 'canary' as const),
      namespace: tricky,
      httpMethod: fc.constantFrom('GET', 'POST'),
      parameters: fc.array(fc.tuple(tricky, value), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(partsArb, { comparator: sameParts, maxLength: 40 }), (all) => {
        expect(new Set(all.map(cacheKey)).size).toBe(all.length);
      }),
      { numRuns: 300 },
    );
    // The classic collisions of joined keys.
    expect(cacheKey(parts([['a', 'b,c']]))).not.toBe(cacheKey(parts([['a', 'b'], [',c', null]])));
    expect(cacheKey(parts([['q', ['a', 'b']]]))).not.toBe(cacheKey(parts([['q', 'a,b']])));
    expect(cacheKey(parts([['q', 'null']]))).not.toBe(cacheKey(parts([['q', null]])));
  });

  it('AWS: cacheNamespace defaults to the resource (we key by its path: no resource ids offline) (pipeline.md §7)', () => {
    expect(cacheNamespaceOf({ type: 'MOCK' }, '/pets/{id}')).toBe('/pets/{id}');
    expect(cacheNamespaceOf({ type: 'MOCK', cacheNamespace: 'shared' }, '/pets/{id}')).toBe('shared');
  });

  it('unusable cacheKeyParameters are warned about, never thrown', () => {
    const warnings: string[] = [];
    expect(cacheKeyParametersOf({ type: 'MOCK', cacheKeyParameters: 'x' as unknown as string[] }, warnings)).toEqual([]);
    expect(cacheKeyParametersOf({ type: 'MOCK', cacheKeyParameters: ['method.request.path.id', 7] as unknown as string[] }, warnings)).toEqual(['method.request.path.id']);
    expect(cacheKeyParameterValues(['integration.request.header.x'], request({ headers: { x: '1' } }), warnings)).toEqual([['integration.request.header.x', null]]);
    expect(warnings).toHaveLength(3);
  });

  it('hostile request values do not run code or reach prototypes', () => {
    const headers = { 'x-a': { toString: () => { throw new Error('boom'); } } } as unknown as CacheKeyRequest['headers'];
    expect(values(['method.request.header.x-a', 'method.request.querystring.__proto__', 'method.request.path.constructor'], { headers })).toEqual([
      ['method.request.header.x-a', null],
      ['method.request.querystring.__proto__', null],
      ['method.request.path.constructor', null],
    ]);
  });

  it('the log shows the key as a Java map', () => {
    expect(describeCacheKey(parts([['method.request.querystring.type', 'admin'], ['method.request.header.x', null]], { partition: 'canary' }))).toBe(
      '{stage=prod, deployment=canary, namespace=/pets, method=GET, method.request.querystring.type=admin, method.request.header.x=null}',
    );
  });
});
