/**
 * The event a Lambda proxy (`AWS_PROXY`) integration sends its function: REST payload format 1.0, every
 * field as AWS fills it (set-up-lambda-proxy-integrations, DOC; LS-lambda, AWS-REC 2024-07). No mapping
 * template or parameter mapping touches it.
 */
import { headerValue } from '../headers.js';
import { isBinaryType, mediaTypeOf } from '../media-type.js';
import { payloadOf } from '../payload.js';
import type { InvocationState } from '../state.js';
import { encodeBase64 } from '../../platform/base64.js';
import { setOwn } from '../../own-property.js';
import type { Json } from './context-json.js';
import { proxyEventHeaders } from './event-headers.js';
import { groupParameters, parameterList } from './grouped-parameters.js';
import { proxyRequestContext, type ProxyRequestContext } from './request-context.js';

/** A REST API Lambda proxy event (payload format 1.0). */
export interface LambdaProxyEvent {
  /** The resource path as defined, e.g. `/pets/{id}` or `/{proxy+}`. */
  resource: string;
  /** The request path below the stage, as sent (`/pets/7`, a trailing `/` kept). */
  path: string;
  /** The method the client used (not `ANY`). */
  httpMethod: string;
  /** The last value of each header; null without headers. */
  headers: Record<string, string> | null;
  multiValueHeaders: Record<string, string[]> | null;
  /** The last value of each query-string parameter; null without a query string. */
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
  /** Null on a resource without path parameters. */
  pathParameters: Record<string, string> | null;
  /** Null on a stage without variables. */
  stageVariables: Record<string, string> | null;
  requestContext: ProxyRequestContext;
  /** The body as text, base64 when `isBase64Encoded`; null without a body. */
  body: string | null;
  /** True when the request's Content-Type is one of the API's binary media types. */
  isBase64Encoded: boolean;
}

function record(values: Record<string, string>): Record<string, string> | null {
  const out: Record<string, string> = {};
  let any = false;
  for (const [k, v] of Object.entries(values)) {
    setOwn(out, k, v);
    any = true;
  }
  return any ? out : null;
}

function text(value: Json | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The event for this invocation.
 * @param traceId the request's `X-Amzn-Trace-Id` (also sent back to the client)
 */
export function buildProxyEvent(state: InvocationState, traceId: string): LambdaProxyEvent {
  const { request, method } = state;
  const requestContext = proxyRequestContext(state.contextMap(), state.context.authorizer);
  const identity = requestContext['identity'];
  const sourceIp = identity !== null && typeof identity === 'object' && !Array.isArray(identity) ? text(identity['sourceIp']) : null;
  const headers = proxyEventHeaders(request.headers, { traceId, sourceIp, domainName: text(requestContext['domainName']) });
  const query = groupParameters(parameterList(request.query, (n) => n));

  // A body is binary when its Content-Type is a binary media type; an empty body is no body (inferred).
  const binary = isBinaryType(mediaTypeOf(headerValue(request.headers, 'Content-Type')), state.binaryMediaTypes);
  const raw = request.body;
  const empty = raw === null || raw.length === 0;
  const payload = payloadOf(raw, binary);
  return {
    resource: method.resourcePath,
    path: request.path,
    httpMethod: request.httpMethod,
    headers: headers.single,
    multiValueHeaders: headers.multi,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: record(request.pathParameters),
    stageVariables: record(request.stageVariables),
    requestContext,
    body: empty ? null : payload.binary ? encodeBase64(payload.bytes) : payload.text,
    isBase64Encoded: binary && !empty,
  };
}
