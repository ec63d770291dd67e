/**
 * `AWS_IAM` authorization offline (pipeline.md §4.7, `PipelineOptions.iam`). No signature can be checked
 * against AWS, so there are two modes:
 *
 * - **accept** (no `iam.accessKeys`): every request is taken as signed by `iam.identity`, which defaults to
 *   {@link DEFAULT_IAM_IDENTITY} — an IAM user `apigw-vtl-offline` of the default account, with the user
 *   id and access key id AWS's documentation uses as examples. A warning says the request was not checked.
 * - **keys** (`iam.accessKeys` given): the request must carry SigV4 — an `Authorization` header, or the
 *   `X-Amz-Credential` query parameter of a presigned URL:
 *   - none → 403 MISSING_AUTHENTICATION_TOKEN `Missing Authentication Token` (DOC/INF M);
 *   - not readable as SigV4 → 403 DEFAULT_4XX with `x-amzn-ErrorType: IncompleteSignatureException` and the
 *     messages of sigv4.ts (§10);
 *   - an access key id not in the table → 403 `The security token included in the request is invalid.`
 *     This is answered as INVALID_SIGNATURE (`InvalidSignatureException`), the type and header the spec
 *     records for it (AWS-OBS M, seen behind CloudFront OAC; API Gateway's own header for an unknown key
 *     may differ — UnrecognizedClientException is also reported — and is not recorded);
 *   - a listed key → the request is accepted as that key's identity. The signature itself is **not**
 *     verified (the table holds no secrets); a warning says so.
 *
 * `$context.identity` becomes a new object: the request's identity fields with the IAM ones on top.
 */
import { DEFAULT_ACCOUNT_ID } from '../../gateway/context.js';
import type { GatewayIdentity } from '../../gateway/request.js';
import { headerValue } from '../../integration/headers.js';
import { gatewayError } from '../gateway-responses/gateway-error.js';
import type { RoutedState, StageResult } from '../request-state.js';
import { setOwn } from '../../own-property.js';
import { addNotes } from './resource-policy.js';
import { parseCredential, parseSigV4Authorization, type SigV4Parse } from './sigv4.js';

/** Who an `AWS_IAM` caller is offline when the options name no one. */
export const DEFAULT_IAM_IDENTITY: Readonly<GatewayIdentity> = Object.freeze({
  accountId: DEFAULT_ACCOUNT_ID,
  caller: 'AIDACKCEVSQ6C2EXAMPLE',
  user: 'AIDACKCEVSQ6C2EXAMPLE',
  userArn: `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:user/apigw-vtl-offline`,
  accessKey: 'AKIAIOSFODNN7EXAMPLE',
});

/** The warning of a request accepted by its access key id alone. */
export const SIGV4_WARNING = 'AWS_IAM: the SigV4 signature was not verified offline (only its access key id was looked up in iam.accessKeys)';

const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';

function lastOf(v: unknown): string | undefined {
  const x = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof x === 'string' ? x : undefined;
}

function setIdentity(state: RoutedState, ...layers: ReadonlyArray<GatewayIdentity | undefined>): void {
  const identity: GatewayIdentity = { ...(state.context.identity ?? {}) };
  // Key by key as own properties: a `__proto__` key from parsed options is just a name.
  for (const layer of layers) if (layer) for (const [k, v] of Object.entries(layer)) setOwn(identity, k, v);
  state.context.identity = identity;
}

/** The SigV4 credential of the request, from its Authorization header or presigned query; undefined when it has neither. */
function requestCredential(state: RoutedState): SigV4Parse | undefined {
  const headers = state.request.headers;
  const authorization = headerValue(headers, 'Authorization');
  if (authorization !== undefined && authorization !== '') {
    const hasDate = headerValue(headers, 'X-Amz-Date') !== undefined || headerValue(headers, 'Date') !== undefined;
    return parseSigV4Authorization(authorization, hasDate);
  }
  const query = state.request.query;
  const credential = Object.hasOwn(query, 'X-Amz-Credential') ? lastOf(query['X-Amz-Credential']) : undefined;
  return credential === undefined ? undefined : parseCredential(credential);
}

/** Authorises an `AWS_IAM` method's request offline. */
export function runIamAuthorization(state: RoutedState): StageResult {
  const iam = state.options.iam ?? {};
  const keys = iam.accessKeys;
  if (keys === undefined || keys === null) {
    const identity = { ...DEFAULT_IAM_IDENTITY, ...(iam.identity ?? {}) };
    addNotes(state, [`AWS_IAM: the request was accepted without a signature as ${String(identity.userArn ?? identity.caller ?? 'the configured identity')} (set iam.accessKeys to require SigV4)`]);
    setIdentity(state, identity);
    return undefined;
  }
  const parsed = requestCredential(state);
  if (parsed === undefined) return gatewayError('MISSING_AUTHENTICATION_TOKEN', 'authorizer', 'the AWS_IAM method was called without SigV4 credentials (no Authorization header, no X-Amz-Credential)');
  if (!parsed.ok) {
    return gatewayError('DEFAULT_4XX', 'authorizer', `the Authorization header is not a readable SigV4 signature: ${parsed.message}`, { status: 403, message: parsed.message, errorType: 'IncompleteSignatureException' });
  }
  const keyId = parsed.credential.accessKeyId;
  if (!Object.hasOwn(keys, keyId)) return gatewayError('INVALID_SIGNATURE', 'authorizer', `access key id ${JSON.stringify(keyId)} is not in iam.accessKeys`, { message: INVALID_TOKEN_MESSAGE });
  addNotes(state, [SIGV4_WARNING]);
  setIdentity(state, DEFAULT_IAM_IDENTITY, iam.identity, keys[keyId], { accessKey: keyId });
  return undefined;
}
