/**
 * Writing a gateway response onto a `node:http` response without ever throwing: the last line of defence
 * between what templates and backends produce and what HTTP/1.1 framing can carry.
 */
import type { ServerResponse } from 'node:http';
import type { ParameterValue } from '../gateway/request.js';
import { responseHeaderName } from '../integration/remapping.js';

/**
 * Names that describe the connection or the message framing, which Node (like API Gateway's front end)
 * owns. `Transfer-Encoding` and `Keep-Alive` are not in AWS's recorded remapping list (aws-behaviour
 * §5.5), but sending them through would let a template break the framing of its own response (and of
 * every later response on a kept-alive connection), so they are treated like their recorded neighbours
 * `Content-Length` and `Connection`: remapped rather than dropped, so the value stays visible.
 * `TE` is recorded as passed through as set, and a response can carry it without harm, so it is not here.
 */
const CONNECTION_HEADERS = new Set(['transfer-encoding', 'keep-alive']);

/** RFC 9110 `token`: anything else as a header name makes `setHeader` throw. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Control characters other than tab can split or end a header line (CR, LF) or are refused by Node. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
const NOT_LATIN1 = /[^\x00-\xff]/;

/** Why a header did not make it onto the wire, for the request's log line. */
export interface DroppedHeader {
  name: string;
  reason: string;
}

export interface WireHeaders {
  headers: [name: string, value: string | string[]][];
  dropped: DroppedHeader[];
}

function wireValue(value: string): string | undefined {
  if (CONTROL.test(value)) return undefined;
  // Node writes header strings as latin1; a character beyond it would throw. Sending its UTF-8 bytes
  // keeps the value (clients that decode headers as UTF-8 see it intact) instead of losing the header.
  return NOT_LATIN1.test(value) ? Buffer.from(value, 'utf8').toString('latin1') : value;
}

/**
 * The headers of a gateway response as they can go on the wire: framing and connection headers renamed
 * `x-amzn-Remapped-<Name>` (the pipeline already does this for `responseParameters`, not for
 * `$context.responseOverride.header`), and names or values HTTP cannot carry left out.
 */
export function wireHeaders(headers: Record<string, ParameterValue>): WireHeaders {
  const out: WireHeaders = { headers: [], dropped: [] };
  for (const [rawName, rawValue] of Object.entries(headers)) {
    if (!TOKEN.test(rawName)) {
      out.dropped.push({ name: rawName, reason: 'not a valid header name' });
      continue;
    }
    const name = CONNECTION_HEADERS.has(rawName.toLowerCase()) ? `x-amzn-Remapped-${rawName}` : responseHeaderName(rawName);
    const values = (Array.isArray(rawValue) ? rawValue : [rawValue]).map((v) => wireValue(String(v)));
    if (values.some((v) => v === undefined)) {
      out.dropped.push({ name: rawName, reason: 'a value holds a control character (CR, LF, NUL, …)' });
      continue;
    }
    out.headers.push([name, values.length === 1 ? values[0]! : (values as string[])]);
  }
  return out;
}

/** RFC 9110 §6.4.1: these responses have no content (and a 204 must not carry Content-Length). */
function hasNoContent(status: number): boolean {
  return status === 204 || status === 304;
}

/**
 * Sends a whole response. Whatever was set on `res` before (by a failed earlier attempt) is cleared first,
 * so a header that made one attempt throw cannot poison the next.
 */
export function sendResponse(res: ServerResponse, method: string, status: number, headers: WireHeaders['headers'], body: Uint8Array): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.statusCode = status;
  for (const [name, value] of headers) res.setHeader(name, value);
  if (hasNoContent(status)) {
    res.end();
    return;
  }
  res.setHeader('Content-Length', body.length);
  res.end(method === 'HEAD' ? undefined : body);
}
