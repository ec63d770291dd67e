/**
 * What a Lambda proxy function must return (set-up-lambda-proxy-integrations, DOC) and what API Gateway
 * makes of it, as recorded (LS-lambda `test_aws_proxy_response_payload_format_validation`, 2024-11-15,
 * pipeline.md §12 V8):
 *
 * - an object with only `statusCode`, `headers`, `multiValueHeaders`, `body` and `isBase64Encoded`; any
 *   other key, or a result that is not an object (`"justAString"`), is malformed;
 * - every key is optional: `{"headers": {…}}` answers 200 with an empty body;
 * - `statusCode` is a number or a numeric string (`"201"` → 201); `"test"` is malformed;
 * - header values are written as text (`true` → `"true"`); a `multiValueHeaders` value must be a list.
 *
 * V8's `{}` → 502 is not a contradiction: that test sends no request body for `{}` (its client skips an
 * empty body), so its function (which returns `json.loads(event["body"])`) fails, and a function error is
 * a 502 of its own. An empty object returned by a function is a 200 with an empty body, like
 * `{"headers": {…}}`: LS-lambda `test_lambda_aws_proxy_response_format` (AWS-validated, 2023) has a
 * function `return {}` and asserts 200 with no content.
 */
import { isPlainObject } from '../../gateway/validate-input.js';

/** Why a result is not a Lambda proxy response (API Gateway: 502, "Malformed Lambda proxy response"). */
export class MalformedProxyResponse extends Error {
  override readonly name = 'MalformedProxyResponse';
}

/** A valid Lambda proxy response, read: what the method response is made of. */
export interface ProxyResult {
  statusCode: number;
  /** `headers`, values as text, in the function's order; null values left out. */
  headers: Array<[name: string, value: string]>;
  multiValueHeaders: Array<[name: string, values: string[]]>;
  body: string;
  isBase64Encoded: boolean;
}

const KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/** A name from the result, short enough for a message. */
function quoted(name: string): string {
  return `'${name.length > 60 ? `${name.slice(0, 60)}…` : name}'`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40) ?? ''}`;
}

function statusOf(value: unknown): number {
  if (value === undefined || value === null) return 200;
  let status: number;
  if (typeof value === 'number') status = value;
  else if (typeof value === 'string' && /^[+-]?\d{1,10}$/.test(value)) status = Number(value);
  else throw new MalformedProxyResponse(`statusCode must be a number or a numeric string, not ${describe(value)}`);
  // Java's int parse takes what fits an int; a status outside HTTP's range cannot be sent (inferred).
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new MalformedProxyResponse(`statusCode ${status} is not an HTTP status (100-599)`);
  return status;
}

/** A header value as text, undefined for null (left out), or malformed for an object or a list. */
function headerText(value: unknown, where: () => string): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new MalformedProxyResponse(`${where()} must be a string, a number or a boolean, not ${describe(value)}`);
}

function singleHeaders(value: unknown): Array<[string, string]> {
  if (value === undefined || value === null) return [];
  if (!isPlainObject(value)) throw new MalformedProxyResponse(`headers must be an object, not ${describe(value)}`);
  const out: Array<[string, string]> = [];
  for (const [name, v] of Object.entries(value)) {
    const text = headerText(v, () => `headers[${quoted(name)}]`);
    if (text !== undefined) out.push([name, text]);
  }
  return out;
}

function multiHeaders(value: unknown): Array<[string, string[]]> {
  if (value === undefined || value === null) return [];
  if (!isPlainObject(value)) throw new MalformedProxyResponse(`multiValueHeaders must be an object, not ${describe(value)}`);
  const out: Array<[string, string[]]> = [];
  for (const [name, list] of Object.entries(value)) {
    if (list === null) continue;
    if (!Array.isArray(list)) throw new MalformedProxyResponse(`multiValueHeaders[${quoted(name)}] must be a list, not ${describe(list)}`);
    const values: string[] = [];
    for (const v of list) {
      const text = headerText(v, () => `multiValueHeaders[${quoted(name)}][…]`);
      if (text !== undefined) values.push(text);
    }
    out.push([name, values]);
  }
  return out;
}

/**
 * Reads a function's result, as JSON text (what the Lambda runtime sent back).
 * @throws MalformedProxyResponse saying what is wrong
 */
export function parseProxyResult(json: string): ProxyResult {
  let result: unknown;
  try {
    result = JSON.parse(json);
  } catch (e) {
    throw new MalformedProxyResponse(`the result is not JSON: ${(e as Error).message}`);
  }
  if (!isPlainObject(result)) throw new MalformedProxyResponse(`the result must be an object, not ${describe(result)}`);
  for (const key of Object.keys(result)) {
    if (!KEYS.has(key)) throw new MalformedProxyResponse(`the result has a key ${quoted(key)}, which is not one of statusCode, headers, multiValueHeaders, body, isBase64Encoded`);
  }
  const { body, isBase64Encoded } = result;
  if (body !== undefined && body !== null && typeof body !== 'string') throw new MalformedProxyResponse(`body must be a string, not ${describe(body)}`);
  if (isBase64Encoded !== undefined && isBase64Encoded !== null && typeof isBase64Encoded !== 'boolean') {
    throw new MalformedProxyResponse(`isBase64Encoded must be a boolean, not ${describe(isBase64Encoded)}`);
  }
  return {
    statusCode: statusOf(result['statusCode']),
    headers: singleHeaders(result['headers']),
    multiValueHeaders: multiHeaders(result['multiValueHeaders']),
    body: typeof body === 'string' ? body : '',
    isBase64Encoded: isBase64Encoded === true,
  };
}
