/**
 * The request parameters `$input.params()` exposes: path, query string and headers, one value per name
 * (the last, for a repeated name), in HashMaps like API Gateway's. Headers API Gateway never shows a
 * template (recorded on AWS: `Content-Length`, `Connection`, …) are left out.
 */
import { JavaMap } from '../java/values.js';
import type { ParameterValue } from './request.js';
import type { RequestParameters } from './input.js';

/** Headers a mapping template cannot see (LS-HDR-01, recorded on AWS). */
const HIDDEN_HEADERS = new Set(
  [
    'connection',
    'content-length',
    'content-md5',
    'expect',
    'max-forwards',
    'proxy-authenticate',
    'server',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'www-authenticate',
  ],
);

/** The single value a template sees for a possibly multi-valued parameter: the last one. */
export function lastValue(v: ParameterValue | undefined | null): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.length === 0 ? undefined : String(v[v.length - 1]);
  return String(v);
}

function singleValued(values: Record<string, ParameterValue | undefined> | undefined, hide?: Set<string>): JavaMap {
  const map = new JavaMap('hash');
  for (const [name, v] of Object.entries(values ?? {})) {
    if (hide?.has(name.toLowerCase())) continue;
    const value = lastValue(v);
    if (value !== undefined) map.set(name, value);
  }
  return map;
}

export function buildParameters(
  path: Record<string, string> | undefined,
  query: Record<string, ParameterValue> | undefined,
  headers: Record<string, ParameterValue> | undefined,
): RequestParameters {
  return {
    path: singleValued(path),
    querystring: singleValued(query),
    header: singleValued(headers, HIDDEN_HEADERS),
  };
}

/** The `User-Agent` header, if the request has one (it also fills `$context.identity.userAgent`). */
export function userAgentOf(headers: Record<string, ParameterValue> | undefined): string | null {
  for (const [name, v] of Object.entries(headers ?? {})) if (name.toLowerCase() === 'user-agent') return lastValue(v) ?? null;
  return null;
}
