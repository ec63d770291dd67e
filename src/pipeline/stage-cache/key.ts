/**
 * The stage cache key (pipeline.md §7, §14.6): the stage, which deployment answers (when the canary
 * keeps its own entries), the integration's `cacheNamespace`, the HTTP method, and the values of the
 * integration's `cacheKeyParameters` in list order. Nothing else: path parameters, the path itself
 * and unlisted query strings or headers are not part of it (AWS-OBS: a cached `/x/{id}` answers every
 * id alike), so requests that differ only there share an entry, as on AWS.
 */
import type { ParameterValue } from '../../gateway/request.js';
import type { Integration } from '../../model/index.js';
import { javaMapText } from '../execution-log.js';
import { setOwn } from '../../own-property.js';

/** Where a `method.request.*` cache key parameter is read. */
export type CacheKeyParameterSource = 'path' | 'querystring' | 'header' | 'multivaluequerystring' | 'multivalueheader';

/** Which deployment's entries a request uses: the canary's own only when it does not share the stage cache. */
export type CachePartition = 'base' | 'canary';

/** A request parameter's value in the key: absent (null) is not the same as empty. */
export type CacheKeyValue = string | readonly string[] | null;

/** What the key is made of. */
export interface CacheKeyParts {
  stage: string;
  partition: CachePartition;
  namespace: string;
  httpMethod: string;
  /** `[parameter, value]` in the integration's list order. */
  parameters: ReadonlyArray<readonly [string, CacheKeyValue]>;
}

/** The request parameters a key can read. */
export interface CacheKeyRequest {
  /** Percent-decoded path parameters. */
  pathParameters: Readonly<Record<string, string>>;
  query: Readonly<Record<string, ParameterValue>>;
  headers: Readonly<Record<string, ParameterValue>>;
}

const PARAMETER = /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/s;

/**
 * The key text: a JSON array of strings, nulls and string arrays, which is injective, so no choice of
 * values (separators, quotes, brackets, lone surrogates) can make two different parts collide.
 */
export function cacheKey(parts: CacheKeyParts): string {
  return JSON.stringify([parts.stage, parts.partition, parts.namespace, parts.httpMethod, parts.parameters]);
}

/**
 * The namespace of an integration's entries. AWS's default is the resource id, so that the methods of a
 * resource share it; we have no resource ids, and the resource path identifies a resource as uniquely.
 */
export function cacheNamespaceOf(integration: Integration, resourcePath: string): string {
  const ns = integration.cacheNamespace;
  return typeof ns === 'string' && ns !== '' ? ns : resourcePath;
}

/** The integration's `cacheKeyParameters` that are strings, and a warning for each one that is not usable. */
export function cacheKeyParametersOf(integration: Integration, warnings: string[]): string[] {
  const list = integration.cacheKeyParameters;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    warnings.push('cacheKeyParameters is not a list; the stage cache keys this method by no parameter');
    return [];
  }
  const out: string[] = [];
  for (const p of list as unknown[]) {
    if (typeof p === 'string') out.push(p);
    else warnings.push('a cacheKeyParameters entry is not a string; it is ignored');
  }
  return out;
}

/**
 * The `[parameter, value]` pairs of the key. Header names are compared without case, so the key names a
 * header parameter in lower case; a parameter that is not `method.request.{source}.{name}` keys by its
 * name only (it can never have a value), with a warning.
 */
export function cacheKeyParameterValues(parameters: readonly string[], request: CacheKeyRequest, warnings: string[]): Array<readonly [string, CacheKeyValue]> {
  return parameters.map((parameter) => {
    const m = PARAMETER.exec(parameter);
    if (!m) {
      warnings.push(`cache key parameter ${JSON.stringify(parameter)} is not method.request.{path|querystring|header|multivaluequerystring|multivalueheader}.<name>; it has no value`);
      return [parameter, null] as const;
    }
    const source = m[1] as CacheKeyParameterSource;
    const name = m[2]!;
    const keyName = source === 'header' || source === 'multivalueheader' ? `method.request.${source}.${name.toLowerCase()}` : parameter;
    return [keyName, parameterValue(source, name, request)] as const;
  });
}

function parameterValue(source: CacheKeyParameterSource, name: string, request: CacheKeyRequest): CacheKeyValue {
  switch (source) {
    case 'path':
      return Object.hasOwn(request.pathParameters, name) ? text(request.pathParameters[name]) : null;
    case 'querystring':
      return Object.hasOwn(request.query, name) ? last(request.query[name]) : null;
    case 'multivaluequerystring':
      return Object.hasOwn(request.query, name) ? all(request.query[name]) : null;
    case 'header':
      return last(header(request.headers, name));
    case 'multivalueheader':
      return all(header(request.headers, name));
  }
}

/** A header's value, its name compared without case; the first of several spellings, as the request lists them. */
function header(headers: Readonly<Record<string, ParameterValue>>, name: string): ParameterValue | undefined {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
}

/** A single-valued parameter reads the last of several values, as `method.request.*` mappings do. */
function last(value: ParameterValue | undefined): string | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : text(value[value.length - 1]);
  return text(value);
}

function all(value: ParameterValue | undefined): readonly string[] | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => text(v) ?? '');
  const one = text(value);
  return one === null ? null : [one];
}

/** Request values are strings; anything else (a caller's mistake) is read as text without running its code. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** The key as the execution log shows it: `{namespace=/pets, method=GET, method.request.querystring.type=admin}`. */
export function describeCacheKey(parts: CacheKeyParts): string {
  const shown: Record<string, string | readonly string[]> = {};
  setOwn<string | readonly string[]>(shown, 'stage', parts.stage);
  if (parts.partition === 'canary') setOwn<string | readonly string[]>(shown, 'deployment', 'canary');
  setOwn<string | readonly string[]>(shown, 'namespace', parts.namespace);
  setOwn<string | readonly string[]>(shown, 'method', parts.httpMethod);
  for (const [name, value] of parts.parameters) setOwn<string | readonly string[]>(shown, name, value ?? 'null');
  return javaMapText(shown);
}
