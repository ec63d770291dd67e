/**
 * Required request parameters (`validateRequestParameters`, pipeline.md §2.2): every
 * `method.request.{path|querystring|header}.<name>` marked `true` must be present and not blank. A path
 * parameter the resource path does not declare is never present.
 *
 * The missing names are listed bare in the order of a Java `HashSet<String>`: that order reproduces both
 * recorded vectors, `[x-header-param, issuer, qs1]` (LocalStack's AWS-validated snapshot, which full-key
 * sorting also fits) and `[request, srsName, typeNames, service, cql_filter, version, outputFormat]` (a
 * public API's response, which no sorting fits). A name required in two places is listed once.
 */
import { headerValues } from '../../integration/headers.js';
import type { ParameterValue } from '../../gateway/request.js';
import type { RoutedState } from '../request-state.js';
import { javaHashOrder } from './java-hash-order.js';

type Location = 'path' | 'querystring' | 'header' | 'multivaluequerystring' | 'multivalueheader';

const PARAMETER = /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/s;

/** `Character.isWhitespace` (what a Java blank check skips; no-break spaces are not whitespace). */
const JAVA_BLANK = /^[\t\n\u000B\f\r\u001C-\u001F \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]*$/;

function present(value: ParameterValue | undefined): boolean {
  if (value === undefined) return false;
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && !JAVA_BLANK.test(v));
}

function ownValue(map: Readonly<Record<string, ParameterValue>> | undefined, name: string): ParameterValue | undefined {
  return map && Object.hasOwn(map, name) ? map[name] : undefined;
}

function found(state: RoutedState, location: Location, name: string): boolean {
  switch (location) {
    case 'path':
      return present(ownValue(state.pathParameters, name));
    case 'querystring':
    case 'multivaluequerystring':
      // Query names are matched exactly (API Gateway's known issues: query parameters are case-sensitive).
      return present(ownValue(state.request.query, name));
    case 'header':
    case 'multivalueheader':
      // Header names are case-insensitive in HTTP; a client's casing must not decide validation.
      return present(headerValues(state.request.headers, name));
  }
}

/** The bare names of the required parameters the request lacks, in API Gateway's listing order. */
export function missingParameters(state: RoutedState): string[] {
  const declared = state.method.requestParameters;
  if (!declared || typeof declared !== 'object') return [];
  const missing: string[] = [];
  for (const [key, required] of Object.entries(declared)) {
    if (required !== true) continue;
    const m = PARAMETER.exec(key);
    if (!m) continue;
    if (!found(state, m[1] as Location, m[2]!)) missing.push(m[2]!);
  }
  return javaHashOrder(missing);
}

/** `Missing required request parameters: [a, b]`, the message of the BAD_REQUEST_PARAMETERS response. */
export function missingParametersMessage(names: readonly string[]): string {
  return `Missing required request parameters: [${names.join(', ')}]`;
}
