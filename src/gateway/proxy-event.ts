/**
 * A Lambda proxy integration event (REST API, payload 1.0: what API Gateway sends an AWS_PROXY function,
 * and what tests and `sam local generate-event` produce) read as a render input: the same request, seen
 * by a mapping template.
 */
import type { GatewayContext, ParameterValue, RenderInput } from './request.js';
import { InvalidInputError, isPlainObject } from './validate-input.js';
import { setOwn } from '../own-property.js';
import { decodeBase64 } from '../platform/base64.js';
import { decodeUtf8Java } from '../platform/java-utf8.js';

export interface ProxyEvent {
  resource?: string;
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string> | null;
  multiValueHeaders?: Record<string, string[]> | null;
  queryStringParameters?: Record<string, string> | null;
  multiValueQueryStringParameters?: Record<string, string[]> | null;
  pathParameters?: Record<string, string> | null;
  stageVariables?: Record<string, string> | null;
  requestContext?: Record<string, unknown> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

function strings<T>(v: unknown, what: string): Record<string, T> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) throw new InvalidInputError(`event.${what} must be an object`);
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(v)) setOwn(out, k, x);
  return out;
}

const CONTEXT_FIELDS = ['accountId', 'apiId', 'authorizer', 'deploymentId', 'domainName', 'domainPrefix', 'extendedRequestId', 'httpMethod', 'identity', 'path', 'protocol', 'requestId', 'requestTime', 'requestTimeEpoch', 'resourceId', 'resourcePath', 'stage'];

/** @throws InvalidInputError when the event is not shaped like a proxy event */
export function renderInputFromProxyEvent(event: unknown): RenderInput {
  if (!isPlainObject(event)) throw new InvalidInputError('the event must be an object');
  const e = event as ProxyEvent;
  // The multi-value maps carry every value; the single-value ones only the last.
  const headers = strings<ParameterValue>(e.multiValueHeaders, 'multiValueHeaders') ?? strings<ParameterValue>(e.headers, 'headers');
  const query = strings<ParameterValue>(e.multiValueQueryStringParameters, 'multiValueQueryStringParameters') ?? strings<ParameterValue>(e.queryStringParameters, 'queryStringParameters');
  const rc = (isPlainObject(e.requestContext) ? e.requestContext : {}) as Record<string, unknown>;
  const context: GatewayContext = {};
  for (const field of CONTEXT_FIELDS) if (rc[field] !== undefined && rc[field] !== null) context[field] = rc[field];
  if (context.resourcePath === undefined && typeof e.resource === 'string') context.resourcePath = e.resource;
  if (context.httpMethod === undefined && typeof e.httpMethod === 'string') context.httpMethod = e.httpMethod;
  let body = typeof e.body === 'string' ? e.body : undefined;
  // The event's base64 stands for the request's bytes; a template sees them as API Gateway's Java reads them.
  if (body !== undefined && e.isBase64Encoded) body = decodeUtf8Java(decodeBase64(body));
  return {
    body,
    headers,
    query,
    path: strings<string>(e.pathParameters, 'pathParameters'),
    stageVariables: strings<string>(e.stageVariables, 'stageVariables'),
    context,
  };
}
