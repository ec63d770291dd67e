/**
 * The identity and event of a Lambda `REQUEST` authorizer (pipeline.md §4.3).
 *
 * The event has the keys of `DG:api-gateway-lambda-authorizer-input.md` and the aws-lambda-go fixture
 * `apigw-custom-auth-request-type-request.json`, in their order: `type, methodArn, resource, path,
 * httpMethod, headers, multiValueHeaders, queryStringParameters, multiValueQueryStringParameters,
 * pathParameters, stageVariables, requestContext` — and no body. The single-value maps hold the last value
 * of a repeated header or parameter, the multi-value maps all of them. An empty map is `{}` (the fixture's
 * `pathParameters: {}`), not null as in a proxy event.
 *
 * `requestContext` has the fixture's keys (`path, accountId, resourceId, stage, requestId, identity,
 * resourcePath, httpMethod, apiId`) from `$context`, then the newer keys AWS has since added
 * (`extendedRequestId`, `requestTime`, `requestTimeEpoch`, `domainName`, `domainPrefix`, `protocol`) when
 * `$context` has them; `identity` starts with the fixture's `apiKey` and `sourceIp`.
 *
 * Every configured identity source must be present and non-empty, else 401 without invoking. The
 * developer guide requires that when caching is on; with a TTL of 0 it is UNKNOWN, and the same rule is
 * applied (pipeline.md §4.3, INF L).
 */
import type { ParameterValue } from '../../gateway/request.js';
import type { AuthorizerDefinition } from '../../model/index.js';
import { setOwn } from '../../own-property.js';
import type { RoutedState } from '../request-state.js';
import { identityValue, parseIdentitySources } from './identity-sources.js';
import { authorizerConfigurationError, unauthorized } from './outcomes.js';
import { copyAsJson } from './safe-copy.js';
import type { IdentityOutcome } from './token.js';

const NEWER_CONTEXT_KEYS = ['extendedRequestId', 'requestTime', 'requestTimeEpoch', 'domainName', 'domainPrefix', 'protocol'] as const;

function singleAndMulti(map: Readonly<Record<string, ParameterValue>>): { single: Record<string, string>; multi: Record<string, string[]> } {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(map)) {
    const values = (Array.isArray(value) ? value : [value]).map(String);
    if (values.length === 0) continue;
    setOwn(single, name, values[values.length - 1]!);
    setOwn(multi, name, values);
  }
  return { single, multi };
}

function stringMap(map: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) setOwn(out, k, String(v));
  return out;
}

/** `requestContext.identity`: the fixture's two keys first, then whatever else `$context.identity` has. */
function identityOf(state: RoutedState): Record<string, unknown> {
  const identity = state.context.identity ?? {};
  const out: Record<string, unknown> = { apiKey: identity.apiKey ?? null, sourceIp: identity.sourceIp ?? null };
  for (const [k, v] of Object.entries(identity)) {
    if (k === 'apiKey' || k === 'sourceIp' || v === undefined) continue;
    const copied = copyAsJson(v);
    setOwn(out, k, copied.ok ? copied.value : null);
  }
  return out;
}

function requestContextOf(state: RoutedState): Record<string, unknown> {
  const c = state.context;
  const context: Record<string, unknown> = {
    path: c.path ?? `/${state.request.stage}${state.request.path}`,
    accountId: c.accountId ?? null,
    resourceId: c.resourceId ?? null,
    stage: c.stage ?? state.request.stage,
    requestId: c.requestId ?? null,
    identity: identityOf(state),
    resourcePath: c.resourcePath ?? state.method.resourcePath,
    httpMethod: c.httpMethod ?? state.request.httpMethod,
    apiId: c.apiId ?? null,
  };
  for (const key of NEWER_CONTEXT_KEYS) if (c[key] !== undefined && c[key] !== null) context[key] = c[key];
  return context;
}

/** The REQUEST authorizer's event for this request. */
export function requestEvent(state: RoutedState): Record<string, unknown> {
  const headers = singleAndMulti(state.request.headers);
  const query = singleAndMulti(state.request.query);
  return {
    type: 'REQUEST',
    methodArn: state.methodArn,
    resource: state.method.resourcePath,
    path: state.request.path,
    httpMethod: state.request.httpMethod,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: stringMap(state.pathParameters),
    stageVariables: stringMap(state.request.stageVariables),
    requestContext: requestContextOf(state),
  };
}

/** The REQUEST authorizer's identity (its sources' values) and event; or the 401/500 answer. */
export function requestIdentity(state: RoutedState, authorizer: AuthorizerDefinition): IdentityOutcome {
  const parsed = parseIdentitySources(authorizer.identitySource);
  if (!parsed.ok) return { ok: false, error: authorizerConfigurationError(`authorizer ${authorizer.name}: ${parsed.reason}`) };
  const values: string[] = [];
  for (const source of parsed.sources) {
    const value = identityValue(state, source);
    if (value === undefined || value === '') {
      return { ok: false, error: unauthorized(`identity source ${source.text} of authorizer ${authorizer.name} is missing or empty; the authorizer was not invoked`) };
    }
    values.push(value);
  }
  return { ok: true, identity: { values, logText: values.join(', '), event: requestEvent(state) } };
}
