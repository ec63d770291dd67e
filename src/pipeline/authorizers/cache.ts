/**
 * The Lambda authorizer result cache of one API (pipeline.md §4.1, §4.3, §4.4).
 *
 * - The key is the stage, the authorizer and its identity-source values (for TOKEN: the token), so a
 *   change to any source is a miss. Stages are kept apart because each stage of a deployed API has its
 *   own authorizer cache (INF).
 * - What is kept is the parsed answer, policy included — Deny policies as much as Allow ones, since AWS
 *   caches "the returned policy" whatever it says. A thrown `Unauthorized`, a failure or malformed output
 *   is no policy and is not kept, so the next request invokes the authorizer again.
 * - A cached policy is re-evaluated against each request's method ARN by the caller: AWS reuses the first
 *   caller's policy for every method within the TTL, so a policy naming only one method denies the rest.
 * - Time is the request's `now` (the pipeline's injectable clock); entries expire `ttl` seconds after
 *   they were stored.
 * - Bounded by entry count and by characters (keys plus the answers' JSON size), least recently used
 *   first out; an entry bigger than a quarter of the budget is never kept.
 */
import { PatternCache } from '../../java/regex/index.js';
import type { AuthorizerDefinition } from '../../model/index.js';
import type { AuthorizerResult } from './output.js';

/** `authorizerResultTtlInSeconds` when the definition gives none. */
export const DEFAULT_RESULT_TTL_SECONDS = 300;
/** The largest TTL API Gateway accepts. */
export const MAX_RESULT_TTL_SECONDS = 3600;

interface Entry {
  result: AuthorizerResult;
  expiresAt: number;
  chars: number;
}

/** One API's authorizer results and compiled validation patterns (see the file comment); `new AuthorizerCache()` gives the default bounds. */
export class AuthorizerCache {
  /** Compiled `identityValidationExpression`s, bounded like the results. */
  readonly patterns = new PatternCache(64, 64 * 1024);
  /** A Map iterates in insertion order: re-inserting on every hit makes it the LRU list. */
  private readonly entries = new Map<string, Entry>();
  private used = 0;

  constructor(
    readonly maxEntries = 1000,
    readonly maxChars = 8 * 1024 * 1024,
  ) {}

  /** Entries kept (expired ones included until they are looked up or pushed out). */
  get size(): number {
    return this.entries.size;
  }

  /** Characters kept: keys plus the answers' JSON size. */
  get chars(): number {
    return this.used;
  }

  /** The result kept for `key` if it has not expired at `now`; an expired one is dropped. */
  lookup(key: string, now: number): AuthorizerResult | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (now >= hit.expiresAt) {
      this.used -= hit.chars;
      return undefined;
    }
    this.entries.set(key, hit);
    return hit.result;
  }

  /** Keeps `result` for `ttlSeconds` from `now` (0 keeps nothing), replacing an older entry. */
  store(key: string, result: AuthorizerResult, ttlSeconds: number, now: number): void {
    if (!(ttlSeconds > 0)) return;
    const chars = key.length + result.size;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.used -= old.chars;
    }
    if (chars > this.maxChars / 4 || this.maxEntries <= 0) return;
    this.entries.set(key, { result, expiresAt: now + ttlSeconds * 1000, chars });
    this.used += chars;
    while (this.entries.size > this.maxEntries || this.used > this.maxChars) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.used -= oldest.chars;
    }
  }
}

/** The cache key of an authorizer's identity on a stage. */
export function authorizerCacheKey(stage: string, authorizerName: string, identity: readonly string[]): string {
  return JSON.stringify([stage, authorizerName, ...identity]);
}

/**
 * The definition's TTL as API Gateway would hold it: absent → 300; otherwise a whole number of seconds in
 * 0–3600. A value API Gateway would have refused is brought into range, with a note saying so.
 */
export function resultTtlSeconds(authorizer: AuthorizerDefinition): { ttl: number; note?: string } {
  const raw: unknown = authorizer.authorizerResultTtlInSeconds;
  if (raw === undefined || raw === null) return { ttl: DEFAULT_RESULT_TTL_SECONDS };
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (Number.isNaN(n)) return { ttl: DEFAULT_RESULT_TTL_SECONDS, note: `authorizer ${authorizer.name}: authorizerResultTtlInSeconds ${JSON.stringify(raw)} is not a number; the default ${DEFAULT_RESULT_TTL_SECONDS} s was used` };
  const ttl = Math.min(MAX_RESULT_TTL_SECONDS, Math.max(0, Math.floor(n)));
  return ttl === n ? { ttl } : { ttl, note: `authorizer ${authorizer.name}: authorizerResultTtlInSeconds ${n} is outside API Gateway's whole seconds 0-${MAX_RESULT_TTL_SECONDS}; ${ttl} was used` };
}
