/**
 * Parameter mapping expressions: `requestParameters` (`integration.request.header.X` ← `method.request.…`)
 * and `responseParameters` (`method.response.header.X` ← `integration.response.…`). A source is a
 * parameter (single or multi-valued), the body or a JSONPath into it, a stage variable, a `$context`
 * variable, or a `'static'` value.
 */
import { parseJsonMetered } from '../java/json-parse.js';
import { toJsonText } from '../java/json-write.js';
import { toJavaString } from '../java/print.js';
import { JavaMap, type Value } from '../java/values.js';
import { NOT_FOUND, readJsonPath } from '../gateway/jsonpath/read.js';
import { JsonPathCache } from '../gateway/jsonpath/cache.js';
import { BudgetExceeded, type Meter } from '../java/meter.js';
import type { ParameterValue } from '../gateway/request.js';
import { headerValue, headerValues, type Headers } from './headers.js';

export class MappingError extends Error {
  constructor(
    message: string,
    /** The HTTP status API Gateway answers with. */
    readonly statusCode: number,
  ) {
    super(message);
    this.name = 'MappingError';
  }
}

/** Where mapping sources are read from. */
export interface MappingSources {
  /** `method.request` or `integration.response`. */
  prefix: 'method.request' | 'integration.response';
  path?: Record<string, string>;
  query?: Record<string, ParameterValue>;
  headers?: Headers;
  /** The body as text. */
  body?: string;
  /** For a Lambda custom error: `errorMessage` is read as JSON, so `body.errorMessage.a.b` works. */
  parseErrorMessage?: boolean;
  stageVariables?: Record<string, string>;
  /** `$context` as templates see it, built only if a `context.*` source asks. */
  context?: () => JavaMap;
  /** Charged for reading the body (client-controlled) and writing values out. */
  meter: Meter;
}

/** The body parsed once per set of sources, however many `body.*` mappings read it. */
const documents = new WeakMap<MappingSources, Value>();

function own(values: Record<string, ParameterValue> | Record<string, string> | undefined, name: string): ParameterValue | undefined {
  return values && Object.hasOwn(values, name) ? values[name] : undefined;
}

function last(v: ParameterValue | undefined): string | undefined {
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function all(v: ParameterValue | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : [v];
}

/** A body value as text: strings as they are, anything else as compact JSON. */
function valueText(v: Value, meter: Meter): string {
  if (typeof v === 'string') return v;
  if (v instanceof JavaMap || (v !== null && typeof v === 'object' && 'items' in v)) return toJsonText(v, meter);
  return toJavaString(v, meter);
}

/** Mapping expressions come from the definition: a few paths per request, parsed once per body. */
const paths = new WeakMap<MappingSources, JsonPathCache>();

function pathCache(sources: MappingSources): JsonPathCache {
  let cache = paths.get(sources);
  if (!cache) paths.set(sources, (cache = new JsonPathCache()));
  return cache;
}

function bodyDocument(sources: MappingSources): Value {
  const cached = documents.get(sources);
  if (cached !== undefined) return cached;
  const text = sources.body === undefined || sources.body === '' ? '{}' : sources.body;
  let document: Value;
  try {
    document = parseJsonMetered(text, sources.meter).value;
  } catch (e) {
    if (e instanceof BudgetExceeded) throw e;
    throw new MappingError(`Invalid JSON in ${sources.prefix === 'method.request' ? 'request' : 'response'} body`, sources.prefix === 'method.request' ? 400 : 500);
  }
  if (sources.parseErrorMessage && document instanceof JavaMap && typeof document.get('errorMessage') === 'string') {
    try {
      const parsed = parseJsonMetered(document.get('errorMessage') as string, sources.meter).value;
      if (parsed instanceof JavaMap) {
        const copy = new JavaMap('linked');
        for (const e of document.entries()) copy.set(e.key, e.key === 'errorMessage' ? parsed : e.value);
        document = copy;
      }
    } catch (e) {
      // An errorMessage that is not JSON stays a string.
      if (e instanceof BudgetExceeded) throw e;
    }
  }
  documents.set(sources, document);
  return document;
}

/** Evaluates one mapping source expression; undefined when the source has no value. */
export function evaluateMapping(expression: string, sources: MappingSources): ParameterValue | undefined {
  const e = expression.trim();
  if (e.startsWith("'") && e.endsWith("'") && e.length >= 2) return e.slice(1, -1);
  if (e.startsWith('stageVariables.')) return own(sources.stageVariables, e.slice('stageVariables.'.length));
  if (e.startsWith('context.')) {
    let v: Value | undefined = sources.context?.();
    for (const part of e.slice('context.'.length).split('.')) {
      v = v instanceof JavaMap ? v.get(part) : undefined;
      if (v === undefined || v === null) return undefined;
    }
    return v === undefined ? undefined : valueText(v, sources.meter);
  }
  const prefix = sources.prefix + '.';
  if (!e.startsWith(prefix)) throw new MappingError(`unsupported mapping source '${expression}'`, 500);
  const rest = e.slice(prefix.length);
  const dot = rest.indexOf('.');
  const location = dot < 0 ? rest : rest.slice(0, dot);
  const name = dot < 0 ? '' : rest.slice(dot + 1);
  switch (location) {
    case 'path':
      return own(sources.path, name);
    case 'querystring':
      return last(own(sources.query, name));
    case 'multivaluequerystring':
      return all(own(sources.query, name));
    case 'header':
      return headerValue(sources.headers, name);
    case 'multivalueheader':
      return headerValues(sources.headers, name);
    case 'body': {
      if (name === '') return sources.body === undefined || sources.body === '' ? '{}' : sources.body;
      const v = readJsonPath(bodyDocument(sources), '$.' + name, sources.meter, pathCache(sources));
      return v === NOT_FOUND || v === null ? undefined : valueText(v, sources.meter);
    }
  }
  throw new MappingError(`unsupported mapping source '${expression}'`, 500);
}

/** `integration.request.header.X` → `{ location: 'header', name: 'X' }`. */
export function mappingTarget(target: string, prefix: string): { location: string; name: string } | undefined {
  if (!target.startsWith(prefix + '.')) return undefined;
  const rest = target.slice(prefix.length + 1);
  const dot = rest.indexOf('.');
  if (dot < 0) return undefined;
  return { location: rest.slice(0, dot), name: rest.slice(dot + 1) };
}
