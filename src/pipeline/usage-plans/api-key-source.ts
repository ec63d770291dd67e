/**
 * Where a request's API key comes from (`apiKeySource`, DG:api-gateway-api-key-source.md): the
 * `X-API-Key` header (HEADER, the default) or the `usageIdentifierKey` a Lambda authorizer returned
 * (AUTHORIZER).
 */
import { headerValue } from '../../integration/headers.js';
import type { RequestState } from '../request-state.js';

/**
 * The key the request presents, or undefined when it presents none (an empty value counts as none).
 * The header name is matched case-insensitively (pipeline.md §5.1 INF); a repeated header gives its
 * last value. An `apiKeySource` other than `AUTHORIZER` reads the header, as AWS's default does.
 */
export function presentedApiKey(state: RequestState): string | undefined {
  const raw: unknown = state.api.apiKeySource === 'AUTHORIZER' ? state.found.usageIdentifierKey : headerValue(state.request.headers, 'x-api-key');
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}
