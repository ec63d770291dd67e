/**
 * SAM `Cors` of an `AWS::Serverless::Api`: on every path without an `OPTIONS` operation, a MOCK
 * preflight answering 200 with the `Access-Control-Allow-*` headers, as SAM writes it (and as API
 * Gateway stores it, pipeline.md §8). `Cors: "'origin'"` sets only the origin; the map form takes
 * `AllowOrigin` (default `'*'`), `AllowHeaders`, `AllowMethods` (default: the path's methods and
 * OPTIONS, all methods for ANY), `MaxAge` and `AllowCredentials`. The values are mapping expressions, so
 * static ones are quoted: `"'GET,POST'"`.
 */
import { setOwn } from '../own-property.js';
import { describe, fail, isObject, type Path } from './fields.js';
import { ANY_METHOD_KEY, httpMethodOfKey } from './openapi-document.js';
import type { JsonObject, OpenApiEditor } from './openapi-editor.js';
import type { TemplateReader } from './template-reader.js';

const CORS_PROPERTIES = ['AllowMethods', 'AllowHeaders', 'AllowOrigin', 'MaxAge', 'AllowCredentials'];
const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const WILDCARD = "'*'";

interface Cors {
  origin: string;
  headers?: string;
  methods?: string;
  maxAge?: string;
  credentials: boolean;
}

function expression(t: TemplateReader, v: unknown, path: Path): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(t.reader, path, `expected a quoted value such as "'*'", found ${describe(v)}`);
  return v;
}

function readCors(t: TemplateReader, v: unknown, path: Path): Cors | undefined {
  // SAM takes an empty Cors as none.
  if (v === undefined || v === null || v === '' || v === false) return undefined;
  if (typeof v === 'string') return { origin: v, credentials: false };
  if (!isObject(v)) fail(t.reader, path, `expected an origin such as "'*'" or a map (${CORS_PROPERTIES.join(', ')})`);
  for (const key of Object.keys(v)) if (!CORS_PROPERTIES.includes(key)) fail(t.reader, [...path, key], `not a Cors property (${CORS_PROPERTIES.join(', ')})`);
  const origin = expression(t, v['AllowOrigin'], [...path, 'AllowOrigin']) ?? WILDCARD;
  const credentials = v['AllowCredentials'] === true;
  if (credentials && origin === WILDCARD) fail(t.reader, path, `AllowCredentials cannot be true when AllowOrigin is "'*'" or not set`);
  const maxAge = v['MaxAge'];
  if (maxAge !== undefined && maxAge !== null && typeof maxAge !== 'number' && typeof maxAge !== 'string') fail(t.reader, [...path, 'MaxAge'], `expected a number of seconds, found ${describe(maxAge)}`);
  return {
    origin,
    headers: expression(t, v['AllowHeaders'], [...path, 'AllowHeaders']),
    methods: expression(t, v['AllowMethods'], [...path, 'AllowMethods']),
    // SAM writes a number as it is; a header value needs a static expression, which is what it means.
    maxAge: maxAge === undefined || maxAge === null ? undefined : typeof maxAge === 'number' ? `'${maxAge}'` : maxAge,
    credentials,
  };
}

/** The methods of a path item, upper case and sorted, with OPTIONS; every method when it has ANY. */
function allowedMethods(item: JsonObject): string {
  const keys = Object.keys(item);
  if (keys.some((k) => k.toLowerCase() === ANY_METHOD_KEY)) return ALL_METHODS.join(',');
  const methods = new Set(keys.map(httpMethodOfKey).filter((m): m is string => m !== undefined));
  methods.add('OPTIONS');
  return [...methods].sort().join(',');
}

function preflight(cors: Cors, methods: string): JsonObject {
  const parameters: Record<string, string> = {};
  const headers: JsonObject = {};
  const add = (name: string, value: string | undefined, type = 'string') => {
    if (value === undefined || value === '') return;
    setOwn(parameters, `method.response.header.${name}`, value);
    setOwn<unknown>(headers, name, { type });
  };
  add('Access-Control-Allow-Origin', cors.origin);
  add('Access-Control-Allow-Headers', cors.headers);
  add('Access-Control-Allow-Methods', cors.methods ?? `'${methods}'`);
  add('Access-Control-Max-Age', cors.maxAge, 'integer');
  if (cors.credentials) add('Access-Control-Allow-Credentials', "'true'");
  return {
    summary: 'CORS support',
    consumes: ['application/json'],
    produces: ['application/json'],
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{\n  "statusCode" : 200\n}\n' },
      responses: { default: { statusCode: '200', responseParameters: parameters, responseTemplates: { 'application/json': '{}\n' } } },
    },
    responses: { '200': { description: 'Default response for CORS method', headers } },
  };
}

/**
 * Adds the preflights; returns the paths it added one to. Paths that differ only by a trailing slash
 * are one resource to API Gateway, so only the first gets one.
 */
export function applyCors(t: TemplateReader, editor: OpenApiEditor, v: unknown, path: Path): string[] {
  const cors = readCors(t, v, path);
  if (!cors) return [];
  if (cors.origin === '') fail(t.reader, path, 'AllowOrigin cannot be empty');
  const seen = new Set<string>();
  const added: string[] = [];
  for (const [p, item] of Object.entries(editor.paths)) {
    const normalized = p === '/' ? p : p.replace(/\/+$/, '');
    if (seen.has(normalized) || !isObject(item)) continue;
    seen.add(normalized);
    if (Object.hasOwn(item, 'options')) continue;
    setOwn<unknown>(editor.pathItem(p), 'options', preflight(cors, allowedMethods(item)));
    added.push(p);
  }
  return added;
}
