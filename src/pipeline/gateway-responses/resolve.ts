/**
 * Which configuration answers a gateway response of a type (pipeline.md §3.3): the type's own
 * customisation if the API has one (it replaces the whole default, taking nothing from DEFAULT_4XX/5XX);
 * else a customised DEFAULT_4XX or DEFAULT_5XX of the type's class, which reaches every type not
 * customised itself; else API Gateway's built-in response.
 */
import type { ApiDefinition, GatewayResponseDefinition, GatewayResponseType } from '../../model/index.js';
import { DEFAULT_GATEWAY_RESPONSES } from './defaults.js';

export type ResolvedGatewayResponse =
  | { kind: 'built-in' }
  | { kind: 'customised'; definition: GatewayResponseDefinition; /** The type whose customisation applies. */ from: GatewayResponseType };

/** Customising REQUEST_TOO_LARGE "isn't currently supported" (DG known issues; two users confirm it is ignored). */
const NOT_CUSTOMISABLE: ReadonlySet<GatewayResponseType> = new Set(['REQUEST_TOO_LARGE']);

/**
 * @param status the status the failure has by nature (a 502 INTEGRATION_FAILURE is still a 5XX even
 *   though the type's listed default is 504), which decides the class for DEFAULT_4XX/DEFAULT_5XX
 */
export function resolveGatewayResponse(api: ApiDefinition, type: GatewayResponseType, status: number): ResolvedGatewayResponse {
  const custom = api.gatewayResponses;
  if (!custom || NOT_CUSTOMISABLE.has(type)) return { kind: 'built-in' };
  if (Object.hasOwn(custom, type) && custom[type]) return { kind: 'customised', definition: custom[type]!, from: type };
  const fallback = type === 'DEFAULT_4XX' || type === 'DEFAULT_5XX' ? type : status >= 500 ? 'DEFAULT_5XX' : DEFAULT_GATEWAY_RESPONSES[type].fallback;
  if (Object.hasOwn(custom, fallback) && custom[fallback]) return { kind: 'customised', definition: custom[fallback]!, from: fallback };
  return { kind: 'built-in' };
}
