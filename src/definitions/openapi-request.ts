/**
 * An operation's method request as API Gateway imports it: its parameters (`method.request.path|
 * querystring|header.<name>` → required; path parameters always are) and its request models (OpenAPI 3
 * `requestBody`, a Swagger 2 `in: body` parameter), with the names of the models they `$ref`.
 */
import type { ModelSchema } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { isObject, requiredString, type Path, type Reader } from './fields.js';
import { modelNameOfRef, resolveLocal } from './openapi-document.js';

const LOCATIONS: Record<string, string> = { path: 'path', query: 'querystring', header: 'header' };

type Parameter = Record<string, unknown>;

/** The parts of an operation a method request is read from; paths are relative to the path item. */
export interface OperationInDocument {
  document: Record<string, unknown>;
  pathItem: Record<string, unknown>;
  operation: Record<string, unknown>;
  key: string;
}

/** Path-item parameters, overridden by the operation's own of the same name and place. */
function parameters({ document, pathItem, operation, key }: OperationInDocument): [Parameter, Path][] {
  const found = new Map<string, [Parameter, Path]>();
  const add = (list: unknown, at: Path) => {
    if (!Array.isArray(list)) return;
    list.forEach((p, i) => {
      const parameter = resolveLocal(document, p);
      if (!isObject(parameter)) return;
      found.set(`${String(parameter['in'])} ${String(parameter['name'])}`, [parameter, [...at, i]]);
    });
  };
  add(pathItem['parameters'], ['parameters']);
  add(operation['parameters'], [key, 'parameters']);
  return [...found.values()];
}

/**
 * `method.request.<place>.<name>` → required, or undefined when there are none; `path` is the path
 * item's. API Gateway's import adds the path template's parameters (`{id}`, `{proxy+}`) whether the
 * operation declares them or not.
 */
export function requestParameters(r: Reader, op: OperationInDocument, resourcePath: string, path: Path): Record<string, boolean> | undefined {
  const out: Record<string, boolean> = {};
  for (const [, name] of resourcePath.matchAll(/\{([^{}]+?)\+?\}/g)) setOwn(out, `method.request.path.${name}`, true);
  for (const [parameter, at] of parameters(op)) {
    const place = typeof parameter['in'] === 'string' && Object.hasOwn(LOCATIONS, parameter['in']) ? LOCATIONS[parameter['in']] : undefined;
    if (place === undefined) continue;
    const name = requiredString(r, parameter['name'], [...path, ...at, 'name']);
    setOwn(out, `method.request.${place}.${name}`, place === 'path' || parameter['required'] === true);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

interface RequestModels {
  schemas?: Record<string, ModelSchema>;
  names?: Record<string, string>;
}

/** Media type → request body schema (and the model it names): `requestBody`, or a Swagger 2 `in: body` parameter. */
export function requestModels(op: OperationInDocument): RequestModels {
  const { document, operation } = op;
  const schemas: Record<string, ModelSchema> = {};
  const names: Record<string, string> = {};
  const add = (mediaType: string, schema: unknown) => {
    if (!isObject(schema)) return;
    setOwn(schemas, mediaType, schema);
    const name = modelNameOfRef(schema);
    if (name !== undefined) setOwn(names, mediaType, name);
  };
  const body = resolveLocal(document, operation['requestBody']);
  if (isObject(body) && isObject(body['content'])) {
    for (const [mediaType, content] of Object.entries(body['content'])) if (isObject(content)) add(mediaType, content['schema']);
  }
  const bodyParameter = parameters(op).find(([p]) => p['in'] === 'body')?.[0];
  if (bodyParameter && isObject(bodyParameter['schema'])) {
    const consumes = Array.isArray(operation['consumes']) ? operation['consumes'] : Array.isArray(document['consumes']) ? document['consumes'] : ['application/json'];
    for (const mediaType of consumes) if (typeof mediaType === 'string') add(mediaType, bodyParameter['schema']);
  }
  return {
    schemas: Object.keys(schemas).length > 0 ? schemas : undefined,
    names: Object.keys(names).length > 0 ? names : undefined,
  };
}
