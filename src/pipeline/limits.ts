/**
 * The front door's limits (pipeline.md §6), checked before anything else: the 10 MB payload, the
 * combined size of header values (10,240 bytes), the URL length (10,240 characters, Regional) and the
 * request line with every header line (20,480 bytes, CloudFront's). Only
 * the payload answer is recorded on AWS (CloudFront's plain-text 413, which no gateway response
 * customises); the header and URL statuses are UNKNOWN, and their answers here (431, 414 in the same
 * plain-text style) are this library's choice, listed in docs/conformance.md.
 */
import type { ParameterValue } from '../gateway/request.js';
import { utf8Length } from '../platform/utf8-length.js';
import { gatewayError, type GatewayError } from './gateway-responses/gateway-error.js';
import type { RequestState } from './request-state.js';

export const MAX_PAYLOAD_BYTES = 10_485_760;
export const MAX_HEADER_VALUE_BYTES = 10_240;
export const MAX_URL_LENGTH = 10_240;
/**
 * The request line and headers together, names and separators included: CloudFront's limit in front of
 * edge-optimized APIs (its quota "length of a request … not including the body": 20,480 bytes). It also
 * bounds how many headers a request can carry, which the value limit alone does not (empty values).
 */
export const MAX_REQUEST_HEAD_BYTES = 20_480;

function bodyBytes(body: string | Uint8Array | null): number {
  if (body === null) return 0;
  return typeof body === 'string' ? utf8Length(body) : body.length;
}

function headerValueBytes(headers: Record<string, ParameterValue>): number {
  let total = 0;
  for (const value of Object.values(headers)) {
    for (const v of Array.isArray(value) ? value : [value]) total += utf8Length(v);
  }
  return total;
}

/** `Name: value\r\n` for every header line; stops counting once over the limit. */
function headerLineBytes(headers: Record<string, ParameterValue>, limit: number): number {
  let total = 0;
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = utf8Length(name) + 4;
    for (const v of Array.isArray(value) ? value : [value]) {
      total += nameBytes + utf8Length(v);
      if (total > limit) return total;
    }
  }
  return total;
}

function urlLength(path: string, query: Record<string, ParameterValue>): number {
  let length = path.length;
  for (const [name, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) length += name.length + v.length + 2;
  }
  return length;
}

function frontDoor(status: number, body: string, diagnostic: string): GatewayError {
  return gatewayError('REQUEST_TOO_LARGE', 'limits', diagnostic, { status, body, contentType: 'text; charset=utf-8', frontDoor: true, message: body });
}

export function checkLimits(state: RequestState): GatewayError | undefined {
  const { request } = state;
  const size = bodyBytes(request.body);
  if (size > MAX_PAYLOAD_BYTES) {
    return frontDoor(413, `HTTP content length exceeded ${MAX_PAYLOAD_BYTES} bytes.`, `the body is ${size} bytes, over API Gateway's ${MAX_PAYLOAD_BYTES}-byte payload limit`);
  }
  const headerBytes = headerValueBytes(request.headers);
  if (headerBytes > MAX_HEADER_VALUE_BYTES) {
    return frontDoor(431, 'Request Header Fields Too Large', `the header values total ${headerBytes} bytes, over API Gateway's ${MAX_HEADER_VALUE_BYTES}`);
  }
  const url = urlLength(request.path, request.query);
  if (url > MAX_URL_LENGTH) return frontDoor(414, 'Request-URI Too Long', `the URL is ${url} characters, over API Gateway's ${MAX_URL_LENGTH}`);
  const head = url + headerLineBytes(request.headers, MAX_REQUEST_HEAD_BYTES);
  if (head > MAX_REQUEST_HEAD_BYTES) {
    return frontDoor(431, 'Request Header Fields Too Large', `the request line and headers are over ${MAX_REQUEST_HEAD_BYTES} bytes (CloudFront's limit)`);
  }
  return undefined;
}

/** An authorised method's ARN may be at most 1600 bytes (DG: limits, Lambda authorizer output). */
export const MAX_AUTHORIZED_METHOD_ARN_BYTES = 1600;

export function checkMethodArn(methodArn: string, authorizationType: string | null | undefined): GatewayError | undefined {
  if (!authorizationType || authorizationType === 'NONE') return undefined;
  const bytes = utf8Length(methodArn);
  if (bytes <= MAX_AUTHORIZED_METHOD_ARN_BYTES) return undefined;
  return gatewayError('DEFAULT_4XX', 'limits', `the method ARN is ${bytes} bytes, over the ${MAX_AUTHORIZED_METHOD_ARN_BYTES} an authorised method allows`, {
    status: 414,
    message: 'Request URI too long',
  });
}
