/**
 * The stage cache step of the pipeline (pipeline.md §7). It runs after authorization, the usage plan
 * and validation, so a cached response is only ever served to a request that got that far; what it
 * caches is the integration's response, whatever its status, never a response API Gateway generated.
 *
 * The pipeline asks {@link lookupStageCache} and then:
 * - `off`: runs the integration as usual;
 * - `hit`: sends `response` (the integration does not run);
 * - `miss`: runs the integration and hands the method response to `store` before sending it;
 * - `error`: answers with the gateway error.
 */
import type { GatewayResponse } from '../../integration/types.js';
import { setHeader } from '../../integration/headers.js';
import type { StageSettings } from '../../model/index.js';
import type { GatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState } from '../request-state.js';
import { isCanaryRequest } from '../canary.js';
import { requestsInvalidation } from './cache-control.js';
import { CACHE_CONTROL_IGNORED_HEADER, CACHE_CONTROL_IGNORED_VALUE, invalidationDecision } from './invalidation.js';
import { cacheKey, cacheKeyParameterValues, cacheKeyParametersOf, cacheNamespaceOf, describeCacheKey, type CacheKeyParts } from './key.js';
import { cacheHitLine, cacheMissLine, forbiddenLine, ignoredLine, invalidatedLine, notCachedGatewayLine, storedLine } from './log-lines.js';
import { methodCacheSettings } from './settings.js';

export { StageCache, MAX_CACHED_BODY_BYTES, DEFAULT_STAGE_CACHE_LIMITS, type StageCacheLimits, type StoreOutcome } from './cache.js';
export { methodCacheSettings, type MethodCacheSettings } from './settings.js';
export { cacheKey, type CacheKeyParts } from './key.js';
export { CACHE_CONTROL_IGNORED_HEADER, CACHE_CONTROL_IGNORED_VALUE } from './invalidation.js';

/** What the stage cache says about one request. */
export type CacheLookup =
  | { kind: 'off' }
  | { kind: 'hit'; response: GatewayResponse }
  | { kind: 'miss'; store(response: GatewayResponse): void }
  | { kind: 'error'; error: GatewayError };

const OFF: CacheLookup = Object.freeze({ kind: 'off' });

/**
 * Looks the request up in its API's stage cache (`state.runtime.stageCache`), honouring the client's
 * `Cache-Control: max-age=0` as the method's settings allow. Writes execution-log lines and adds the
 * definition's problems to `state.warnings`. Never throws: a failure of its own turns caching off for
 * the request, with a warning.
 */
export function lookupStageCache(state: RoutedState): CacheLookup {
  try {
    return lookup(state);
  } catch (e) {
    state.warnings.push(`stage cache: skipped after an internal error (${e instanceof Error ? e.message : 'unknown'})`);
    return OFF;
  }
}

function lookup(state: RoutedState): CacheLookup {
  const stage = stageSettingsOf(state);
  const warnings: string[] = [];
  const resolved = methodCacheSettings(stage, { resourcePath: state.method.resourcePath, definitionMethod: state.method.httpMethod, requestMethod: state.request.httpMethod });
  warnings.push(...resolved.warnings);
  const settings = resolved.settings;
  // Settings only matter, and are only worth a warning, on a stage that has a cache.
  if (!settings.enabled) return report(state, stage?.cacheClusterEnabled === true ? warnings : [], OFF);
  const parts = keyParts(state, stage, warnings);
  const key = cacheKey(parts);
  const shown = describeCacheKey(parts);
  const cache = state.runtime.stageCache;
  const decision = invalidationDecision(requestsInvalidation(state.request.headers), state.method, settings, state.methodArn);
  if (decision.kind === 'forbid') {
    state.log.add(forbiddenLine());
    return report(state, warnings, { kind: 'error', error: decision.error });
  }
  if (decision.kind === 'invalidate') {
    cache.delete(key);
    state.log.add(invalidatedLine(shown));
  } else {
    if (decision.kind === 'ignore') state.log.add(ignoredLine(settings.unauthorizedStrategy));
    const hit = cache.lookup(key, state.now);
    if (hit !== undefined) {
      if (decision.kind === 'ignore' && decision.warn) setHeader(hit.headers, CACHE_CONTROL_IGNORED_HEADER, CACHE_CONTROL_IGNORED_VALUE);
      state.log.add(cacheHitLine(shown));
      return report(state, warnings, { kind: 'hit', response: hit });
    }
    state.log.add(cacheMissLine(shown));
  }
  return report(state, warnings, { kind: 'miss', store: storer(state, key, settings.ttlSeconds) });
}

/** `store` of a miss: keeps the integration's response once; a response API Gateway made is never kept. */
function storer(state: RoutedState, key: string, ttlSeconds: number): (response: GatewayResponse) => void {
  let stored = false;
  return (response) => {
    if (stored) return;
    stored = true;
    try {
      if (response?.trace?.error !== undefined) {
        state.log.add(notCachedGatewayLine());
        return;
      }
      const outcome = state.runtime.stageCache.store(key, response, state.now, ttlSeconds);
      state.log.add(storedLine(outcome, ttlSeconds, response.rawBody?.byteLength ?? 0));
    } catch (e) {
      state.warnings.push(`stage cache: response not cached after an internal error (${e instanceof Error ? e.message : 'unknown'})`);
    }
  };
}

function keyParts(state: RoutedState, stage: StageSettings | undefined, warnings: string[]): CacheKeyParts {
  const integration = state.method.integration;
  const canaryOwnEntries = isCanaryRequest(state.context) && stage?.canary?.useStageCache !== true;
  return {
    stage: state.request.stage,
    partition: canaryOwnEntries ? 'canary' : 'base',
    namespace: cacheNamespaceOf(integration, state.method.resourcePath),
    httpMethod: state.request.httpMethod.toUpperCase(),
    parameters: cacheKeyParameterValues(cacheKeyParametersOf(integration, warnings), { pathParameters: state.pathParameters, query: state.request.query, headers: state.request.headers }, warnings),
  };
}

function stageSettingsOf(state: RoutedState): StageSettings | undefined {
  const all = state.api.stageSettings;
  if (!all || typeof all !== 'object' || !Object.hasOwn(all, state.request.stage)) return undefined;
  const settings = all[state.request.stage];
  return settings && typeof settings === 'object' ? settings : undefined;
}

function report(state: RoutedState, warnings: readonly string[], result: CacheLookup): CacheLookup {
  for (const w of warnings) state.warnings.push(`stage cache: ${w}`);
  return result;
}
