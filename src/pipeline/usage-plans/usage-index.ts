/**
 * The API's keys and usage plans indexed once, so that a request finds its key by value and the key's
 * plan for a stage without scanning every key or plan. Built from a definition a stranger may have
 * written: entries of the wrong shape are skipped, never trusted.
 */
import type { ApiDefinition, QuotaSettings, ThrottleSettings } from '../../model/index.js';
import { apiKeyValues } from './api-keys.js';

/** An API key as the usage-plan check sees it. */
export interface IndexedKey {
  id: string;
  /** The value a caller sends: the definition's, or the generated one `serve` prints. */
  value: string;
  enabled: boolean;
  /** The plans holding the key, in definition order. */
  plans: IndexedPlan[];
}

/** A usage plan as the usage-plan check sees it. */
export interface IndexedPlan {
  id: string;
  /** Stage name → the plan's per-method throttles there (`/{resourcePath}/{METHOD}` → settings), as written. */
  stages: Map<string, unknown>;
  /** The plan's {@link ThrottleSettings}, as written (validated when used). */
  throttle: unknown;
  /** The plan's {@link QuotaSettings}, as written (validated when used). */
  quota: unknown;
}

export interface UsageIndex {
  /** Key value → key. */
  keysByValue: Map<string, IndexedKey>;
  plans: IndexedPlan[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function indexPlan(raw: Record<string, unknown>): IndexedPlan | undefined {
  if (typeof raw.id !== 'string') return undefined;
  const stages = new Map<string, unknown>();
  for (const entry of Array.isArray(raw.apiStages) ? raw.apiStages : []) {
    // The same stage listed twice keeps its first entry, as the first plan for a stage wins below.
    if (isRecord(entry) && typeof entry.stage === 'string' && !stages.has(entry.stage)) stages.set(entry.stage, entry.throttle);
  }
  return { id: raw.id, stages, throttle: raw.throttle, quota: raw.quota };
}

/**
 * Indexes the definition's keys and plans.
 *
 * Two keys with the same value are "the same API key" on AWS (DG:api-gateway-api-usage-plans.md); here
 * the first one in definition order is the one a value names. AWS refuses to put one key in two plans
 * for the same stage; a definition that does anyway gets the first such plan in definition order.
 */
export function indexUsagePlans(definition: ApiDefinition): UsageIndex {
  const plans: IndexedPlan[] = [];
  const plansByKeyId = new Map<string, IndexedPlan[]>();
  for (const raw of Array.isArray(definition.usagePlans) ? (definition.usagePlans as unknown[]) : []) {
    if (!isRecord(raw)) continue;
    const plan = indexPlan(raw);
    if (!plan) continue;
    plans.push(plan);
    const seen = new Set<string>();
    for (const keyId of Array.isArray(raw.apiKeyIds) ? (raw.apiKeyIds as unknown[]) : []) {
      if (typeof keyId !== 'string' || seen.has(keyId)) continue;
      seen.add(keyId);
      const list = plansByKeyId.get(keyId);
      if (list) list.push(plan);
      else plansByKeyId.set(keyId, [plan]);
    }
  }
  const keysByValue = new Map<string, IndexedKey>();
  for (const key of apiKeyValues(definition)) {
    if (keysByValue.has(key.value)) continue;
    keysByValue.set(key.value, { id: key.id, value: key.value, enabled: key.enabled, plans: plansByKeyId.get(key.id) ?? [] });
  }
  return { keysByValue, plans };
}

/**
 * The plan through which `key` may call `stage`: the first of the key's plans (definition order) that
 * covers the stage. Linear only in the key's own plans (AWS allows 10 per key).
 */
export function planForStage(key: IndexedKey, stage: string): IndexedPlan | undefined {
  return key.plans.find((plan) => plan.stages.has(stage));
}
