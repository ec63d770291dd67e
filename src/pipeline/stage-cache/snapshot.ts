/**
 * What the stage cache keeps of a response: a private copy taken when it is stored, from which every hit
 * gets a fresh response of its own, so that neither the request that filled the entry nor any caller
 * that changes a served response (its headers, its body bytes) can change what later requests get.
 */
import type { ParameterValue } from '../../gateway/request.js';
import type { GatewayResponse } from '../../integration/types.js';
import { setOwn } from '../../own-property.js';

/** Headers that belong to one request, not to the response: each hit gets its own from the pipeline. */
const PER_REQUEST_HEADERS: ReadonlySet<string> = new Set(['x-amzn-requestid', 'x-amz-apigw-id', 'x-amzn-trace-id']);

export interface ResponseSnapshot {
  readonly statusCode: number;
  readonly headers: ReadonlyArray<readonly [string, string | readonly string[]]>;
  readonly body: string;
  readonly rawBody: Uint8Array;
  readonly isBase64Encoded: boolean;
  /** `METHOD /resource` of the method that produced it (the trace's `method`). */
  readonly method: string;
}

/** A copy of `response`, or undefined when it is not a well-formed response (nothing to cache). */
export function snapshotOf(response: GatewayResponse): ResponseSnapshot | undefined {
  if (!response || typeof response !== 'object') return undefined;
  const { statusCode, body, rawBody, isBase64Encoded } = response;
  if (typeof statusCode !== 'number' || typeof body !== 'string' || !(rawBody instanceof Uint8Array)) return undefined;
  const headers: Array<readonly [string, string | readonly string[]]> = [];
  if (response.headers && typeof response.headers === 'object') {
    for (const name of Object.keys(response.headers)) {
      if (PER_REQUEST_HEADERS.has(name.toLowerCase())) continue;
      const value = headerCopy(response.headers[name]);
      if (value !== undefined) headers.push([name, value]);
    }
  }
  // `new Uint8Array(bytes)` copies even a Node Buffer, whose `slice()` would share its memory.
  const method = typeof response.trace?.method === 'string' ? response.trace.method : '';
  return Object.freeze({ statusCode, headers: Object.freeze(headers), body, rawBody: new Uint8Array(rawBody), isBase64Encoded: isBase64Encoded === true, method });
}

/** A new response from a snapshot: its own header map and body bytes; a trace that says it came from the cache. */
export function responseFrom(snapshot: ResponseSnapshot): GatewayResponse {
  const headers: Record<string, ParameterValue> = {};
  for (const [name, value] of snapshot.headers) setOwn<ParameterValue>(headers, name, typeof value === 'string' ? value : [...value]);
  const { body, isBase64Encoded } = snapshot;
  return {
    statusCode: snapshot.statusCode,
    headers,
    body,
    rawBody: new Uint8Array(snapshot.rawBody),
    isBase64Encoded,
    json() {
      if (isBase64Encoded) throw new SyntaxError('the response body is binary');
      return JSON.parse(body);
    },
    trace: { method: snapshot.method, warnings: [] },
  };
}

/** Bytes a snapshot holds, counting text as UTF-16 (two bytes a code unit), as a JS engine keeps it. */
export function snapshotBytes(snapshot: ResponseSnapshot): number {
  let chars = snapshot.body.length + snapshot.method.length;
  for (const [name, value] of snapshot.headers) {
    chars += name.length;
    if (typeof value === 'string') chars += value.length;
    else for (const v of value) chars += v.length;
  }
  return snapshot.rawBody.byteLength + 2 * chars;
}

/** Header values are strings or lists of strings; numbers and booleans are kept as text, anything else dropped. */
function headerCopy(value: unknown): string | readonly string[] | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!Array.isArray(value)) return undefined;
  const list: string[] = [];
  for (const v of value as unknown[]) {
    const one = headerCopy(v);
    if (typeof one === 'string') list.push(one);
  }
  return Object.freeze(list);
}
