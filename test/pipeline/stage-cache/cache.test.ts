import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_CACHED_BODY_BYTES, StageCache } from '../../../src/pipeline/stage-cache/cache.js';
import { response, T0 } from './helpers.js';

describe('StageCache', () => {
  it('serves an entry until its TTL runs out on the injected clock', () => {
    const cache = new StageCache();
    expect(cache.store('k', response('{"a":1}'), T0, 300)).toBe('stored');
    expect(cache.lookup('k', T0)?.body).toBe('{"a":1}');
    expect(cache.lookup('k', T0 + 299_999)?.body).toBe('{"a":1}');
    expect(cache.lookup('k', T0 + 300_000)).toBeUndefined();
    // An expired entry is gone, even if the clock goes back.
    expect(cache.lookup('k', T0)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.totalBytes).toBe(0);
  });

  it('a clock that is not a number never hits', () => {
    const cache = new StageCache();
    cache.store('k', response('x'), T0, 300);
    expect(cache.lookup('k', Number.NaN)).toBeUndefined();
    cache.store('j', response('x'), Number.NaN, 300);
    expect(cache.lookup('j', T0)).toBeUndefined();
  });

  it('AWS: a response whose body is over 1,048,576 bytes is not cached (pipeline.md §6, §7)', () => {
    const cache = new StageCache();
    expect(cache.store('max', response('x'.repeat(MAX_CACHED_BODY_BYTES)), T0, 300)).toBe('stored');
    expect(cache.lookup('max', T0)?.rawBody.byteLength).toBe(1_048_576);
    expect(cache.store('over', response('x'.repeat(MAX_CACHED_BODY_BYTES + 1)), T0, 300)).toBe('body-too-large');
    expect(cache.lookup('over', T0)).toBeUndefined();
    // The limit is on bytes, not characters: 524,289 two-byte characters are 1,048,578 bytes.
    expect(cache.store('utf8', response('é'.repeat(524_289)), T0, 300)).toBe('body-too-large');
  });

  it('AWS: responses are cached whatever their status (pipeline.md §7, L-M)', () => {
    const cache = new StageCache();
    cache.store('k', response('{"message":"slow down"}', 429), T0, 300);
    expect(cache.lookup('k', T0)?.statusCode).toBe(429);
  });

  it('keeps private copies: changing what was stored or what was served changes nothing cached', () => {
    const cache = new StageCache();
    const original = response('{"a":1}', 200, { 'Content-Type': 'application/json', 'X-Multi': ['1', '2'] });
    cache.store('k', original, T0, 300);
    original.headers['Content-Type'] = 'text/plain';
    (original.headers['X-Multi'] as string[]).push('3');
    original.rawBody[0] = 0;
    const first = cache.lookup('k', T0)!;
    expect(first.headers).toEqual({ 'Content-Type': 'application/json', 'X-Multi': ['1', '2'] });
    expect(first.rawBody[0]).toBe('{'.charCodeAt(0));
    first.headers['Content-Type'] = 'evil';
    (first.headers['X-Multi'] as string[]).length = 0;
    first.rawBody.fill(0);
    delete first.headers['X-Multi'];
    const second = cache.lookup('k', T0)!;
    expect(second.headers).toEqual({ 'Content-Type': 'application/json', 'X-Multi': ['1', '2'] });
    expect(new TextDecoder().decode(second.rawBody)).toBe('{"a":1}');
    expect(second.json()).toEqual({ a: 1 });
    expect(second).not.toBe(first);
  });

  it('a hit has a trace of its own, not the integration details of the request that filled it', () => {
    const cache = new StageCache();
    const r = response('x');
    r.trace.integrationResult = { statusCode: 200, body: 'x' };
    cache.store('k', r, T0, 300);
    expect(cache.lookup('k', T0)!.trace).toEqual({ method: 'GET /pets/{id}', warnings: [] });
  });

  it('does not keep the per-request headers of the request that filled the entry', () => {
    const cache = new StageCache();
    cache.store('k', response('x', 200, { 'x-amzn-RequestId': 'r1', 'X-Amz-Apigw-Id': 'e1', 'X-Amzn-Trace-Id': 't', 'Content-Type': 'text/plain' }), T0, 300);
    expect(cache.lookup('k', T0)!.headers).toEqual({ 'Content-Type': 'text/plain' });
  });

  it('a header named __proto__ stays a header', () => {
    const headers = JSON.parse('{"__proto__": "x", "a": "b"}') as Record<string, string>;
    const cache = new StageCache();
    cache.store('k', response('x', 200, headers), T0, 300);
    const hit = cache.lookup('k', T0)!;
    expect(Object.hasOwn(hit.headers, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(hit.headers)).toBe(Object.prototype);
  });

  it('a second store under a key replaces the entry', () => {
    const cache = new StageCache();
    cache.store('k', response('old'), T0, 300);
    cache.store('k', response('new'), T0, 300);
    expect(cache.lookup('k', T0)?.body).toBe('new');
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used entry', () => {
    const cache = new StageCache({ maxEntries: 2 });
    cache.store('a', response('A'), T0, 300);
    cache.store('b', response('B'), T0, 300);
    expect(cache.lookup('a', T0)?.body).toBe('A');
    cache.store('c', response('C'), T0, 300);
    expect(cache.lookup('b', T0)).toBeUndefined();
    expect(cache.lookup('a', T0)?.body).toBe('A');
    expect(cache.lookup('c', T0)?.body).toBe('C');
  });

  it('100,000 distinct keys keep the cache within its caps', () => {
    const cache = new StageCache({ maxEntries: 1000, maxBytes: 256 * 1024 });
    const r = response('{"value":"some cached body"}');
    for (let i = 0; i < 100_000; i++) {
      cache.store(`["prod","base","/pets","GET",[["method.request.querystring.q","${i}"]]]`, r, T0, 300);
      if (i % 997 === 0) {
        expect(cache.size).toBeLessThanOrEqual(1000);
        expect(cache.totalBytes).toBeLessThanOrEqual(256 * 1024);
      }
    }
    expect(cache.size).toBeLessThanOrEqual(1000);
    expect(cache.totalBytes).toBeLessThanOrEqual(256 * 1024);
    expect(cache.lookup('["prod","base","/pets","GET",[["method.request.querystring.q","99999"]]]', T0)).toBeDefined();
  });

  it('never holds more entries or bytes than its limits, whatever is stored', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 300 })), { maxLength: 100 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 4000 }), (items, maxEntries, maxBytes) => {
        const cache = new StageCache({ maxEntries, maxBytes });
        for (const [key, body] of items) {
          cache.store(key, response(body), T0, 300);
          expect(cache.size).toBeLessThanOrEqual(maxEntries);
          expect(cache.totalBytes).toBeLessThanOrEqual(maxBytes);
          expect(cache.totalBytes).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('does not keep an entry over a quarter of its byte budget', () => {
    const cache = new StageCache({ maxBytes: 4000 });
    expect(cache.store('k', response('x'.repeat(1000)), T0, 300)).toBe('over-budget');
    expect(cache.size).toBe(0);
  });

  it('refuses what is not a response, and flushes', () => {
    const cache = new StageCache();
    expect(cache.store('k', { statusCode: 200 } as never, T0, 300)).toBe('not-a-response');
    cache.store('a', response('A'), T0, 300);
    cache.flush();
    expect(cache.size).toBe(0);
    expect(cache.totalBytes).toBe(0);
  });

  it('takes junk limits as the defaults', () => {
    expect(new StageCache({ maxEntries: Number.NaN, maxBytes: -1 }).limits).toEqual({ maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 });
  });
});
