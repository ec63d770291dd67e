/**
 * The request an `HTTP_PROXY` integration sends its backend: the client's request passed through, with
 * the integration's parameter mappings applied on top (recorded: LS-http
 * `test_http_proxy_integration_request_data_mappings`, AWS-REC 2024-07).
 *
 * - URL: the integration URI with stage variables and `{name}` placeholders filled in, then the query
 *   string. A placeholder takes the mapped `integration.request.path.<name>`, else the method's path
 *   parameter of that name (what a `{proxy+}` resource's console setup maps anyway; inferred). Slashes in
 *   a value are kept, so `{proxy}` carries a whole sub-path. The URI's own query comes first, then the
 *   client's query string with mapped parameters replacing the client's of the same name
 *   (`?testVar={pathVar}` + client `testVar=bar` → `testVar=foobar&testVar=bar`, recorded).
 * - Method: the integration's `httpMethod`, or the client's for `ANY` or none.
 * - Headers: the client's, minus those dropped for every integration and `Host` (the backend's own host
 *   replaces it, recorded), mapped headers replacing the client's, plus `X-Amzn-Trace-Id` and
 *   `X-Amzn-Apigateway-Api-Id` (recorded on a Regional API, LS-integrations 2024-12).
 * - Body: the client's, byte for byte.
 */
import type { ParameterValue } from '../../gateway/request.js';
import { setOwn } from '../../own-property.js';
import { configurationError } from '../failure.js';
import { record } from '../headers.js';
import { integrationUrl, substituteStageVariables } from '../integration-call.js';
import { payloadOf, payloadText } from '../payload.js';
import { droppedRequestHeader } from '../remapping.js';
import { mapParameters } from '../request-phase.js';
import type { InvocationState } from '../state.js';
import type { IntegrationRequest } from '../types.js';
import { HeaderMerge } from './header-merge.js';

const PLACEHOLDER = /\{([^{}]+?)\+?\}/g;

/** A path value in a URL: each segment percent-encoded, the `/` between them kept. */
function encodePath(value: string): string {
  return value.split('/').map(encodeURIComponent).join('/');
}

function filledUri(uri: string, mapped: Record<string, string>, method: Record<string, string>, used: Record<string, string>): string {
  return uri.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = Object.hasOwn(mapped, name) ? mapped[name] : Object.hasOwn(method, name) ? method[name] : undefined;
    if (value === undefined) {
      throw configurationError(`the HTTP_PROXY uri has a placeholder {${name}} that no integration.request.path.${name} mapping or path parameter fills`);
    }
    setOwn(used, name, value);
    return encodePath(value);
  });
}

/** The client's query string with the mapped parameters replacing the client's of the same name. */
function mergedQuery(client: Record<string, ParameterValue>, mapped: Record<string, ParameterValue>): Record<string, ParameterValue> {
  const out = record<ParameterValue>();
  for (const [name, value] of Object.entries(client)) setOwn(out, name, value);
  for (const [name, value] of Object.entries(mapped)) setOwn(out, name, value);
  return out;
}

/** `scheme://host` at the start, read from the text itself: a URL parser forgives `https:///x` (an empty host). */
const ENDPOINT = /^https?:\/\/[^/?#\s]+/i;

/** @throws InvocationFailure (500 API_CONFIGURATION_ERROR) when `url` is not `http(s)://host…` (V9: a stage variable the host needs is missing). */
export function checkEndpoint(url: string): void {
  let valid = ENDPOINT.test(url);
  if (valid) {
    try {
      new URL(url);
    } catch {
      valid = false;
    }
  }
  if (!valid) throw configurationError(`Invalid endpoint address: ${JSON.stringify(url.slice(0, 200))} is not an http or https URL with a host`);
}

/**
 * The integration request for this invocation.
 * @param traceId the request's `X-Amzn-Trace-Id`
 * @param apiId `$context.apiId`
 * @throws InvocationFailure for a mapping that fails (400/500) or an endpoint that is not a URL (500)
 */
export function httpProxyRequest(state: InvocationState, traceId: string, apiId: string | null): IntegrationRequest {
  const { integration } = state.method;
  const { request } = state;
  if (typeof integration.uri !== 'string' || integration.uri === '') throw configurationError('an HTTP_PROXY integration needs a uri (the endpoint to pass requests to)');
  const uri = substituteStageVariables(integration.uri, request.stageVariables);
  const mapped = mapParameters(state, payloadText(payloadOf(request.body, false)));
  const path = record<string>();
  const url = integrationUrl(filledUri(uri, mapped.path, request.pathParameters, path), { path: {}, querystring: mergedQuery(request.query, mapped.querystring), headers: {} });
  checkEndpoint(url);

  const headers = new HeaderMerge();
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (droppedRequestHeader(name) || lower === 'host' || lower === 'x-amzn-trace-id') continue;
    headers.add(name, Array.isArray(value) ? value : [value]);
  }
  headers.set('X-Amzn-Trace-Id', traceId);
  if (apiId !== null) headers.set('X-Amzn-Apigateway-Api-Id', apiId);
  for (const [name, value] of Object.entries(mapped.headers)) headers.set(name, value);

  const method = typeof integration.httpMethod === 'string' && integration.httpMethod !== '' && integration.httpMethod.toUpperCase() !== 'ANY' ? integration.httpMethod.toUpperCase() : request.httpMethod;
  return {
    type: 'HTTP_PROXY',
    uri,
    httpMethod: method,
    url,
    path,
    querystring: mergedQuery(request.query, mapped.querystring),
    headers: headers.headers(),
    body: request.body ?? '',
  };
}
