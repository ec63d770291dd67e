/**
 * `requestContext` of a Lambda proxy event: the request's `$context`, as the keys AWS sends (LS-lambda
 * `test_lambda_aws_proxy_integration`, 2024-07) in the order real events list them, with `authorizer`
 * after `resourceId` when an authorizer ran. `identity` carries every key, null when unknown.
 */
import { CONTEXT_ORDER } from '../../gateway/context.js';
import type { JavaMap } from '../../java/values.js';
import { setOwn } from '../../own-property.js';
import { proxyAuthorizer } from './authorizer.js';
import { contextJson, type Json } from './context-json.js';

/** The `$context` keys in AWS's order, without the override maps (proxies have no templates to set them). */
const KEYS = CONTEXT_ORDER.filter((key) => key !== 'requestOverride' && key !== 'responseOverride');

/** `requestContext` as JSON: `$context` keys → their values, `identity` and `authorizer` as maps. */
export type ProxyRequestContext = { [key: string]: Json };

/**
 * The event's `requestContext`.
 * @param context the `$context` map the templates would see (its defaults fill what the caller left out)
 * @param authorizer `$context.authorizer` as the caller gave it: its values are stringified here, as AWS
 *   does, rather than taken from the map (which keeps no `integrationLatency` number)
 */
export function proxyRequestContext(context: JavaMap, authorizer: unknown): ProxyRequestContext {
  const out: ProxyRequestContext = {};
  const auth = proxyAuthorizer(authorizer);
  for (const key of KEYS) {
    setOwn(out, key, contextJson(context.get(key)));
    if (key === 'resourceId' && auth) setOwn(out, 'authorizer', auth);
  }
  return out;
}
