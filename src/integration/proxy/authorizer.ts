/**
 * `requestContext.authorizer` of a Lambda proxy event: what the authorizer stage put in `$context.authorizer`,
 * as AWS sends it on. Lambda authorizer context values arrive stringified (`123` → `"123"`, `true` →
 * `"true"`; pipeline.md §4.5, AWS-OBS), next to `principalId` and the authorizer's `integrationLatency`, a
 * number (real events, file ids 10523331456, 34450006596). Cognito claims arrive stringified too (O17).
 */
import { isPlainObject } from '../../gateway/validate-input.js';
import { setOwn } from '../../own-property.js';
import type { Json } from './context-json.js';

/**
 * A value as the event carries it. A Lambda authorizer cannot return objects or lists (the authorizer stage
 * rejects them), so these only come from a caller's own `$context`: they are sent as JSON text
 * (inferred; AWS's form for a Cognito list claim is unrecorded, pipeline.md §14.8).
 */
function text(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return String(Object.prototype.toString.call(value));
  }
}

function claimsOf(claims: Record<string, unknown>): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [name, value] of Object.entries(claims)) setOwn(out, name, text(value));
  return out;
}

/**
 * The event's `authorizer` map, or undefined when the request was not authorised by an authorizer (AWS then
 * leaves the key out: LS-lambda `test_lambda_aws_proxy_integration`, 2024-07).
 */
export function proxyAuthorizer(authorizer: unknown): { [key: string]: Json } | undefined {
  if (!isPlainObject(authorizer)) return undefined;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(authorizer)) {
    if (key === 'claims' && isPlainObject(value)) setOwn(out, key, claimsOf(value));
    else if (key === 'integrationLatency' && typeof value === 'number' && Number.isFinite(value)) setOwn(out, key, value);
    else setOwn(out, key, text(value));
  }
  if (Object.keys(out).length === 0) return undefined;
  // A Lambda authorizer (it returns the principal) also reports how long it took; offline it took no time.
  if (Object.hasOwn(out, 'principalId') && !Object.hasOwn(out, 'integrationLatency')) setOwn(out, 'integrationLatency', 0);
  return out;
}
