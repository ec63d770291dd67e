/**
 * The token buckets of one API, bounded. Buckets exist only for what the definition names (known keys
 * × their plans' stages × methods, stages with throttling × methods, and the account), and a full
 * bucket is indistinguishable from a missing one, so idle buckets are dropped whenever the store is
 * at its cap. Only when more than the cap are simultaneously part-empty is the least recently used one
 * forgotten, which lets that one client burst again: the price of the bound.
 */
import { fullBucket, hasToken, isFull, takeToken, type TokenBucket } from './token-bucket.js';

/** What a request asks of one bucket. */
export interface BucketClaim {
  bucket: string;
  rate: number;
  burst: number;
}

/** Default cap on the buckets one API keeps. A bucket costs roughly 200 bytes with its key. */
export const DEFAULT_MAX_BUCKETS = 10_000;

export class BucketStore {
  /** Map iteration order is insertion order; re-inserting on every use makes it the LRU order. */
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(readonly maxBuckets: number = DEFAULT_MAX_BUCKETS) {}

  get size(): number {
    return this.buckets.size;
  }

  private current(claim: BucketClaim, now: number): TokenBucket {
    return this.buckets.get(claim.bucket) ?? fullBucket(claim.rate, claim.burst, now);
  }

  /**
   * Takes one token from every claimed bucket when each has one, and returns -1; otherwise takes
   * nothing (a throttled request costs no bucket a token) and returns the index of the first claim
   * whose bucket is empty.
   */
  take(claims: readonly BucketClaim[], now: number): number {
    const buckets = claims.map((claim) => this.current(claim, now));
    const empty = buckets.findIndex((bucket) => !hasToken(bucket, now));
    if (empty >= 0) return empty;
    claims.forEach((claim, i) => {
      this.buckets.delete(claim.bucket);
      this.buckets.set(claim.bucket, takeToken(buckets[i]!, now));
    });
    this.enforceCap(now);
    return -1;
  }

  /**
   * Drops every full bucket, then the least recently used down to 90% of the cap, so that a sweep
   * (linear in the cap) happens at most once per tenth of the cap of new buckets.
   */
  private enforceCap(now: number): void {
    if (this.buckets.size <= this.maxBuckets) return;
    for (const [id, bucket] of this.buckets) if (isFull(bucket, now)) this.buckets.delete(id);
    const target = Math.floor(this.maxBuckets * 0.9);
    for (const id of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(id);
    }
  }
}
