/**
 * A Lambda authorizer's answer (`DG:api-gateway-lambda-authorizer-output.md`, pipeline.md §4.4–4.5):
 * `principalId`, `policyDocument`, an optional `context` of string/number/boolean values and an optional
 * `usageIdentifierKey`. Anything else — no object at all, a policy that is not one, a context value that is
 * an object or an array — is malformed output, which AWS answers with 500 AUTHORIZER_CONFIGURATION_ERROR.
 */
import { setOwn } from '../../own-property.js';
import { javaScalarText } from './java-text.js';
import { parsePolicyDocument, type Statement } from './policy.js';
import type { Json } from './safe-copy.js';

/** What a Lambda authorizer decided, in the form the cache keeps and each request re-evaluates. */
export interface AuthorizerResult {
  /** Null when the answer had none (see lambda-authorizer.ts for when that is accepted). */
  principalId: string | null;
  statements: Statement[];
  /** `$context.authorizer.<key>` values as API Gateway stringifies them, in the answer's key order. */
  context: Record<string, string | null>;
  usageIdentifierKey?: string;
  /** Characters of JSON the answer stood for (what the cache charges for keeping it). */
  size: number;
}

export type OutputParse =
  | { ok: true; result: AuthorizerResult }
  /** `policy`: the policy itself could not be read (AWS logs `Could not parse policy`). */
  | { ok: false; reason: string; policy: boolean };

function isRecord(v: Json | undefined): v is { [key: string]: Json } {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

function kind(v: Json): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A scalar field as Java reads it into a String (Jackson coerces numbers and booleans). */
function scalarField(v: Json | undefined): { ok: true; text: string | null } | { ok: false } {
  if (v === undefined || v === null) return { ok: true, text: null };
  if (typeof v === 'object') return { ok: false };
  return { ok: true, text: javaScalarText(v) };
}

/** Reads a handler's answer (already copied as JSON data, `chars` its JSON size) as an authorizer result. */
export function parseAuthorizerOutput(value: Json, chars: number): OutputParse {
  if (!isRecord(value)) return { ok: false, reason: `the authorizer returned ${kind(value)}, not an object with principalId and policyDocument`, policy: true };
  const policy = parsePolicyDocument(value.policyDocument, 'policyDocument');
  if (policy.problems.length > 0) return { ok: false, reason: `the authorizer's policy is malformed: ${policy.problems.join('; ')}`, policy: true };

  const principal = scalarField(value.principalId);
  if (!principal.ok) return { ok: false, reason: `principalId must be a string, not ${kind(value.principalId!)}`, policy: false };

  const context: Record<string, string | null> = {};
  const rawContext = value.context;
  if (rawContext !== undefined && rawContext !== null) {
    if (!isRecord(rawContext)) return { ok: false, reason: `context must be an object, not ${kind(rawContext)}`, policy: false };
    for (const [key, v] of Object.entries(rawContext)) {
      const text = scalarField(v);
      if (!text.ok) return { ok: false, reason: `context.${key} is ${kind(v)}; API Gateway accepts only strings, numbers and booleans as context values`, policy: false };
      setOwn(context, key, text.text);
    }
  }

  const key = scalarField(value.usageIdentifierKey);
  if (!key.ok) return { ok: false, reason: `usageIdentifierKey must be a string, not ${kind(value.usageIdentifierKey!)}`, policy: false };

  const result: AuthorizerResult = { principalId: principal.text, statements: policy.statements, context, size: chars };
  if (key.text !== null) result.usageIdentifierKey = key.text;
  return { ok: true, result };
}
