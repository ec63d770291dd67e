/** Stage settings beyond stage variables: method settings (throttling, caching) and the canary. */
import type { ThrottleSettings } from './usage-plan.js';

/** What an unauthorised `Cache-Control: max-age=0` gets. */
export type UnauthorizedCacheControlHeaderStrategy = 'FAIL_WITH_403' | 'SUCCEED_WITH_RESPONSE_HEADER' | 'SUCCEED_WITHOUT_RESPONSE_HEADER';

/** `MethodSetting`, keyed in {@link StageSettings.methodSettings} by `/{resourcePath}/{HTTPMETHOD}` or `*\/*`. */
export interface MethodSettings {
  throttlingRateLimit?: number | null;
  throttlingBurstLimit?: number | null;
  cachingEnabled?: boolean | null;
  /** 0–3600, default 300. */
  cacheTtlInSeconds?: number | null;
  requireAuthorizationForCacheControl?: boolean | null;
  unauthorizedCacheControlHeaderStrategy?: UnauthorizedCacheControlHeaderStrategy | null;
}

export interface CanarySettings {
  /** Share of requests (0–100) that run the canary. */
  percentTraffic: number;
  /** Stage variables of canary requests, over the stage's own. */
  stageVariableOverrides?: Record<string, string> | null;
  useStageCache?: boolean | null;
}

export interface StageSettings {
  /** Whether the stage has a cache cluster (then GET methods are cached unless their settings say otherwise). */
  cacheClusterEnabled?: boolean | null;
  /** Method settings by `/{resourcePath}/{HTTPMETHOD}` (the resource path's own `/` as written, e.g. `/pets/GET`, `//GET` for the root), or `*\/*` for all. */
  methodSettings?: Record<string, MethodSettings> | null;
  /** Stage-wide default throttle (account level when absent: 10,000 rps, burst 5,000). */
  throttle?: ThrottleSettings | null;
  canary?: CanarySettings | null;
  source?: string;
}
