/**
 * API Gateway's own resource format: the output of `aws apigateway get-resources --embed methods`
 * (`items[].resourceMethods.<METHOD>.methodIntegration`), field names exactly as the REST API returns them.
 */
import type { ApiDefinition, Integration, MethodDefinition, MethodResponse } from '../model/index.js';
import { fail, isObject, requiredString, statusCode, type Path, type Reader } from './fields.js';
import { CAMEL_CASE, readIntegration, readIntegrationResponse } from './integration-fields.js';

export function isRestApiResources(value: unknown): value is { items: unknown[] } {
  return isObject(value) && Array.isArray(value['items']) && value['items'].some((i) => isObject(i) && 'path' in i && ('resourceMethods' in i || 'id' in i));
}

/** `integrationResponses` keyed by status code. */
function integration(r: Reader, v: unknown, path: Path): Integration {
  return readIntegration(r, v, path, CAMEL_CASE, (x) => {
    const responses = x['integrationResponses'];
    const at = [...path, 'integrationResponses'];
    if (responses === undefined || responses === null) return [];
    if (!isObject(responses)) fail(r, at, 'expected a map from status code to integration response');
    return Object.entries(responses).map(([code, response]) => readIntegrationResponse(r, response, [...at, code], CAMEL_CASE, { statusCode: code }));
  });
}

function methodResponses(r: Reader, v: unknown, path: Path): Record<string, MethodResponse> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, MethodResponse> = {};
  for (const [code, response] of Object.entries(v)) {
    const status = statusCode(r, code, [...path, code]);
    const params = isObject(response) && isObject(response['responseParameters']) ? response['responseParameters'] : {};
    out[status] = { statusCode: status, responseParameters: Object.fromEntries(Object.entries(params).map(([k, x]) => [k, x === true])) };
  }
  return out;
}

/** @throws DefinitionError naming the path (and line) of a bad value */
export function fromRestApiResources(document: unknown, reader: Reader = {}): ApiDefinition {
  if (!isRestApiResources(document)) fail(reader, [], 'not a get-resources document (no items with path and resourceMethods)');
  const methods: MethodDefinition[] = [];
  document.items.forEach((item, i) => {
    if (!isObject(item)) return;
    const resourcePath = requiredString(reader, item['path'], ['items', i, 'path']);
    const resourceMethods = item['resourceMethods'];
    if (!isObject(resourceMethods)) return;
    for (const [httpMethod, method] of Object.entries(resourceMethods)) {
      const at: Path = ['items', i, 'resourceMethods', httpMethod];
      if (!isObject(method) || method['methodIntegration'] === undefined) continue;
      methods.push({
        httpMethod: httpMethod.toUpperCase(),
        resourcePath,
        integration: integration(reader, method['methodIntegration'], [...at, 'methodIntegration']),
        methodResponses: methodResponses(reader, method['methodResponses'], [...at, 'methodResponses']),
        source: `${reader.doc?.file ? `${reader.doc.file} ` : ''}items[${i}] ${httpMethod} ${resourcePath}`,
      });
    }
  });
  return { methods };
}
