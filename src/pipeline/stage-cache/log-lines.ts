/**
 * The stage cache's execution-log lines. AWS's own wording for cache hits and misses is not on record
 * (its guidance tells hits apart by a missing `Integration latency` line), so these are ours, written
 * to read like the lines around them.
 */
import type { StoreOutcome } from './cache.js';
import { MAX_CACHED_BODY_BYTES } from './cache.js';

export const cacheHitLine = (key: string): string => `Sending response from the API cache for cache key: ${key}`;

export const cacheMissLine = (key: string): string => `API cache miss for cache key: ${key}`;

export const invalidatedLine = (key: string): string => `Cache-Control: max-age=0: invalidated the API cache entry for cache key: ${key}`;

export const ignoredLine = (strategy: string): string => `Cache-Control: max-age=0 ignored: the caller is not authorized to invalidate the API cache (${strategy})`;

export const forbiddenLine = (): string => 'Cache-Control: max-age=0 denied: the caller is not authorized to invalidate the API cache (FAIL_WITH_403)';

export const notCachedGatewayLine = (): string => 'Response not cached: API Gateway generated it, not the integration';

/** The line for what `StageCache.store` did. */
export function storedLine(outcome: StoreOutcome, ttlSeconds: number, bodyBytes: number): string {
  switch (outcome) {
    case 'stored':
      return `Response cached for ${ttlSeconds} seconds`;
    case 'body-too-large':
      return `Response not cached: its body of ${bodyBytes} bytes is over the ${MAX_CACHED_BODY_BYTES}-byte limit`;
    case 'over-budget':
      return 'Response not cached: it is larger than this emulator lets one cache entry be';
    case 'not-a-response':
      return 'Response not cached: it is not a complete response';
  }
}
