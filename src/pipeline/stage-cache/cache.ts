/**
 * The stage cache of one API (pipeline.md §7): responses by cache key, each fresh for its TTL against the
 * clock the caller passes in (ms), held as private copies, and bounded twice, by entry count and by the
 * bytes held, the least recently used entry going first. API Gateway does not cache a response whose
 * body is over 1,048,576 bytes (§6), so neither does this.
 */
import type { GatewayResponse } from '../../integration/types.js';
import { responseFrom, snapshotBytes, snapshotOf, type ResponseSnapshot } from './snapshot.js';

/** The largest response body API Gateway caches (DG: "The maximum size of a response that can be cached"). */
export const MAX_CACHED_BODY_BYTES = 1_048_576;

export interface StageCacheLimits {
  /** Entries kept at most. */
  maxEntries: number;
  /** Bytes kept at most (bodies, headers and keys); an entry over a quarter of this is not kept. */
  maxBytes: number;
}

/** Room for a few thousand typical responses, and for several of the largest API Gateway caches. */
export const DEFAULT_STAGE_CACHE_LIMITS: Readonly<StageCacheLimits> = { maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 };

/** What became of a response offered to the cache. */
export type StoreOutcome = 'stored' | 'body-too-large' | 'over-budget' | 'not-a-response';

interface Entry {
  readonly snapshot: ResponseSnapshot;
  /** Fresh while `now < expiresAt`. */
  readonly expiresAt: number;
  readonly bytes: number;
}

export class StageCache {
  readonly limits: Readonly<StageCacheLimits>;
  /** A Map iterates in insertion order: re-inserting on every hit makes it the LRU list. */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(limits: Partial<StageCacheLimits> = {}) {
    this.limits = {
      maxEntries: bound(limits.maxEntries, DEFAULT_STAGE_CACHE_LIMITS.maxEntries),
      maxBytes: bound(limits.maxBytes, DEFAULT_STAGE_CACHE_LIMITS.maxBytes),
    };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held (an estimate: body bytes, and text as UTF-16). */
  get totalBytes(): number {
    return this.bytes;
  }

  /**
   * A fresh copy of the response kept for `key`, now the most recently used; undefined when there is none
   * or it has expired at `now` (an expired entry is dropped). A clock that is not a number never hits.
   */
  lookup(key: string, now: number): GatewayResponse | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (!(now < entry.expiresAt)) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return responseFrom(entry.snapshot);
  }

  /**
   * Keeps a copy of `response` for `key` until `now + ttlSeconds`, replacing what the key held and
   * evicting the least recently used entries to stay within the limits.
   */
  store(key: string, response: GatewayResponse, now: number, ttlSeconds: number): StoreOutcome {
    const snapshot = snapshotOf(response);
    if (snapshot === undefined) return 'not-a-response';
    if (snapshot.rawBody.byteLength > MAX_CACHED_BODY_BYTES) return 'body-too-large';
    const bytes = snapshotBytes(snapshot) + 2 * key.length;
    if (bytes > this.limits.maxBytes / 4 || this.limits.maxEntries <= 0) return 'over-budget';
    this.delete(key);
    this.entries.set(key, { snapshot, expiresAt: now + ttlSeconds * 1000, bytes });
    this.bytes += bytes;
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const oldest = this.entries.keys().next().value!;
      this.delete(oldest);
    }
    return 'stored';
  }

  /** Drops the entry for `key` (a client's authorised `Cache-Control: max-age=0`). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /** Drops every entry (`FlushStageCache`). */
  flush(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

function bound(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
