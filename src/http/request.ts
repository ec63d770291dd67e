/** Reading a `node:http` request into an API request: stage, path, query, headers (case and repeats kept), body. */
import type { IncomingMessage } from 'node:http';
import type { ParameterValue } from '../gateway/request.js';
import { setOwn } from '../own-property.js';

function add(target: Record<string, ParameterValue>, name: string, value: string): void {
  const existing = Object.hasOwn(target, name) ? target[name] : undefined;
  setOwn(target, name, existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]);
}

/** The path (still percent-encoded, dot segments resolved) and query string of a request target. */
export interface RequestTarget {
  pathname: string;
  /** `?a=1`, or empty. */
  search: string;
}

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/**
 * Reads the request-target of the request line. Origin-form (`/dev/x?q=1`) is parsed under a fixed
 * origin, so `//host/x` stays a path instead of naming a host; absolute-form (`http://h/dev/x`, which
 * proxies send) gives its path. Anything else (`*`, a malformed URL) gives undefined. Never throws.
 */
export function parseRequestTarget(raw: string): RequestTarget | undefined {
  try {
    if (raw.startsWith('/')) {
      const url = new URL(`http://localhost${raw}`);
      return { pathname: url.pathname, search: url.search };
    }
    if (ABSOLUTE_FORM.test(raw)) {
      const url = new URL(raw);
      return url.pathname.startsWith('/') ? { pathname: url.pathname, search: url.search } : undefined;
    }
  } catch {
    // An invalid URL is answered like any other target that is not a path.
  }
  return undefined;
}

/** A `%` that does not start a `%XX` escape (RFC 3986 §2.1). */
export function hasMalformedEscape(path: string): boolean {
  return /%(?![0-9A-Fa-f]{2})/.test(path);
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
