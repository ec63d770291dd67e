/**
 * A token bucket (DG:api-gateway-request-throttling.md): `burst` tokens at most, refilled at `rate`
 * tokens per second, one token per request. A bucket starts full. Pure functions over a small record.
 */

export interface TokenBucket {
  /** Tokens left at {@link updated}. */
  tokens: number;
  /** When {@link tokens} was last computed (ms). */
  updated: number;
  rate: number;
  burst: number;
}

/**
 * Floating-point refills can leave 0.9999999… where exact arithmetic gives 1 (a 0.1 rps bucket after
 * exactly 10 s); a request is admitted when the bucket holds this close to a whole token.
 */
const ONE_TOKEN = 1 - 1e-9;

/** A full bucket at `now`. */
export function fullBucket(rate: number, burst: number, now: number): TokenBucket {
  return { tokens: burst, updated: now, rate, burst };
}

/**
 * The tokens the bucket holds at `now`. A `now` before {@link TokenBucket.updated} (a clock that went
 * back) adds nothing: time standing still can never mint tokens.
 */
export function tokensAt(bucket: TokenBucket, now: number): number {
  const elapsed = now - bucket.updated;
  if (!(elapsed > 0)) return bucket.tokens;
  // elapsed × rate may overflow to Infinity for absurd rates; min() then simply fills the bucket.
  return Math.min(bucket.burst, bucket.tokens + (elapsed / 1000) * bucket.rate);
}

/** Whether a request can take a token at `now`. */
export function hasToken(bucket: TokenBucket, now: number): boolean {
  return tokensAt(bucket, now) >= ONE_TOKEN;
}

/** The bucket after one request took a token at `now` (call only when {@link hasToken}). */
export function takeToken(bucket: TokenBucket, now: number): TokenBucket {
  return { ...bucket, tokens: Math.max(0, tokensAt(bucket, now) - 1), updated: Math.max(now, bucket.updated) };
}

/** Whether the bucket is full again at `now`, and so no different from one never used. */
export function isFull(bucket: TokenBucket, now: number): boolean {
  return tokensAt(bucket, now) >= bucket.burst;
}
