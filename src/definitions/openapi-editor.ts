/**
 * Changing an OpenAPI document the way SAM does (adding operations, security, CORS preflights,
 * validators, gateway responses, models, a policy) without touching the document it was given: every
 * object on the way to a change is copied first.
 */
import { setOwn } from '../own-property.js';
import { isObject } from './fields.js';
import { httpMethodOfKey, isOpenApi3 } from './openapi-document.js';

export type JsonObject = Record<string, unknown>;

/** A writable copy of `parent[key]` as an object (a new one when it is missing or not an object). */
function ownCopy(parent: JsonObject, key: string): JsonObject {
  const current = Object.hasOwn(parent, key) ? parent[key] : undefined;
  const copy: JsonObject = isObject(current) ? { ...current } : {};
  setOwn<unknown>(parent, key, copy);
  return copy;
}

export class OpenApiEditor {
  readonly document: JsonObject;
  private readonly copied = new Set<object>();

  constructor(original: JsonObject) {
    this.document = { ...original };
    this.writable(this.document, 'paths');
  }

  /** `parent[key]`, copied once so it can be changed. */
  private writable(parent: JsonObject, key: string): JsonObject {
    const current = Object.hasOwn(parent, key) ? parent[key] : undefined;
    if (isObject(current) && this.copied.has(current)) return current;
    const copy = ownCopy(parent, key);
    this.copied.add(copy);
    return copy;
  }

  get paths(): JsonObject {
    return this.document['paths'] as JsonObject;
  }

  get openApi3(): boolean {
    return isOpenApi3(this.document);
  }

  pathItem(path: string): JsonObject {
    return this.writable(this.paths, path);
  }

  operation(path: string, key: string): JsonObject {
    return this.writable(this.pathItem(path), key);
  }

  /** The operation's integration extension, writable. */
  integration(path: string, key: string): JsonObject {
    return this.writable(this.operation(path, key), 'x-amazon-apigateway-integration');
  }

  hasOperation(path: string, key: string): boolean {
    const item = Object.hasOwn(this.paths, path) ? this.paths[path] : undefined;
    return isObject(item) && Object.hasOwn(item, key);
  }

  /** Every operation with an API Gateway integration (the ones API Gateway creates methods for). */
  *operations(path?: string): Generator<[string, string, JsonObject]> {
    for (const [p, item] of Object.entries(this.paths)) {
      if ((path !== undefined && p !== path) || !isObject(item)) continue;
      for (const [key, op] of Object.entries(item)) {
        if (httpMethodOfKey(key) && isObject(op) && op['x-amazon-apigateway-integration'] !== undefined) yield [p, key, op];
      }
    }
  }

  /** The security schemes map of the document's version, writable. */
  securitySchemes(): JsonObject {
    if (this.openApi3) return this.writable(this.writable(this.document, 'components'), 'securitySchemes');
    return this.writable(this.document, 'securityDefinitions');
  }

  /** The named schemas map of the document's version, writable. */
  schemas(): JsonObject {
    if (this.openApi3) return this.writable(this.writable(this.document, 'components'), 'schemas');
    return this.writable(this.document, 'definitions');
  }

  /** A root-level extension map (validators, gateway responses, policy), writable. */
  extension(name: string): JsonObject {
    return this.writable(this.document, name);
  }
}
