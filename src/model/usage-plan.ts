/** API keys and usage plans (`CreateApiKey`, `CreateUsagePlan`, `AWS::ApiGateway::ApiKey`/`UsagePlan`/`UsagePlanKey`). */

export type ApiKeySource = 'HEADER' | 'AUTHORIZER';

export interface ApiKeyDefinition {
  /** The key's id (`$context.identity.apiKeyId`): a CloudFormation logical id, or generated. */
  id: string;
  name?: string | null;
  /**
   * The key value a caller sends (20–128 characters on AWS). Absent: API Gateway generates one; the
   * library generates a stable value from the id, which `serve` prints at start-up.
   */
  value?: string | null;
  /** Default true; a disabled key is refused like an unknown one. */
  enabled?: boolean | null;
}

/** A token bucket: `rateLimit` requests per second refill it, up to `burstLimit`. */
export interface ThrottleSettings {
  rateLimit?: number | null;
  burstLimit?: number | null;
}

export type QuotaPeriod = 'DAY' | 'WEEK' | 'MONTH';

export interface QuotaSettings {
  /** Requests allowed per period. */
  limit: number;
  /** Requests already taken from the first period. */
  offset?: number | null;
  period: QuotaPeriod;
}

/** A stage of the API a usage plan covers, with per-method throttles keyed `/{resourcePath}/{HTTPMETHOD}`. */
export interface UsagePlanStage {
  stage: string;
  /** e.g. `{"/pets/GET": {rateLimit: 5, burstLimit: 10}}`; the root is `//GET`. */
  throttle?: Record<string, ThrottleSettings> | null;
}

export interface UsagePlanDefinition {
  id: string;
  name?: string | null;
  apiStages: UsagePlanStage[];
  throttle?: ThrottleSettings | null;
  quota?: QuotaSettings | null;
  /** Ids of the {@link ApiKeyDefinition}s in the plan. */
  apiKeyIds: string[];
  source?: string;
}
