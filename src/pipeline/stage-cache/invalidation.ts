/**
 * What a client's `Cache-Control: max-age=0` does (pipeline.md §7). It invalidates when the method does
 * not require authorization for it, or when the caller holds `execute-api:InvalidateCache`. Offline
 * there are no IAM policies to hold it: a caller that `AWS_IAM` authorised is taken to hold it (the
 * offline IAM mode grants IAM callers every `execute-api` action it checks), any other caller does not.
 * Then `unauthorizedCacheControlHeaderStrategy` decides: fail with 403, or ignore the header, with or
 * without a warning header.
 */
import type { MethodDefinition } from '../../model/index.js';
import { gatewayError, type GatewayError } from '../gateway-responses/gateway-error.js';
import type { MethodCacheSettings } from './settings.js';

/**
 * The warning an ignored `Cache-Control` gets under `SUCCEED_WITH_RESPONSE_HEADER`. AWS's header name and
 * text are not on record (§14.6); this is an HTTP `Warning` (code 199, "miscellaneous", agent unknown).
 */
export const CACHE_CONTROL_IGNORED_HEADER = 'Warning';
export const CACHE_CONTROL_IGNORED_VALUE = '199 - "Cache-Control: max-age=0 ignored: the caller is not authorized to invalidate the API cache"';

export type InvalidationDecision =
  /** The request does not ask to invalidate. */
  | { kind: 'none' }
  /** Drop the entry and fetch a fresh response. */
  | { kind: 'invalidate' }
  /** Serve as if the header were absent; `warn`: add {@link CACHE_CONTROL_IGNORED_HEADER} to a cached response. */
  | { kind: 'ignore'; warn: boolean }
  /** `FAIL_WITH_403`. */
  | { kind: 'forbid'; error: GatewayError };

/** Whether the caller may invalidate offline: only an `AWS_IAM` caller can hold `execute-api:InvalidateCache`. */
export function mayInvalidate(method: MethodDefinition, settings: MethodCacheSettings): boolean {
  return !settings.requireAuthorizationForCacheControl || method.authorizationType === 'AWS_IAM';
}

/** What to do with a request that asks (`asked`) or does not ask to invalidate. */
export function invalidationDecision(asked: boolean, method: MethodDefinition, settings: MethodCacheSettings, methodArn: string): InvalidationDecision {
  if (!asked) return { kind: 'none' };
  if (mayInvalidate(method, settings)) return { kind: 'invalidate' };
  switch (settings.unauthorizedStrategy) {
    case 'FAIL_WITH_403':
      return { kind: 'forbid', error: invalidationDenied(methodArn) };
    case 'SUCCEED_WITH_RESPONSE_HEADER':
      return { kind: 'ignore', warn: true };
    case 'SUCCEED_WITHOUT_RESPONSE_HEADER':
      return { kind: 'ignore', warn: false };
  }
}

/**
 * The 403 of `FAIL_WITH_403`. AWS's body is not on record (§14.6; the DOC says only "403 Unauthorized"):
 * this is the answer AWS gives a caller lacking another `execute-api` permission (§13 O4: an
 * `ACCESS_DENIED` with a capital-M `Message`), for the `InvalidateCache` action. The caller is never an
 * IAM principal here (see {@link mayInvalidate}), hence `anonymous`.
 */
export function invalidationDenied(methodArn: string): GatewayError {
  const message = `User: anonymous is not authorized to perform: execute-api:InvalidateCache on resource: ${methodArn}`;
  return gatewayError('ACCESS_DENIED', 'cache', 'Cache-Control: max-age=0 from a caller without execute-api:InvalidateCache (FAIL_WITH_403)', {
    message,
    body: JSON.stringify({ Message: message }),
  });
}
