/** Entry points that turn a definition file, text or object into a runnable {@link Api}. */
import { loadApiDefinition, parseApiDefinition, type DefinitionOptions } from '../definitions/load.js';
import type { ApiDefinition } from '../integration/model.js';
import { Api, type ApiOptions } from './api.js';

export interface LoadApiOptions extends ApiOptions, DefinitionOptions {}

function split(options: LoadApiOptions): [DefinitionOptions, ApiOptions] {
  const { api, parameters, ...rest } = options;
  return [{ api, parameters }, rest];
}

/**
 * Loads an API from an OpenAPI / Swagger file, a CloudFormation or SAM template, or get-resources output.
 *
 * ```ts
 * const api = loadApi('openapi.yaml', { backend: { lambda: handler } });
 * const response = await api.invoke({ httpMethod: 'GET', path: '/pets/1' });
 * ```
 * @throws DefinitionError naming the file, path and line of a problem in the definition
 */
export function loadApi(file: string, options: LoadApiOptions = {}): Api {
  const [definitionOptions, apiOptions] = split(options);
  return new Api(loadApiDefinition(file, definitionOptions), apiOptions);
}

/** Like {@link loadApi}, from JSON/YAML text, a parsed document, or an {@link ApiDefinition}. */
export function createApi(source: string | object | ApiDefinition, options: LoadApiOptions = {}): Api {
  const [definitionOptions, apiOptions] = split(options);
  const definition = isDefinition(source) ? source : parseApiDefinition(source, definitionOptions);
  return new Api(definition, apiOptions);
}

function isDefinition(v: unknown): v is ApiDefinition {
  return typeof v === 'object' && v !== null && Array.isArray((v as ApiDefinition).methods);
}
