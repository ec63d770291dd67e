/**
 * Whether a client asks to invalidate its cache entry: a `Cache-Control` request header with the
 * directive `max-age=0` (DG: api-gateway-caching). Directive names are case-insensitive and the value
 * may be quoted (RFC 9111 §5.2); `max-age=00` is still zero seconds. Every `Cache-Control` header and
 * every value of a multi-valued one counts.
 */
import type { ParameterValue } from '../../gateway/request.js';

const MAX_AGE_ZERO = /^max-age\s*=\s*(?:0+|"0+")$/i;

export function requestsInvalidation(headers: Readonly<Record<string, ParameterValue>>): boolean {
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() !== 'cache-control') continue;
    const value = headers[name];
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values) if (typeof v === 'string' && v.split(',').some((d) => MAX_AGE_ZERO.test(d.trim()))) return true;
  }
  return false;
}
