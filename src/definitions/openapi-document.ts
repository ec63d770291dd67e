/**
 * The shape of OpenAPI 3 / Swagger 2 documents as API Gateway reads them: which path-item keys are
 * operations, where each version keeps its named schemas and security schemes, and local `$ref`s.
 */
import { isObject } from './fields.js';

export const HTTP_METHOD_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
/** API Gateway's extension for its `ANY` method. */
export const ANY_METHOD_KEY = 'x-amazon-apigateway-any-method';

/** The HTTP method a path-item key stands for (`ANY` for the extension), or undefined for other keys. */
export function httpMethodOfKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (lower === ANY_METHOD_KEY) return 'ANY';
  return HTTP_METHOD_KEYS.includes(lower) ? lower.toUpperCase() : undefined;
}

/** The path-item key of an HTTP method as written in events and templates (`any` → the extension). */
export function keyOfHttpMethod(method: string): string {
  const lower = method.toLowerCase();
  return lower === 'any' ? ANY_METHOD_KEY : lower;
}

export function isOpenApi3(document: Record<string, unknown>): boolean {
  return typeof document['openapi'] === 'string';
}

/** What a local `$ref` (`#/components/schemas/Pet`) points at; other values as they are. */
export function resolveLocal(document: Record<string, unknown>, v: unknown): unknown {
  if (!isObject(v) || typeof v['$ref'] !== 'string' || !v['$ref'].startsWith('#/')) return v;
  let node: unknown = document;
  for (const part of v['$ref'].slice(2).split('/')) {
    const key = decodePointer(part);
    node = isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
  }
  return node;
}

/** A JSON pointer segment: `~1` is `/`, `~0` is `~`. */
export function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The model a schema names with `$ref: '#/components/schemas/Pet'` or `'#/definitions/Pet'`. */
export function modelNameOfRef(schema: unknown): string | undefined {
  if (!isObject(schema) || typeof schema['$ref'] !== 'string') return undefined;
  const match = /^#\/(?:components\/schemas|definitions)\/([^/]+)$/.exec(schema['$ref']);
  return match ? decodePointer(match[1]!) : undefined;
}
