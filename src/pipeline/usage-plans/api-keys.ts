/**
 * The API keys a definition declares, with the value a caller must send: the definition's own, or for
 * a key without one (API Gateway would generate it), a stable value derived from the API's title and
 * the key's id, which `serve` prints at start-up and the usage-plan check accepts.
 */
import type { ApiDefinition } from '../../model/index.js';
import { sha256 } from '../../platform/sha256.js';
import { encodeUtf8 } from '../../platform/utf8.js';

/** A key as `serve` lists it. */
export interface ApiKeyListing {
  id: string;
  name?: string;
  /** What a caller sends in `x-api-key` (or an authorizer returns as `usageIdentifierKey`). */
  value: string;
  /** Whether {@link value} was generated because the definition gives none. */
  generated: boolean;
  enabled: boolean;
  /** Ids of the usage plans holding the key, in definition order. */
  plans: string[];
}

/** Generated keys look like AWS's: 40 letters and digits. */
const GENERATED_LENGTH = 40;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The value generated for key `id` of an API titled `title`: the same on every run, different across
 * keys and APIs. Two SHA-256 digests give the 40 bytes, each mapped onto 62 letters and digits (the
 * slight bias is irrelevant: this is an identifier, not a secret).
 */
export function generatedApiKeyValue(title: string, id: string): string {
  const seed = encodeUtf8(`apigw-vtl api key\u0000${title}\u0000${id}`);
  const first = sha256(seed);
  const chained = new Uint8Array(first.length + seed.length);
  chained.set(first);
  chained.set(seed, first.length);
  const bytes = [...first, ...sha256(chained)];
  let value = '';
  for (let i = 0; i < GENERATED_LENGTH; i++) value += ALPHABET[bytes[i]! % ALPHABET.length];
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Key id → ids of the plans listing it. */
function plansByKey(definition: ApiDefinition): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const plan of Array.isArray(definition.usagePlans) ? (definition.usagePlans as unknown[]) : []) {
    if (!isRecord(plan) || typeof plan.id !== 'string' || !Array.isArray(plan.apiKeyIds)) continue;
    for (const keyId of plan.apiKeyIds as unknown[]) {
      if (typeof keyId !== 'string') continue;
      const list = byKey.get(keyId);
      if (!list) byKey.set(keyId, [plan.id]);
      else if (!list.includes(plan.id)) list.push(plan.id);
    }
  }
  return byKey;
}

/**
 * Every well-formed key of the definition (an entry without a string `id` is skipped), in definition
 * order, with the value a caller must send. An empty or non-string `value` counts as absent, so the key
 * gets a generated one; a key is enabled unless `enabled` is `false`.
 */
export function apiKeyValues(definition: ApiDefinition): ApiKeyListing[] {
  const title = typeof definition.title === 'string' ? definition.title : '';
  const plans = plansByKey(definition);
  const listings: ApiKeyListing[] = [];
  for (const key of Array.isArray(definition.apiKeys) ? (definition.apiKeys as unknown[]) : []) {
    if (!isRecord(key) || typeof key.id !== 'string') continue;
    const given = typeof key.value === 'string' && key.value !== '' ? key.value : undefined;
    listings.push({
      id: key.id,
      ...(typeof key.name === 'string' ? { name: key.name } : {}),
      value: given ?? generatedApiKeyValue(title, key.id),
      generated: given === undefined,
      enabled: key.enabled !== false,
      plans: [...(plans.get(key.id) ?? [])],
    });
  }
  return listings;
}
