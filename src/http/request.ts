/** Reading a `node:http` request into an API request: stage, path, query, headers (case and repeats kept), body. */
import type { IncomingMessage } from 'node:http';
import type { ParameterValue } from '../gateway/request.js';
import { setOwn } from '../own-property.js';

function add(target: Record<string, ParameterValue>, name: string, value: string): void {
  const existing = Object.hasOwn(target, name) ? target[name] : undefined;
  setOwn(target, name, existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]);
}

/** Headers as sent: the first spelling of a name is kept, repeated headers become lists. */
export function requestHeaders(req: IncomingMessage): Record<string, ParameterValue> {
  const headers: Record<string, ParameterValue> = {};
  const spelling = new Map<string, string>();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const raw = req.rawHeaders[i]!;
    const name = spelling.get(raw.toLowerCase()) ?? raw;
    spelling.set(raw.toLowerCase(), name);
    add(headers, name, req.rawHeaders[i + 1]!);
  }
  return headers;
}

/** Query parameters, percent-decoded; repeated ones become lists. */
export function queryParameters(search: URLSearchParams): Record<string, ParameterValue> {
  const query: Record<string, ParameterValue> = {};
  for (const [name, value] of search) add(query, name, value);
  return query;
}

export class BodyTooLarge extends Error {}

/** The request body, or null when there is none. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return size === 0 ? null : Buffer.concat(chunks);
}
