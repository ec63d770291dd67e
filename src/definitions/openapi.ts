/**
 * OpenAPI 3 and Swagger 2 documents with API Gateway's extensions — what `aws apigateway get-export`
 * produces and what `import-rest-api`, SAM `DefinitionBody` and CDK `SpecRestApi` take:
 * `x-amazon-apigateway-integration` per operation (its `responses` keyed by selection pattern, `default`
 * for the default response), `x-amazon-apigateway-any-method`, `x-amazon-apigateway-binary-media-types`.
 * Paths are taken as written (API Gateway's default `basepath=ignore`).
 */
import type { ApiDefinition, Integration, IntegrationResponse, MethodDefinition, MethodResponse, ModelSchema } from '../model/index.js';
import { setOwn } from '../own-property.js';
import { fail, isObject, requiredString, type Path, type Reader } from './fields.js';
import { CAMEL_CASE, readIntegration, readIntegrationResponse } from './integration-fields.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

export function isOpenApi(value: unknown): value is Record<string, unknown> {
  return isObject(value) && (typeof value['openapi'] === 'string' || value['swagger'] !== undefined) && isObject(value['paths']);
}

/** `responses` keyed by selection pattern, `default` for the default response. */
function integrationResponses(r: Reader, v: unknown, path: Path): IntegrationResponse[] {
  if (v === undefined || v === null) return [];
  if (!isObject(v)) fail(r, path, 'expected a map from selection pattern to response');
  return Object.entries(v).map(([pattern, response]) => readIntegrationResponse(r, response, [...path, pattern], CAMEL_CASE, { selectionPattern: pattern === 'default' ? null : pattern }));
}

/** `x-amazon-apigateway-integration` → the integration model. */
export function integrationFromExtension(r: Reader, v: unknown, path: Path): Integration {
  return readIntegration(r, v, path, CAMEL_CASE, (x) => integrationResponses(r, x['responses'], [...path, 'responses']));
}

/** The operation's `responses` (OpenAPI method responses); undefined when the operation declares none. */
function methodResponses(v: unknown): Record<string, MethodResponse> | undefined {
  if (!isObject(v) || Object.keys(v).length === 0) return undefined;
  const out: Record<string, MethodResponse> = {};
  for (const [code, response] of Object.entries(v)) {
    if (!/^[1-5]\d\d$/.test(code)) continue;
    const headers = isObject(response) && isObject(response['headers']) ? Object.keys(response['headers']) : [];
    out[code] = { statusCode: code, responseParameters: Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false])) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function resolveLocal(document: Record<string, unknown>, v: unknown): unknown {
  if (!isObject(v) || typeof v['$ref'] !== 'string' || !v['$ref'].startsWith('#/')) return v;
  let node: unknown = document;
  for (const part of v['$ref'].slice(2).split('/')) node = isObject(node) && Object.hasOwn(node, part) ? node[part] : undefined;
  return node;
}

/** Media type → request body schema: OpenAPI 3 `requestBody`, or a Swagger 2 `in: body` parameter. */
function requestModels(document: Record<string, unknown>, pathItem: Record<string, unknown>, operation: Record<string, unknown>): Record<string, ModelSchema> | undefined {
  const out: Record<string, ModelSchema> = {};
  const body = resolveLocal(document, operation['requestBody']);
  if (isObject(body) && isObject(body['content'])) {
    for (const [mediaType, content] of Object.entries(body['content'])) {
      if (isObject(content) && isObject(content['schema'])) setOwn(out, mediaType, content['schema']);
    }
  }
  const parameters = [...(Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : []), ...(Array.isArray(operation['parameters']) ? operation['parameters'] : [])];
  const bodyParameter = parameters.map((p) => resolveLocal(document, p)).find((p) => isObject(p) && p['in'] === 'body') as Record<string, unknown> | undefined;
  if (bodyParameter && isObject(bodyParameter['schema'])) {
    const consumes = Array.isArray(operation['consumes']) ? operation['consumes'] : Array.isArray(document['consumes']) ? document['consumes'] : ['application/json'];
    for (const mediaType of consumes) if (typeof mediaType === 'string') setOwn(out, mediaType, bodyParameter['schema'] as ModelSchema);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Named schemas `$ref`s may point at: OpenAPI 3 `components.schemas`, Swagger 2 `definitions`. */
function models(document: Record<string, unknown>): Record<string, ModelSchema> | undefined {
  const components = isObject(document['components']) ? document['components']['schemas'] : undefined;
  const found = isObject(components) ? components : isObject(document['definitions']) ? document['definitions'] : undefined;
  if (!found) return undefined;
  return Object.fromEntries(Object.entries(found).filter(([, s]) => isObject(s))) as Record<string, ModelSchema>;
}

function binaryMediaTypes(r: Reader, v: unknown, path: Path): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) fail(r, path, 'expected a list of media types');
  return v.map((t, i) => requiredString(r, t, [...path, i]));
}

/**
 * Reads an OpenAPI 3 / Swagger 2 document with API Gateway extensions. Operations without an
 * `x-amazon-apigateway-integration` are left out (API Gateway's import rejects them unless told to ignore).
 * @throws DefinitionError naming the path (and line) of a bad value
 */
export function fromOpenApi(document: unknown, reader: Reader = {}, base: Path = []): ApiDefinition {
  if (!isOpenApi(document)) fail(reader, base, 'not an OpenAPI 3 or Swagger 2 document (no openapi/swagger version or no paths)');
  const methods: MethodDefinition[] = [];
  const paths = document['paths'] as Record<string, unknown>;
  for (const [resourcePath, item] of Object.entries(paths)) {
    const at: Path = [...base, 'paths', resourcePath];
    if (!resourcePath.startsWith('/')) fail(reader, at, 'a path must start with /');
    if (!isObject(item)) fail(reader, at, 'expected a path item object');
    for (const [key, operation] of Object.entries(item)) {
      const lower = key.toLowerCase();
      const httpMethod = lower === 'x-amazon-apigateway-any-method' ? 'ANY' : HTTP_METHODS.includes(lower) ? lower.toUpperCase() : undefined;
      if (!httpMethod || !isObject(operation)) continue;
      const extension = operation['x-amazon-apigateway-integration'];
      if (extension === undefined) continue;
      methods.push({
        httpMethod,
        resourcePath,
        integration: integrationFromExtension(reader, extension, [...at, key, 'x-amazon-apigateway-integration']),
        methodResponses: methodResponses(operation['responses']),
        requestModels: requestModels(document, item, operation),
        source: `${reader.doc?.file ? `${reader.doc.file} ` : ''}paths.${resourcePath}.${key}`,
      });
    }
  }
  const info = isObject(document['info']) ? document['info'] : {};
  return {
    title: typeof info['title'] === 'string' ? info['title'] : undefined,
    methods,
    binaryMediaTypes: binaryMediaTypes(reader, document['x-amazon-apigateway-binary-media-types'], [...base, 'x-amazon-apigateway-binary-media-types']),
    models: models(document),
  };
}
