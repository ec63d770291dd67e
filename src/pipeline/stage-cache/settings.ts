/**
 * The caching settings that apply to one method on one stage (pipeline.md §7): the stage must have a
 * cache cluster; the method's own `MethodSetting` wins field by field over the stage-wide `*\/*` one;
 * without a setting that says otherwise only `GET` is cached; the TTL defaults to 300 s, lies in
 * 0–3600, and 0 turns caching off.
 */
import type { MethodSettings, StageSettings, UnauthorizedCacheControlHeaderStrategy } from '../../model/index.js';

/** API Gateway's default TTL (`cacheTtlInSeconds`). */
export const DEFAULT_CACHE_TTL_SECONDS = 300;
/** The largest TTL API Gateway accepts. */
export const MAX_CACHE_TTL_SECONDS = 3600;

/**
 * AWS's defaults for the two invalidation fields, as every `GetStage` output shows them for a stage
 * whose method settings were never touched: authorization required, and an unauthorised
 * `Cache-Control: max-age=0` ignored with a warning header.
 */
export const DEFAULT_REQUIRE_AUTHORIZATION_FOR_CACHE_CONTROL = true;
export const DEFAULT_UNAUTHORIZED_STRATEGY: UnauthorizedCacheControlHeaderStrategy = 'SUCCEED_WITH_RESPONSE_HEADER';

const STRATEGIES: readonly string[] = ['FAIL_WITH_403', 'SUCCEED_WITH_RESPONSE_HEADER', 'SUCCEED_WITHOUT_RESPONSE_HEADER'];

/** How the stage cache treats one method. */
export interface MethodCacheSettings {
  /** Whether responses of the method are cached (cluster on, caching on for the method, TTL above 0). */
  enabled: boolean;
  /** Whole seconds, 0–3600. */
  ttlSeconds: number;
  /** Whether `Cache-Control: max-age=0` needs `execute-api:InvalidateCache` permission. */
  requireAuthorizationForCacheControl: boolean;
  /** What a caller without that permission gets. */
  unauthorizedStrategy: UnauthorizedCacheControlHeaderStrategy;
}

/** The settings, and what was wrong with the definition's values (for the request's warnings). */
export interface ResolvedCacheSettings {
  settings: MethodCacheSettings;
  warnings: string[];
}

/** Which method a request runs: the definition's resource and method, and the client's method. */
export interface CachedMethodRef {
  /** The resource path template, e.g. `/pets/{id}`. */
  resourcePath: string;
  /** The definition's method (may be `ANY`), which method settings are keyed by. */
  definitionMethod: string;
  /** The method the client sent, which the GET-only default is about. */
  requestMethod: string;
}

/**
 * The method-setting keys of a method, most specific first: the model's `/{resourcePath}/{METHOD}`,
 * and the form AWS itself stores (the resource path's `/` escaped as `~1`, `~` as `~0`, e.g.
 * `~1pets~1{id}/GET`), in case a definition passes AWS's keys through unchanged.
 */
export function methodSettingKeys(resourcePath: string, httpMethod: string): string[] {
  const method = httpMethod.toUpperCase();
  const escaped = resourcePath.replace(/~/g, '~0').replace(/\//g, '~1');
  return [`${resourcePath}/${method}`, `${escaped}/${method}`];
}

/** The effective caching settings of `method` on a stage with `stage` settings (absent: no cache cluster). */
export function methodCacheSettings(stage: StageSettings | null | undefined, method: CachedMethodRef): ResolvedCacheSettings {
  const warnings: string[] = [];
  const own = ownMethodSetting(stage?.methodSettings, methodSettingKeys(method.resourcePath, method.definitionMethod));
  const all = ownMethodSetting(stage?.methodSettings, ['*/*']);
  const ttlSeconds = ttlOf(pick(own, all, (s) => s.cacheTtlInSeconds), warnings);
  const cachingOn = cachingEnabled(own, all, method.requestMethod);
  const requireAuth = pick(own, all, (s) => (typeof s.requireAuthorizationForCacheControl === 'boolean' ? s.requireAuthorizationForCacheControl : undefined));
  return {
    settings: {
      enabled: stage?.cacheClusterEnabled === true && cachingOn && ttlSeconds > 0,
      ttlSeconds,
      requireAuthorizationForCacheControl: requireAuth ?? DEFAULT_REQUIRE_AUTHORIZATION_FOR_CACHE_CONTROL,
      unauthorizedStrategy: strategyOf(pick(own, all, (s) => s.unauthorizedCacheControlHeaderStrategy), warnings),
    },
    warnings,
  };
}

function ownMethodSetting(map: Record<string, MethodSettings> | null | undefined, keys: readonly string[]): MethodSettings | undefined {
  if (!map || typeof map !== 'object') return undefined;
  for (const key of keys) {
    if (!Object.hasOwn(map, key)) continue;
    const value = map[key];
    if (value && typeof value === 'object') return value;
  }
  return undefined;
}

/** The method's own value of a field when it has one, else the stage-wide one. */
function pick<T>(own: MethodSettings | undefined, all: MethodSettings | undefined, field: (s: MethodSettings) => T | null | undefined): T | undefined {
  const mine = own ? field(own) : undefined;
  if (mine !== undefined && mine !== null) return mine;
  const theirs = all ? field(all) : undefined;
  return theirs === null ? undefined : theirs;
}

/**
 * The method's own `cachingEnabled` decides for any HTTP method; the stage-wide `*\/*` one (and the
 * default once the cluster exists) only ever turns on `GET`, since AWS caches other methods only
 * through an override of their own (DG: "only GET methods have caching enabled by default").
 */
function cachingEnabled(own: MethodSettings | undefined, all: MethodSettings | undefined, requestMethod: string): boolean {
  if (typeof own?.cachingEnabled === 'boolean') return own.cachingEnabled;
  const isGet = requestMethod.toUpperCase() === 'GET';
  if (typeof all?.cachingEnabled === 'boolean') return all.cachingEnabled && isGet;
  return isGet;
}

function ttlOf(value: unknown, warnings: string[]): number {
  if (value === undefined) return DEFAULT_CACHE_TTL_SECONDS;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    warnings.push(`cacheTtlInSeconds ${describeValue(value)} is not a number; using the default ${DEFAULT_CACHE_TTL_SECONDS}`);
    return DEFAULT_CACHE_TTL_SECONDS;
  }
  const clamped = Math.min(MAX_CACHE_TTL_SECONDS, Math.max(0, Math.trunc(value)));
  if (clamped !== value) warnings.push(`cacheTtlInSeconds ${value} is outside 0-${MAX_CACHE_TTL_SECONDS} or not whole; using ${clamped}`);
  return clamped;
}

function strategyOf(value: unknown, warnings: string[]): UnauthorizedCacheControlHeaderStrategy {
  if (value === undefined) return DEFAULT_UNAUTHORIZED_STRATEGY;
  if (typeof value === 'string' && STRATEGIES.includes(value)) return value as UnauthorizedCacheControlHeaderStrategy;
  warnings.push(`unauthorizedCacheControlHeaderStrategy ${describeValue(value)} is not one of ${STRATEGIES.join(', ')}; using ${DEFAULT_UNAUTHORIZED_STRATEGY}`);
  return DEFAULT_UNAUTHORIZED_STRATEGY;
}

/** A definition's value in a warning, without calling anything the value defines. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
